// The trampfd calls (trampfd RFC v2, SEMANTICS §11, docs/conventions.md "Trampoline fd"):
//   trampfd_create: EINVAL info NULL | EFAULT copying trampfd_info out (page by page) |
//     EMFILE table full;
//   trampfd_write_code / _data (pwrite at TRAMPFD_CODE / TRAMPFD_DATA): EBADF | EEXIST
//     already written | EINVAL bad register, ntrampolines 0 or > 102; a table of 0 is the
//     NULL pointer the RFC stores: the descriptor stays unset;
//   close: EBADF;
//   mmap of a trampfd in do_mmap's order: EINVAL off unaligned | EBADF | EINVAL MAP_HUGETLB |
//     EINVAL len 0 | ENOMEM len wraps, map_count | (exec-only pkey) | ENOMEM len > TASK_SIZE |
//     trampfd_get_unmapped_area EINVAL off != 4096, flags != MAP_PRIVATE, len != 1 page |
//     ENOMEM placement | trampfd_mmap: EINVAL not the creator, descriptor missing | EEXIST
//     mapped (until a close of any VMA of the file) | EINVAL prot not exactly R-X;
//   exec of trampoline X whose 40 bytes are unchanged: the fetch, then code_table[X] and
//     data_table[X] read as `read` does, now (the tables are read at execution time) →
//     `jump TARGET DATA`.
// The whole family is ENOSYS under the 6.10 profile.

import { MAP, PROT, TRAMPFD } from '../abi/constants.js';
import { err, jump, type Result } from '../abi/result.js';
import { VMF } from '../abi/vmflags.js';
import { load, N, pagesAt, u32, wrapsAt } from './args.js';
import { translate, WRITE } from './fault.js';
import { ZERO_FRAME } from './frames.js';
import { fdAlloc, fdClose, fdGet } from './fdtable.js';
import { PAGE, TASK_PAGES, TASK_SIZE_B, type Kernel, type Proc } from './kernel.js';
import { execOnlyPkey } from './pkeys.js';
import * as pte from './pte.js';
import { slotBytes, validReg, type TrampFd } from './trampfd.js';
import { getUnmappedArea } from './unmapped.js';
import { withPkey, withProt } from './vma.js';

const EINVAL = err('EINVAL');
const EBADF = err('EBADF');
const EEXIST = err('EEXIST');
const EFAULT = err('EFAULT');
const ENOMEM = err('ENOMEM');
const ENOSYS = err('ENOSYS');
const U64 = 0xffffffffffffffffn;
/** struct trampfd_info {ntrampolines, code_size, code_offset, reserved} as two little-endian words. */
const INFO_LO = [TRAMPFD.NTRAMPOLINES, TRAMPFD.CODE_OFFSET];
const INFO_HI = [TRAMPFD.CODE_SIZE, 0];

const on = (k: Kernel): boolean => k.profile !== '6.10';

/** trampfd_create(info): copy trampfd_info to the caller, then allocate the fd. */
export function trampfdCreate(k: Kernel, mm: Proc, infoR: bigint): Result {
  if (!on(k)) return ENOSYS;
  if (infoR === 0n) return EINVAL;
  if (!copyInfo(k, mm, infoR)) return EFAULT;
  const id = k.tfd.create(mm.pid);
  const fd = fdAlloc(mm, id);
  if (fd < 0) return err('EMFILE');
  return BigInt(fd);
}

/** copy_to_user of the 16-byte struct, page by page as writes; false on a fault (earlier pages stay written). */
function copyInfo(k: Kernel, mm: Proc, infoR: bigint): boolean {
  if (infoR >= 1n << 47n) return false; // access_ok
  const start = Number(infoR);
  const fr = k.fr;
  let i = 0;
  while (i < 16) {
    const vpn = Math.floor((start + i) / PAGE);
    if (vpn >= TASK_PAGES) return false; // nothing can be mapped there
    const f = translate(k, mm, vpn, WRITE);
    if (typeof f === 'string') return false;
    for (let off = (start + i) % PAGE; i < 16 && off < PAGE; off++, i++) {
      const w = i >> 3;
      const b = i & 7;
      const v = b < 4 ? (INFO_LO[w] >>> (8 * b)) & 0xff : (INFO_HI[w] >>> (8 * (b - 4))) & 0xff;
      fr.setByte(f, off, v);
    }
  }
  return true;
}

/** pwrite(fd, &trampfd_code, sizeof, TRAMPFD_CODE). */
export function trampfdWriteCode(k: Kernel, mm: Proc, a: readonly bigint[]): Result {
  if (!on(k)) return ENOSYS;
  const id = fdGet(mm, u32(a[0]));
  if (!id) return EBADF;
  const t = k.tfd.get(id);
  if (t.codeSet) return EEXIST;
  const n = u32(a[1]);
  const reg = u32(a[2]);
  if (!validReg(reg) || n === 0 || n > TRAMPFD.NTRAMPOLINES) return EINVAL;
  // trampfd->code = (void *) code.table: "set" is a table pointer other than NULL
  t.codeSet = a[3] !== 0n;
  t.codeN = n;
  t.codeReg = reg;
  t.codeTable = a[3];
  return 0n;
}

/** pwrite(fd, &trampfd_data, sizeof, TRAMPFD_DATA) (reserved is always 0 here). */
export function trampfdWriteData(k: Kernel, mm: Proc, a: readonly bigint[]): Result {
  if (!on(k)) return ENOSYS;
  const id = fdGet(mm, u32(a[0]));
  if (!id) return EBADF;
  const t = k.tfd.get(id);
  if (t.dataSet) return EEXIST;
  const reg = u32(a[1]);
  if (!validReg(reg)) return EINVAL;
  t.dataSet = a[2] !== 0n; // trampfd->data = (void *) data.table
  t.dataReg = reg;
  t.dataTable = a[2];
  return 0n;
}

