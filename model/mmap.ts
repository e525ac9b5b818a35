// mmap (arch/x86/kernel/sys_x86_64.c: SYSCALL_DEFINE6(mmap) -> mm/mmap.c:
// ksys_mmap_pgoff -> mm/util.c: vm_mmap_pgoff -> mm/mmap.c: do_mmap ->
// mm/vma.c: mmap_region / __mmap_region). Anonymous memory, and the only files a
// program can open: trampfds (model/trampfd.ts).
//
// Checks, first failing wins (SEMANTICS §1.1):
//   off & ~PAGE_MASK                                   -> EINVAL
//   !MAP_ANONYMOUS: fd is not an open trampfd          -> EBADF
//     (a trampfd: doMmapFile below, with the trampfd's own checks)
//   MAP_HUGETLB with a bad size log                    -> EINVAL
//   len == 0                                           -> EINVAL
//   PAGE_ALIGN(len) == 0                               -> ENOMEM
//   map_count > max_map_count                          -> ENOMEM
//   (prot == PROT_EXEC exactly -> execute-only pkey)
//   get_unmapped_area (len > TASK_SIZE, no gap, addr > TASK_SIZE - len -> ENOMEM;
//                      unaligned MAP_FIXED -> EINVAL)
//   MAP_FIXED_NOREPLACE over anything                  -> EEXIST
//   type MAP_SHARED with MAP_GROWSDOWN                 -> EINVAL
//   MAP_DROPPABLE with MAP_LOCKED|MAP_HUGETLB|GROWSDOWN -> EINVAL
//   any other type (0, SHARED_VALIDATE, 4..15)         -> EINVAL
//   MAP_HUGETLB: offset + len past 2^63 - 1 -> EOVERFLOW (after EEXIST, before the type check);
//     MAP_SHARED_VALIDATE with a flag outside LEGACY_MAP_MASK -> EOPNOTSUPP;
//     (MAP_FIXED unmaps what it replaces: a gap stays on error) offset not a whole number of huge
//     pages -> EINVAL; without MAP_NORESERVE more huge pages than the free pool (cfg.hugePages)
//     -> ENOMEM; else a hugetlb VMA (VM_HUGETLB|VM_NORESERVE, never merged) — modelled, private or
//     shared, with an empty pool (hugePages=0; else NotModelled): every fault is SIGBUS
//   MAP_FIXED over existing VMAs: munmap's gather      -> EPERM (sealed) / ENOMEM (split)
//   private writable, !MAP_NORESERVE: more pages than RAM + swap, less the VM_ACCOUNT pages
//     MAP_FIXED replaces                               -> ENOMEM (the gather's splits stay)
//   (MAP_FIXED unmaps what it replaces)
//   shared anonymous, !MAP_NORESERVE: more pages than RAM + swap -> ENOMEM (a gap stays)
// Effects: a new VMA (merged with equal neighbours), no PTEs; MAP_POPULATE (without
// MAP_NONBLOCK) or MAP_LOCKED prefault it. Returns the mapping's start.
// The kernel's own do_mmap calls (alloc_shstk: VM_SHADOW_STACK|VM_WRITE with PROT_READ)
// pass extra vm_flags (doMmap's `extra`).
// Design variants (model/variants/): under prot-seal PROT_SEAL makes the new VMA sealed;
// under prot-shadowstack PROT_SHADOWSTACK makes it a shadow stack (shared or file -> EINVAL).

