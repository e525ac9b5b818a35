// Address selection for mmap and mremap (mm/mmap.c: __get_unmapped_area,
// arch/x86/kernel/sys_x86_64.c: arch_get_unmapped_area{,_topdown},
// mm/vma.c: unmapped_area{,_topdown}, mm/huge_memory.c: __thp_get_unmapped_area,
// mm/shmem.c: shmem_get_unmapped_area).
//
//   len > TASK_SIZE                        -> ENOMEM
//   a file with its own get_unmapped_area (a trampfd) -> that function (req.fileArea)
//   MAP_FIXED                              -> addr as given
//   hint (addr != 0) whose range is free   -> the hint (page-rounded down)
//   otherwise top-down: highest gap below mmap_base (low limit PAGE_SIZE, or 4 GiB for
//   MAP_ABOVE4G; mmap_min_addr at least), keeping vm_start_gap below growsdown VMAs;
//   private anon with no hint and len % 2 MiB == 0 is 2 MiB aligned (THP);
//   failing that, bottom-up from the legacy base (vm_flags 0 there: a new shadow stack gets no
//   start gap); MAP_32BIT: bottom-up in [1 GiB, 2 GiB).
//   Result > TASK_SIZE - len -> ENOMEM; unaligned -> EINVAL.

import { errNumber, MAP, SZ_2M, SZ_4G, TASK_SIZE, VMF } from '../abi/index.js';
import { hit, type Errno, type Kernel, type Mm } from './mm.js';
import { findVma, vmStartGap } from './vma.js';

const PAGE = 0x1000n;
const U64 = (1n << 64n) - 1n;

function pageAlign(x: bigint): bigint {
  return (x + 0xfffn) & ~0xfffn & U64;
}

/** arch/x86/mm/mmap.c: mmap_legacy_base without randomization = PAGE_ALIGN(task_size / 3). */
const MMAP_LEGACY_BASE = pageAlign(TASK_SIZE / 3n);

export interface AreaRequest {
  /** The mapping is (or will be) backed by shmem: MAP_SHARED anon, or an mremap of one. */
  shmem: boolean;
  addr: bigint;
  len: bigint;
  /** MAP_* flags that matter here: FIXED, 32BIT, ABOVE4G, SHARED. */
  flags: number;
  /** VM_SHADOW_STACK: one-page start gap. */
  shadowStack: boolean;
  /** file->f_op->get_unmapped_area of the file being mapped (trampfd), used instead of the mm's. */
  fileArea?: (req: AreaRequest) => bigint | Errno;
  /**
   * info.align_mask / align_offset (arch/x86/kernel/sys_x86_64.c: get_align_mask — a
   * hugetlbfs file's huge page size less one page; align_offset = pgoff << PAGE_SHIFT).
   */
  alignMask?: bigint;
  alignOffset?: bigint;
}

/** The errno an IS_ERR_VALUE address stands for: its name, or E<n>. */
function errnoOfValue(addr: bigint): Errno {
  const r = errNumber(Number(U64 - addr + 1n));
  return r.slice(1) as Errno;
}

/** mm/mmap.c: __get_unmapped_area. */
export function getUnmappedArea(k: Kernel, mm: Mm, req: AreaRequest): bigint | Errno {
  const { len } = req;
  // mm/mmap.c: __get_unmapped_area — careful about overflows
  if (len > TASK_SIZE) return 'ENOMEM';
  let addr: bigint | Errno;
  if (req.fileArea) {
    // mm/mmap.c: __get_unmapped_area — file->f_op->get_unmapped_area
    addr = req.fileArea(req);
  } else if (req.shmem || req.flags & MAP.SHARED) {
    // mm/shmem.c: shmem_get_unmapped_area — shmem huge pages are off ("never"), so plain placement
    hit(k, 'area:shmem');
    addr = mmGetUnmappedArea(k, mm, req);
  } else if (req.addr === 0n && len % SZ_2M === 0n) {
    // mm/mmap.c: __get_unmapped_area — larger anonymous mappings are THP aligned
    addr = thpGetUnmappedArea(k, mm, req);
  } else {
    addr = mmGetUnmappedArea(k, mm, req);
  }
  if (typeof addr === 'string') return addr;
  // mm/mmap.c: __get_unmapped_area — IS_ERR_VALUE(addr): a MAP_FIXED address in the last
  // 4095 bytes of the address space comes back as the error -(2^64 - addr)
  if (addr > U64 - 4095n) {
    hit(k, 'area:IS_ERR_VALUE');
    return errnoOfValue(addr);
  }
  // mm/mmap.c: __get_unmapped_area — checked before alignment
  if (addr > TASK_SIZE - len) {
    hit(k, 'area:beyond-TASK_SIZE');
    return 'ENOMEM';
  }
  if (addr & 0xfffn) {
    hit(k, 'area:unaligned-EINVAL');
    return 'EINVAL';
  }
  // security/commoncap.c: cap_mmap_addr — below mmap_min_addr needs CAP_SYS_RAWIO, which root has
  if (addr < k.cfg.mmapMinAddr) hit(k, 'area:below-min-root');
  return addr;
}

