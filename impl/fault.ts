// CPU accesses and page faults (arch/x86/mm/fault.c do_user_addr_fault + access_error,
// mm/memory.c handle_mm_fault): hardware permission check on a present PTE (US, RW, NX,
// PKRU AD/WD for data accesses), else #PF → VMA lookup (growsdown expansion), access_error,
// then the fault: zero page / new anon page / shmem page (+ fault-around) / trampfd page,
// COW copy or reuse by reference count, guard marker → SEGV_MAPERR. Shadow-stack accesses
// (SEMANTICS §10.6) need a shadow-stack PTE (P=1 RW=0 D=1), else fault as writes that only a
// VM_SHADOW_STACK|VM_WRITE VMA resolves, into a shadow-stack PTE (pte_mkwrite(pte, vma)).
// Also the GUP-style fault-in used by MAP_POPULATE, mlock and MADV_POPULATE_*.

import { fault } from '../abi/result.js';
import { VMF } from '../abi/vmflags.js';
import { F_DIRTY, F_EXCL, F_FILE, F_SHMEM, ZERO_FRAME } from './frames.js';
import type { Kernel, Proc } from './kernel.js';
import { anonPrepare } from './merge.js';
import * as pte from './pte.js';
import { dirtyHuge, faultAllowed, hugeAnonFault, touchHuge, wpHuge } from './thp.js';
import { F_PROT, F_READ, F_WRITE, GUARD_GAP, pkeyOfFlags, protOf } from './vma.js';

export const MAPERR = fault('SIGSEGV', 'SEGV_MAPERR');
export const ACCERR = fault('SIGSEGV', 'SEGV_ACCERR');
export const PKUERR = fault('SIGSEGV', 'SEGV_PKUERR');
export const GPF = fault('SIGSEGV', 'SI_KERNEL');
export const SIGBUS = fault('SIGBUS', 'BUS_ADRERR');

export const READ = 0;
export const WRITE = 1;
export const EXEC = 2;
/** A shadow-stack load (RET, INCSSP, SAVEPREVSSP's pop) and store (CALL, WRSS, RSTORSSP, SAVEPREVSSP's pushes, WRUSS). */
export const SS_LOAD = 3;
export const SS_STORE = 4;

/** RLIMIT_STACK of the machines (8 MiB), in pages: acct_stack_growth() refuses larger stacks. */
const STACK_LIMIT = (8 << 20) / 4096;
/** fault_around_bytes = 64 KiB. */
const FAULT_AROUND = 16;

/** __pkru_allows_pkey(): data access to pkey under the process's PKRU. */
export function pkruAllows(mm: Proc, key: number, write: boolean): boolean {
  const bits = mm.pkru >>> (2 * key);
  if (bits & 1) return false;
  return !(write && bits & 2);
}

/**
 * Translate page vpn for an access of kind (READ/WRITE/EXEC): on success set A (and D
 * for a write) and return the frame; on a signal return the fault text.
 */
export function translate(k: Kernel, mm: Proc, vpn: number, kind: number): number | string {
  const pt = k.pt;
  for (let tries = 0; tries < 4; tries++) {
    const s = pt.slot(mm.pgd, vpn);
    let l = 0;
    let h = 0;
    if (s >= 0) {
      l = pt.L[2 * s];
      h = pt.L[2 * s + 1];
    }
    let err: string | null;
    if (l & pte.P) {
      let pk = false;
      let ok: boolean;
      if (kind === EXEC) ok = (h & pte.NX_HI) === 0; // fetches ignore PKRU
      else {
        pk = !pkruAllows(mm, pte.pkeyOf(h), kind === WRITE);
        ok = !pk && (kind === READ || (l & pte.RW) !== 0);
      }
      if (ok) {
        const nl = (l | pte.A | (kind === WRITE ? pte.D : 0)) >>> 0;
        if (nl !== l) {
          if (l & pte.PSE) touchHuge(k, (s / 512) | 0, (nl & ~l) >>> 0); // the hardware sets A/D in the PMD
          else pt.L[2 * s] = nl;
        }
        return pte.pfnOf(l, h);
      }
      err = pageFault(k, mm, vpn, kind, true, pk);
    } else err = pageFault(k, mm, vpn, kind, false, false);
    if (err !== null) return err;
  }
  throw new Error('impl: fault did not resolve');
}

