// munmap (mm/mmap.c: SYSCALL_DEFINE2(munmap) -> mm/vma.c: do_vmi_munmap ->
// do_vmi_align_munmap -> vms_gather_munmap_vmas + vms_complete_munmap_vmas).
//
//   start unaligned, start > TASK_SIZE, len > TASK_SIZE - start   -> EINVAL
//   len == 0 (PAGE_ALIGN(len) == 0)                               -> EINVAL
//   nothing mapped in [start, end)                                -> 0
//   gather: first VMA needs a split at start:
//       also needs one at end and map_count >= max               -> ENOMEM
//       sealed                                                    -> EPERM (nothing changed)
//       split it; then each VMA in range: sealed                  -> EPERM (the first split stays)
//       split at end if needed (no map_count check)
//   commit: remove the VMAs, zap their PTEs (guard markers too)   -> 0
// Profile 6.10: an up-front can_modify_mm -> EPERM before anything (seal.ts).

import { TASK_SIZE } from '../abi/index.js';
import { hit, mapCount, type Errno, type Kernel, type Mm, type Vma } from './mm.js';
import { canModifyMm, sealsUpFront } from './seal.js';
import { freePgtables } from './thp.js';
import { trampfdClose } from './trampfd-page.js';
import { findVmaIntersection, hugetlbMaySplit, removeVma, splitVmaRaw, vmaIsSealed, vmasInRange } from './vma.js';
import { zapRange } from './zap.js';

const U64 = (1n << 64n) - 1n;

function pageAlign(x: bigint): bigint {
  return (x + 0xfffn) & ~0xfffn & U64;
}

/**
 * mm/vma.c: vms_gather_munmap_vmas — split the VMAs at the range ends and collect
 * those inside [start, end). On error, splits already done stay (6.18).
 */
export function gatherMunmapVmas(k: Kernel, mm: Mm, first: Vma, start: bigint, end: bigint): Vma[] | Errno {
  let vma = first;
  if (start > vma.start) {
    // mm/vma.c: vms_gather_munmap_vmas — a hole punch (split at both ends) needs room for one more VMA
    if (end < vma.end && mapCount(mm) >= k.cfg.maxMapCount) {
      hit(k, 'munmap:split-ENOMEM');
      return 'ENOMEM';
    }
    // mm/vma.c: vms_gather_munmap_vmas — don't bother splitting the VMA if we can't unmap it anyway
    if (vmaIsSealed(vma)) {
      hit(k, 'munmap:sealed-first-EPERM');
      return 'EPERM';
    }
    const bad = hugetlbMaySplit(k, vma, start);
    if (bad) return bad;
    hit(k, 'munmap:split-start');
    vma = splitVmaRaw(k, mm, vma, start)[1];
  }
  const out: Vma[] = [];
  for (const v of vmasInRange(mm, start, end)) {
    // mm/vma.c: vms_gather_munmap_vmas — a sealed VMA in range; an earlier split is not undone
    if (vmaIsSealed(v)) {
      hit(k, out.length || start > first.start ? 'munmap:sealed-EPERM-partial' : 'munmap:sealed-EPERM');
      return 'EPERM';
    }
    let cur = v;
    // mm/vma.c: vms_gather_munmap_vmas — does it split the end? (no map_count check here)
    if (cur.end > end) {
      const bad = hugetlbMaySplit(k, cur, end);
      if (bad) return bad;
      hit(k, 'munmap:split-end');
      cur = splitVmaRaw(k, mm, cur, end)[0];
    }
    out.push(cur);
  }
  return out;
}

/**
 * mm/vma.c: vms_complete_munmap_vmas — zap the PTEs (markers too) and drop the VMAs;
 * remove_vma calls vm_ops->close (trampfd_close for a trampfd VMA).
 */
export function completeMunmap(k: Kernel, mm: Mm, vmas: readonly Vma[]): void {
  if (vmas.length) hit(k, 'munmap:complete');
  for (const v of vmas) {
    zapRange(k, mm, v.start, v.end, { dropMarkers: true });
    removeVma(mm, v);
  }
  // mm/vma.c: vms_clear_ptes -> free_pgtables — the PTE tables no remaining VMA reaches into
  for (const v of vmas) freePgtables(mm, v.start, v.end);
  for (const v of vmas) if (v.trampfd) trampfdClose(k, v.trampfd);
}

/** mm/vma.c: do_vmi_munmap — also the path of do_munmap (mremap) and brk shrink. */
export function doMunmap(k: Kernel, mm: Mm, start: bigint, len: bigint): bigint | Errno {
  // mm/vma.c: do_vmi_munmap — start unaligned, beyond TASK_SIZE, or len too long
  if (start & 0xfffn || start > TASK_SIZE || len > TASK_SIZE - start) {
    hit(k, 'munmap:range-EINVAL');
    return 'EINVAL';
  }
  const end = start + pageAlign(len);
  // mm/vma.c: do_vmi_munmap — len == 0 is EINVAL (unlike mprotect/madvise/mseal)
  if (end === start) {
    hit(k, 'munmap:len0-EINVAL');
    return 'EINVAL';
  }
  // mm/mmap.c (6.10): do_vmi_munmap — can_modify_mm before anything
  if (sealsUpFront(k) && !canModifyMm(mm, start, end)) {
    hit(k, 'munmap:sealed-EPERM-upfront');
    return 'EPERM';
  }
  const first = findVmaIntersection(mm, start, end);
  // mm/vma.c: do_vmi_munmap — nothing mapped: success
  if (!first) {
    hit(k, 'munmap:nothing');
    return 0n;
  }
  const vmas = gatherMunmapVmas(k, mm, first, start, end);
  if (typeof vmas === 'string') return vmas;
  completeMunmap(k, mm, vmas);
  hit(k, 'munmap:ok');
  return 0n;
}

/** mm/mmap.c: SYSCALL_DEFINE2(munmap, unsigned long addr, size_t len). */
export function sysMunmap(k: Kernel, mm: Mm, addr: bigint, len: bigint): bigint | Errno {
  return doMunmap(k, mm, addr, len);
}
