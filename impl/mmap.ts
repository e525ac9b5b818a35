// mmap (SEMANTICS §1): the check order of sys_mmap → ksys_mmap_pgoff → do_mmap →
// __get_unmapped_area → mmap_region, for anonymous mappings (the only files are trampfds:
// a !MAP_ANONYMOUS call goes to impl/trampfd-sys.ts, EBADF for any other fd). Also the
// do_mmap of alloc_shstk (impl/shstk.ts): VM_SHADOW_STACK|VM_WRITE added, a start gap.
//   EINVAL off unaligned | EBADF no file | EINVAL MAP_HUGETLB size | EINVAL len 0 |
//   ENOMEM PAGE_ALIGN(len) wraps | ENOMEM map_count > max | (exec-only pkey) |
//   ENOMEM/EINVAL placement | EEXIST FIXED_NOREPLACE overlap | EINVAL map type |
//   EPERM/ENOMEM MAP_FIXED over sealed / split at max_map_count |
//   ENOMEM private writable over RAM + swap (less the accounted pages replaced; splits stay) |
//   (MAP_FIXED unmaps) | ENOMEM shared over RAM + swap (a gap stays). MAP_HUGETLB after the
//   EEXIST check: EOVERFLOW offset + len | EOPNOTSUPP SHARED_VALIDATE + other flags | EINVAL type | (MAP_FIXED unmaps) EINVAL offset |
//   ENOMEM pool short | NotModelled when the pool holds pages (or 1 GiB pages) | else a hugetlb
//   VMA with no pages (mapHugetlb).

import { MAP } from '../abi/constants.js';
import { NotModelled } from '../abi/budget.js';
import { err, type Result } from '../abi/result.js';
import { VMF } from '../abi/vmflags.js';
import { alignWraps, load, lo12At, N, pagesAt, pagesUp, u32At, wrapsAt } from './args.js';
import { populate } from './fault.js';
import { PAGE, TASK_SIZE_B, type Kernel, type Proc } from './kernel.js';
import { mergeNew } from './merge.js';
import { execOnlyPkey } from './pkeys.js';
import { mmapTrampfd } from './trampfd-sys.js';
import { getUnmappedArea } from './unmapped.js';
import { F_SYNC, F_WRITE, withPkey, withProt } from './vma.js';

const E = {
  EINVAL: err('EINVAL'),
  EBADF: err('EBADF'),
  ENOMEM: err('ENOMEM'),
  EEXIST: err('EEXIST'),
  EPERM: err('EPERM'),
};
const MAP_HUGE_SHIFT = 26;

/**
 * N[0] as the address to place at. A MAP_FIXED address in the last 4095 bytes is an
 * IS_ERR_VALUE that __get_unmapped_area passes on as the error -(2^64 - addr); a double
 * cannot hold it exactly, so it travels as that negative errno (getUnmappedArea).
 */
export function fixedAddr(raw: bigint, flags: number): number {
  return flags & MAP.FIXED && raw > 0xfffffffffffff000n ? -Number(0x10000000000000000n - raw) : N[0];
}

export function sysMmap(k: Kernel, mm: Proc, a: readonly bigint[]): Result {
  load(a);
  if (lo12At(5) !== 0) return E.EINVAL;
  let flags = u32At(3);
  if (!(flags & MAP.ANONYMOUS)) return mmapTrampfd(k, mm, a);
  if (flags & MAP.HUGETLB) return mmapHuge(k, mm, a, flags);
  if (N[1] === 0) return E.EINVAL;
  if (flags & MAP.FIXED_NOREPLACE) flags |= MAP.FIXED;
  let addr = fixedAddr(a[0], flags);
  if (!(flags & MAP.FIXED)) {
    // round_hint_to_min()
    addr -= addr % PAGE;
    if (addr !== 0 && addr < k.minAddr * PAGE) addr = k.minAddr * PAGE;
  }
  if (wrapsAt(1)) return E.ENOMEM;
  return mmapCommon(k, mm, addr, pagesAt(1) * PAGE, N[2] === 4, u32At(2) & 7, flags, 0);
}