/** do_user_addr_fault(): returns a fault text, or null when the fault was handled. */
function pageFault(k: Kernel, mm: Proc, vpn: number, kind: number, present: boolean, pk: boolean): string | null {
  const vp = k.vp;
  const r = mm.tree.findVma(vpn);
  if (r < 0) return MAPERR;
  if (vp.vs[r] > vpn) {
    if (!(vp.fl[r] & VMF.GROWSDOWN) || !expandStack(k, mm, r, vpn)) return MAPERR;
  }
  const fl = vp.fl[r];
  const write = kind === WRITE;
  const instr = kind === EXEC;
  const key = pkeyOfFlags(fl);
  if (kind >= SS_LOAD) return shstkAccessError(k, mm, r, vpn, pk, kind === SS_STORE);
  // access_error()
  let bad: boolean;
  if (pk) bad = true;
  else if (!instr && !pkruAllows(mm, key, write)) bad = true;
  else if (write) bad = !(fl & F_WRITE) || (fl & VMF.SHADOW_STACK) !== 0; // normal writes never reach a shadow stack
  else if (present) bad = true; // protection fault on a present page (NX fetch)
  else bad = !(fl & F_PROT); // !vma_is_accessible
  if (bad) {
    // bad_area_access_error(): pkey denial wins over a plain prot violation
    if (k.pku && (pk || (!instr && !pkruAllows(mm, key, write)))) return PKUERR;
    return ACCERR;
  }
  return handleFault(k, mm, r, vpn, write);
}

/**
 * access_error() for a shadow-stack access (X86_PF_SHSTK): arch_vma_access_permitted() with
 * the error code's W bit (a store: PKRU write-disable refuses it too, docs/conventions.md),
 * then the VMA must be VM_SHADOW_STACK and VM_WRITE; the fault is handled as a write fault.
 */
function shstkAccessError(k: Kernel, mm: Proc, r: number, vpn: number, pk: boolean, store: boolean): string | null {
  const fl = k.vp.fl[r];
  if (pk || !pkruAllows(mm, pkeyOfFlags(fl), store)) return k.pku ? PKUERR : ACCERR;
  if (!(fl & VMF.SHADOW_STACK) || !(fl & F_WRITE)) return ACCERR;
  return handleFault(k, mm, r, vpn, true);
}

/**
 * A shadow-stack access to page vpn (a user page): on success set A and return the frame;
 * else the fault text. The hardware accepts only a shadow-stack PTE (RW=0, D=1) whose key
 * PKRU does not access-disable (write-disable is not checked by the hardware).
 */
export function ssTranslate(k: Kernel, mm: Proc, vpn: number, store: boolean): number | string {
  const kind = store ? SS_STORE : SS_LOAD;
  const pt = k.pt;
  for (let tries = 0; tries < 4; tries++) {
    const s = pt.slot(mm.pgd, vpn);
    let l = 0;
    let h = 0;
    if (s >= 0) {
      l = pt.L[2 * s];
      h = pt.L[2 * s + 1];
    }
    let e: string | null;
    if (l & pte.P) {
      const pk = !pkruAllows(mm, pte.pkeyOf(h), false);
      if (!pk && pte.isShstk(l)) {
        pt.L[2 * s] = (l | pte.A) >>> 0;
        return pte.pfnOf(l, h);
      }
      e = pageFault(k, mm, vpn, kind, true, pk);
    } else e = pageFault(k, mm, vpn, kind, false, false);
    if (e !== null) return e;
  }
  throw new Error('impl: shadow-stack fault did not resolve');
}

