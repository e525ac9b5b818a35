// Transparent huge pages: the huge PMD and what every path does with one
// (mm/huge_memory.c; the PMD level of mm/memory.c: __handle_mm_fault, zap_pmd_range,
// copy_pmd_range; mm/mprotect.c: change_pmd_range; mm/mremap.c: move_page_tables;
// mm/vma.c: vma_adjust_trans_huge). MADV_COLLAPSE is model/khugepaged.ts.
//
// Machine `thp=1` is this host (docs/kernel-differences.md "THP on this host"):
// transparent_hugepage/enabled = madvise (only a VM_HUGEPAGE VMA gets a THP at fault),
// defrag = madvise, use_zero_page = 1, hugepages-2048kB = inherit and every other mTHP size
// never (PMD order only), shmem_enabled = never, khugepaged asleep 10 s (never runs within a
// program). `thp=0` is PR_SET_THP_DISABLE (MMF_DISABLE_THP_COMPLETELY): nothing here happens.
//
//   fault, pmd_none (no huge PMD and no PTE table in the block), private anonymous VMA with
//     VM_HUGEPAGE and not VM_NOHUGEPAGE, the aligned 2 MiB block inside the VMA
//     (do_huge_pmd_anonymous_page; the anon_vma is prepared first, for reads too):
//       read, zero page allowed -> the huge zero PMD (vm_page_prot: P US A NX, no RW, no D)
//       otherwise a zeroed 2 MiB folio, every page PageAnonExclusive: pmd_mkdirty then
//       pmd_mkwrite with VM_WRITE (RW D; without VM_WRITE SavedDirty)
//   fault on a huge PMD: a write (or a GUP write) to a !pmd_write PMD -> do_huge_pmd_wp_page:
//       huge zero -> a new zeroed THP as above (do_huge_zero_wp_pmd); an exclusive folio, or
//       one nothing else references (folio_ref_count == 1) -> reuse (A, D, RW with VM_WRITE);
//       else split and take the 4K fault (COW of the one page, which reuses a page of the split
//       THP only while this process alone maps the folio); a GUP write through the PMD sets A
//       and D (touch_pmd), a GUP read changes nothing (x86 pmdp_set_access_flags)
//   split (__split_huge_pmd_locked): 512 PTEs from vm_page_prot, RW if the PMD was writable, A
//       cleared if it was old, pte_mkdirty if it was dirty (D or SavedDirty), each page keeping
//       its PageAnonExclusive; the huge zero PMD -> 512 zero-page PTEs. A split leaves a PTE table.
//   where: a VMA boundary set inside a PMD-mapped block (vma_adjust_trans_huge), a zap / an
//       mprotect / an mremap that covers part of a block, a COW fallback
//   zap of a whole block (munmap, MADV_DONTNEED, exit): the PMD goes, no PTE table stays
//   mprotect of a whole block: change_huge_pmd — pmd_modify (as pte_modify: RW dropped moves D
//       to SavedDirty) and the MM_CP_TRY_CHANGE_WRITABLE upgrade of an exclusive folio
//   fork: copy_huge_pmd — the PMD write-protected on both sides, the child's old, no page exclusive
//   mremap: a whole block whose old and new addresses are both 2 MiB-aligned moves as one PMD
//       (move_huge_pmd); any other block is split and its PTEs move
// PTE tables go away (the block is pmd_none again) when nothing maps into the block any more
// (free_pgtables after munmap / MAP_FIXED / the mremap source, exit), and with
// CONFIG_PT_RECLAIM (this host) when MADV_DONTNEED covers the whole block and leaves every
// entry none (zap_pte_range -> try_to_free_pte).
//   MADV_COLD / FREE of a whole exclusive PMD: old / old, clean and lazyfree; MADV_PAGEOUT of one
//       (no swap): the folio is split and its all-zero pages become the shared zero page; part
//       of an exclusive PMD: split_folio the same way, then the advice acts on the 4K pages; a
//       folio another process maps is left alone
//   the same advice on a THP mapped by PTEs: its consecutive PTEs are one batch; the whole folio
//       is handled as a PMD would be, part of it is split_folio'd first
//   mprotect of the PTEs of a PTE-mapped THP: batches of consecutive pages have their A and D
//       ORed (mprotect_folio_pte_batch)
// Not modelled (NotModelled): a THP in a shadow-stack VMA; PAGEOUT of a lazyfree or VM_DROPPABLE THP.