/** Anonymous MAP_HUGETLB: the hugetlbfs file checks, then the reservation fails (no huge pages). */
function mmapHuge(k: Kernel, mm: Proc, a: readonly bigint[], flags: number): Result {
  const lenR = a[1];
  let lenB = lenR;
  let huge = 0;
  {
    // hstate_sizelog(): 0 = default 2 MiB, 21 = 2 MiB, 30 = 1 GiB; len rounded up to it
    const log = (flags >>> MAP_HUGE_SHIFT) & 0x3f;
    if (log !== 0 && log !== 21 && !(log === 30 && k.gbPages)) return E.EINVAL; // 1 GiB pages need GBPAGES
    huge = log === 30 ? 2 ** 30 : 2 ** 21;
    const hb = BigInt(huge);
    lenB = (lenR + hb - 1n) & ~(hb - 1n) & 0xffffffffffffffffn;
  }
  if (lenB === 0n) return E.EINVAL;
  if (flags & MAP.FIXED_NOREPLACE) flags |= MAP.FIXED;
  let addr = fixedAddr(a[0], flags);
  if (!(flags & MAP.FIXED)) {
    // round_hint_to_min()
    addr -= addr % PAGE;
    if (addr !== 0 && addr < k.minAddr * PAGE) addr = k.minAddr * PAGE;
  }
  if (alignWraps(lenB)) return E.ENOMEM;
  const hb = BigInt(huge);
  // on the u64s (a double loses the low bits): file_mmap_ok's bound and hugetlbfs_file_mmap's alignment
  const off = a[5];
  const offFits = off >> 12n <= ((1n << 63n) - 1n - lenB) >> 12n;
  // MAP_SHARED_VALIDATE takes only the legacy flags (no MAP_SYNC on hugetlbfs), all 64 bits looked at
  const legacyOnly = (a[3] & ~0x7c07f9f3n) === 0n;
  return mmapCommon(k, mm, addr, pagesUp(lenB) * PAGE, N[2] === 4, u32At(2) & 7, flags, huge, 0, 0, off % hb === 0n, !(flags & MAP.FIXED) || a[0] % hb === 0n, offFits, legacyOnly, offFits ? Number(off >> 12n) : 0);
}

/**
 * The hugetlb VMA of an anonymous MAP_HUGETLB|MAP_NORESERVE mmap over an empty pool (seen on
 * the live kernel: `VmFlags: rd wr mr mw me de nr ht`, `sh ms` too for MAP_SHARED).
 * hugetlbfs_file_mmap sets VM_HUGETLB|VM_DONTEXPAND (VM_DONTEXPAND is implied by VMF.HUGETLB:
 * never merged, never grown); not accountable (accountable_mapping: a hugetlbfs file), so no
 * VM_ACCOUNT; __mmap_region clears VM_LOCKED of a hugetlb VMA, but do_mmap still populates
 * (every page fails: nothing changes). No shmem object: the VMA never has pages.
 */
function mapHugetlb(k: Kernel, mm: Proc, vs: number, ve: number, fl: number, flags: number, pgoff: number): Result {
  fl = (fl & ~VMF.LOCKED) | VMF.HUGETLB;
  if ((flags & MAP.TYPE) !== MAP.PRIVATE) fl |= VMF.SHARED;
  k.addVma(mm, vs, ve, pgoff, fl >>> 0, 0, 0, 0);
  if (flags & MAP.LOCKED || (flags & (MAP.POPULATE | MAP.NONBLOCK)) === MAP.POPULATE) populate(k, mm, vs, ve);
  return BigInt(vs * PAGE);
}

