// mseal (mm/mseal.c: do_mseal, range_contains_unmapped, mseal_apply).
//
//   flags != 0                                  -> EINVAL
//   start unaligned                             -> EINVAL (even with len 0)
//   len != 0 and PAGE_ALIGN(len) == 0           -> EINVAL
//   start + len wraps                           -> EINVAL
//   len == 0                                    -> 0 (no lookup)
//   any hole in [start, end)                    -> ENOMEM, nothing sealed
//   each unsealed VMA part: split/merge, VM_SEALED (a split at max_map_count -> ENOMEM,
//   the only partial seal); already sealed VMAs are skipped (idempotent)   -> 0
// Sealing changes neither prot nor PTEs.
// The prot-seal design variant has no mseal syscall: ENOSYS (model/variants/prot-seal.ts).

import { VMF } from '../abi/index.js';
import { hit, type Errno, type Kernel, type Mm } from './mm.js';
import { hasMsealSyscall } from './profile.js';
import { attrsOf, findVma, vmaIsSealed, vmaModifyAttrs, vmasInRange } from './vma.js';

const U64 = (1n << 64n) - 1n;

/** mm/mseal.c: do_mseal. */
export function sysMseal(k: Kernel, mm: Mm, start: bigint, lenIn: bigint, flags: bigint): bigint | Errno {
  // kernel/sys_ni.c: sys_ni_syscall — the prot-seal design seals through PROT_SEAL only
  if (!hasMsealSyscall(k)) {
    hit(k, 'mseal:ENOSYS');
    return 'ENOSYS';
  }
  // mm/mseal.c: do_mseal — verify flags not set
  if (flags !== 0n) {
    hit(k, 'mseal:flags-EINVAL');
    return 'EINVAL';
  }
  if (start & 0xfffn) {
    hit(k, 'mseal:unaligned-EINVAL');
    return 'EINVAL';
  }
  const len = (lenIn + 0xfffn) & ~0xfffn & U64;
  // mm/mseal.c: do_mseal — len was rounded up from small -ve to zero
  if (lenIn !== 0n && len === 0n) {
    hit(k, 'mseal:len-EINVAL');
    return 'EINVAL';
  }
  const end = (start + len) & U64;
  if (end < start) {
    hit(k, 'mseal:wrap-EINVAL');
    return 'EINVAL';
  }
  if (end === start) {
    hit(k, 'mseal:len0');
    return 0n;
  }
  if (rangeContainsUnmapped(mm, start, end)) {
    hit(k, 'mseal:gap-ENOMEM');
    return 'ENOMEM';
  }
  return msealApply(k, mm, start, end);
}

/** mm/mseal.c: range_contains_unmapped — any gap in [start, end), including after the last VMA. */
export function rangeContainsUnmapped(mm: Mm, start: bigint, end: bigint): boolean {
  let prevEnd = start;
  for (const vma of vmasInRange(mm, start, end)) {
    if (vma.start > prevEnd) return true;
    prevEnd = vma.end;
  }
  return prevEnd < end;
}

/** mm/mseal.c: mseal_apply — seal each VMA part not yet sealed. */
function msealApply(k: Kernel, mm: Mm, start: bigint, end: bigint): bigint | Errno {
  let currStart = start;
  for (let vma = findVma(mm, currStart); vma && currStart < end; vma = findVma(mm, currStart)) {
    const currEnd = vma.end < end ? vma.end : end;
    if (!vmaIsSealed(vma)) {
      const attrs = attrsOf(vma);
      attrs.flags |= VMF.SEALED;
      const r = vmaModifyAttrs(k, mm, vma, currStart, currEnd, attrs);
      if (typeof r === 'string') {
        hit(k, 'mseal:split-ENOMEM');
        return r;
      }
      hit(k, 'mseal:sealed');
    } else {
      hit(k, 'mseal:already-sealed');
    }
    currStart = currEnd;
  }
  return 0n;
}
