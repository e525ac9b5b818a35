// Address selection for non-fixed mappings (mm/mmap.c __get_unmapped_area,
// arch/x86/kernel/sys_x86_64.c arch_get_unmapped_area{,_topdown}, mm/vma.c
// unmapped_area{,_topdown}, mm/huge_memory.c __thp_get_unmapped_area). Byte addresses
// at the interface (a MAP_FIXED address may be unaligned), page numbers inside.

import { MAP } from '../abi/constants.js';
import { errNumber } from '../abi/result.js';
import { VMF } from '../abi/vmflags.js';
import { PAGE, TASK_SIZE_B, type Kernel, type Proc } from './kernel.js';

const SZ_2M = 2 << 20;
const FOUR_G_PAGES = 2 ** 20;

/**
 * __get_unmapped_area(): a byte address or an errno name. file: the mapping has a
 * get_unmapped_area of its own (shmem), so the anonymous THP alignment does not apply.
 * sg: info.start_gap in pages (stack_guard_placement(vm_flags): 1 for a new
 * VM_SHADOW_STACK mapping, so a free page stays below it), 0 otherwise. huge: a hugetlbfs
 * file's page size (hugetlb_get_unmapped_area: the hint rounded up to it, and x86's
 * get_align_mask makes the search return an address aligned to it), 0 otherwise.
 */
export function getUnmappedArea(k: Kernel, mm: Proc, addr: number, len: number, flags: number, file: boolean, sg = 0, huge = 0): number | string {
  if (len > TASK_SIZE_B) return 'ENOMEM';
  let res: number | string;
  if (flags & MAP.FIXED) res = addr;
  else if (!file && addr === 0 && len % SZ_2M === 0) res = thpArea(k, mm, len, flags, sg);
  else if (huge) res = topdown(k, mm, addr ? Math.ceil(addr / huge) * huge : 0, len, flags, sg, huge / PAGE);
  else res = topdown(k, mm, addr, len, flags, sg);
  if (typeof res === 'string') return res;
  // IS_ERR_VALUE(addr): passed on as the error (a negative number here, see mmap.ts fixedAddr)
  if (res < 0) return errNumber(-res).slice(1);
  if (res > TASK_SIZE_B - len) return 'ENOMEM';
  if (res % PAGE !== 0) return 'EINVAL';
  return res;
}

/** __thp_get_unmapped_area(): search len + 2 MiB, then align (top of the padded area if already aligned). */
function thpArea(k: Kernel, mm: Proc, len: number, flags: number, sg: number): number | string {
  const ret = topdown(k, mm, 0, len + SZ_2M, flags, sg);
  if (typeof ret === 'string') return topdown(k, mm, 0, len, flags, sg);
  const offSub = (SZ_2M - (ret % SZ_2M)) % SZ_2M;
  return offSub === 0 ? ret + SZ_2M : ret + offSub;
}

const hasStartGap = (fl: number): boolean => (fl & (VMF.GROWSDOWN | VMF.SHADOW_STACK)) !== 0;

/**
 * unmapped_area_topdown(): the top of the highest gap holding len + sg pages (plus align - 1
 * pages when the result must be aligned to `align` pages), aligned down.
 */
function topdown(k: Kernel, mm: Proc, addr0: number, len: number, flags: number, sg: number, align = 1): number | string {
  // the bottom-up path gets the caller's hint as given and vm_flags 0: no start gap (sys_x86_64.c)
  if (flags & MAP['32BIT']) return bottomup(k, mm, addr0, len, flags, 0, align);
  const vp = k.vp;
  if (addr0) {
    const addr = addr0 - (addr0 % PAGE);
    if (addr <= TASK_SIZE_B - len) {
      const r = mm.tree.findVma(addr / PAGE);
      if (r < 0 || addr + len <= vp.startGap(r) * PAGE) return addr;
    }
  }
  const L = len / PAGE;
  const low = Math.max(flags & MAP.ABOVE4G ? FOUR_G_PAGES : 1, k.minAddr);
  let high = k.mmapBase;
  for (;;) {
    const end = mm.tree.highestFree(L + align - 1 + sg, low, high);
    if (end < 0) break;
    const next = mm.tree.lowerBound(end);
    if (next >= 0 && hasStartGap(vp.fl[next]) && vp.startGap(next) < end) {
      high = vp.startGap(next);
      continue;
    }
    const gap = end - L;
    return (gap - (gap % align)) * PAGE;
  }
  return bottomup(k, mm, addr0, len, flags, 0, align);
}

/**
 * arch_get_unmapped_area(): bottom-up from the legacy base, or in [1 GiB, 2 GiB) for MAP_32BIT
 * (unmapped_area(): the lowest gap holding len + sg pages, the mapping sg pages into it).
 */
function bottomup(k: Kernel, mm: Proc, addr: number, len: number, flags: number, sg: number, align = 1): number | string {
  const vp = k.vp;
  let begin: number;
  let end: number;
  if (flags & MAP['32BIT']) {
    begin = 0x40000000;
    end = 0x80000000;
  } else {
    begin = k.legacyBase * PAGE;
    end = TASK_SIZE_B;
  }
  if (len > end) return 'ENOMEM';
  if (addr) {
    addr = Math.ceil(addr / PAGE) * PAGE;
    const r = mm.tree.findVma(addr / PAGE);
    if (end - len >= addr && (r < 0 || addr + len <= vp.startGap(r) * PAGE)) return addr;
  }
  const L = len / PAGE;
  let low = Math.max(begin / PAGE, k.minAddr);
  const high = end / PAGE;
  for (;;) {
    const free = mm.tree.lowestFree(L + align - 1 + sg, low, high);
    if (free < 0) return 'ENOMEM';
    const gap = free + sg + ((align - ((free + sg) % align)) % align);
    const next = mm.tree.lowerBound(free);
    // vm_start_gap(next) < gap + length - 1, length counting the start gap too
    if (next >= 0 && hasStartGap(vp.fl[next]) && vp.startGap(next) < gap + L + sg) {
      low = vp.ve[next];
      continue;
    }
    return gap * PAGE;
  }
}