/** mmap_region: MAP_FIXED unmaps what is there (gather may fail, leaving a split); an errno result or null. */
function unmapFixed(k: Kernel, mm: Proc, vs: number, ve: number): Result | null {
  const g = gatherFixed(k, mm, vs, ve);
  if (typeof g !== 'number') return g;
  if (g >= 0) k.unmapRange(mm, vs, ve);
  return null;
}

/**
 * __mmap_setup's gather for MAP_FIXED: split what [vs, ve) replaces (sealed: EPERM; split
 * limit: ENOMEM). Returns the errno, -1 when nothing is there, else the VM_ACCOUNT pages
 * inside the range (vms->nr_accounted). Nothing is unmapped yet.
 */
function gatherFixed(k: Kernel, mm: Proc, vs: number, ve: number): Result | number {
  const vp = k.vp;
  const r = mm.tree.findVma(vs);
  if (r < 0 || vp.vs[r] >= ve) return -1;
  if (k.profile === '6.10' && k.rangeHasSeal(mm, vs, ve)) return E.EPERM;
  const e = k.gatherMunmap(mm, r, vs, ve);
  if (e) return E[e];
  let acct = 0;
  for (let c = mm.tree.findVma(vs); c >= 0 && vp.vs[c] < ve; c = mm.tree.next(c)) if (vp.fl[c] & VMF.ACCOUNT) acct += vp.ve[c] - vp.vs[c];
  return acct;
}

/**
 * do_mmap from the PAGE_ALIGN(len) check on (len in bytes, page aligned). extra: vm_flags
 * the caller adds (alloc_shstk: VM_SHADOW_STACK|VM_WRITE); a shadow stack is placed with
 * a one-page start gap (stack_guard_placement), unless sg says otherwise. hugeOffOk,
 * hugeAddrOk: a MAP_HUGETLB offset, and a MAP_FIXED address, on a huge page boundary;
 * hugeOffFits: the offset plus the length within MAX_LFS_FILESIZE (file_mmap_ok); hugeLegacyOnly:
 * no flag outside LEGACY_MAP_MASK (else MAP_SHARED_VALIDATE is EOPNOTSUPP).
 */
