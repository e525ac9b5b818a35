// Prefaulting through get_user_pages (mm/gup.c: __get_user_pages, check_vma_flags,
// faultin_page, populate_vma_page_range, __mm_populate, faultin_page_range).
//
// mm_populate(addr, len) (MAP_POPULATE, MAP_LOCKED, mlocked mremap growth,
//   mprotect making a locked private VMA writable): per VMA in range,
//   PROT_NONE -> skipped; private writable -> write faults (break COW, allocate);
//   otherwise read faults with FOLL_FORCE. Errors are ignored (rest of that VMA skipped).
// MADV_POPULATE_READ/WRITE: stop at the first failure:
//   no VMA -> ENOMEM; VMA not readable (read) / not writable (write) / PKRU denies -> EINVAL;
//   a fault that fails (guard marker, shmem beyond size) -> EFAULT.
// GUP never changes A/D of a PTE it finds present (FOLL_TOUCH marks the folio, not the PTE:
// a write through a clean PTE makes the folio dirty, which a later read fault of a shared
// mapping shows as D and which keeps a shmem or lazyfree page through MADV_PAGEOUT).
// A forced write (FOLL_FORCE|FOLL_WRITE, /proc/PID/mem: model/procmem.ts) may use a read-only
// PTE of an exclusive anon page of a private VMA without VM_WRITE (can_follow_write_pte);
// else its write fault makes one: a copy whose PTE stays RW=0 with SavedDirty (pte_mkdirty).

import { PROT, VMF } from '../abi/index.js';
import { handleMmFault } from './fault.js';
import { hit, pageOf, type Errno, type Frame, type Kernel, type Process, type Pte, type Vma } from './mm.js';
import { vmaAccessPermitted } from './pkeys.js';
import { pteDirty, ptePresent, pteWrite } from './pte.js';
import { frameAt, leafEntry, pmdBlock, touchPmd } from './thp.js';
import { findVmaIntersection, vmaIsAccessible, vmaIsShared, vmaLookup } from './vma.js';

interface GupFlags {
  write: boolean;
  force: boolean;
  /** FOLL_MADV_POPULATE: no VMA -> ENOMEM, bad VMA flags -> EINVAL. */
  madvPopulate: boolean;
  /** FOLL_REMOTE (get_user_pages_remote: /proc/PID/mem): arch_vma_access_permitted(foreign) ignores PKRU. */
  remote?: boolean;
}

/** mm/gup.c: check_vma_flags — 0 or -EFAULT. */
function checkVmaFlags(k: Kernel, p: Process, vma: Vma, f: GupFlags): boolean {
  if (f.write) {
    if (!(vma.prot & PROT.WRITE) || vma.flags & VMF.SHADOW_STACK) {
      if (!f.force) return false;
      // mm/gup.c: check_vma_flags — FOLL_FORCE writes only COW mappings
      if (vmaIsShared(vma)) return false;
    }
  } else if (!(vma.prot & PROT.READ)) {
    // mm/gup.c: check_vma_flags — !VM_READ needs FOLL_FORCE (VM_MAYREAD is always set here)
    if (!f.force) return false;
  }
  // mm/gup.c: check_vma_flags — gups are data accesses: arch_vma_access_permitted (PKRU),
  // which is always true for a foreign access (arch/x86/include/asm/pkeys.h)
  return f.remote === true || vmaAccessPermitted(k, p, vma.pkey, f.write, false);
}

/**
 * mm/gup.c: follow_page_pte — whether the PTE already gives GUP the page: present
 * (pte_present: P or PROTNONE; a PROTNONE entry of an inaccessible VMA is followed,
 * gup_can_follow_protnone) and, for a write, can_follow_write_pte.
 */
function canFollowPte(vma: Vma, pte: Pte | undefined, frame: Frame | null, f: GupFlags): boolean {
  if (!pte || pte.guard || !ptePresent(pte)) return false;
  return !f.write || canFollowWritePte(vma, pte, frame, f);
}

/**
 * mm/gup.c: can_follow_write_pte — pte_write(), or FOLL_FORCE on a private (COW) VMA
 * without VM_WRITE whose page is an exclusive anonymous one: the private copy an earlier
 * forced write fault made (the zero page and file pages are never written in place).
 */
function canFollowWritePte(vma: Vma, pte: Pte, frame: Frame | null, f: GupFlags): boolean {
  if (pteWrite(pte)) return true;
  if (!f.force) return false;
  // mm/gup.c: can_follow_write_pte — no FOLL_FORCE write through a shared mapping
  if (vmaIsShared(vma)) return false;
  // (VM_MAYWRITE is set on every VMA here); with VM_WRITE the write fault must run
  if (vma.prot & PROT.WRITE) return false;
  // mm/gup.c: can_follow_write_pte — !page || !PageAnon(page) || !PageAnonExclusive(page)
  return frame !== null && frame.anon && frame.anonExclusive;
}

/**
 * mm/gup.c: get_user_pages_remote(mm, addr, 1, FOLL_FORCE | FOLL_WRITE) as
 * mm/memory.c: __access_remote_vm calls it: the frame to write, or -EFAULT.
 */
