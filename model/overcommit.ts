// Heuristic overcommit (vm.overcommit_memory=0, OVERCOMMIT_GUESS): every accountable
// request is checked on its own against RAM + swap (cfg.ramSwap); nothing accumulates.
//
// The requests (security_vm_enough_memory_mm callers a program reaches), each in its file:
//   mmap private writable without MAP_NORESERVE: pages - VM_ACCOUNT pages MAP_FIXED replaces,
//     after the gather, before anything is unmapped (mm/vma.c: __mmap_setup)      model/mmap.ts
//   mmap MAP_SHARED|MAP_ANONYMOUS without MAP_NORESERVE: the object's pages, after MAP_FIXED
//     unmapped what it replaces (mm/shmem.c: shmem_acct_size via shmem_zero_setup) model/mmap.ts
//   brk growth: the new pages (mm/vma.c: do_brk_flags)                              model/brk.ts
//   mremap of a VM_ACCOUNT VMA: the growth, or new_len with MREMAP_DONTUNMAP, or what a
//     shrinking move cut off (mm/mremap.c: vrm_calc_charge)                         model/mremap.ts
//   mprotect making a private VMA writable: its pages in range (mm/mprotect.c: mprotect_fixup)
//                                                                                   model/mprotect.ts
//   fork: each VM_ACCOUNT VMA's pages again (mm/mmap.c: dup_mmap)                   model/fork.ts
// Requests the kernel makes on its own (a shadow stack, a stack growth within RLIMIT_STACK,
// one page of a MAP_NORESERVE shmem object) are below RAM_SWAP_MIN and never fail.

import type { Kernel } from './mm.js';

/** mm/util.c: __vm_enough_memory — OVERCOMMIT_GUESS: `pages > totalram_pages() + total_swap_pages` is ENOMEM. */
export function vmEnoughMemory(k: Kernel, pages: bigint): boolean {
  return pages <= k.cfg.ramSwap >> 12n;
}
