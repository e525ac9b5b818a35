// MADV_COLLAPSE (mm/khugepaged.c: madvise_collapse, hpage_collapse_scan_pmd,
// collapse_huge_page, madvise_collapse_errno) on the machine model/thp.ts describes.
//
//   THP disabled for the process (thp=0: PR_SET_THP_DISABLE)              -> EINVAL
//   thp_vma_allowable_order(TVA_FORCED_COLLAPSE): VM_NOHUGEPAGE, no aligned 2 MiB block
//     inside the VMA, an anonymous VMA without an anon_vma                -> EINVAL
//   each aligned block [start, end) covers, in address order:
//     a huge PMD (SCAN_PMD_MAPPED)                                        -> counts as collapsed
//     pmd_none, no PTE table (SCAN_PMD_NULL)                              -> EINVAL, the walk ends
//     a PTE table: every entry none, the zero page or a present anon page (the limits on none,
//       swap and shared PTEs are khugepaged's, not MADV_COLLAPSE's)     -> collapsed: a new
//       folio with the present pages' contents (zeros elsewhere), the PTEs and the table gone,
//       a PMD folio_mk_pmd(vm_page_prot) + maybe_pmd_mkwrite(pmd_mkdirty()) (RW D, or
//       SavedDirty without VM_WRITE; PROT_NONE stays PROT_NONE)
//   result: 0 when every block is PMD-mapped now (also when the range's rounded-up start is its
//     rounded-down end: no block); a range strictly inside one block (rounded-up start beyond
//     rounded-down end) -> EINVAL
//     a PTE table with a guard marker (its swap-in fails: SCAN_FAIL)       -> EINVAL, the walk ends
// Not modelled (NotModelled): shmem (collapse_file: MADV_COLLAPSE ignores shmem_enabled), a
// shadow-stack VMA.

import { NotModelled, VMF } from '../abi/index.js';
import { hit, type Errno, type Kernel, type Mm, type Process, type Vma } from './mm.js';
import { allocThp, HPAGE_PMD_SIZE, mkAnonThpPmd, pmdBlock, setHugePmd } from './thp.js';
import { vmaIsAnonymous } from './vma.js';
import { clearPte } from './zap.js';

