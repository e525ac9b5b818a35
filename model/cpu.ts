// CPU actions on memory (docs/conventions.md "Running ops") and the x86 user page
// fault path (arch/x86/mm/fault.c: do_user_addr_fault, access_error,
// bad_area_access_error).
//
// read(addr) / write(addr, v): an 8-byte little-endian word at any alignment; a word
//   spanning two pages translates the lower page, then the upper; if either faults
//   nothing is written. exec(addr): an instruction fetch of the page; returns 0.
// Translation of one page = the hardware check of the PTE, else a #PF handled by
//   the kernel (which may fix the PTE: the access is then retried):
//   non-canonical address                           -> SIGSEGV SI_KERNEL (#GP)
//   kernel half, no VMA, failed stack growth         -> SIGSEGV SEGV_MAPERR
//   PKRU denies the data access to the VMA's key     -> SIGSEGV SEGV_PKUERR
//   VMA forbids the access (write !VM_WRITE, fetch from NX, any access to PROT_NONE)
//                                                    -> SIGSEGV SEGV_ACCERR
//   guard marker                                     -> SIGSEGV SEGV_MAPERR
//   shmem page beyond the object's size              -> SIGBUS BUS_ADRERR
// A successful access sets A, and D for a write (hardware).
// wrpkru(v): PKRU = low 32 bits; #UD (SIGILL ILL_ILLOPN) without PKU.
//
// Shadow-stack accesses (SEMANTICS §10.6, §10.10; the instructions are in shstk-insn.ts):
// the hardware allows them only on a shadow-stack PTE (P=1 RW=0 D=1, US=1), checking
// PKRU access-disable only (Intel SDM 4.6.2: write-disable does not apply); anything else
// is a #PF with the SS bit, which the kernel handles as a write fault. The fault's W bit
// is the access's own (a store: CALL, WRSS, RSTORSSP, SAVEPREVSSP's push, WRUSS; a load:
// RET, INCSSP, SAVEPREVSSP's pop), and access_error tests PKRU with it, so a
// write-disabled key refuses a faulting shadow-stack store (SEGV_PKUERR).

import { fault, PROT, u32, VMF } from '../abi/index.js';
import { expandDownwards, handleMmFault } from './fault.js';
import { hit, pageOf, type Kernel, type Process, type Pte, type Vma } from './mm.js';
import { pkruAllowsPkey, vmaAccessPermitted } from './pkeys.js';
import { pteShstk } from './pte.js';
import { frameAt, leafEntry } from './thp.js';
import { findVma, vmaIsAccessible, vmaLookup } from './vma.js';

/** A data read or write, an instruction fetch, or a shadow-stack load or store. */
export type Access = 'read' | 'write' | 'exec' | 'ss-load' | 'ss-store';

function isShadowStackAccess(access: Access): boolean {
  return access === 'ss-load' || access === 'ss-store';
}

/** The W bit of the #PF error code: a write or a shadow-stack store. */
function pfWrite(access: Access): boolean {
  return access === 'write' || access === 'ss-store';
}

/** The canonical result of a failed access (a fault string). */
type Fault = string;

const CANONICAL_LOW_END = 1n << 47n;
const CANONICAL_HIGH_START = 0xffff800000000000n;

/** x86-64 4-level paging: bits 63..47 must all be equal, else #GP. */
export function isCanonical(addr: bigint): boolean {
  return addr < CANONICAL_LOW_END || addr >= CANONICAL_HIGH_START;
}

/** The hardware permission check of a present PTE for a user access (SDM 4.6, 4.6.2 for PKRU). */
function hardwareAllows(k: Kernel, p: Process, pte: Pte, access: Access): { ok: boolean; pk: boolean } {
  if (pte.guard || !pte.present || !pte.user) return { ok: false, pk: false };
  if (access === 'exec') return { ok: !pte.nx, pk: false };
  if (isShadowStackAccess(access)) {
    // Intel SDM 4.6.2: shadow-stack accesses are subject to PKRU access-disable only
    const pk = k.cfg.pku && !pkruAllowsPkey(p.pkru, pte.pkey, false);
    if (pk) return { ok: false, pk: true };
    // a shadow-stack access needs a shadow-stack page: P=1 (tested above), RW=0, Dirty=1
    return { ok: pteShstk(pte), pk: false };
  }
  // pkeys apply to data accesses only; PK is reported whenever PKRU denies
  const pk = k.cfg.pku && !pkruAllowsPkey(p.pkru, pte.pkey, access === 'write');
  if (pk) return { ok: false, pk: true };
  if (access === 'write' && !pte.rw) return { ok: false, pk: false };
  return { ok: true, pk: false };
}