/** expand_downwards(): grow a VM_GROWSDOWN VMA down to vpn. */
function expandStack(k: Kernel, mm: Proc, r: number, vpn: number): boolean {
  const vp = k.vp;
  if (vpn < k.minAddr) return false;
  const prev = mm.tree.prev(r);
  if (prev >= 0 && !(vp.fl[prev] & VMF.GROWSDOWN) && vp.fl[prev] & F_PROT && vpn - vp.ve[prev] < GUARD_GAP) return false;
  anonPrepare(k, mm, r); // before the size checks: a refused growth still leaves an anon_vma
  if (vp.vs[r] - vpn > vp.pg[r]) return false;
  if (vp.ve[r] - vpn > STACK_LIMIT) return false; // acct_stack_growth(): RLIMIT_STACK
  k.setStart(mm, r, vpn);
  return true;
}

/** handle_mm_fault() for a VMA r that permits the access. */
export function handleFault(k: Kernel, mm: Proc, r: number, vpn: number, write: boolean): string | null {
  // hugetlb_fault() → hugetlb_no_page(): a hugetlb VMA exists only while the pool is empty
  // (impl/mmap.ts), so alloc_hugetlb_folio() fails: VM_FAULT_SIGBUS (GUP: EFAULT)
  if (k.vp.fl[r] & VMF.HUGETLB) return SIGBUS;
  const pt = k.pt;
  const s = pt.slot(mm.pgd, vpn);
  let l = 0;
  let h = 0;
  if (s >= 0) {
    l = pt.L[2 * s];
    h = pt.L[2 * s + 1];
  }
  if (l === 0 && h === 0) {
    // pmd_none and a VMA that allows a THP: create_huge_pmd()
    if (s < 0 && k.thp && faultAllowed(k, r, vpn)) {
      hugeAnonFault(k, mm, r, vpn, write);
      return null;
    }
    if (k.vp.shm[r]) return shmemFault(k, mm, r, vpn, write);
    if (k.vp.tfd[r]) {
      const ts = trampfdFault(k, mm, r, vpn);
      // a write (mprotect added PROT_WRITE) is do_cow_fault: a private copy of the page
      if (write) wpFault(k, mm, r, ts, k.pt.L[2 * ts], k.pt.L[2 * ts + 1]);
      return null;
    }
    anonFault(k, mm, r, vpn, write);
    return null;
  }
  if (pte.isGuard(l, h)) return MAPERR; // VM_FAULT_SIGSEGV
  if (l & pte.PSE) {
    // a huge PMD: wp_huge_pmd() → do_huge_pmd_wp_page() for a write to a read-only one, else
    // huge_pmd_set_accessed(); a split PMD falls back to the PTE it left
    const t = (s / 512) | 0;
    if (!write || pte.isWrite(l)) {
      // x86 pmdp_set_access_flags() writes the entry only for a write fault
      if (write) touchHuge(k, t, pte.A | pte.D);
      return null;
    }
    if (wpHuge(k, mm, r, t)) return null;
    l = pt.L[2 * s];
    h = pt.L[2 * s + 1];
  }
  if (l & pte.P) {
    // pte_write(): RW, or a shadow-stack PTE (pte_shstk() needs the CPU feature)
    const shstkPte = k.shstk && pte.isShstk(l);
    if (write && !(l & pte.RW) && !shstkPte) wpFault(k, mm, r, s, l, h);
    else if (!shstkPte) pt.L[2 * s] = (l | pte.A | (write ? pte.D : 0)) >>> 0; // spurious: pte_mkyoung (+dirty)
    else pt.L[2 * s] = (l | pte.A) >>> 0;
    return null;
  }
  // a PROTNONE entry of a PROT_NONE VMA written with FOLL_FORCE (mem_write): do_wp_page
  if (write && !(l & pte.RW)) {
    wpFault(k, mm, r, s, l, h);
    return null;
  }
  // protnone in an accessible VMA cannot arise (no NUMA hinting): rebuild from the VMA
  const fl = k.vp.fl[r];
  pte.modify(l, h, pte.protLo(protOf(fl), !!(fl & VMF.SHARED)), pte.protHi(protOf(fl), pkeyOfFlags(fl)), k.o);
  pt.set(s, k.o[0], k.o[1]);
  return null;
}