import { MAP, NotModelled, PROT, VMF } from '../abi/index.js';
import { fgetTrampfd } from './files.js';
import { hit, mapCount, type Errno, type Kernel, type Process, type Shmem, type Trampfd, type Vma } from './mm.js';
import { gatherMunmapVmas, completeMunmap } from './munmap.js';
import { executeOnlyPkey } from './pkeys.js';
import { mmPopulate } from './populate.js';
import { canModifyMm, sealsUpFront } from './seal.js';
import { hasDroppable } from './profile.js';
import { trampfdGetUnmappedArea, trampfdMmap, trampfdVma } from './trampfd.js';
import { getUnmappedArea } from './unmapped.js';
import { protSealMmapFlags } from './variants/prot-seal.js';
import { protShadowStackMmap, protShadowStackValidFlags } from './variants/prot-shadowstack.js';
import { findVmaIntersection, HUGETLB_PAGE_SIZE, insertVma, mergeNewRange, newVma, VM_SYNC, type VmaAttrs } from './vma.js';
import { vmEnoughMemory } from './overcommit.js';

const U64 = (1n << 64n) - 1n;
/**
 * include/linux/mman.h: LEGACY_MAP_MASK — the flags every file's mmap takes with MAP_SHARED_VALIDATE:
 * SHARED PRIVATE FIXED ANONYMOUS 32BIT ABOVE4G GROWSDOWN DENYWRITE EXECUTABLE LOCKED NORESERVE POPULATE
 * NONBLOCK STACK HUGETLB UNINITIALIZED HUGE_2MB HUGE_1GB.
 */
const LEGACY_MAP_MASK = 0x7c07f9f3n;
/** include/uapi/asm-generic/mman-common.h: MAP_HUGE_SHIFT, MAP_HUGE_MASK. */
const MAP_HUGE_SHIFT = 26n;
const MAP_HUGE_MASK = 0x3fn;

function pageAlign(x: bigint): bigint {
  return (x + 0xfffn) & ~0xfffn & U64;
}

/** The SYSCALL_DEFINE6(mmap, ...) arguments, all unsigned long. */
export interface MmapArgs {
  addr: bigint;
  len: bigint;
  prot: bigint;
  flags: bigint;
  fd: bigint;
  off: bigint;
}

/**
 * mm/hugetlb.c: hstate_sizelog — 0 (default 2 MiB) and 21 (2 MiB) name an hstate on x86-64, 30 (1 GiB)
 * only on a CPU with GBPAGES (cfg.gbPages).
 */
function hugetlbSizelogValid(k: Kernel, flags: bigint): boolean {
  const log = (flags >> MAP_HUGE_SHIFT) & MAP_HUGE_MASK;
  return log === 0n || log === 21n || (log === 30n && k.cfg.gbPages);
}

/** arch/x86/kernel/sys_x86_64.c: SYSCALL_DEFINE6(mmap). */
export function sysMmap(k: Kernel, p: Process, a: MmapArgs): bigint | Errno {
  // arch/x86/kernel/sys_x86_64.c: mmap — the offset must be page aligned, before everything
  if (a.off & 0xfffn) {
    hit(k, 'mmap:off-EINVAL');
    return 'EINVAL';
  }
  // mm/mmap.c: ksys_mmap_pgoff — !MAP_ANONYMOUS: fget((unsigned int)fd); the only files are trampfds
  if (!(a.flags & BigInt(MAP.ANONYMOUS))) {
    const t = fgetTrampfd(p, Number(a.fd & 0xffffffffn));
    if (!t) {
      hit(k, 'mmap:EBADF');
      return 'EBADF';
    }
    return doMmapFile(k, p, t, a);
  }
  // mm/mmap.c: ksys_mmap_pgoff — anonymous MAP_HUGETLB: hstate_sizelog
  if (a.flags & BigInt(MAP.HUGETLB)) {
    if (!hugetlbSizelogValid(k, a.flags)) {
      hit(k, 'mmap:hugetlb-size-EINVAL');
      return 'EINVAL';
    }
    return doMmapHugetlb(k, p, a);
  }
  return doMmap(k, p, a);
}

/** vm_flags a kernel caller of do_mmap adds (alloc_shstk: VM_SHADOW_STACK | VM_WRITE). */
export interface ExtraVmFlags {
  /** VMF bits. */
  flags: number;
  /** VM_READ|VM_WRITE|VM_EXEC as PROT bits. */
  prot: number;
}

