// Where seals are checked, per kernel profile (SEMANTICS §4.4).
//
//   6.18 (default): per-VMA checks inside each walk (vma_is_sealed in
//        vms_gather_munmap_vmas, mprotect_fixup, check_prep_vma; can_madvise_modify),
//        so an EPERM may come after earlier VMAs were already changed or split.
//   6.10: an up-front can_modify_mm(mm, start, end) in munmap, mprotect, mmap
//        (MAP_FIXED), mremap, and can_modify_mm_madv in madvise: EPERM before any change.

import { MADV, PROT, VMF } from '../abi/index.js';
import type { Mm, Process, Vma } from './mm.js';
import { pkruAllowsPkey } from './pkeys.js';
import { vmaIsSealed, vmasInRange } from './vma.js';

export { sealsUpFront } from './profile.js';

/** mm/mseal.c (6.10): can_modify_mm — false if any VMA in [start, end) is sealed. */
export function canModifyMm(mm: Mm, start: bigint, end: bigint): boolean {
  return !vmasInRange(mm, start, end).some(vmaIsSealed);
}

/**
 * mm/mseal.c (6.10): is_madv_discard. 6.10 tested `behavior & (MADV_FREE | MADV_DONTNEED |
 * MADV_DONTNEED_LOCKED | MADV_REMOVE | MADV_DONTFORK | MADV_WIPEONFORK)` as a bitmask,
 * which also matches e.g. MADV_RANDOM; the profile models 6.10 itself, bug included.
 */
function isMadvDiscard610(behavior: number): boolean {
  const mask = MADV.FREE | MADV.DONTNEED | MADV.DONTNEED_LOCKED | MADV.REMOVE | MADV.DONTFORK | MADV.WIPEONFORK;
  return (behavior & mask) !== 0;
}

/** mm/mseal.c (6.10): is_ro_anon — private (no file, not shared) and not writable under VM_WRITE + PKRU. */
function isRoAnon610(p: Process, vma: Vma): boolean {
  // vma->vm_file (shmem, a hugetlbfs file) or VM_SHARED
  if (vma.shmem !== null || vma.flags & VMF.HUGETLB) return false;
  return (vma.prot & PROT.WRITE) === 0 || !pkruAllowsPkey(p.pkru, vma.pkey, true);
}

/** mm/mseal.c (6.10): can_modify_mm_madv — any sealed read-only anonymous VMA in range blocks discard advice. */
export function canModifyMmMadv(p: Process, start: bigint, end: bigint, behavior: number): boolean {
  if (!isMadvDiscard610(behavior)) return true;
  return !vmasInRange(p.mm, start, end).some((v) => vmaIsSealed(v) && isRoAnon610(p, v));
}