/** do_anonymous_page(): reads map the zero page, writes a new zeroed exclusive page. */
function anonFault(k: Kernel, mm: Proc, r: number, vpn: number, write: boolean): void {
  const fl = k.vp.fl[r];
  const pl = pte.protLo(protOf(fl), false);
  const ph = pte.protHi(protOf(fl), pkeyOfFlags(fl));
  let f = ZERO_FRAME;
  let l: number;
  let h: number;
  // without the zero page (machine zeroPage=0) a read takes a new page as a write does
  const alloc = write || !k.zeroPage;
  if (alloc && !(fl & F_WRITE)) {
    // a FOLL_FORCE write (mem_write) or a read: `if (vma->vm_flags & VM_WRITE)` only — a clean read-only page
    anonPrepare(k, mm, r);
    f = k.fr.alloc(F_EXCL);
    l = pte.mkLo(f, pl);
    h = pte.mkHi(f, pl, ph);
  } else if (alloc) {
    anonPrepare(k, mm, r);
    f = k.fr.alloc(F_EXCL);
    const ss = (fl & VMF.SHADOW_STACK) !== 0;
    l = pte.mkwriteLo(pte.mkLo(f, pl), ss); // pte_mkwrite(pte_mkdirty(), vma)
    h = pte.mkwriteHi(pte.mkHi(f, pl, ph), ss);
  } else {
    l = (pte.mkLo(f, pl) | pte.SPECIAL) >>> 0; // pte_mkspecial(zero pfn)
    h = pte.mkHi(f, pl, ph);
  }
  const s = k.pt.ensure(mm.pgd, vpn);
  k.pt.set(s, l, h);
}

/**
 * trampfd_fault + finish_fault: map the trampfd's page (generated on the first fault)
 * read-only with vm_page_prot; the PTE holds a reference. No fault-around (no map_pages).
 */
function trampfdFault(k: Kernel, mm: Proc, r: number, vpn: number): number {
  const fl = k.vp.fl[r];
  const f = k.tfd.page(k.vp.tfd[r]);
  const pl = pte.protLo(protOf(fl), false);
  k.fr.get(f);
  const s = k.pt.ensure(mm.pgd, vpn);
  k.pt.set(s, pte.mkLo(f, pl), pte.mkHi(f, pl, pte.protHi(protOf(fl), pkeyOfFlags(fl))));
  return s;
}

/** Map shmem frame f at vpn (set_pte_range): a writable PTE is dirty if the folio is. */
function mapShmem(k: Kernel, mm: Proc, vpn: number, f: number, pl: number, ph: number, dirty: boolean): void {
  let l = pte.mkLo(f, pl);
  if (dirty) l = (l | pte.RW | pte.D) >>> 0;
  else if (l & pte.RW && k.fr.flags[f] & F_DIRTY) l = (l | pte.D) >>> 0;
  k.fr.get(f);
  const s = k.pt.ensure(mm.pgd, vpn);
  k.pt.set(s, l, pte.mkHi(f, pl, ph));
}

