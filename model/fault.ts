// The kernel side of a page fault, once the VMA and access were found legal
// (mm/memory.c: handle_mm_fault -> handle_pte_fault), and stack growth
// (mm/mmap.c: expand_downwards).
//
//   pte none, private anon:  read  -> the shared zero page, RW=0 (do_anonymous_page)
//                            write -> a new zeroed exclusive page, RW|D (in a shadow-stack
//                            VMA a shadow-stack PTE: RW=0, D=1, SavedDirty=1)
//   pte none, trampfd:       read -> the trampfd's page (filled once), RW=0 D=0 (trampfd-page.ts);
//                            write -> do_cow_fault: a private copy of it, RW|D
//   pte none, shmem:         read -> fault-around maps the cached pages of the 16-page window,
//                            then index >= i_size -> SIGBUS, else the page (allocated zeroed
//                            if absent), RW as the VMA allows, D=0; write: index >= i_size ->
//                            SIGBUS, else the page, RW|D
//   guard marker                                   -> SIGSEGV (SEGV_MAPERR)
//   present, write, !pte_write (RW=0 and not a shadow-stack PTE):
//                            do_wp_page: zero page -> copy to a new page; anon page that is
//                            exclusive or mapped once -> reuse (RW|D|A); else copy;
//                            shared mapping -> reuse. pte_mkwrite(pte, vma) makes the new PTE
//                            a shadow-stack PTE in a VM_SHADOW_STACK VMA (SEMANTICS §10.7).
//   present otherwise        -> A (and D on write) set (spurious fault)
//   first the PMD level (thp=1, model/thp.ts): a huge PMD's own faults, or a huge page where
//   the block's PMD is none in a VM_HUGEPAGE private anonymous VMA; then the above on PTEs.
//   A page of a split THP is reused only while this process alone maps the folio.

import { NotModelled, PROT, VMF } from '../abi/index.js';
import { allocFrame, hit, maybeFreeFrame, pageOf, type Frame, type Kernel, type Mm, type Process, type Pte, type Thp, type Vma } from './mm.js';
import { mkPte, maybeMkwrite, pteMkdirty, pteMkyoung, pteWrite } from './pte.js';
import { allocThp, folioRefs, HPAGE_PMD_SIZE, hugePmdFault, mkAnonThpPmd, pmdBlock, setHugePmd } from './thp.js';
import { trampfdFault } from './trampfd-page.js';
import { anonVmaPrepare, STACK_GUARD_GAP_BYTES, vmaIsAccessible, vmaIsAnonymous, vmaIsShared, vmaPgoffAt, vmaPrev } from './vma.js';
import { ptePutFrame, setPte } from './zap.js';

/** RLIMIT_STACK of the machines (KERNEL-TARGET.md: the helper sets 8 MiB). */
export const RLIMIT_STACK = 8n << 20n;

export type FaultResult = 'ok' | 'SIGSEGV' | 'SIGBUS';