/** mm/huge_memory.c: thp_get_unmapped_area_vmflags / __thp_get_unmapped_area with off = 0. */
function thpGetUnmappedArea(k: Kernel, mm: Mm, req: AreaRequest): bigint | Errno {
  const size = SZ_2M;
  const lenPad = req.len + size;
  // mm/huge_memory.c: __thp_get_unmapped_area — search for len + 2 MiB, then align inside it
  const ret = mmGetUnmappedArea(k, mm, { ...req, len: lenPad });
  if (typeof ret !== 'string' && ret !== req.addr) {
    hit(k, 'mmap:thp-align');
    const offSub = (0n - ret) & (size - 1n);
    // mm/huge_memory.c: __thp_get_unmapped_area — top-down and already aligned: use the top of the padding
    if (offSub === 0n) return ret + size;
    return ret + offSub;
  }
  if (typeof ret !== 'string') return ret;
  // the padded search failed: the caller retries without padding
  hit(k, 'mmap:thp-fallback');
  return mmGetUnmappedArea(k, mm, req);
}

/** mm/mmap.c: mm_get_unmapped_area_vmflags -> arch_get_unmapped_area_topdown (MMF_TOPDOWN). */
export function mmGetUnmappedArea(k: Kernel, mm: Mm, req: AreaRequest): bigint | Errno {
  return archGetUnmappedAreaTopdown(k, mm, req);
}

/** include/linux/mm.h / arch/x86: mmap_address_hint_valid (4-level: DEFAULT_MAP_WINDOW == TASK_SIZE). */
function hintValid(addr: bigint, len: bigint): boolean {
  return addr <= TASK_SIZE - len;
}

/** arch/x86/kernel/sys_x86_64.c: arch_get_unmapped_area_topdown. */
function archGetUnmappedAreaTopdown(k: Kernel, mm: Mm, req: AreaRequest): bigint | Errno {
  const { len } = req;
  if (len > TASK_SIZE) return 'ENOMEM';
  // arch/x86/kernel/sys_x86_64.c: MAP_FIXED -> no address checking here
  if (req.flags & MAP.FIXED) return req.addr;
  // arch/x86/kernel/sys_x86_64.c: for MAP_32BIT mappings we force the legacy mmap base
  if (req.flags & MAP['32BIT']) {
    hit(k, 'area:32bit');
    return archGetUnmappedArea(k, mm, bottomupRequest(req));
  }
  if (req.addr !== 0n) {
    const addr = req.addr & ~0xfffn;
    if (hintValid(addr, len)) {
      const vma = findVma(mm, addr);
      // arch/x86/kernel/sys_x86_64.c: the hint is used when [addr, addr+len) ends below vm_start_gap(next)
      if (!vma || addr + len <= vmStartGap(k, vma)) {
        hit(k, 'area:hint-used');
        return addr;
      }
    }
    hit(k, 'area:hint-ignored');
  }
  // arch/x86/kernel/sys_x86_64.c: MAP_ABOVE4G raises the low limit to 4 GiB
  const low = req.flags & MAP.ABOVE4G ? SZ_4G : PAGE;
  if (req.flags & MAP.ABOVE4G) hit(k, 'area:above4g');
  const r = unmappedAreaTopdown(k, mm, len, low, k.cfg.mmapBase, req.shadowStack ? PAGE : 0n, req.alignMask ?? 0n, req.alignOffset ?? 0n);
  if (typeof r !== 'string') return r;
  // arch/x86/kernel/sys_x86_64.c: a failed top-down search falls back to bottom-up
  hit(k, req.shadowStack ? 'area:bottomup-fallback-shstk' : 'area:bottomup-fallback');
  return archGetUnmappedArea(k, mm, bottomupRequest(req));
}

/**
 * arch/x86/kernel/sys_x86_64.c: arch_get_unmapped_area_topdown — `bottomup:` calls
 * arch_get_unmapped_area(filp, addr0, len, pgoff, flags, 0): the original hint and
 * vm_flags 0, so stack_guard_placement() gives no start gap to a new shadow stack there.
 */
function bottomupRequest(req: AreaRequest): AreaRequest {
  return { ...req, shadowStack: false };
}