/** do_read_fault (+ do_fault_around / filemap_map_pages) and do_shared_fault for shmem. */
function shmemFault(k: Kernel, mm: Proc, r: number, vpn: number, write: boolean): string | null {
  const vp = k.vp;
  const fl = vp.fl[r];
  const id = vp.shm[r];
  const pl = pte.protLo(protOf(fl), true);
  const ph = pte.protHi(protOf(fl), pkeyOfFlags(fl));
  const off = vp.pg[r] + (vpn - vp.vs[r]);
  const beyond = off >= k.shm.size(id); // beyond i_size: shmem_get_folio_gfp -EINVAL -> SIGBUS
  if (write) {
    if (beyond) return SIGBUS;
    const f = k.shm.getPage(id, off);
    k.fr.flags[f] |= F_DIRTY; // fault_dirty_shared_page
    mapShmem(k, mm, vpn, f, pl, ph, true);
    return null;
  }
  // fault-around: map the object's pages already present in the aligned 16-page window
  const pteOff = vpn % 512;
  const vmaOff = vpn - vp.vs[r];
  const from = Math.max(pteOff - (pteOff % FAULT_AROUND), pteOff - Math.min(pteOff, vmaOff));
  const to = Math.min(from + FAULT_AROUND, 512, pteOff + (vp.ve[r] - vp.vs[r]) - vmaOff);
  const base = vpn - pteOff;
  for (let i = from; i < to; i++) {
    const p = base + i;
    const f = k.shm.lookup(id, vp.pg[r] + (p - vp.vs[r]));
    if (f < 0) continue;
    const s = k.pt.slot(mm.pgd, p);
    if (s >= 0 && (k.pt.L[2 * s] !== 0 || k.pt.L[2 * s + 1] !== 0)) continue;
    mapShmem(k, mm, p, f, pl, ph, false);
  }
  // do_read_fault: do_fault_around came first, ->fault (shmem_fault) fails after it
  if (beyond) return SIGBUS;
  const s = k.pt.slot(mm.pgd, vpn);
  if (s >= 0 && (k.pt.L[2 * s] !== 0 || k.pt.L[2 * s + 1] !== 0)) return null;
  mapShmem(k, mm, vpn, k.shm.getPage(id, off), pl, ph, false);
  return null;
}

/** do_wp_page(): write to a present read-only PTE in a writable VMA. */
function wpFault(k: Kernel, mm: Proc, r: number, s: number, l: number, h: number): void {
  const fr = k.fr;
  const pt = k.pt;
  const f = pte.pfnOf(l, h);
  if (k.vp.shm[r]) {
    // wp_page_shared → wp_page_reuse
    fr.flags[f] |= F_DIRTY;
    pt.L[2 * s] = (l | pte.A | pte.RW | pte.D) >>> 0;
    pt.L[2 * s + 1] = (h & ~pte.SD_HI) >>> 0;
    return;
  }
  const fl = k.vp.fl[r];
  const ss = (fl & VMF.SHADOW_STACK) !== 0;
  // do_wp_page reuses anon folios only: a file page (the trampfd's) in a private mapping is copied
  if (fr.flags[f] & F_FILE) return wpCopyRo(k, mm, r, s, f);
  // a FOLL_FORCE write (mem_write) to a VMA without VM_WRITE: maybe_mkwrite leaves RW clear
  if (!(fl & F_WRITE)) return wpForced(k, mm, r, s, l, h, f);
  if (f !== ZERO_FRAME && (fr.flags[f] & F_EXCL || canReuse(k, f))) {
    // reuse: the page is ours alone (wp_can_reuse_anon_folio); wp_page_reuse:
    // maybe_mkwrite(pte_mkdirty(pte_mkyoung(orig)), vma)
    fr.flags[f] |= F_EXCL;
    pt.L[2 * s] = pte.mkwriteLo((l | pte.A) >>> 0, ss);
    pt.L[2 * s + 1] = pte.mkwriteHi(h, ss);
    return;
  }
  // wp_page_copy: a new exclusive page (zeroed for the zero page), fresh PTE from vm_page_prot
  anonPrepare(k, mm, r);
  const nf = fr.copy(f, F_EXCL);
  if (fr.folio[f]) k.folios.sub(fr.folio[f], mm.pid, 1);
  fr.put(f);
  const pl = pte.protLo(protOf(fl), false);
  pt.L[2 * s] = pte.mkwriteLo(pte.mkLo(nf, pl), ss);
  pt.L[2 * s + 1] = pte.mkwriteHi(pte.mkHi(nf, pl, pte.protHi(protOf(fl), pkeyOfFlags(fl))), ss);
}

/**
 * wp_can_reuse_anon_folio() of a page that is not PageAnonExclusive: a small folio only we
 * reference; a page of a large folio (a split THP) when __wp_can_reuse_large_anon_folio():
 * more than one page of it mapped, all by this MM.
 */