/**
 * Translate the page holding addr for one access, handling faults like the kernel.
 * Returns null on success (A/D updated) or the fault text.
 */
export function translate(k: Kernel, p: Process, addr: bigint, access: Access): Fault | null {
  const mm = p.mm;
  // the kernel resolves a fault in one pass; the retry loop is the CPU re-executing the access
  for (let attempt = 0; attempt < 4; attempt++) {
    // the leaf the page walk ends at: a huge PMD's entry (its A/D bits are the PMD's) or the PTE
    const pte = leafEntry(mm, pageOf(addr));
    if (pte) {
      const hw = hardwareAllows(k, p, pte, access);
      if (hw.ok) {
        // hardware sets Accessed on any access, Dirty on a write
        pte.accessed = true;
        if (access === 'write') pte.dirty = true;
        return null;
      }
      const r = doUserAddrFault(k, p, addr, access, { present: pte.present, pk: hw.pk });
      if (r) return r;
    } else {
      const r = doUserAddrFault(k, p, addr, access, { present: false, pk: false });
      if (r) return r;
    }
  }
  throw new Error(`model: fault at ${addr.toString(16)} not resolved`);
}

/** arch/x86/mm/fault.c: do_user_addr_fault. Returns null when the fault was fixed. */
function doUserAddrFault(k: Kernel, p: Process, addr: bigint, access: Access, err: { present: boolean; pk: boolean }): Fault | null {
  const mm = p.mm;
  // arch/x86/mm/fault.c: fault_in_kernel_space — user access to the kernel half
  if (addr >= CANONICAL_HIGH_START) {
    hit(k, 'fault:kernel-addr');
    return fault('SIGSEGV', 'SEGV_MAPERR');
  }
  // mm/mmap.c: lock_mm_and_find_vma — find_vma, else grow a VM_GROWSDOWN VMA above
  let vma = vmaLookup(mm, addr);
  if (!vma) {
    const next = findVma(mm, addr);
    if (!next || !(next.flags & VMF.GROWSDOWN)) {
      hit(k, 'fault:no-vma');
      return fault('SIGSEGV', 'SEGV_MAPERR');
    }
    if (!expandDownwards(k, p, next, addr)) return fault('SIGSEGV', 'SEGV_MAPERR');
    vma = next;
  }
  // arch/x86/mm/fault.c: access_error
  if (accessError(k, p, vma, access, err)) {
    // arch/x86/mm/fault.c: bad_area_access_error — pkey denial wins over a plain prot violation
    if (k.cfg.pku && (err.pk || !vmaAccessPermitted(k, p, vma.pkey, pfWrite(access), access === 'exec'))) {
      hit(k, isShadowStackAccess(access) ? 'fault:PKUERR-shstk' : 'fault:PKUERR');
      return fault('SIGSEGV', 'SEGV_PKUERR');
    }
    hit(k, `fault:ACCERR-${access}`);
    return fault('SIGSEGV', 'SEGV_ACCERR');
  }
  // arch/x86/mm/fault.c: do_user_addr_fault — X86_PF_SHSTK: treat all shadow-stack accesses as WRITE faults
  const r = handleMmFault(k, p, vma, addr, access === 'write' || isShadowStackAccess(access));
  if (r === 'SIGSEGV') return fault('SIGSEGV', 'SEGV_MAPERR');
  if (r === 'SIGBUS') return fault('SIGBUS', 'BUS_ADRERR');
  return null;
}