/** mm/memory.c: handle_mm_fault for the page holding addr. */
export function handleMmFault(k: Kernel, p: Process, vma: Vma, addr: bigint, write: boolean): FaultResult {
  const mm = p.mm;
  const page = pageOf(addr);
  // mm/memory.c: handle_mm_fault -> mm/hugetlb.c: hugetlb_fault -> hugetlb_no_page — the pool is empty
  // (MAP_NORESERVE reserved nothing): alloc_hugetlb_folio fails, VM_FAULT_SIGBUS (a CPU access:
  // SIGBUS BUS_ADRERR; GUP: EFAULT)
  if (vma.flags & VMF.HUGETLB) {
    if (k.cfg.hugePages > 0) throw new NotModelled('a fault in a hugetlb VMA with huge pages in the pool');
    hit(k, 'hugetlb:fault-SIGBUS');
    return 'SIGBUS';
  }
  // mm/memory.c: __handle_mm_fault — the PMD level first: a huge PMD (model/thp.ts), or
  // create_huge_pmd where the PMD is none; VM_FAULT_FALLBACK goes on to the PTE level
  if (mm.pmds.has(pmdBlock(addr))) {
    if (hugePmdFault(k, mm, vma, addr, write) === 'ok') return 'ok';
  } else if (createHugePmd(k, mm, vma, addr, write) === 'ok') {
    return 'ok';
  }
  const pte = mm.ptes.get(page);
  if (!pte) {
    if (vma.trampfd) {
      // the trampfd's vm_ops->fault (trampfd RFC v2: trampfd_fault) maps its page; a write
      // (PROT_WRITE added by mprotect) is mm/memory.c: do_cow_fault — a private copy of that page
      trampfdFault(k, mm, vma, page);
      return write ? doWpPage(k, mm, vma, page, mm.ptes.get(page)!) : 'ok';
    }
    if (vmaIsAnonymous(vma)) return doAnonymousPage(k, mm, vma, page, write);
    return write ? doSharedFault(k, mm, vma, page) : doReadFault(k, mm, vma, page);
  }
  // mm/memory.c: handle_pte_marker — a guard marker is VM_FAULT_SIGSEGV
  if (pte.guard) {
    hit(k, 'fault:guard-SIGSEGV');
    return 'SIGSEGV';
  }
  // mm/memory.c: handle_pte_fault — a write to a PTE that !pte_write() is a write-protect fault
  if (write && !pteWrite(pte)) return doWpPage(k, mm, vma, page, pte);
  // mm/memory.c: handle_pte_fault — a spurious fault: pte_mkyoung, pte_mkdirty on write
  pteMkyoung(pte);
  if (write) pteMkdirty(pte);
  return 'ok';
}

/** The VMA's kind allows a THP only where this model can build one. */
function thpNotModelledIn(vma: Vma): void {
  // arch/x86/mm/pgtable.c: pmd_mkwrite — pmd_mkwrite_shstk in a shadow-stack VMA
  if (vma.flags & VMF.SHADOW_STACK) throw new NotModelled('a transparent huge page in a shadow-stack VMA');
}

/**
 * include/linux/huge_mm.h: thp_vma_allowable_order(vma, TVA_PAGEFAULT, PMD_ORDER) on this host:
 * THP not disabled for the process (PR_SET_THP_DISABLE) nor the VMA (VM_NOHUGEPAGE), the
 * "madvise" mode (VM_HUGEPAGE), an anonymous VMA (shmem_enabled=never; a trampfd is a file).
 */
function thpFaultAllowed(k: Kernel, vma: Vma): boolean {
  if (!k.cfg.thp) return false;
  if (vma.flags & VMF.NOHUGEPAGE || !(vma.flags & VMF.HUGEPAGE)) return false;
  return vmaIsAnonymous(vma);
}

/** include/linux/huge_mm.h: thp_vma_suitable_order — the aligned block lies inside the VMA (no pgoff check for anon). */
function thpVmaSuitable(vma: Vma, addr: bigint): boolean {
  const haddr = addr & ~(HPAGE_PMD_SIZE - 1n);
  return haddr >= vma.start && haddr + HPAGE_PMD_SIZE <= vma.end;
}

/** pmd_none(): neither a huge PMD nor a PTE table in the block. */
function pmdNone(mm: Mm, addr: bigint): boolean {
  const b = pmdBlock(addr);
  return !mm.pmds.has(b) && !mm.pteTables.has(b);
}

/**
 * mm/memory.c: __handle_mm_fault — `pmd_none(*vmf.pmd) && thp_vma_allowable_order(...)` ->
 * create_huge_pmd -> mm/huge_memory.c: do_huge_pmd_anonymous_page (model/thp.ts has the
 * rules). 'fallback' when the 4K path must run (VM_FAULT_FALLBACK, or no huge fault at all).
 */