/** arch/x86/kernel/sys_x86_64.c: arch_get_unmapped_area (bottom-up) with find_start_end. */
function archGetUnmappedArea(k: Kernel, mm: Mm, req: AreaRequest): bigint | Errno {
  const { len } = req;
  if (req.flags & MAP.FIXED) return req.addr;
  // arch/x86/kernel/sys_x86_64.c: find_start_end — MAP_32BIT: [1 GiB, 2 GiB) (no randomization)
  const is32 = (req.flags & MAP['32BIT']) !== 0;
  const begin = is32 ? 0x40000000n : MMAP_LEGACY_BASE;
  const end = is32 ? 0x80000000n : TASK_SIZE;
  if (len > end) return 'ENOMEM';
  if (req.addr !== 0n) {
    const addr = pageAlign(req.addr);
    const vma = findVma(mm, addr);
    if (end - len >= addr && (!vma || addr + len <= vmStartGap(k, vma))) return addr;
  }
  return unmappedAreaBottomup(k, mm, len, begin, end, req.shadowStack ? PAGE : 0n, req.alignMask ?? 0n, req.alignOffset ?? 0n);
}

/** The free intervals of the address space: [prev end, next start), with the VMA after each. */
function gaps(mm: Mm): Array<{ start: bigint; end: bigint; nextIndex: number }> {
  const out: Array<{ start: bigint; end: bigint; nextIndex: number }> = [];
  let at = 0n;
  mm.vmas.forEach((v, i) => {
    if (v.start > at) out.push({ start: at, end: v.start, nextIndex: i });
    at = v.end;
  });
  out.push({ start: at, end: 1n << 64n, nextIndex: -1 });
  return out;
}

/** mm/vma.c: unmapped_area_topdown (an alignment mask only for hugetlbfs). */
function unmappedAreaTopdown(k: Kernel, mm: Mm, infoLen: bigint, lowLimit: bigint, highLimit: bigint, startGap: bigint, alignMask = 0n, alignOffset = 0n): bigint | Errno {
  // mm/vma.c: unmapped_area_topdown — room for the alignment too
  const length = infoLen + alignMask + startGap;
  // mm/vma.c: unmapped_area_topdown — the low limit is at least mmap_min_addr
  let low = lowLimit < k.cfg.mmapMinAddr ? k.cfg.mmapMinAddr : lowLimit;
  let high = highLimit;
  for (;;) {
    // mm/vma.c: vma_iter_area_highest — the highest gap in [low, high) of at least `length`
    let found: { end: bigint; nextIndex: number } | null = null;
    for (const g of gaps(mm).reverse()) {
      const s = g.start > low ? g.start : low;
      const e = g.end < high ? g.end : high;
      if (e > s && e - s >= length) {
        found = { end: e, nextIndex: g.nextIndex };
        break;
      }
    }
    if (!found) return 'ENOMEM';
    const gapEnd = found.end;
    let gap = gapEnd - infoLen;
    // mm/vma.c: unmapped_area_topdown — gap -= (gap - info->align_offset) & info->align_mask
    gap -= (gap - alignOffset) & alignMask;
    const next = found.nextIndex >= 0 ? mm.vmas[found.nextIndex] : null;
    // mm/vma.c: unmapped_area_topdown — keep the guard gap below a growsdown / shadow-stack VMA
    if (next && next.flags & (VMF.GROWSDOWN | VMF.SHADOW_STACK)) {
      const sg = vmStartGap(k, next);
      if (sg < gapEnd) {
        hit(k, 'area:guard-gap-retry');
        high = sg;
        if (high < low) return 'ENOMEM';
        continue;
      }
    }
    return gap;
  }
}

/** mm/vma.c: unmapped_area (bottom-up). */
function unmappedAreaBottomup(k: Kernel, mm: Mm, infoLen: bigint, lowLimit: bigint, highLimit: bigint, startGap: bigint, alignMask = 0n, alignOffset = 0n): bigint | Errno {
  const length = infoLen + alignMask + startGap;
  let low = lowLimit < k.cfg.mmapMinAddr ? k.cfg.mmapMinAddr : lowLimit;
  const high = highLimit;
  for (;;) {
    // mm/vma.c: vma_iter_area_lowest — the lowest gap in [low, high) of at least `length`
    let found: { start: bigint; nextIndex: number } | null = null;
    for (const g of gaps(mm)) {
      const s = g.start > low ? g.start : low;
      const e = g.end < high ? g.end : high;
      if (e > s && e - s >= length) {
        found = { start: s, nextIndex: g.nextIndex };
        break;
      }
    }
    if (!found) return 'ENOMEM';
    let gap = found.start + startGap;
    // mm/vma.c: unmapped_area — gap += (info->align_offset - gap) & info->align_mask
    gap += (alignOffset - gap) & alignMask;
    const next = found.nextIndex >= 0 ? mm.vmas[found.nextIndex] : null;
    // mm/vma.c: unmapped_area — the range must end below vm_start_gap(next)
    if (next && next.flags & (VMF.GROWSDOWN | VMF.SHADOW_STACK)) {
      if (vmStartGap(k, next) < gap + length - 1n) {
        low = next.end;
        continue;
      }
    }
    return gap;
  }
}
