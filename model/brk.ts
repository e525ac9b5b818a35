// brk (mm/mmap.c: SYSCALL_DEFINE1(brk), check_brk_limits; mm/vma.c: do_brk_flags).
//
// Always returns an address: the new brk on success, the old one on failure.
//   brk < mm->start_brk                                   -> fail
//   PAGE_ALIGN(brk) == PAGE_ALIGN(mm->brk)                -> mm->brk = brk (unaligned kept)
//   shrink: the pages [newbrk, oldbrk) must belong to a VMA; munmap them
//           (sealed -> fail)
//   grow: the range must fit below TASK_SIZE, and the next VMA must start at least one page
//         (plus stack_guard_gap for a growsdown VMA) above newbrk; extend the previous VMA
//         when it ends at oldbrk and is compatible (rw-p, VM_ACCOUNT), else a new VMA;
//         map_count > max_map_count, then more new pages than RAM + swap -> fail.

import { MAP, PROT, VMF } from '../abi/index.js';
import { hit, mapCount, type Kernel, type Process } from './mm.js';
import { doMunmap } from './munmap.js';
import { vmEnoughMemory } from './overcommit.js';
import { getUnmappedArea } from './unmapped.js';
import { findVmaIntersection, insertVma, mergeNewRange, newVma, STACK_GUARD_GAP_BYTES, vmStartGap } from './vma.js';

const U64 = (1n << 64n) - 1n;
const PAGE_ALIGN = (x: bigint) => (x + 0xfffn) & ~0xfffn & U64;

/** mm/mmap.c: SYSCALL_DEFINE1(brk, unsigned long brk). */
export function sysBrk(k: Kernel, p: Process, brk: bigint): bigint {
  const mm = p.mm;
  const origbrk = mm.brk;
  // mm/mmap.c: brk — below the start of the heap: return the current brk
  if (brk < mm.startBrk) {
    hit(k, 'brk:below-start');
    return origbrk;
  }
  // RLIMIT_DATA is unlimited: check_data_rlimit passes
  const newbrk = PAGE_ALIGN(brk);
  const oldbrk = PAGE_ALIGN(mm.brk);
  if (oldbrk === newbrk) {
    hit(k, 'brk:same-page');
    mm.brk = brk;
    return brk;
  }
  // mm/mmap.c: brk — always allow shrinking brk
  if (brk <= mm.brk) {
    // mm/mmap.c: brk — the range must intersect a VMA starting below oldbrk
    const brkvma = findVmaIntersection(mm, newbrk, oldbrk);
    if (!brkvma || brkvma.start >= oldbrk) {
      hit(k, 'brk:shrink-novma');
      return origbrk;
    }
    const r = doMunmap(k, mm, newbrk, oldbrk - newbrk);
    if (typeof r === 'string') {
      hit(k, `brk:shrink-${r}`);
      return origbrk;
    }
    hit(k, 'brk:shrink');
    mm.brk = brk;
    return brk;
  }
  // mm/mmap.c: check_brk_limits — get_unmapped_area(MAP_FIXED); RLIMIT_MEMLOCK unlimited
  const len = (newbrk - oldbrk) & U64;
  const area = getUnmappedArea(k, mm, { shmem: false, addr: oldbrk, len, flags: MAP.FIXED, shadowStack: false });
  if (typeof area === 'string') {
    hit(k, 'brk:limit');
    return origbrk;
  }
  // mm/mmap.c: brk — the next VMA must leave a page (and its stack guard gap) above newbrk
  const next = findVmaIntersection(mm, oldbrk, newbrk + 0x1000n + STACK_GUARD_GAP_BYTES);
  if (next && newbrk + 0x1000n > vmStartGap(k, next)) {
    hit(k, 'brk:next-too-close');
    return origbrk;
  }
  // mm/vma.c: do_brk_flags — map_count > max_map_count
  if (mapCount(mm) > k.cfg.maxMapCount) {
    hit(k, 'brk:map_count');
    return origbrk;
  }
  // mm/vma.c: do_brk_flags — security_vm_enough_memory_mm(len >> PAGE_SHIFT) (mm/util.c: __vm_enough_memory)
  if (!vmEnoughMemory(k, len >> 12n)) {
    hit(k, 'brk:overcommit');
    return origbrk;
  }
  doBrkFlags(k, p, oldbrk, len);
  mm.brk = brk;
  return brk;
}

/**
 * mm/vma.c: do_brk_flags — VM_DATA_DEFAULT_FLAGS | VM_ACCOUNT: expand the VMA just
 * below (brkvma = vma_prev_limit(start_brk)) if it ends at addr and is compatible,
 * never merging with the next one; else a new VMA.
 */
function doBrkFlags(k: Kernel, p: Process, addr: bigint, len: bigint): void {
  const mm = p.mm;
  const range = {
    start: addr,
    end: addr + len,
    attrs: { prot: PROT.READ | PROT.WRITE, flags: VMF.ACCOUNT, pkey: 0 },
    pgoff: addr >> 12n,
    shmem: null,
    anonVma: null,
    anonFromFork: false,
    justExpand: true,
  };
  // mm/vma.c: do_brk_flags — brkvma must end exactly at addr and lie above start_brk
  const prev = mm.vmas.filter((v) => v.end <= addr).pop();
  if (prev && prev.end === addr && prev.end > mm.startBrk && mergeNewRange(k, mm, range)) {
    hit(k, 'brk:expand');
    return;
  }
  hit(k, 'brk:new-vma');
  insertVma(mm, newVma(range));
}