function createHugePmd(k: Kernel, mm: Mm, vma: Vma, addr: bigint, write: boolean): 'ok' | 'fallback' {
  if (!pmdNone(mm, addr) || !thpFaultAllowed(k, vma)) return 'fallback';
  // mm/huge_memory.c: do_huge_pmd_anonymous_page — !thp_vma_suitable_order -> VM_FAULT_FALLBACK
  if (!thpVmaSuitable(vma, addr)) {
    hit(k, 'thp:fault-block-outside-vma');
    return 'fallback';
  }
  thpNotModelledIn(vma);
  // mm/huge_memory.c: do_huge_pmd_anonymous_page — vmf_anon_prepare, before the zero-page choice
  anonVmaPrepare(k, mm, vma);
  const block = pmdBlock(addr);
  // mm/huge_memory.c: do_huge_pmd_anonymous_page — a read with the zero page allowed
  // (!mm_forbids_zeropage, use_zero_page=1): set_huge_zero_folio, pmd_mkspecial(folio_mk_pmd(vm_page_prot))
  if (!write && k.cfg.zeroPage) {
    hit(k, 'thp:fault-huge-zero');
    setHugePmd(mm, block, mkPte(vma, null), null);
    return 'ok';
  }
  // mm/huge_memory.c: __do_huge_pmd_anonymous_page — vma_alloc_anon_folio_pmd (zeroed), map_anon_folio_pmd_pf
  hit(k, write ? 'thp:fault-write' : 'thp:fault-read');
  if (vma.pkey !== 0) hit(k, 'thp:fault+pkey');
  setHugePmd(mm, block, mkAnonThpPmd(vma), allocThp(k));
  return 'ok';
}

/** mm/memory.c: do_anonymous_page. */
function doAnonymousPage(k: Kernel, mm: Mm, vma: Vma, page: bigint, write: boolean): FaultResult {
  // mm/memory.c: do_anonymous_page — `!(vmf->flags & FAULT_FLAG_WRITE) && !mm_forbids_zeropage(mm)`
  if (!write && k.cfg.zeroPage) {
    // mm/memory.c: do_anonymous_page — use the zero page for reads (pte_mkspecial, vm_page_prot)
    hitFault(k, vma, 'fault:zero-page');
    setPte(mm, page, mkPte(vma, null));
    return 'ok';
  }
  // mm/memory.c: do_anonymous_page — vmf_anon_prepare, then a zeroed exclusive folio
  anonVmaPrepare(k, mm, vma);
  hitFault(k, vma, 'fault:anon-alloc');
  const frame = allocFrame(k, true);
  frame.anonExclusive = true;
  const pte = mkPte(vma, frame);
  // mm/memory.c: do_anonymous_page — if VM_WRITE: pte_mkwrite(pte_mkdirty(entry))
  if (vma.prot & PROT.WRITE) {
    pteMkdirty(pte);
    maybeMkwrite(pte, vma);
  }
  setPte(mm, page, pte);
  return 'ok';
}

/**
 * Coverage of a fault path, and of the same path in a VMA with a protection key: the
 * PTE a fault builds must carry the key, so the combination is worth its own feature.
 */
function hitFault(k: Kernel, vma: Vma, feature: string): void {
  hit(k, feature);
  if (vma.pkey !== 0) hit(k, `${feature}+pkey`);
  if (vma.flags & VMF.SHADOW_STACK) hit(k, `${feature}+shstk`);
}

/** mm/memory.c: do_wp_page — write to a present, write-protected PTE. */
function doWpPage(k: Kernel, mm: Mm, vma: Vma, page: bigint, pte: Pte): FaultResult {
  // mm/memory.c: do_wp_page — shared mappings: wp_page_shared -> wp_page_reuse
  if (vmaIsShared(vma)) {
    hit(k, 'fault:wp-shared-reuse');
    wpPageReuse(pte, vma);
    return 'ok';
  }
  const frame = pte.frame;
  // mm/memory.c: do_wp_page — an exclusive anon folio, or one only we map (wp_can_reuse_anon_folio)
  if (frame && frame.anon && (frame.anonExclusive || (frame.thp ? wpCanReuseLargeAnonFolio(k, mm, frame.thp) : frame.mapcount === 1))) {
    hitFault(k, vma, frame.anonExclusive ? 'fault:wp-reuse-exclusive' : 'fault:cow-reuse');
    frame.anonExclusive = true;
    wpPageReuse(pte, vma);
    return 'ok';
  }
  hitFault(k, vma, pte.zeroPage ? 'fault:cow-zero' : 'fault:cow-copy');
  wpPageCopy(k, mm, vma, page, pte);
  return 'ok';
}