/**
 * mm/mmap.c: do_mmap up to get_unmapped_area, shared by anonymous and file mappings:
 * len 0, MAP_FIXED_NOREPLACE implies MAP_FIXED, round_hint_to_min, PAGE_ALIGN overflow,
 * max_map_count, and the execute-only pkey for prot == PROT_EXEC (before anything later
 * can fail).
 */
function doMmapStart(k: Kernel, p: Process, a: MmapArgs): { addr: bigint; len: bigint; flags: number; pkey: number } | Errno {
  // mm/mmap.c: do_mmap — len == 0
  if (a.len === 0n) {
    hit(k, 'mmap:len0-EINVAL');
    return 'EINVAL';
  }
  // mm/mmap.c: do_mmap — MAP_FIXED_NOREPLACE implies MAP_FIXED
  let flags = Number(a.flags & 0xffffffffn);
  if (flags & MAP.FIXED_NOREPLACE) flags |= MAP.FIXED;
  let addr = a.addr;
  // mm/mmap.c: round_hint_to_min — a hint below mmap_min_addr becomes PAGE_ALIGN(mmap_min_addr)
  if (!(flags & MAP.FIXED)) {
    addr &= ~0xfffn;
    if (addr !== 0n && addr < k.cfg.mmapMinAddr) addr = pageAlign(k.cfg.mmapMinAddr);
  }
  // mm/mmap.c: do_mmap — careful about overflows
  const len = pageAlign(a.len);
  if (len === 0n) {
    hit(k, 'mmap:len-overflow-ENOMEM');
    return 'ENOMEM';
  }
  // mm/mmap.c: do_mmap — too many mappings (strictly greater: a mmap at map_count == max is allowed)
  if (mapCount(p.mm) > k.cfg.maxMapCount) {
    hit(k, 'mmap:map_count-ENOMEM');
    return 'ENOMEM';
  }
  // mm/mmap.c: do_mmap — prot == PROT_EXEC exactly gets the execute-only pkey
  let pkey = 0;
  if (a.prot === BigInt(PROT.EXEC)) {
    pkey = executeOnlyPkey(k, p);
    if (pkey < 0) pkey = 0;
    if (pkey > 0) hit(k, 'mmap:exec-only-pkey');
  }
  return { addr, len, flags, pkey };
}

/** The huge page size MAP_HUGE_* names (hstate_sizelog: 0 is the default, 2 MiB). */
function hugePageSize(flags: bigint): bigint {
  return ((flags >> MAP_HUGE_SHIFT) & MAP_HUGE_MASK) === 30n ? 1n << 30n : 1n << 21n;
}

/**
 * Anonymous MAP_HUGETLB: ksys_mmap_pgoff set up a hugetlbfs file (with VM_NORESERVE, so
 * nothing is reserved yet) and rounded len up to the huge page; do_mmap then runs its
 * checks — the execute-only pkey is taken before the area is chosen — and the file's
 * mmap reserves the pages, which fails: these machines have no huge pages.
 */
