// brk (SEMANTICS §7, mm/mmap.c SYSCALL_DEFINE1(brk)): never an errno; failure returns
// the old break. Below start_brk → fail; same page → store the (unaligned) value;
// shrink → munmap [newbrk, oldbrk) (fails on a seal or when nothing is mapped there);
// grow → must stay below TASK_SIZE and one page (+ stack guard gap) below the next VMA,
// then do_brk_flags (map_count, then overcommit: more new pages than RAM + swap fail)
// extends the previous VMA or adds an rw-p VM_ACCOUNT one.

import type { Result } from '../abi/result.js';
import { VMF } from '../abi/vmflags.js';
import { isBig, num } from './args.js';
import { PAGE, TASK_PAGES, type Kernel, type Proc } from './kernel.js';
import { mergeNew } from './merge.js';
import { F_READ, F_WRITE, GUARD_GAP } from './vma.js';

export function sysBrk(k: Kernel, mm: Proc, a: readonly bigint[]): Result {
  const orig = mm.brk;
  const fail = (): Result => {
    mm.brk = orig;
    return BigInt(orig);
  };
  if (isBig(a[0])) return fail(); // far above TASK_SIZE: check_brk_limits fails
  const brk = num(a[0]);
  if (brk < mm.startBrk) return fail();
  const newbrk = Math.ceil(brk / PAGE);
  const oldbrk = Math.ceil(mm.brk / PAGE);
  if (newbrk === oldbrk) {
    mm.brk = brk;
    return BigInt(brk);
  }
  const vp = k.vp;
  if (brk <= mm.brk) {
    const r = mm.tree.findVma(newbrk);
    if (r < 0 || vp.vs[r] >= oldbrk) return fail();
    mm.brk = brk;
    if (k.profile === '6.10' && k.rangeHasSeal(mm, newbrk, oldbrk)) return fail();
    if (k.gatherMunmap(mm, r, newbrk, oldbrk)) return fail();
    k.unmapRange(mm, newbrk, oldbrk);
    return BigInt(brk);
  }
  if (newbrk > TASK_PAGES) return fail(); // check_brk_limits: get_unmapped_area(MAP_FIXED)
  const next = mm.tree.findVma(oldbrk);
  if (next >= 0 && vp.vs[next] < newbrk + 1 + GUARD_GAP && newbrk + 1 > vp.startGap(next)) return fail();
  if (mm.mapCount > k.maxMapCount) return fail();
  // do_brk_flags(): security_vm_enough_memory_mm() of the new pages
  if (!k.enoughMemory(newbrk - oldbrk)) return fail();
  // vma_prev_limit(start_brk): the VMA before oldbrk, if it reaches above start_brk
  let prev = mm.tree.findLE(oldbrk - 1);
  if (prev >= 0 && vp.ve[prev] * PAGE <= mm.startBrk) prev = -1;
  const fl = (F_READ | F_WRITE | VMF.ACCOUNT) >>> 0;
  let merged = -1;
  if (prev >= 0 && vp.ve[prev] === oldbrk) merged = mergeNew(k, mm, oldbrk, newbrk, fl, oldbrk, 0, 0, 0, true);
  if (merged < 0) k.addVma(mm, oldbrk, newbrk, oldbrk, fl, 0, 0, 0);
  mm.brk = brk;
  return BigInt(brk);
}