/**
 * mm/memory.c: __wp_can_reuse_large_anon_folio (CONFIG_MM_ID) — a page of a THP its PMD was
 * split from: reuse when the folio has more than one mapping (with a single one left it is
 * freed rather than kept) and every mapping is this process's (not maybe-mapped-shared, and
 * no reference besides the mappings).
 */
function wpCanReuseLargeAnonFolio(k: Kernel, mm: Mm, folio: Thp): boolean {
  const { refs, mms } = folioRefs(k, folio);
  const reuse = refs > 1 && mms.size === 1 && mms.has(mm);
  if (reuse) hit(k, 'fault:cow-reuse-large-folio');
  return reuse;
}

/** mm/memory.c: wp_page_reuse — pte_mkyoung, maybe_mkwrite(pte_mkdirty()). */
function wpPageReuse(pte: Pte, vma: Vma): void {
  pteMkyoung(pte);
  pteMkdirty(pte);
  maybeMkwrite(pte, vma);
}

/** mm/memory.c: wp_page_copy — a new exclusive page (zeroed for the zero page, else a copy). */
function wpPageCopy(k: Kernel, mm: Mm, vma: Vma, page: bigint, old: Pte): void {
  anonVmaPrepare(k, mm, vma);
  const frame = allocFrame(k, true);
  frame.anonExclusive = true;
  if (old.frame?.data) frame.data = old.frame.data.slice();
  const pte = mkPte(vma, frame);
  pteMkdirty(pte);
  maybeMkwrite(pte, vma);
  ptePutFrame(k, old);
  mm.ptes.delete(page);
  setPte(mm, page, pte);
}

/** mm/shmem.c: shmem_get_folio_gfp(SGP_CACHE) — beyond i_size -> -EINVAL -> VM_FAULT_SIGBUS; else find or allocate. */
function shmemGetPage(k: Kernel, vma: Vma, index: bigint): Frame | null {
  const shm = vma.shmem!;
  if (index >= shm.sizePages) return null;
  let f = shm.pages.get(index);
  if (!f) {
    hit(k, 'fault:shmem-alloc');
    f = allocFrame(k, false);
    f.inCache = true;
    shm.pages.set(index, f);
  }
  return f;
}

/** mm/memory.c: do_shared_fault — write fault on a shmem page. */
function doSharedFault(k: Kernel, mm: Mm, vma: Vma, page: bigint): FaultResult {
  const f = shmemGetPage(k, vma, vmaPgoffAt(vma, page << 12n));
  if (!f) {
    hit(k, 'fault:shmem-SIGBUS');
    return 'SIGBUS';
  }
  // mm/memory.c: do_shared_fault -> fault_dirty_shared_page — folio_mark_dirty
  f.dirty = true;
  // mm/memory.c: set_pte_range — write: maybe_mkwrite(pte_mkdirty(entry))
  const pte = mkPte(vma, f);
  pteMkdirty(pte);
  maybeMkwrite(pte, vma);
  setPte(mm, page, pte);
  return 'ok';
}

/** mm/memory.c: fault_around_bytes = 64 KiB -> 16 pages. */
const FAULT_AROUND_PAGES = 16n;

/** mm/memory.c: do_read_fault — do_fault_around first, then ->fault (shmem_fault). */
function doReadFault(k: Kernel, mm: Mm, vma: Vma, page: bigint): FaultResult {
  const index = vmaPgoffAt(vma, page << 12n);
  // fault-around maps the cached neighbours even when the page itself is beyond i_size
  // (the SIGBUS comes from ->fault afterwards; seen on the live kernel)
  doFaultAround(k, mm, vma, page);
  if (index >= vma.shmem!.sizePages) {
    hit(k, 'fault:shmem-SIGBUS');
    return 'SIGBUS';
  }
  if (mm.ptes.has(page)) return 'ok';
  const f = shmemGetPage(k, vma, index)!;
  setPte(mm, page, readFaultPte(vma, f));
  return 'ok';
}