import { NotModelled, VMF } from '../abi/index.js';
import { allocFrame, hit, maybeFreeFrame, type Frame, type HugePmd, type Kernel, type Mm, type Pte, type Thp, type Vma } from './mm.js';
import { ptePagesInRange, setPte } from './pgtable.js';
import { maybeMkwrite, mkPte, pteDirty, pteMkdirty, pteMkold, pteMkwrite, pteMkyoung, pteModify, pteWrite, pteWrprotect } from './pte.js';

export const HPAGE_PMD_SHIFT = 21n;
export const HPAGE_PMD_SIZE = 1n << HPAGE_PMD_SHIFT;
export const HPAGE_PMD_NR = 512;

/** The 2 MiB block (PMD index) of an address. */
export function pmdBlock(addr: bigint): bigint {
  return addr >> HPAGE_PMD_SHIFT;
}

function blockStart(block: bigint): bigint {
  return block << HPAGE_PMD_SHIFT;
}

/** The VMA holding addr (vma.ts: vmaLookup, which imports this file). */
function vmaAt(mm: Mm, addr: bigint): Vma | undefined {
  return mm.vmas.find((v) => v.start <= addr && addr < v.end);
}

/** The leaf entry the MMU reaches for a page: its block's huge PMD, else its PTE. */
export function leafEntry(mm: Mm, page: bigint): Pte | undefined {
  const pmd = mm.pmds.get(page >> 9n);
  return pmd ? pmd.entry : mm.ptes.get(page);
}

/** The 4K frame a page's leaf maps: a THP's page under a huge PMD; null for a zero page, a marker or nothing. */
export function frameAt(mm: Mm, page: bigint): Frame | null {
  const pmd = mm.pmds.get(page >> 9n);
  if (pmd) return pmd.folio ? pmd.folio.frames[Number(page & 511n)] : null;
  return mm.ptes.get(page)?.frame ?? null;
}