function canReuse(k: Kernel, f: number): boolean {
  const id = k.fr.folio[f];
  return id ? k.folios.canReuse(id) : k.fr.ref[f] === 1;
}

/**
 * wp_page_copy() where the page may not be reused — a file page (the trampfd's), or any page
 * of a forced write: a new exclusive anon page with its contents (zeroes for the zero page),
 * PTE from vm_page_prot, then maybe_mkwrite(pte_mkdirty()): RW|D with VM_WRITE, else
 * read-only with SavedDirty.
 */
function wpCopyRo(k: Kernel, mm: Proc, r: number, s: number, f: number): void {
  const fl = k.vp.fl[r];
  anonPrepare(k, mm, r);
  const nf = k.fr.copy(f, F_EXCL);
  if (k.fr.folio[f]) k.folios.sub(k.fr.folio[f], mm.pid, 1);
  k.fr.put(f);
  const pl = pte.protLo(protOf(fl), false);
  const l = pte.mkLo(nf, pl);
  const h = pte.mkHi(nf, pl, pte.protHi(protOf(fl), pkeyOfFlags(fl)));
  if (fl & F_WRITE) k.pt.set(s, pte.mkwriteLo(l, false), pte.mkwriteHi(h, false));
  else k.pt.set(s, l, pte.mkdirtyRoHi(h));
}

/**
 * do_wp_page() for a write of get_user_pages(FOLL_FORCE) to a private VMA without VM_WRITE:
 * an anon page that is ours alone is reused (wp_page_reuse: pte_mkyoung, pte_mkdirty — with
 * RW clear that is SavedDirty), any other is copied (wp_page_copy, the same bits).
 */
function wpForced(k: Kernel, mm: Proc, r: number, s: number, l: number, h: number, f: number): void {
  const fr = k.fr;
  if (f !== ZERO_FRAME && !(fr.flags[f] & F_SHMEM) && (fr.flags[f] & F_EXCL || canReuse(k, f))) {
    fr.flags[f] |= F_EXCL;
    k.pt.set(s, (l | pte.A) >>> 0, pte.mkdirtyRoHi(h));
    return;
  }
  wpCopyRo(k, mm, r, s, f);
}

/**
 * GUP fault-in of one page (follow_page, else faultin_page): no hardware A/D update; a
 * write through a present clean PTE dirties the frame (FOLL_TOUCH: folio_mark_dirty).
 * Returns null, or 'EFAULT' when the fault would signal (guard marker).
 */
export function gupPage(k: Kernel, mm: Proc, r: number, vpn: number, write: boolean): 'EFAULT' | null {
  const s = k.pt.slot(mm.pgd, vpn);
  if (s >= 0) {
    const l = k.pt.L[2 * s];
    if (l & pte.P && (!write || l & pte.RW)) {
      const h = k.pt.L[2 * s + 1];
      // follow_huge_pmd(FOLL_TOUCH) → touch_pmd(): x86 pmdp_set_access_flags() writes the PMD
      // only for a write (young and dirty); a read leaves an old PMD old (seen on the live kernel)
      if (l & pte.PSE) {
        if (write) touchHuge(k, (s / 512) | 0, pte.A | pte.D);
      }
      else if (write && !pte.isDirty(l, h)) k.fr.flags[pte.pfnOf(l, h)] |= F_DIRTY;
      return null;
    }
  }
  return handleFault(k, mm, r, vpn, write) === null ? null : 'EFAULT';
}

/**
 * get_user_pages_remote(FOLL_FORCE | FOLL_WRITE) of page vpn (mem_write): the frame the
 * write goes to, or -1 (EFAULT). No VMA -> -1 (no stack expansion inside GUP); a write
 * without VM_WRITE (or to a shadow stack) needs a COW mapping; PKRU is not consulted (a
 * foreign access). A PTE is used as it is when present (P or PROTNONE) and writable, or
 * read-only in a private VMA without VM_WRITE over an exclusive anon page
 * (can_follow_write_pte); else a write fault makes it so.
 */