/** arch/x86/mm/fault.c: access_error. */
function accessError(k: Kernel, p: Process, vma: Vma, access: Access, err: { present: boolean; pk: boolean }): boolean {
  // arch/x86/mm/fault.c: access_error — blocked by protection keys
  if (err.pk) return true;
  // arch/x86/mm/fault.c: access_error — check the VMA's key before faulting pages in (X86_PF_WRITE as the fault reports it)
  if (!vmaAccessPermitted(k, p, vma.pkey, pfWrite(access), access === 'exec')) return true;
  // arch/x86/mm/fault.c: access_error — shadow stack accesses are only permitted to shadow stack VMAs (with VM_WRITE)
  if (isShadowStackAccess(access)) {
    if (!(vma.flags & VMF.SHADOW_STACK)) return true;
    return (vma.prot & PROT.WRITE) === 0;
  }
  if (access === 'write') {
    // arch/x86/mm/fault.c: access_error — normal writes to a shadow stack always fail
    if (vma.flags & VMF.SHADOW_STACK) return true;
    return (vma.prot & PROT.WRITE) === 0;
  }
  // arch/x86/mm/fault.c: access_error — read (or fetch) on a present page: protection violation
  if (err.present) return true;
  // arch/x86/mm/fault.c: access_error — read, not present: the VMA must be accessible
  return !vmaIsAccessible(vma);
}

/** Both pages an 8-byte access at addr touches (one when it does not cross a page). */
export function pagesOf(addr: bigint): bigint[] {
  const last = (addr + 7n) & ((1n << 64n) - 1n);
  return (addr >> 12n) === (last >> 12n) ? [addr] : [addr, last & ~0xfffn];
}

/** #GP for a non-canonical access, checked for the whole access before paging. */
export function canonicalFault(k: Kernel, addrs: readonly bigint[]): Fault | null {
  for (const a of addrs) {
    if (!isCanonical(a)) {
      hit(k, 'fault:noncanonical');
      return fault('SIGSEGV', 'SI_KERNEL');
    }
  }
  return null;
}

function byteAt(p: Process, addr: bigint): number {
  const data = frameAt(p.mm, pageOf(addr))?.data;
  return data ? data[Number(addr & 0xfffn)] : 0;
}

/** The little-endian word of `n` bytes at addr, whose pages were translated. */
export function loadBytes(p: Process, addr: bigint, n: number): bigint {
  let v = 0n;
  for (let i = n - 1; i >= 0; i--) v = (v << 8n) | BigInt(byteAt(p, (addr + BigInt(i)) & ((1n << 64n) - 1n)));
  return v;
}

/** Store the low `n` bytes of value at addr (little-endian), whose pages were translated for a store. */
export function storeBytes(p: Process, addr: bigint, value: bigint, n: number): void {
  for (let i = 0; i < n; i++) {
    const a = (addr + BigInt(i)) & ((1n << 64n) - 1n);
    const frame = frameAt(p.mm, pageOf(a))!;
    if (!frame.data) frame.data = new Uint8Array(4096);
    frame.data[Number(a & 0xfffn)] = Number((value >> BigInt(8 * i)) & 0xffn);
  }
}

/** read(addr): the 8-byte little-endian word. */
export function cpuRead(k: Kernel, p: Process, addr: bigint): bigint | Fault {
  const pages = pagesOf(addr);
  const gp = canonicalFault(k, pages);
  if (gp) return gp;
  for (const a of pages) {
    const f = translate(k, p, a, 'read');
    if (f) return f;
  }
  return loadBytes(p, addr, 8);
}

/** write(addr, value): store the 8-byte little-endian word; returns 0. */
export function cpuWrite(k: Kernel, p: Process, addr: bigint, value: bigint): bigint | Fault {
  const pages = pagesOf(addr);
  const gp = canonicalFault(k, pages);
  if (gp) return gp;
  for (const a of pages) {
    const f = translate(k, p, a, 'write');
    if (f) return f;
  }
  storeBytes(p, addr, value, 8);
  return 0n;
}

/** exec(addr): an instruction fetch from the page of addr; returns 0. */
export function cpuExec(k: Kernel, p: Process, addr: bigint): bigint | Fault {
  const gp = canonicalFault(k, [addr]);
  if (gp) return gp;
  const f = translate(k, p, addr, 'exec');
  return f ?? 0n;
}

/** WRPKRU: PKRU := low 32 bits; #UD without OSPKE. */
export function cpuWrpkru(k: Kernel, p: Process, value: bigint): bigint | Fault {
  if (!k.cfg.pku) {
    hit(k, 'wrpkru:UD');
    return fault('SIGILL', 'ILL_ILLOPN');
  }
  hit(k, 'wrpkru:ok');
  p.pkru = u32(value);
  return 0n;
}