function doMmapHugetlb(k: Kernel, p: Process, a: MmapArgs): bigint | Errno {
  const hsz = hugePageSize(a.flags);
  // mm/mmap.c: ksys_mmap_pgoff — len = ALIGN(len, huge_page_size(hs)), which may wrap to 0
  const aligned = (a.len + hsz - 1n) & ~(hsz - 1n) & ((1n << 64n) - 1n);
  // mm/mmap.c: do_mmap — !len
  if (aligned === 0n) return 'EINVAL';
  const start = doMmapStart(k, p, { ...a, len: aligned });
  if (typeof start === 'string') return start;
  const { addr, len, flags } = start;
  const got = getUnmappedArea(k, p.mm, {
    shmem: false, addr, len, flags, shadowStack: false,
    // fs/hugetlbfs/inode.c: hugetlb_get_unmapped_area — huge-page multiples; MAP_FIXED at a huge-page
    // boundary; a hint rounded up to one; the search aligned to the huge page (get_align_mask)
    fileArea: (req) => {
      if (req.len % hsz) return 'EINVAL';
      if (req.flags & MAP.FIXED) return req.addr % hsz ? 'EINVAL' : req.addr;
      const hint = req.addr ? (req.addr + hsz - 1n) & ~(hsz - 1n) & ((1n << 64n) - 1n) : 0n;
      return getUnmappedArea(k, p.mm, { ...req, addr: hint, fileArea: undefined, shmem: true, alignMask: hsz - 0x1000n, alignOffset: a.off });
    },
  });
  if (typeof got === 'string') {
    hit(k, `mmap:hugetlb-area-${got}`);
    return got;
  }
  // mm/mmap.c: do_mmap — MAP_FIXED_NOREPLACE: any overlap
  if (flags & MAP.FIXED_NOREPLACE && findVmaIntersection(p.mm, got, got + len)) {
    hit(k, 'mmap:noreplace-EEXIST');
    return 'EEXIST';
  }
  // mm/mmap.c: do_mmap (file) — file_mmap_ok: a regular file's offset + len must stay within
  // MAX_LFS_FILESIZE (2^63 - 1): `pgoff > (maxsize - len) >> PAGE_SHIFT` -> EOVERFLOW (seen on the live kernel)
  if (a.off >> 12n > ((1n << 63n) - 1n - len) >> 12n) {
    hit(k, 'mmap:hugetlb-EOVERFLOW');
    return 'EOVERFLOW';
  }
  const type = flags & MAP.TYPE;
  // mm/mmap.c: do_mmap (file) — MAP_SHARED_VALIDATE: a flag outside LEGACY_MAP_MASK (hugetlbfs has no
  // MAP_SYNC; MAP_FIXED_NOREPLACE, the upper 32 bits, unknown bits) -> EOPNOTSUPP (seen on the live kernel)
  if (type === MAP.SHARED_VALIDATE && a.flags & ~LEGACY_MAP_MASK) {
    hit(k, 'mmap:hugetlb-validate-EOPNOTSUPP');
    return 'EOPNOTSUPP';
  }
  // mm/mmap.c: do_mmap (file) — only SHARED, SHARED_VALIDATE, PRIVATE; a file mapping cannot grow down
  if ((type !== MAP.SHARED && type !== MAP.SHARED_VALIDATE && type !== MAP.PRIVATE) || flags & MAP.GROWSDOWN) {
    hit(k, 'mmap:hugetlb-type-EINVAL');
    return 'EINVAL';
  }
  // mm/mmap.c (6.10): mmap_region — can_modify_mm up front
  if (sealsUpFront(k) && !canModifyMm(p.mm, got, got + len)) {
    hit(k, 'mmap:sealed-EPERM-upfront');
    return 'EPERM';
  }
  // mm/vma.c: __mmap_prepare — gather what MAP_FIXED replaces (seals, the split limit)
  const first = findVmaIntersection(p.mm, got, got + len);
  const old = first ? gatherMunmapVmas(k, p.mm, first, got, got + len) : [];
  if (typeof old === 'string') {
    hit(k, `mmap:fixed-${old}`);
    return old;
  }
  // mm/vma.c: vms_clean_up_area has run (PTEs cleared, vm_ops->close called) before the file's
  // mmap, so when that fails vms_abort_munmap_vmas cannot put the old VMAs back: it leaves a gap
  if (old.length) {
    hit(k, 'mmap:hugetlb-fixed-gap');
    completeMunmap(k, p.mm, old);
  }
  // fs/hugetlbfs/inode.c: hugetlbfs_file_mmap — vm_pgoff must be huge-page aligned (its loff_t overflow
  // checks cannot fail after file_mmap_ok)
  if ((a.off >> 12n) % (hsz >> 12n) !== 0n) {
    hit(k, 'mmap:hugetlb-pgoff-EINVAL');
    return 'EINVAL';
  }
  // mm/hugetlb.c: hugetlb_reserve_pages — VM_NORESERVE (MAP_NORESERVE: do_mmap sets it for hugetlb files
  // whatever the overcommit mode) reserves nothing; a private mapping reserves every huge page of the VMA:
  // hugetlb_acct_memory -> gather_surplus_pages, no surplus pages (nr_overcommit_hugepages = 0), so more
  // than the free pool (cfg.hugePages of 2 MiB; no 1 GiB pages) is ENOMEM
  if (!(flags & MAP.NORESERVE)) {
    const free = hsz === 1n << 21n ? BigInt(k.cfg.hugePages) : 0n;
    if (len / hsz > free) {
      hit(k, 'mmap:hugetlb-ENOMEM');
      return 'ENOMEM';
    }
  }
  // what is modelled of a hugetlb VMA: one made while the pool is empty (no page can ever be
  // allocated, so every fault is SIGBUS and nothing is ever mapped)
  if (k.cfg.hugePages > 0) throw new NotModelled('maps a hugetlb VMA (MAP_HUGETLB) with huge pages in the pool');
  if (hsz !== HUGETLB_PAGE_SIZE) throw new NotModelled('maps a 1 GiB hugetlb VMA');
  // the rules below were measured on 6.18 only
  if (k.cfg.profile === '6.10') throw new NotModelled('maps a hugetlb VMA under the 6.10 profile');
  // mm/mmap.c: do_mmap — calc_vm_prot_bits | calc_vm_flag_bits (MAP_STACK -> VM_NOHUGEPAGE, MAP_LOCKED ->
  // VM_LOCKED); the hugetlbfs file: VM_NORESERVE (MAP_NORESERVE); hugetlbfs_file_mmap: VM_HUGETLB |
  // VM_DONTEXPAND (never merged: vma.ts isMergeableVma); no VM_ACCOUNT (accountable_mapping: a file)
  const prot = Number(a.prot & BigInt(PROT.READ | PROT.WRITE | PROT.EXEC));
  let vmflags = VMF.HUGETLB | VMF.NORESERVE;
  // mm/mmap.c: do_mmap (file) — MAP_SHARED / MAP_SHARED_VALIDATE: VM_SHARED | VM_MAYSHARE (the hugetlbfs file
  // is open for writing); no shmem object: the pool is empty, nothing is ever cached in the file
  if (type !== MAP.PRIVATE) vmflags |= VMF.SHARED;
  if (flags & MAP.STACK) vmflags |= VMF.NOHUGEPAGE;
  // mm/vma.c: __mmap_complete — VM_LOCKED is cleared on a hugetlb VMA (VM_LOCKED_MASK)
  if (flags & MAP.LOCKED) hit(k, 'hugetlb:mmap-locked-cleared');
  hit(k, 'hugetlb:mmap');
  insertVma(p.mm, newVma({ start: got, end: got + len, attrs: { prot, flags: vmflags, pkey: start.pkey }, pgoff: a.off >> 12n, shmem: null, anonVma: null, anonFromFork: false }));
  // mm/util.c: vm_mmap_pgoff — populate for VM_LOCKED (as do_mmap saw it) or MAP_POPULATE without
  // MAP_NONBLOCK: __mm_populate ignores errors, and every page's fault fails (hugetlb_no_page: SIGBUS)
  if (flags & MAP.LOCKED || (flags & (MAP.POPULATE | MAP.NONBLOCK)) === MAP.POPULATE) {
    hit(k, 'hugetlb:mmap-populate');
    mmPopulate(k, p, got, len);
  }
  return got;
}