/** close(): any open descriptor, stdio included (both profiles). */
export function sysClose(mm: Proc, fdR: bigint): Result {
  return fdClose(mm, u32(fdR)) ? 0n : EBADF;
}

/**
 * mmap of a file: the only files are trampfds. Called after the offset alignment check
 * (sys_mmap), with flags lacking MAP_ANONYMOUS.
 */
export function mmapTrampfd(k: Kernel, mm: Proc, a: readonly bigint[]): Result {
  const id = on(k) ? fdGet(mm, u32(a[4])) : 0;
  if (!id) return EBADF; // fget()
  load(a);
  let flags = Number(a[3] & 0xffffffffn);
  if (flags & MAP.HUGETLB) return EINVAL; // not a hugetlbfs file
  if (N[1] === 0) return EINVAL;
  if (flags & MAP.FIXED_NOREPLACE) flags |= MAP.FIXED;
  let addr = N[0];
  if (!(flags & MAP.FIXED)) {
    // round_hint_to_min()
    addr -= addr % PAGE;
    if (addr !== 0 && addr < k.minAddr * PAGE) addr = k.minAddr * PAGE;
  }
  if (wrapsAt(1)) return ENOMEM;
  if (mm.mapCount > k.maxMapCount) return ENOMEM;
  let pkey = 0;
  if (N[2] === PROT.EXEC) pkey = Math.max(0, execOnlyPkey(k, mm));
  const len = pagesAt(1) * PAGE;
  if (len > TASK_SIZE_B) return ENOMEM; // __get_unmapped_area
  // trampfd_get_unmapped_area(): one page at TRAMPFD_CODE_PGOFF, MAP_PRIVATE and nothing else
  if (a[5] !== BigInt(TRAMPFD.CODE_OFFSET) || a[3] !== BigInt(MAP.PRIVATE) || len !== PAGE) return EINVAL;
  const res = getUnmappedArea(k, mm, addr, len, MAP.PRIVATE, true);
  if (typeof res === 'string') return err(res as 'ENOMEM');
  // trampfd_mmap()
  const t = k.tfd.get(id);
  if (t.creator !== mm.pid) return EINVAL;
  if (!t.codeSet || !t.dataSet) return EINVAL;
  const prot = Number(a[2] & 0xffffffffn);
  const badProt = prot & PROT.WRITE || (prot & (PROT.READ | PROT.EXEC)) !== (PROT.READ | PROT.EXEC);
  if (t.mapped) return EEXIST; // trampfd->mapped, cleared by the close of any VMA of the file
  if (badProt) return EINVAL;
  t.mapped = true;
  const vs = res / PAGE;
  // R-X (VM_MAYWRITE kept: mprotect may add PROT_WRITE), VM_DONTEXPAND (implied by VMF.TRAMPFD), pgoff TRAMPFD_CODE_PGOFF
  const fl = (withPkey(withProt(0, PROT.READ | PROT.EXEC), pkey) | VMF.TRAMPFD) >>> 0;
  k.addVma(mm, vs, vs + 1, TRAMPFD.CODE_OFFSET / PAGE, fl, 0, 0, 0, id);
  return BigInt(res);
}

/**
 * exec(addr) after its fetch succeeded: the `jump` of the trampoline at addr, or null when
 * addr does not start a trampoline of a trampfd page. read: the machine's 8-byte user read.
 */
export function execTrampoline(k: Kernel, mm: Proc, addr: number, read: (at: bigint) => Result): Result | null {
  const vpn = Math.floor(addr / PAGE);
  const r = mm.tree.find(vpn);
  if (r < 0) return null;
  const id = k.vp.tfd[r];
  if (!id) return null;
  const t = k.tfd.get(id);
  const off = addr - vpn * PAGE;
  if (off % TRAMPFD.CODE_SIZE !== 0) return null;
  const x = off / TRAMPFD.CODE_SIZE;
  if (x >= t.codeN || !slotIntact(k, mm, vpn, t, x, off)) return null;
  const target = read((t.codeTable + BigInt(8 * x)) & U64);
  if (typeof target === 'string') return target;
  const data = read((t.dataTable + BigInt(8 * x)) & U64);
  if (typeof data === 'string') return data;
  // `jmp *%creg` after both loads: with one register for code and data it holds the data
  return jump(t.codeReg === t.dataReg ? data : target, data);
}

/**
 * The 40 bytes of slot X at page offset off are still trampfd_code_fill's (the trampfd's page,
 * or a private copy a write fault made, unchanged there): only then does the CPU run the
 * trampoline. The exec that got here faulted the page in, so the PTE is present.
 */
function slotIntact(k: Kernel, mm: Proc, vpn: number, t: TrampFd, x: number, off: number): boolean {
  const s = k.pt.slot(mm.pgd, vpn);
  const f = pte.pfnOf(k.pt.L[2 * s], k.pt.L[2 * s + 1]);
  const want = new Uint8Array(TRAMPFD.CODE_SIZE);
  slotBytes(t, x, want, 0);
  const dv = new DataView(want.buffer);
  for (let i = 0; i < TRAMPFD.CODE_SIZE / 8; i++) {
    const w = off / 8 + i;
    const lo = f === ZERO_FRAME ? 0 : k.fr.wordLo(f, w);
    const hi = f === ZERO_FRAME ? 0 : k.fr.wordHi(f, w);
    if (lo !== dv.getUint32(8 * i, true) || hi !== dv.getUint32(8 * i + 4, true)) return false;
  }
  return true;
}