/**
 * mm/memory.c: set_pte_range for a read fault — vm_page_prot as is (shared RW stays
 * RW), and D only when the PTE is writable and the folio is already dirty
 * (`else if (pte_write(entry) && folio_test_dirty(folio)) entry = pte_mkdirty(entry)`,
 * generic since mk_pte lost its s390-only dirty logic).
 */
function readFaultPte(vma: Vma, f: Frame): Pte {
  const pte = mkPte(vma, f);
  if (pteWrite(pte) && f.dirty) pteMkdirty(pte);
  return pte;
}

/**
 * mm/memory.c: do_fault_around + mm/filemap.c: filemap_map_pages — map the pages of
 * the 16-page aligned window (clipped to the VMA, the page table and i_size) that are
 * already in the page cache and whose PTE is none. x86 makes prefaulted PTEs young.
 */
function doFaultAround(k: Kernel, mm: Mm, vma: Vma, page: bigint): void {
  const pteOff = page & 511n;
  const vmaOff = page - (vma.start >> 12n);
  const vmaPagesCount = (vma.end - vma.start) >> 12n;
  const alignDown = pteOff - (pteOff % FAULT_AROUND_PAGES);
  const clampLow = pteOff - (vmaOff < pteOff ? vmaOff : pteOff);
  const fromPte = alignDown > clampLow ? alignDown : clampLow;
  let toPte = fromPte + FAULT_AROUND_PAGES;
  if (toPte > 512n) toPte = 512n;
  const vmaLimit = pteOff + vmaPagesCount - vmaOff;
  if (toPte > vmaLimit) toPte = vmaLimit;
  const shm = vma.shmem!;
  for (let off = fromPte; off < toPte; off++) {
    const pg = page - pteOff + off;
    if (mm.ptes.has(pg)) continue;
    const index = vmaPgoffAt(vma, pg << 12n);
    if (index >= shm.sizePages) continue;
    const f = shm.pages.get(index);
    if (!f) continue;
    if (pg !== page) hit(k, 'fault:shmem-fault-around');
    setPte(mm, pg, readFaultPte(vma, f));
  }
}

/**
 * mm/mmap.c: expand_downwards — grow a VM_GROWSDOWN VMA down to the page of addr.
 * Fails (-> SEGV_MAPERR) below mmap_min_addr, inside stack_guard_gap above an
 * accessible non-growsdown previous VMA, or beyond RLIMIT_STACK. Allocates the anon_vma.
 */
export function expandDownwards(k: Kernel, p: Process, vma: Vma, addr: bigint): boolean {
  const mm = p.mm;
  const address = addr & ~0xfffn;
  // mm/mmap.c: expand_downwards — address < mmap_min_addr -> -EPERM
  if (address < k.cfg.mmapMinAddr) {
    hit(k, 'stack:below-min');
    return false;
  }
  // mm/mmap.c: expand_downwards — enforce stack_guard_gap
  const prev = vmaPrev(mm, vma);
  if (prev && !(prev.flags & VMF.GROWSDOWN) && vmaIsAccessible(prev) && address - prev.end < STACK_GUARD_GAP_BYTES) {
    hit(k, 'stack:guard-gap');
    return false;
  }
  // mm/mmap.c: expand_downwards — we must make sure the anon_vma is allocated
  anonVmaPrepare(k, mm, vma);
  if (address < vma.start) {
    const size = vma.end - address;
    const grow = (vma.start - address) >> 12n;
    // mm/mmap.c: expand_downwards — grow <= vm_pgoff
    if (grow > vma.pgoff) return false;
    // mm/mmap.c: acct_stack_growth — size > rlimit(RLIMIT_STACK) -> -ENOMEM
    if (size > RLIMIT_STACK) {
      hit(k, 'stack:rlimit');
      return false;
    }
    hit(k, 'stack:grow');
    vma.start = address;
    vma.pgoff -= grow;
  }
  return true;
}

/** Free a frame that lost its last reference (re-exported for madvise REMOVE). */
export function dropCachePage(k: Kernel, f: Frame): void {
  f.inCache = false;
  maybeFreeFrame(k, f);
}