export function gupForceWrite(k: Kernel, mm: Proc, vpn: number): number {
  const r = mm.tree.find(vpn);
  if (r < 0) return -1;
  const fl = k.vp.fl[r];
  const shared = (fl & VMF.SHARED) !== 0;
  if ((!(fl & F_WRITE) || fl & VMF.SHADOW_STACK) && shared) return -1; // check_vma_flags: !is_cow_mapping
  const pt = k.pt;
  for (let tries = 0; tries < 4; tries++) {
    const s = pt.slot(mm.pgd, vpn);
    if (s >= 0) {
      const l = pt.L[2 * s];
      const h = pt.L[2 * s + 1];
      if (pte.isPresentish(l) && !pte.isGuard(l, h)) {
        const f = pte.pfnOf(l, h);
        const own = f !== ZERO_FRAME && !(k.fr.flags[f] & (F_SHMEM | F_FILE)) && (k.fr.flags[f] & F_EXCL) !== 0;
        if (l & pte.RW || (k.shstk && pte.isShstk(l)) || (!shared && !(fl & F_WRITE) && own)) {
          if (l & pte.PSE) dirtyHuge(k, (s / 512) | 0); // follow_huge_pmd → touch_pmd(write)
          return f;
        }
      }
    }
    if (handleFault(k, mm, r, vpn, true) !== null) return -1;
  }
  throw new Error('impl: forced GUP write did not resolve');
}

/** expand_stack() for an address in no VMA: the VMA above is VM_GROWSDOWN and grows down to vpn. */
export function expandStackTo(k: Kernel, mm: Proc, vpn: number): boolean {
  const r = mm.tree.findVma(vpn);
  return r >= 0 && k.vp.vs[r] > vpn && (k.vp.fl[r] & VMF.GROWSDOWN) !== 0 && expandStack(k, mm, r, vpn);
}

/**
 * __mm_populate(ignore_errors): MAP_POPULATE / VM_LOCKED population of [vs, ve).
 * Private writable VMAs are write-faulted (break COW), others read-faulted with
 * FOLL_FORCE; PROT_NONE VMAs and pkey-denied ones are skipped.
 */
export function populate(k: Kernel, mm: Proc, vs: number, ve: number): void {
  const vp = k.vp;
  for (let r = mm.tree.findVma(vs); r >= 0 && vp.vs[r] < ve; r = mm.tree.next(r)) {
    const fl = vp.fl[r];
    if (!(fl & F_PROT)) continue;
    const write = (fl & F_WRITE) !== 0 && !(fl & VMF.SHARED);
    if (!pkruAllows(mm, pkeyOfFlags(fl), write)) continue;
    const b = Math.min(ve, vp.ve[r]);
    for (let p = Math.max(vs, vp.vs[r]); p < b; p++) {
      k.gup.take(1);
      if (gupPage(k, mm, r, p, write)) break;
    }
  }
}

/** madvise_populate() → faultin_page_range(): errno name or null. */
export function populateAdvice(k: Kernel, mm: Proc, vs: number, ve: number, write: boolean): string | null {
  const vp = k.vp;
  let p = vs;
  while (p < ve) {
    const r = mm.tree.find(p);
    if (r < 0) return 'ENOMEM';
    const fl = vp.fl[r];
    // check_vma_flags(): a write needs VM_WRITE and no VM_SHADOW_STACK (no FOLL_FORCE here)
    if (write ? !(fl & F_WRITE) || fl & VMF.SHADOW_STACK : !(fl & F_READ)) return 'EINVAL';
    if (!pkruAllows(mm, pkeyOfFlags(fl), write)) return 'EINVAL';
    const b = Math.min(ve, vp.ve[r]);
    for (; p < b; p++) {
      if (gupPage(k, mm, r, p, write)) return 'EFAULT';
      k.gup.take(1);
    }
  }
  return null;
}