/** mm/khugepaged.c: madvise_collapse for [start, end) inside `vma`. */
export function madviseCollapse(k: Kernel, p: Process, vma: Vma, start: bigint, end: bigint): Vma | Errno {
  // mm/huge_memory.c: vma_thp_disabled — PR_SET_THP_DISABLE (MMF_DISABLE_THP_COMPLETELY) allows no order
  if (!k.cfg.thp) {
    hit(k, 'madvise:collapse-thp-disabled-EINVAL');
    return 'EINVAL';
  }
  const SZ = HPAGE_PMD_SIZE;
  // mm/huge_memory.c: __thp_vma_allowable_orders — VM_NOHUGEPAGE; outside the fault path the
  // VMA must hold an aligned block: thp_vma_suitable_order(vma, vm_end - HPAGE_PMD_SIZE), in
  // unsigned long arithmetic — a VMA ending below 2 MiB wraps and passes (seen on the live kernel)
  const U64 = (1n << 64n) - 1n;
  const haddr = (vma.end - SZ) & U64 & ~(SZ - 1n);
  // include/linux/huge_mm.h: thp_vma_suitable_order — a file (shmem) VMA must also start 2 MiB-aligned
  // with its file offset: (vm_start >> PAGE_SHIFT) - vm_pgoff a multiple of 512 (seen on the live kernel)
  const pgoffMisaligned = !vmaIsAnonymous(vma) && (((vma.start >> 12n) - vma.pgoff) & 511n) !== 0n;
  if (vma.flags & VMF.NOHUGEPAGE || pgoffMisaligned || haddr < vma.start || ((haddr + SZ) & U64) > vma.end) {
    hit(k, 'madvise:collapse-EINVAL');
    return 'EINVAL';
  }
  // mm/huge_memory.c: __thp_vma_allowable_orders — an anonymous VMA without an anon_vma
  // (never faulted) allows no order outside the fault path (seen on the live kernel)
  if (vmaIsAnonymous(vma) && !vma.anonVma) {
    hit(k, 'madvise:collapse-no-anon_vma-EINVAL');
    return 'EINVAL';
  }
  const hstart = (start + SZ - 1n) & ~(SZ - 1n);
  const hend = end & ~(SZ - 1n);
  // mm/khugepaged.c: madvise_collapse — `thps == ((hend - hstart) >> HPAGE_PMD_SHIFT)` in unsigned
  // arithmetic: a range inside one block's interior (hstart > hend) wraps and fails with
  // last_fail = SCAN_FAIL (EINVAL, seen on the live kernel); hstart == hend is 0 blocks: success
  if (hstart > hend) {
    hit(k, 'madvise:collapse-inside-block-EINVAL');
    return 'EINVAL';
  }
  if (hstart === hend) {
    hit(k, 'madvise:collapse-nothing');
    return vma;
  }
  if (!vmaIsAnonymous(vma)) throw new NotModelled('MADV_COLLAPSE of shmem (collapse_file)');
  if (vma.flags & VMF.SHADOW_STACK) throw new NotModelled('MADV_COLLAPSE in a shadow-stack VMA');
  const mm = p.mm;
  for (let addr = hstart; addr < hend; addr += SZ) {
    const block = pmdBlock(addr);
    // mm/khugepaged.c: check_pmd_state — pmd_trans_huge: SCAN_PMD_MAPPED, already done
    if (mm.pmds.has(block)) {
      hit(k, 'madvise:collapse-pmd-mapped');
      continue;
    }
    // mm/khugepaged.c: check_pmd_state — !pmd_present: SCAN_PMD_NULL, which ends the walk here
    // with EINVAL: the blocks after it are not collapsed (seen on the live kernel)
    if (!mm.pteTables.has(block)) {
      hit(k, 'madvise:collapse-pmd-none-EINVAL');
      return 'EINVAL';
    }
    // mm/khugepaged.c: hpage_collapse_scan_pmd — a guard marker is a swap entry whose swap-in
    // (__collapse_huge_page_swapin -> do_swap_page) fails: SCAN_FAIL is no whitelisted result,
    // the walk ends there (blocks before it stay collapsed; seen on the live kernel)
    if (blockHasGuardMarker(mm, block)) {
      hit(k, 'madvise:collapse-guard-EINVAL');
      return 'EINVAL';
    }
    collapseHugePage(k, p, vma, block);
  }
  return vma;
}

function blockHasGuardMarker(mm: Mm, block: bigint): boolean {
  for (let pg = block << 9n; pg < (block + 1n) << 9n; pg++) if (mm.ptes.get(pg)?.guard) return true;
  return false;
}

/**
 * mm/khugepaged.c: hpage_collapse_scan_pmd + collapse_huge_page for a block with a PTE
 * table: __collapse_huge_page_copy (zeros for none and zero-page entries), the old pages
 * unmapped, the table withdrawn into the new PMD.
 */
function collapseHugePage(k: Kernel, p: Process, vma: Vma, block: bigint): void {
  const mm = p.mm;
  const base = block << 9n;
  hit(k, 'madvise:collapse');
  const folio = allocThp(k);
  for (let i = 0n; i < 512n; i++) {
    const pte = mm.ptes.get(base + i);
    if (!pte) continue;
    // mm/khugepaged.c: __collapse_huge_page_copy — copy_mc_user_highpage of each present page
    if (pte.frame?.data) folio.frames[Number(i)].data = pte.frame.data.slice();
    clearPte(k, mm, base + i);
  }
  mm.pteTables.delete(block);
  // mm/khugepaged.c: collapse_huge_page — folio_mk_pmd(folio, vm_page_prot), maybe_pmd_mkwrite(pmd_mkdirty())
  setHugePmd(mm, block, mkAnonThpPmd(vma), folio);
}