/** mm/mmap.c: do_mmap for anonymous memory, then vm_mmap_pgoff's populate. */
export function doMmap(k: Kernel, p: Process, a: MmapArgs, extra: ExtraVmFlags = { flags: 0, prot: 0 }): bigint | Errno {
  const mm = p.mm;
  const flags = Number(a.flags & 0xffffffffn);
  const start = doMmapStart(k, p, a);
  if (typeof start === 'string') return start;
  const { len, pkey } = start;
  const mflags = start.flags;
  let addr = start.addr;
  // mm/mmap.c: do_mmap — calc_vm_prot_bits (unknown prot bits ignored) | calc_vm_flag_bits;
  // the design variants' bits: PROT_SHADOWSTACK -> VM_SHADOW_STACK|VM_WRITE, PROT_SEAL -> VM_SEALED
  const ss = protShadowStackMmap(k, a.prot);
  const prot = Number(a.prot & BigInt(PROT.READ | PROT.WRITE | PROT.EXEC)) | extra.prot | (ss?.prot ?? 0);
  let vmflags = extra.flags | (ss?.flags ?? 0) | protSealMmapFlags(k, a.prot);
  if (flags & MAP.GROWSDOWN) vmflags |= VMF.GROWSDOWN;
  if (flags & MAP.LOCKED) vmflags |= VMF.LOCKED;
  if (flags & MAP.SYNC) vmflags |= VM_SYNC;
  // include/linux/mman.h: calc_vm_flag_bits — MAP_STACK -> VM_NOHUGEPAGE
  if (flags & MAP.STACK) vmflags |= VMF.NOHUGEPAGE;

  const shared = (flags & MAP.TYPE) === MAP.SHARED;
  // mm/mmap.c: __get_unmapped_area — `flags & MAP_SHARED` selects shmem placement
  // mm/mmap.c: __get_unmapped_area(..., vm_flags) — VM_SHADOW_STACK asks for the one-page start gap
  const got = getUnmappedArea(k, mm, { shmem: false, addr, len, flags: mflags, shadowStack: (vmflags & VMF.SHADOW_STACK) !== 0 });
  if (typeof got === 'string') {
    hit(k, `mmap:area-${got}`);
    return got;
  }
  addr = got;
  // mm/mmap.c: do_mmap — MAP_FIXED_NOREPLACE: any overlap, before the type checks and seals
  if (flags & MAP.FIXED_NOREPLACE && findVmaIntersection(mm, addr, addr + len)) {
    hit(k, 'mmap:noreplace-EEXIST');
    return 'EEXIST';
  }
  // MAP_LOCKED: can_do_mlock() (root); mlock_future_ok (RLIMIT_MEMLOCK unlimited)
  let pgoff: bigint;
  switch (flags & MAP.TYPE) {
    case MAP.SHARED:
      // mm/mmap.c: do_mmap — shared anon cannot grow
      if (vmflags & VMF.GROWSDOWN) {
        hit(k, 'mmap:shared-growsdown-EINVAL');
        return 'EINVAL';
      }
      pgoff = 0n;
      vmflags |= VMF.SHARED;
      break;
    case MAP.DROPPABLE:
      // profile 6.10: MAP_DROPPABLE (6.11+) is an unknown type
      if (!hasDroppable(k)) {
        hit(k, 'mmap:type-EINVAL');
        return 'EINVAL';
      }
      // mm/mmap.c: do_mmap — a locked, hugetlb or stack area makes no sense to be droppable
      if (flags & (MAP.LOCKED | MAP.HUGETLB) || vmflags & VMF.GROWSDOWN) {
        hit(k, 'mmap:droppable-EINVAL');
        return 'EINVAL';
      }
      hit(k, 'mmap:droppable');
      vmflags |= VMF.DROPPABLE | VMF.NORESERVE | VMF.WIPEONFORK | VMF.DONTDUMP;
      pgoff = addr >> 12n;
      break;
    case MAP.PRIVATE:
      // mm/mmap.c: do_mmap — set pgoff according to addr for anon_vma
      pgoff = addr >> 12n;
      break;
    default:
      // mm/mmap.c: do_mmap — anon + MAP_SHARED_VALIDATE or an unknown type
      hit(k, 'mmap:type-EINVAL');
      return 'EINVAL';
  }
  // mm/mmap.c: do_mmap — MAP_NORESERVE honoured (overcommit is not OVERCOMMIT_NEVER)
  if (flags & MAP.NORESERVE) vmflags |= VMF.NORESERVE;

  const r = mmapRegion(k, p, addr, len, { prot, flags: vmflags, pkey }, pgoff, shared);
  if (typeof r === 'string') return r;
  // mm/util.c: vm_mmap_pgoff — populate for VM_LOCKED, or MAP_POPULATE without MAP_NONBLOCK
  if (vmflags & VMF.LOCKED || (flags & (MAP.POPULATE | MAP.NONBLOCK)) === MAP.POPULATE) {
    hit(k, 'mmap:populate');
    mmPopulate(k, p, addr, len);
  }
  return addr;
}