/** The blocks with a huge PMD that [start, end) touches, in address order. */
export function pmdBlocksInRange(mm: Mm, start: bigint, end: bigint): bigint[] {
  const lo = pmdBlock(start);
  const hi = pmdBlock(end + HPAGE_PMD_SIZE - 1n);
  const out: bigint[] = [];
  for (const b of mm.pmds.keys()) if (b >= lo && b < hi) out.push(b);
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Whether [start, end) covers the whole block. */
export function coversBlock(block: bigint, start: bigint, end: bigint): boolean {
  return blockStart(block) >= start && blockStart(block) + HPAGE_PMD_SIZE <= end;
}

/** The frames of a THP the VMA's process gets from a fault or a collapse: zeroed, each PageAnonExclusive. */
export function allocThp(k: Kernel): Thp {
  const frames: Frame[] = [];
  const thp: Thp = { frames };
  for (let i = 0; i < HPAGE_PMD_NR; i++) {
    const f = allocFrame(k, true);
    f.anonExclusive = true;
    f.thp = thp;
    frames.push(f);
  }
  return thp;
}

/** set_pmd_at: install a huge PMD; it maps every page of the folio once. */
export function setHugePmd(mm: Mm, block: bigint, entry: Pte, folio: Thp | null): void {
  if (folio) for (const f of folio.frames) f.mapcount++;
  mm.pmds.set(block, { entry, folio });
}

/**
 * mm/huge_memory.c: map_anon_folio_pmd_nopf — folio_mk_pmd(folio, vm_page_prot), then
 * maybe_pmd_mkwrite(pmd_mkdirty()). The entry's frame stays null: the block's pages carry
 * their own frames (frameAt).
 */
export function mkAnonThpPmd(vma: Vma): Pte {
  const entry: Pte = { ...mkPte(vma, null), zeroPage: false };
  pteMkdirty(entry);
  maybeMkwrite(entry, vma);
  return entry;
}

/** A PMD-level fault's outcome: done, or VM_FAULT_FALLBACK (the PTE level runs). */
export type HugeFaultResult = 'ok' | 'fallback';

/**
 * mm/memory.c: __handle_mm_fault for a huge PMD — a write to a !pmd_write PMD is
 * wp_huge_pmd -> do_huge_pmd_wp_page; anything else is huge_pmd_set_accessed (touch_pmd:
 * pmd_mkyoung, pmd_mkdirty on write). 'fallback': the PMD was split, the 4K path runs.
 */
export function hugePmdFault(k: Kernel, mm: Mm, vma: Vma, addr: bigint, write: boolean): HugeFaultResult {
  const block = pmdBlock(addr);
  const pmd = mm.pmds.get(block)!;
  if (write && !pteWrite(pmd.entry)) return doHugePmdWpPage(k, mm, vma, block, pmd);
  hit(k, 'thp:set-accessed');
  touchPmd(pmd, write);
  return 'ok';
}

/**
 * mm/huge_memory.c: touch_pmd — pmd_mkyoung, and pmd_mkdirty for a write, stored by
 * pmdp_set_access_flags, which on x86 writes the entry only for a write
 * (arch/x86/mm/pgtable.c: `if (changed && dirty)`): a read leaves an old PMD old.
 */
export function touchPmd(pmd: HugePmd, write: boolean): void {
  if (!write) return;
  pteMkyoung(pmd.entry);
  pteMkdirty(pmd.entry);
}

/** How many mappings (PMDs and PTEs, in every process) reference pages of the folio: folio_ref_count without pins. */
export function folioRefs(k: Kernel, folio: Thp): { refs: number; mms: Set<Mm> } {
  let refs = 0;
  const mms = new Set<Mm>();
  for (const p of k.procs) {
    if (!p.alive) continue;
    for (const pmd of p.mm.pmds.values()) {
      if (pmd.folio === folio) {
        refs++;
        mms.add(p.mm);
      }
    }
    for (const pte of p.mm.ptes.values()) {
      if (pte.frame?.thp === folio) {
        refs++;
        mms.add(p.mm);
      }
    }
  }
  return { refs, mms };
}

/** mm/huge_memory.c: do_huge_pmd_wp_page. */
function doHugePmdWpPage(k: Kernel, mm: Mm, vma: Vma, block: bigint, pmd: HugePmd): HugeFaultResult {
  // mm/huge_memory.c: do_huge_zero_wp_pmd — the huge zero page is replaced by a new zeroed THP
  if (!pmd.folio) {
    hit(k, 'thp:wp-huge-zero-alloc');
    mm.pmds.delete(block);
    setHugePmd(mm, block, mkAnonThpPmd(vma), allocThp(k));
    return 'ok';
  }
  const folio = pmd.folio;
  // mm/huge_memory.c: do_huge_pmd_wp_page — PageAnonExclusive(head): reuse; else reuse when
  // folio_ref_count(folio) == 1 (no other PMD or PTE maps any page of it), marking it exclusive
  let reuse = folio.frames[0].anonExclusive;
  if (!reuse && folioRefs(k, folio).refs === 1) {
    hit(k, 'thp:wp-reuse-unshared');
    for (const f of folio.frames) f.anonExclusive = true;
    reuse = true;
  }
  if (reuse) {
    hit(k, 'thp:wp-reuse');
    pteMkyoung(pmd.entry);
    pteMkdirty(pmd.entry);
    maybeMkwrite(pmd.entry, vma);
    return 'ok';
  }
  // mm/huge_memory.c: do_huge_pmd_wp_page — unlock_fallback: __split_huge_pmd, VM_FAULT_FALLBACK
  hit(k, 'thp:wp-split-fallback');
  splitHugePmd(k, mm, vma, block);
  return 'fallback';
}

/**
 * mm/huge_memory.c: __split_huge_pmd_locked — the PMD becomes a PTE table of 512 entries.
 * A THP's pages: mk_pte(page, vm_page_prot), pte_mkwrite if pmd_write, pte_mkold if not
 * young, pte_mkdirty if pmd_dirty (the folio is marked dirty too), each page keeping its
 * PageAnonExclusive. The huge zero page (__split_huge_zero_page_pmd): zero-page PTEs of vm_page_prot.
 */
export function splitHugePmd(k: Kernel, mm: Mm, vma: Vma, block: bigint): void {
  const pmd = mm.pmds.get(block)!;
  mm.pmds.delete(block);
  const base = block << 9n;
  if (!pmd.folio) {
    hit(k, 'thp:split-huge-zero');
    for (let i = 0n; i < 512n; i++) setPte(mm, base + i, mkPte(vma, null));
    return;
  }
  hit(k, 'thp:split');
  const dirty = pteDirty(pmd.entry);
  for (let i = 0; i < HPAGE_PMD_NR; i++) {
    const f = pmd.folio.frames[i];
    // the PMD's mapping of the page becomes the PTE's (setPte takes it again)
    f.mapcount--;
    const pte = mkPte(vma, f);
    if (pteWrite(pmd.entry)) pteMkwrite(pte, vma);
    if (!pmd.entry.accessed) pteMkold(pte);
    if (dirty) {
      pteMkdirty(pte);
      f.dirty = true;
    }
    setPte(mm, base + BigInt(i), pte);
  }
}

/**
 * mm/huge_memory.c: split_huge_pmd_if_needed, as vma_adjust_trans_huge calls it when a VMA
 * boundary is set to `addr` (a split or a merge that moves one): a huge PMD over an
 * address that is not 2 MiB-aligned is split. Call before the boundary moves.
 */
export function splitHugePmdAt(k: Kernel, mm: Mm, addr: bigint): void {
  if ((addr & (HPAGE_PMD_SIZE - 1n)) === 0n) return;
  const block = pmdBlock(addr);
  if (!mm.pmds.has(block)) return;
  hit(k, 'thp:split-vma-boundary');
  splitHugePmd(k, mm, vmaAt(mm, addr)!, block);
}

/** mm/huge_memory.c: zap_huge_pmd — the PMD (and its deposited table) goes; the folio loses the mapping. */
export function zapHugePmd(k: Kernel, mm: Mm, block: bigint): void {
  const pmd = mm.pmds.get(block)!;
  mm.pmds.delete(block);
  hit(k, pmd.folio ? 'thp:zap' : 'thp:zap-huge-zero');
  if (!pmd.folio) return;
  for (const f of pmd.folio.frames) {
    f.mapcount--;
    maybeFreeFrame(k, f);
  }
}

/**
 * mm/memory.c: zap_pmd_range over [start, end) — a huge PMD the range covers whole is
 * zapped (zap_huge_pmd), one it covers in part is split first (__split_huge_pmd).
 */
export function zapHugePmds(k: Kernel, mm: Mm, start: bigint, end: bigint): void {
  for (const block of pmdBlocksInRange(mm, start, end)) {
    if (coversBlock(block, start, end)) zapHugePmd(k, mm, block);
    else splitHugePmd(k, mm, vmaAt(mm, blockStart(block))!, block);
  }
}

/** Split every huge PMD [start, end) touches only in part (the PMD level of a range walk). */
export function splitPartialHugePmds(k: Kernel, mm: Mm, start: bigint, end: bigint): void {
  for (const block of pmdBlocksInRange(mm, start, end)) {
    if (!coversBlock(block, start, end)) splitHugePmd(k, mm, vmaAt(mm, blockStart(block))!, block);
  }
}

/**
 * mm/mprotect.c: change_pmd_range for [start, end) of `vma` (its new vm_page_prot): a
 * block covered in part is split (its PTEs then change like any), a whole one is
 * mm/huge_memory.c: change_huge_pmd — pmd_modify, then with MM_CP_TRY_CHANGE_WRITABLE
 * pmd_mkwrite when can_change_pmd_writable (not PROT_NONE, an exclusive anon folio).
 */
export function changeHugePmds(k: Kernel, mm: Mm, vma: Vma, start: bigint, end: bigint, tryWritable: boolean): void {
  splitPartialHugePmds(k, mm, start, end);
  for (const block of pmdBlocksInRange(mm, start, end)) {
    const pmd = mm.pmds.get(block)!;
    hit(k, 'thp:change-huge-pmd');
    pteModify(pmd.entry, vma);
    // mm/huge_memory.c: can_change_pmd_writable — vm_normal_page_pmd is NULL for the huge zero page
    if (tryWritable && !pteWrite(pmd.entry) && !pmd.entry.protnone && pmd.folio?.frames[0].anonExclusive) {
      hit(k, 'thp:change-huge-pmd-writable');
      pteMkwrite(pmd.entry, vma);
    }
  }
}

/**
 * mm/huge_memory.c: copy_huge_pmd (fork, an anonymous VMA): the huge zero PMD, or the THP
 * with folio_try_dup_anon_rmap_pmd (no page exclusive any more); pmdp_set_wrprotect in the
 * parent, pmd_wrprotect + pmd_mkold in the child.
 */
export function copyHugePmds(k: Kernel, src: Mm, dst: Mm, vma: Vma): void {
  for (const block of pmdBlocksInRange(src, vma.start, vma.end)) {
    const pmd = src.pmds.get(block)!;
    hit(k, pmd.folio ? 'fork:copy-huge-pmd' : 'fork:copy-huge-zero-pmd');
    if (pmd.folio) for (const f of pmd.folio.frames) f.anonExclusive = false;
    pteWrprotect(pmd.entry);
    const child: Pte = { ...pmd.entry };
    pteMkold(child);
    setHugePmd(dst, block, child, pmd.folio);
  }
}

/**
 * mm/mremap.c: move_page_tables, the PMD level, for a move by `delta` of [start, end):
 * a huge PMD whose block the range covers whole and whose new address is 2 MiB-aligned
 * moves as it is (move_huge_pmd); any other is split (its PTEs then move).
 */
export function moveHugePmds(k: Kernel, mm: Mm, start: bigint, end: bigint, delta: bigint): void {
  const moves: Array<[bigint, HugePmd]> = [];
  for (const block of pmdBlocksInRange(mm, start, end)) {
    const aligned = ((blockStart(block) + delta) & (HPAGE_PMD_SIZE - 1n)) === 0n;
    if (coversBlock(block, start, end) && aligned) {
      moves.push([block, mm.pmds.get(block)!]);
      mm.pmds.delete(block);
    } else {
      splitHugePmd(k, mm, vmaAt(mm, blockStart(block))!, block);
    }
  }
  for (const [block, pmd] of moves) {
    hit(k, 'mremap:move-huge-pmd');
    mm.pmds.set(pmdBlock(blockStart(block) + delta), pmd);
  }
}

/**
 * mm/memory.c: free_pgtables (unmap_region, vms_clear_ptes, exit_mmap): the PTE tables of
 * the blocks [start, end) touches that no VMA reaches into any more are freed (the floor and
 * ceiling are the neighbouring VMAs).
 */
export function freePgtables(mm: Mm, start: bigint, end: bigint): void {
  // the tables that exist, not every block of the range (an unmap may span terabytes)
  for (const b of tablesInRange(mm, pmdBlock(start), pmdBlock(end + HPAGE_PMD_SIZE - 1n))) {
    const lo = blockStart(b);
    const hi = lo + HPAGE_PMD_SIZE;
    if (mm.vmas.some((v) => v.start < hi && v.end > lo)) continue;
    mm.pteTables.delete(b);
  }
}

/** The blocks in [lo, hi) that have a PTE table (the tables that exist: a range may span terabytes). */
export function tablesInRange(mm: Mm, lo: bigint, hi: bigint): bigint[] {
  return [...mm.pteTables.keys()].filter((b) => b >= lo && b < hi);
}

/**
 * mm/memory.c: zap_pte_range with CONFIG_PT_RECLAIM (MADV_DONTNEED: reclaim_pt_is_enabled
 * when the zap covers the whole block) — a PTE table left with every entry none is freed
 * (try_to_free_pte); a guard marker keeps it.
 */
export function reclaimEmptyPteTables(k: Kernel, mm: Mm, start: bigint, end: bigint): void {
  for (const b of tablesInRange(mm, pmdBlock(start), pmdBlock(end))) {
    if (!coversBlock(b, start, end)) continue;
    let empty = true;
    for (let pg = b << 9n; pg < (b + 1n) << 9n; pg++) {
      if (mm.ptes.has(pg)) {
        empty = false;
        break;
      }
    }
    if (!empty) continue;
    hit(k, 'thp:pt-reclaim');
    mm.pteTables.delete(b);
  }
}

/** Pages of [start, end) that map a THP's page, by PMD or PTE: the advice that would split or reclaim a large folio is not modelled. */
export function largeFolioInRange(mm: Mm, start: bigint, end: bigint): boolean {
  return pmdBlocksInRange(mm, start, end).length > 0 || pteMappedLargeFolioInRange(mm, start, end);
}

function pteMappedLargeFolioInRange(mm: Mm, start: bigint, end: bigint): boolean {
  for (const [page, pte] of mm.ptes) {
    const a = page << 12n;
    if (a >= start && a < end && pte.frame?.thp) return true;
  }
  return false;
}

/**
 * mm/mprotect.c: change_pte_range -> mprotect_folio_pte_batch + modify_prot_start_ptes: the
 * present PTEs of [start, end) that map consecutive pages of one THP (within one 2 MiB block,
 * every bit but A and D / SavedDirty the same) are read and cleared as one batch
 * (get_and_clear_full_ptes), which ORs their Accessed and dirty bits into the entry every one
 * of them is then rewritten from: one young PTE makes the whole batch young, one dirty PTE
 * the whole batch dirty (seen on the live kernel, kernel/thp-facts/mprotect_batch.mm).
 */
export function gatherLargeFolioBatchBits(k: Kernel, mm: Mm, start: bigint, end: bigint): void {
  const hi = (end + 0xfffn) >> 12n;
  const sameButAD = (a: Pte, b: Pte) =>
    a.present === b.present && a.rw === b.rw && a.user === b.user && a.protnone === b.protnone && a.nx === b.nx && a.pkey === b.pkey && a.zeroPage === b.zeroPage;
  // only pages with a PTE can start a batch (a range may span 128 TiB)
  const pages = ptePagesInRange(mm, start, end);
  for (let i = 0; i < pages.length; ) {
    const page = pages[i];
    const first = mm.ptes.get(page)!;
    if (first.guard || !(first.present || first.protnone) || !first.frame?.thp) {
      i++;
      continue;
    }
    const folio = first.frame.thp;
    const batch: Pte[] = [first];
    let idx = folio.frames.indexOf(first.frame);
    let next = page + 1n;
    while (next < hi && next >> 9n === page >> 9n) {
      const pte = mm.ptes.get(next);
      if (!pte || pte.guard || pte.frame !== folio.frames[idx + 1] || !sameButAD(first, pte)) break;
      batch.push(pte);
      idx++;
      next++;
    }
    if (batch.length > 1) {
      const young = batch.some((e) => e.accessed);
      const dirty = batch.some((e) => pteDirty(e));
      if (batch.some((e) => e.accessed !== young || pteDirty(e) !== dirty)) hit(k, 'thp:mprotect-batch-gather');
      for (const e of batch) {
        e.accessed = young;
        if (dirty) pteMkdirty(e);
      }
    }
    while (i < pages.length && pages[i] < next) i++;
  }
}

/**
 * mm/madvise.c: madvise_cold_or_pageout_pte_range / madvise_free_pte_range for the PTEs of
 * [start, end) that map pages of a THP (its PMD was split): the PTEs mapping consecutive pages
 * of the folio are one batch (madvise_folio_pte_batch: every bit but A, D and RW alike). A
 * batch smaller than the folio: a folio another process maps is skipped, else split_folio
 * (all-zero pages become the zero page) and the 4K walk does the rest. A batch of the whole
 * folio: COLD makes every PTE old, FREE old and clean with the folio lazyfree (not if another
 * process maps it), PAGEOUT splits it as reclaim does (pageoutHugePmds); a folio mapped by
 * another process is left alone. Not modelled: PAGEOUT of a lazyfree or VM_DROPPABLE THP.
 */
function largeFolioPtes(k: Kernel, mm: Mm, start: bigint, end: bigint, advice: 'cold' | 'free' | 'pageout'): void {
  const hi = (end + 0xfffn) >> 12n;
  // only pages with a PTE can start a batch (a range may span 128 TiB)
  const pages = ptePagesInRange(mm, start, end);
  for (let i = 0; i < pages.length; ) {
    const page = pages[i];
    const first = mm.ptes.get(page);
    const folio = first && !first.guard && (first.present || first.protnone) ? first.frame?.thp : undefined;
    if (!folio) {
      i++;
      continue;
    }
    let idx = folio.frames.indexOf(first!.frame!);
    let next = page + 1n;
    for (; next < hi && next >> 9n === page >> 9n; next++) {
      const pte = mm.ptes.get(next);
      if (!pte || pte.guard || pte.frame !== folio.frames[idx + 1]) break;
      if (pte.present !== first!.present || pte.user !== first!.user || pte.protnone !== first!.protnone || pte.nx !== first!.nx || pte.pkey !== first!.pkey) break;
      idx++;
    }
    const nr = Number(next - page);
    const shared = folioRefs(k, folio).mms.size > 1;
    const vma = vmaAt(mm, page << 12n)!;
    // madvise_free_pte_range: a whole batch of a folio another process maps is skipped only when
    // the folio is dirty (folio_mapcount != folio_nr_pages before folio_clear_dirty)
    const freeShared = advice === 'free' && nr === HPAGE_PMD_NR && !folio.frames.some((f) => f.dirty);
    if (shared && !freeShared) {
      hit(k, `thp:${advice}-ptes-shared-skip`);
    } else if (nr < HPAGE_PMD_NR) {
      hit(k, `thp:${advice}-ptes-split-folio`);
      splitPteMappedFolio(k, mm, folio);
    } else if (advice === 'pageout') {
      if (vma.flags & VMF.DROPPABLE || folio.frames[0].lazyfree) throw new NotModelled('MADV_PAGEOUT of a transparent huge page that is not swap-backed');
      hit(k, 'thp:pageout-ptes-split');
      splitPteMappedFolio(k, mm, folio);
    } else {
      hit(k, `thp:${advice}-ptes-whole`);
      for (let pg = page; pg < next; pg++) {
        const pte = mm.ptes.get(pg)!;
        pteMkold(pte);
        if (advice === 'free') {
          pte.dirty = false;
          pte.savedDirty = false;
        }
      }
      if (advice === 'free') for (const f of folio.frames) {
        f.dirty = false;
        f.lazyfree = true;
      }
    }
    while (i < pages.length && pages[i] < next) i++;
  }
}

/**
 * mm/huge_memory.c: split_folio of a THP mapped by PTEs in this process only: it becomes 512
 * order-0 folios, and a mapped page whose bytes are all zero is remapped to the shared zero
 * page (remap_page with RMP_USE_SHARED_ZEROPAGE), its PTE built from vm_page_prot.
 */
function splitPteMappedFolio(k: Kernel, mm: Mm, folio: Thp): void {
  const pages: Array<[bigint, Frame]> = [];
  for (const [page, pte] of mm.ptes) if (pte.frame?.thp === folio) pages.push([page, pte.frame]);
  for (const f of folio.frames) delete f.thp;
  for (const [page, f] of pages) {
    if (f.data && f.data.some((b) => b !== 0)) continue;
    hit(k, 'thp:split-folio-zero-remap');
    f.mapcount--;
    maybeFreeFrame(k, f);
    mm.ptes.delete(page);
    setPte(mm, page, mkPte(vmaAt(mm, page << 12n)!, null));
  }
}

/**
 * MADV_PAGEOUT of the huge PMDs in [start, end), without swap (mm/madvise.c:
 * madvise_cold_or_pageout_pte_range -> mm/vmscan.c: reclaim_pages -> shrink_folio_list): a
 * whole exclusive swap-backed THP cannot go to swap, so reclaim splits it ("fallback to swap
 * normal pages": split_folio_to_list) and keeps the pieces. The PMD becomes 512 PTEs as in any
 * split, except that a page whose bytes are all zero is remapped to the shared zero page
 * (mm/huge_memory.c: remap_page with RMP_USE_SHARED_ZEROPAGE -> try_to_map_unused_to_zeropage,
 * vm_page_prot; on this host too, whose faults never map the zero page: seen on the live
 * kernel); each page is an order-0 folio from then on, which reclaim keeps (no swap). The huge
 * zero page and a folio another process maps are left alone. Not modelled: part of a block
 * (split_folio first), a MADV_FREE'd or VM_DROPPABLE THP (not swap-backed: discarded), the
 * pages of a THP mapped by PTEs.
 */
export function pageoutHugePmds(k: Kernel, mm: Mm, vma: Vma, start: bigint, end: bigint): void {
  largeFolioPtes(k, mm, start, end, 'pageout');
  for (const block of pmdBlocksInRange(mm, start, end)) {
    const folio = mm.pmds.get(block)!.folio;
    if (!folio) continue;
    if (folioRefs(k, folio).mms.size > 1) {
      hit(k, 'thp:pageout-shared-skip');
      continue;
    }
    // mm/madvise.c: madvise_cold_or_pageout_pte_range — part of the block: split_folio, then
    // the 4K walk (madvise.ts) handles the pages in the range
    if (!coversBlock(block, start, end)) {
      hit(k, 'thp:pageout-part-split-folio');
      splitFolio(k, mm, vma, block);
      continue;
    }
    if (vma.flags & VMF.DROPPABLE || folio.frames[0].lazyfree) throw new NotModelled('MADV_PAGEOUT of a transparent huge page that is not swap-backed');
    hit(k, 'thp:pageout-split');
    splitFolio(k, mm, vma, block);
  }
}

/**
 * mm/huge_memory.c: split_folio of an exclusive PMD-mapped THP (__folio_split): the PMD is
 * split as __split_huge_pmd_locked does (through migration entries that keep its bits), the
 * folio becomes 512 order-0 folios, and each page whose bytes are all zero is remapped to the
 * shared zero page instead (remap_page with RMP_USE_SHARED_ZEROPAGE ->
 * try_to_map_unused_to_zeropage: pte_mkspecial(pfn_pte(my_zero_pfn, vm_page_prot))), also on
 * this host, whose faults never map the zero page (seen on the live kernel).
 */
function splitFolio(k: Kernel, mm: Mm, vma: Vma, block: bigint): void {
  const folio = mm.pmds.get(block)!.folio!;
  splitHugePmd(k, mm, vma, block);
  const base = block << 9n;
  for (let i = 0; i < HPAGE_PMD_NR; i++) {
    const f = folio.frames[i];
    delete f.thp;
    if (f.data && f.data.some((b) => b !== 0)) continue;
    hit(k, 'thp:split-folio-zero-remap');
    f.mapcount--;
    maybeFreeFrame(k, f);
    mm.ptes.delete(base + BigInt(i));
    setPte(mm, base + BigInt(i), mkPte(vma, null));
  }
}

/**
 * The huge PMDs MADV_COLD and MADV_FREE meet in [start, end): the huge zero page and a folio
 * another process maps too (folio_maybe_mapped_shared) are left alone; a block the range
 * covers whole is made old (COLD: madvise_cold_or_pageout_pte_range, pmd_mkold of a young
 * PMD) or old, clean and lazily freeable (FREE: mm/huge_memory.c: madvise_free_huge_pmd —
 * folio_clear_dirty, pmd_mkold + pmd_mkclean, folio_mark_lazyfree). Not modelled: a block
 * covered in part (split_folio splits the THP itself) and the pages of a THP mapped by PTEs.
 */
export function madviseColdFreeHugePmds(k: Kernel, mm: Mm, start: bigint, end: bigint, free: boolean): void {
  const what = free ? 'MADV_FREE' : 'MADV_COLD';
  largeFolioPtes(k, mm, start, end, free ? 'free' : 'cold');
  for (const block of pmdBlocksInRange(mm, start, end)) {
    const pmd = mm.pmds.get(block)!;
    if (!pmd.folio) continue;
    const { mms } = folioRefs(k, pmd.folio);
    if (mms.size > 1) {
      hit(k, free ? 'thp:free-shared-skip' : 'thp:cold-shared-skip');
      continue;
    }
    // part of the block: split_folio, then the 4K walk (madvise.ts) handles the pages in the range
    if (!coversBlock(block, start, end)) {
      hit(k, free ? 'thp:free-part-split-folio' : 'thp:cold-part-split-folio');
      splitFolio(k, mm, vmaAt(mm, blockStart(block))!, block);
      continue;
    }
    pteMkold(pmd.entry);
    if (!free) {
      hit(k, 'thp:cold-mkold');
      continue;
    }
    hit(k, 'thp:free-lazyfree');
    pmd.entry.dirty = false;
    pmd.entry.savedDirty = false;
    for (const f of pmd.folio.frames) {
      f.dirty = false;
      f.lazyfree = true;
    }
  }
}