export function getUserPageForceWrite(k: Kernel, p: Process, addr: bigint): Frame | Errno {
  const f: GupFlags = { write: true, force: true, madvPopulate: false, remote: true };
  const r = getUserPages(k, p, addr & ~0xfffn, (addr & ~0xfffn) + 0x1000n, f);
  if (typeof r === 'string') return r;
  return frameAt(p.mm, pageOf(addr))!;
}

/** mm/gup.c: __get_user_pages over [start, end): the number of pages done, or an errno if none. */
function getUserPages(k: Kernel, p: Process, start: bigint, end: bigint, f: GupFlags): bigint | Errno {
  let done = 0n;
  let vma: Vma | null = null;
  const fail = (e: Errno): bigint | Errno => (done > 0n ? done : e);
  for (let addr = start; addr < end; addr += 0x1000n) {
    if (!vma || addr >= vma.end) {
      // mm/gup.c: __get_user_pages — lookup without stack expansion
      vma = vmaLookup(p.mm, addr);
      if (f.madvPopulate) {
        if (!vma) return fail('ENOMEM');
        if (!checkVmaFlags(k, p, vma, f)) return fail('EINVAL');
      } else {
        if (!vma) return fail('EFAULT');
        if (!checkVmaFlags(k, p, vma, f)) return fail('EFAULT');
      }
    }
    // mm/gup.c: follow_page_mask, and faultin_page while it finds nothing suitable
    for (let attempt = 0; ; attempt++) {
      // mm/gup.c: follow_pmd_mask — a huge PMD is followed as one leaf (follow_huge_pmd,
      // can_follow_write_pmd: the rules of the PTE's), its page the 4K page of the folio
      const pmd = p.mm.pmds.get(pmdBlock(addr));
      const pte = leafEntry(p.mm, pageOf(addr));
      const frame = frameAt(p.mm, pageOf(addr));
      if (canFollowPte(vma, pte, frame, f)) {
        // mm/huge_memory.c: follow_huge_pmd — FOLL_TOUCH: touch_pmd (pmd_mkyoung, pmd_mkdirty on a write)
        if (pmd) {
          hit(k, 'gup:follow-huge-pmd');
          touchPmd(pmd, f.write);
        } else if (f.write && frame && !pteDirty(pte!)) {
          // mm/gup.c: follow_page_pte — FOLL_TOUCH: a FOLL_WRITE through a clean PTE folio_mark_dirty()s the folio
          frame.dirty = true;
        }
        break;
      }
      if (attempt > 2) throw new Error('model: gup fault loop');
      const r = handleMmFault(k, p, vma, addr, f.write);
      // mm/gup.c: vm_fault_to_errno — VM_FAULT_SIGSEGV / SIGBUS -> -EFAULT
      if (r !== 'ok') return fail('EFAULT');
    }
    done++;
    // abi/budget.ts: a program faulting in more than the budget is not run
    k.gup.take(1);
  }
  return done;
}

/** mm/gup.c: populate_vma_page_range. */
export function populateVmaPageRange(k: Kernel, p: Process, vma: Vma, start: bigint, end: bigint): bigint | Errno {
  // mm/gup.c: populate_vma_page_range — we've never faulted in PROT_NONE pages
  if (!vmaIsAccessible(vma)) return 'EFAULT';
  // mm/gup.c: populate_vma_page_range — write faults for private writable mappings, else forced reads
  const write = (vma.prot & PROT.WRITE) !== 0 && !vmaIsShared(vma);
  return getUserPages(k, p, start, end, { write, force: !write, madvPopulate: false });
}

/** mm/gup.c: __mm_populate(start, len, ignore_errors = 1). */
export function mmPopulate(k: Kernel, p: Process, start: bigint, len: bigint): void {
  const end = start + len;
  let nstart = start;
  while (nstart < end) {
    const vma = findVmaIntersection(p.mm, nstart, end);
    if (!vma) break;
    const nend = vma.end < end ? vma.end : end;
    if (nstart < vma.start) nstart = vma.start;
    const r = populateVmaPageRange(k, p, vma, nstart, nend);
    // mm/gup.c: __mm_populate — ignore_errors: continue at the next VMA
    if (typeof r === 'string') hit(k, 'populate:error-ignored');
    else if (nstart + r * 0x1000n < nend) {
      // partial: the retry from the failing page fails again; skip the rest of this VMA
      hit(k, 'populate:partial');
    }
    nstart = nend;
  }
}

/** mm/madvise.c: madvise_populate -> faultin_page_range (FOLL_MADV_POPULATE). */
export function madvisePopulate(k: Kernel, p: Process, start: bigint, end: bigint, write: boolean): bigint | Errno {
  let cur = start;
  while (cur < end) {
    const r = getUserPages(k, p, cur, end, { write, force: false, madvPopulate: true });
    if (typeof r === 'string') {
      hit(k, `madvise:populate-${r}`);
      return r;
    }
    cur += r * 0x1000n;
  }
  return 0n;
}