/**
 * mm/mmap.c: ksys_mmap_pgoff + do_mmap + mm/vma.c: __mmap_region for a trampfd, the only
 * file: the same checks in the same order as for anonymous memory, with the file's
 * get_unmapped_area and ->mmap (model/trampfd.ts) in their places.
 */
function doMmapFile(k: Kernel, p: Process, t: Trampfd, a: MmapArgs): bigint | Errno {
  const mm = p.mm;
  // mm/mmap.c: ksys_mmap_pgoff — MAP_HUGETLB on a file that is not on hugetlbfs
  if (a.flags & BigInt(MAP.HUGETLB)) {
    hit(k, 'mmap:file-hugetlb-EINVAL');
    return 'EINVAL';
  }
  // mm/mmap.c: do_mmap — the same checks as for anonymous memory (the flags get_unmapped_area
  // sees include MAP_FIXED for MAP_FIXED_NOREPLACE)
  const start = doMmapStart(k, p, a);
  if (typeof start === 'string') return start;
  let addr = start.addr;
  const { len, pkey } = start;
  const flags = (a.flags & ~0xffffffffn) | BigInt(start.flags);
  const prot = Number(a.prot & BigInt(PROT.READ | PROT.WRITE | PROT.EXEC));
  // mm/mmap.c: __get_unmapped_area — len > TASK_SIZE, then file->f_op->get_unmapped_area
  const got = getUnmappedArea(k, mm, {
    shmem: false,
    addr,
    len,
    flags: Number(flags & 0xffffffffn),
    shadowStack: false,
    fileArea: trampfdGetUnmappedArea(k, mm, a.off >> 12n, flags),
  });
  if (typeof got === 'string') {
    hit(k, `mmap:file-area-${got}`);
    return got;
  }
  addr = got;
  // (MAP_FIXED_NOREPLACE, GROWSDOWN, other map types never get past trampfd_get_unmapped_area;
  // the file is O_RDWR, so FMODE_READ holds)
  // mm/vma.c: mmap_region — arch_validate_flags: the prot-shadowstack design refuses a shadow stack in a file
  if (protShadowStackMmap(k, a.prot)) {
    hit(k, 'mmap:prot-shadowstack-file-EINVAL');
    return 'EINVAL';
  }
  // mm/vma.c: __mmap_region — call_mmap(file, vma): trampfd_mmap
  const e = trampfdMmap(k, p, t, prot);
  if (e) return e;
  const vma = trampfdVma(t, addr, pkey);
  // the prot-seal design: PROT_SEAL seals any new mapping
  vma.flags |= protSealMmapFlags(k, a.prot);
  insertVma(mm, vma);
  hit(k, 'mmap:trampfd');
  return addr;
}