export function mmapCommon(
  k: Kernel, mm: Proc, addr: number, len: number, execOnly: boolean, prot: number, flags: number, huge: number,
  extra = 0, sg = extra & VMF.SHADOW_STACK ? 1 : 0, hugeOffOk = true, hugeAddrOk = true, hugeOffFits = true, hugeLegacyOnly = true,
  hugePgoff = 0,
): Result {
  if (mm.mapCount > k.maxMapCount) return E.ENOMEM;
  let pkey = 0;
  // prot == PROT_EXEC exactly
  if (execOnly) pkey = Math.max(0, execOnlyPkey(k, mm));
  let fl = (withPkey(withProt(0, prot), pkey) | extra) >>> 0;
  if (flags & MAP.GROWSDOWN) fl |= VMF.GROWSDOWN;
  if (flags & MAP.LOCKED) fl |= VMF.LOCKED;
  if (flags & MAP.SYNC) fl |= F_SYNC;
  if (flags & MAP.STACK) fl |= VMF.NOHUGEPAGE;
  if (flags & MAP.NORESERVE) fl |= VMF.NORESERVE;
  const type = flags & MAP.TYPE;
  // __get_unmapped_area: len > TASK_SIZE first; then hugetlb_get_unmapped_area: a MAP_FIXED
  // address off the huge page boundary, before the generic range checks
  if (huge && !hugeAddrOk && len <= TASK_SIZE_B) return E.EINVAL;
  const res = getUnmappedArea(k, mm, addr, len, flags, type === MAP.SHARED || huge !== 0, sg, huge);
  if (typeof res === 'string') return err(res as 'ENOMEM');
  const vs = res / PAGE;
  const ve = vs + len / PAGE;
  if (flags & MAP.FIXED_NOREPLACE) {
    const r = mm.tree.findVma(vs);
    if (r >= 0 && k.vp.vs[r] < ve) return E.EEXIST;
  }
  if (huge) {
    // the hugetlbfs file's checks in do_mmap: file_mmap_ok (offset + len within MAX_LFS_FILESIZE), the type
    if (!hugeOffFits) return err('EOVERFLOW');
    if (type === MAP.SHARED_VALIDATE && !hugeLegacyOnly) return err('EOPNOTSUPP');
    if (type !== MAP.SHARED && type !== MAP.PRIVATE && type !== MAP.SHARED_VALIDATE) return E.EINVAL;
    if (flags & MAP.GROWSDOWN) return E.EINVAL;
    // the old range is cleaned up before the file's mmap runs; when that fails the
    // abort cannot restore it (vms_abort_munmap_vmas): MAP_FIXED leaves a gap
    const e = unmapFixed(k, mm, vs, ve);
    if (e) return e;
    // hugetlbfs_file_mmap: the offset must be a whole number of huge pages
    if (!hugeOffOk) return E.EINVAL;
    // hugetlb_reserve_pages(): unless MAP_NORESERVE, the pool must hold every huge page of the mapping
    // (no surplus pages; the pool counts 2 MiB pages only)
    if (!(flags & MAP.NORESERVE) && len / huge > (huge === 2 ** 21 ? k.hugePages : 0)) return E.ENOMEM;
    // only a VMA no page can ever be faulted into is modelled (every fault is SIGBUS)
    if (k.hugePages > 0) throw new NotModelled('maps a hugetlb VMA whose pool holds huge pages');
    if (huge !== 2 ** 21) throw new NotModelled('maps a 1 GiB hugetlb VMA');
    return mapHugetlb(k, mm, vs, ve, fl, flags, hugePgoff);
  }
  let shared = false;
  let pgoff = vs;
  switch (type) {
    case MAP.SHARED:
      if (fl & VMF.GROWSDOWN) return E.EINVAL;
      shared = true;
      pgoff = 0;
      fl |= VMF.SHARED;
      break;
    case MAP.DROPPABLE:
      if (k.profile === '6.10') return E.EINVAL; // MAP_DROPPABLE arrived in 6.11
      if (flags & (MAP.LOCKED | MAP.HUGETLB)) return E.EINVAL;
      if (fl & VMF.GROWSDOWN) return E.EINVAL;
      fl |= VMF.DROPPABLE | VMF.NORESERVE | VMF.WIPEONFORK | VMF.DONTDUMP;
      break;
    case MAP.PRIVATE:
      break;
    default:
      return E.EINVAL;
  }
  const g = gatherFixed(k, mm, vs, ve);
  if (typeof g !== 'number') return g;
  // accountable_mapping(): private writable without NORESERVE; __mmap_setup charges the pages
  // less the VM_ACCOUNT ones it replaces; heuristic overcommit refuses more than RAM + swap
  // (the gathered VMAs go back, split)
  if ((fl & (VMF.NORESERVE | VMF.SHARED | F_WRITE)) === F_WRITE) {
    if (!k.enoughMemory(ve - vs - Math.max(g, 0))) return E.ENOMEM;
    fl |= VMF.ACCOUNT;
  }
  if (g >= 0) k.unmapRange(mm, vs, ve);
  // shmem_zero_setup -> shmem_acct_size, once the replaced range is gone (the gap stays)
  if (shared && !(fl & VMF.NORESERVE) && !k.enoughMemory(ve - vs)) return E.ENOMEM;
  if (shared) k.addVma(mm, vs, ve, pgoff, fl, 0, 0, k.shm.create(ve - vs));
  else if (mergeNew(k, mm, vs, ve, fl, pgoff, 0, 0, 0, false) < 0) k.addVma(mm, vs, ve, pgoff, fl, 0, 0, 0);
  if (fl & VMF.LOCKED || (flags & (MAP.POPULATE | MAP.NONBLOCK)) === MAP.POPULATE) populate(k, mm, vs, ve);
  return BigInt(res);
}