/** mm/vma.c: mmap_region / __mmap_region / __mmap_setup for an anonymous range. */
function mmapRegion(k: Kernel, p: Process, addr: bigint, len: bigint, attrs: VmaAttrs, pgoff: bigint, shared: boolean): bigint | Errno {
  const mm = p.mm;
  const end = addr + len;
  // mm/vma.c: mmap_region — arch_validate_flags (x86 has none; the prot-shadowstack design's
  // refuses a shared shadow stack), before anything is unmapped
  if (!protShadowStackValidFlags(k, attrs.flags, !shared)) {
    hit(k, 'mmap:prot-shadowstack-shared-EINVAL');
    return 'EINVAL';
  }
  // mm/mmap.c (6.10): mmap_region — can_modify_mm up front
  if (sealsUpFront(k) && !canModifyMm(mm, addr, end)) {
    hit(k, 'mmap:sealed-EPERM-upfront');
    return 'EPERM';
  }
  // mm/vma.c: __mmap_setup — prepare to unmap anything in the range (MAP_FIXED)
  const first = findVmaIntersection(mm, addr, end);
  let old: Vma[] = [];
  if (first) {
    const g = gatherMunmapVmas(k, mm, first, addr, end);
    if (typeof g === 'string') {
      hit(k, `mmap:fixed-${g}`);
      return g;
    }
    old = g;
  }
  // mm/vma.c: accountable_mapping — private writable without VM_NORESERVE is charged: VM_ACCOUNT
  if ((attrs.flags & (VMF.NORESERVE | VMF.SHARED)) === 0 && attrs.prot & PROT.WRITE) {
    // mm/vma.c: __mmap_setup — charged = pglen - vms->nr_accounted (the VM_ACCOUNT pages it replaces)
    let charged = len >> 12n;
    for (const v of old) if (v.flags & VMF.ACCOUNT) charged -= (v.end - v.start) >> 12n;
    // mm/util.c: __vm_enough_memory — OVERCOMMIT_GUESS; vms_abort_munmap_vmas reattaches what MAP_FIXED
    // gathered (PTEs not yet cleared), but the gather's splits stay
    if (charged > 0n && !vmEnoughMemory(k, charged)) {
      hit(k, old.length ? 'mmap:overcommit-ENOMEM-fixed' : 'mmap:overcommit-ENOMEM');
      return 'ENOMEM';
    }
    attrs.flags |= VMF.ACCOUNT;
  }
  if (old.length) {
    hit(k, 'mmap:fixed-replace');
    // mm/vma.c: vms_clean_up_area + vms_complete_munmap_vmas
    completeMunmap(k, mm, old);
  }
  const range = { start: addr, end, attrs, pgoff, shmem: null, anonVma: null, anonFromFork: false };
  // mm/vma.c: __mmap_region — attempt to merge with adjacent VMAs (a shared anon range never
  // merges: its file differs from every neighbour's)
  const merged = mergeNewRange(k, mm, range);
  if (merged) return addr;
  // mm/shmem.c: shmem_acct_size (shmem_zero_setup in __mmap_new_vma) — a shared object without
  // VM_NORESERVE charges its pages, after MAP_FIXED removed what it replaces (a gap stays)
  if (shared && !(attrs.flags & VMF.NORESERVE) && !vmEnoughMemory(k, len >> 12n)) {
    hit(k, old.length ? 'mmap:shmem-overcommit-ENOMEM-gap' : 'mmap:shmem-overcommit-ENOMEM');
    return 'ENOMEM';
  }
  const vma = newVma(range);
  if (shared) {
    // mm/shmem.c: shmem_zero_setup — a new shmem object of the mapping's size
    const shm: Shmem = { id: k.nextShmemId++, sizePages: len >> 12n, pages: new Map() };
    vma.shmem = shm;
    hit(k, 'mmap:shmem');
  }
  insertVma(mm, vma);
  hit(k, 'mmap:new-vma');
  return addr;
}
