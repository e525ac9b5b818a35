// trampfd, RFC v2 (Madhavan T. Venkataraman, Sept 2020, never merged; SEMANTICS §11,
// docs/conventions.md "Trampoline fd"). The 6.18 profile has it; under 6.10 every
// trampfd_* call is ENOSYS.
//
// trampfd_create(info):                   (syscall 440)
//   info == NULL                                          -> EINVAL
//   copy struct trampfd_info {102, 40, 4096, 0} to info   -> EFAULT (earlier pages written)
//   no free descriptor                                    -> EMFILE
//   -> the new fd; the caller is the trampfd's creator
// trampfd_write_code(fd, ntrampolines, reg, table):      (pwrite at TRAMPFD_CODE)
//   fd not an open trampfd -> EBADF; code set -> EEXIST;
//   reg outside x64_rax..x64_r15 (7..21), ntrampolines 0 or > 102 -> EINVAL
// trampfd_write_data(fd, reg, table):                    (pwrite at TRAMPFD_DATA)
//   EBADF; data set -> EEXIST; bad reg -> EINVAL
// mmap(addr, len, prot, flags, trampfd, off) — do_mmap's order (model/mmap.ts), with
//   trampfd_get_unmapped_area: off != 4096, flags != MAP_PRIVATE, PAGE_ALIGN(len) != 4096 -> EINVAL
//   trampfd_mmap: caller != creator -> EINVAL; a descriptor missing -> EINVAL;
//                 already mapped by any process -> EEXIST; not exactly R-X -> EINVAL
//   -> a one-page VMA r-x, VMF.TRAMPFD, without VM_MAYWRITE, VM_DONTEXPAND, never merged
// exec(page + 40X), X < code.ntrampolines: the trampoline loads code_table[X] and
//   data_table[X] (user reads, at execution time) -> `jump TARGET DATA`.

import { jump, MAP, PROT, TRAMPFD, VMF, type Result } from '../abi/index.js';
import { cpuExec, cpuRead } from './cpu.js';
import { allocFd, fgetTrampfd } from './files.js';
import { hit, type Errno, type Kernel, type Mm, type Process, type Trampfd, type Vma } from './mm.js';
import { hasTrampfd } from './profile.js';
import { trampfdMapped } from './trampfd-page.js';
import { copyToUser } from './uaccess.js';
import { mmGetUnmappedArea, type AreaRequest } from './unmapped.js';
import { vmaLookup } from './vma.js';

/** TRAMPFD_CODE_PGOFF: the only mappable page offset (code_offset 4096). */
const TRAMPFD_CODE_PGOFF = 1n;

/** The register enum's valid range: x64_rax (7) .. x64_r15 (21); x64_max is 22. */
function regValid(reg: number): boolean {
  return reg >= TRAMPFD.REG_X64_RAX && reg < TRAMPFD.REG_X64_MAX;
}

/** struct trampfd_info for x86-64: four little-endian u32. */
function trampfdInfoBytes(): Uint8Array {
  const b = new Uint8Array(16);
  const v = new DataView(b.buffer);
  v.setUint32(0, TRAMPFD.NTRAMPOLINES, true);
  v.setUint32(4, TRAMPFD.CODE_SIZE, true);
  v.setUint32(8, TRAMPFD.CODE_OFFSET, true);
  v.setUint32(12, 0, true);
  return b;
}

/** SYSCALL_DEFINE1(trampfd, struct trampfd_info __user *, info). */
export function sysTrampfdCreate(k: Kernel, p: Process, info: bigint): bigint | Errno {
  if (!hasTrampfd(k)) {
    hit(k, 'trampfd:ENOSYS');
    return 'ENOSYS';
  }
  // trampfd: NULL info
  if (info === 0n) {
    hit(k, 'trampfd:create-EINVAL');
    return 'EINVAL';
  }
  // trampfd: copy_to_user(info, &trampfd_info) before the fd exists
  if (!copyToUser(k, p, info, trampfdInfoBytes())) {
    hit(k, 'trampfd:create-EFAULT');
    return 'EFAULT';
  }
  // trampfd: anon_inode_getfd("[trampfd]", ..., O_RDWR | O_CLOEXEC); the creator is recorded
  const t: Trampfd = { id: k.nextTrampfdId++, creator: p.pid, code: null, data: null, page: null };
  const fd = allocFd(k, p, t);
  if (typeof fd === 'string') return fd;
  hit(k, 'trampfd:create');
  return BigInt(fd);
}

/** trampfd_write at TRAMPFD_CODE: struct trampfd_code { u32 ntrampolines; u32 reg; u64 table; }. */
export function sysTrampfdWriteCode(k: Kernel, p: Process, fd: number, ntrampolines: number, reg: number, table: bigint): bigint | Errno {
  if (!hasTrampfd(k)) {
    hit(k, 'trampfd:ENOSYS');
    return 'ENOSYS';
  }
  const t = fgetTrampfd(p, fd);
  if (!t) {
    hit(k, 'trampfd:write-EBADF');
    return 'EBADF';
  }
  // trampfd: the code descriptor can be set once
  if (t.code) {
    hit(k, 'trampfd:code-EEXIST');
    return 'EEXIST';
  }
  // trampfd: reg out of range, or no / too many trampolines
  if (!regValid(reg) || ntrampolines === 0 || ntrampolines > TRAMPFD.NTRAMPOLINES) {
    hit(k, 'trampfd:code-EINVAL');
    return 'EINVAL';
  }
  hit(k, 'trampfd:code');
  t.code = { ntrampolines, reg, table };
  return 0n;
}

/** trampfd_write at TRAMPFD_DATA: struct trampfd_data { u32 reg; u32 reserved; u64 table; }. */
export function sysTrampfdWriteData(k: Kernel, p: Process, fd: number, reg: number, table: bigint): bigint | Errno {
  if (!hasTrampfd(k)) {
    hit(k, 'trampfd:ENOSYS');
    return 'ENOSYS';
  }
  const t = fgetTrampfd(p, fd);
  if (!t) {
    hit(k, 'trampfd:write-EBADF');
    return 'EBADF';
  }
  // trampfd: the data descriptor can be set once
  if (t.data) {
    hit(k, 'trampfd:data-EEXIST');
    return 'EEXIST';
  }
  if (!regValid(reg)) {
    hit(k, 'trampfd:data-EINVAL');
    return 'EINVAL';
  }
  hit(k, 'trampfd:data');
  t.data = { reg, table };
  return 0n;
}

/**
 * trampfd_get_unmapped_area (file->f_op->get_unmapped_area): the trampoline page only —
 * pgoff TRAMPFD_CODE_PGOFF, exactly MAP_PRIVATE, one page — then the mm's placement.
 */
export function trampfdGetUnmappedArea(k: Kernel, mm: Mm, pgoff: bigint, flags: bigint): (req: AreaRequest) => bigint | Errno {
  return (req) => {
    if (pgoff !== TRAMPFD_CODE_PGOFF || flags !== BigInt(MAP.PRIVATE) || req.len !== 0x1000n) {
      hit(k, 'trampfd:area-EINVAL');
      return 'EINVAL';
    }
    return mmGetUnmappedArea(k, mm, { shmem: false, addr: req.addr, len: req.len, flags: MAP.PRIVATE, shadowStack: false });
  };
}

/** trampfd_mmap (file->f_op->mmap): the checks on the new VMA, in the RFC's order. */
export function trampfdMmap(k: Kernel, p: Process, t: Trampfd, prot: number): Errno | null {
  // trampfd_mmap: no sharing across address spaces
  if (p.pid !== t.creator) {
    hit(k, 'trampfd:mmap-creator-EINVAL');
    return 'EINVAL';
  }
  // trampfd_mmap: both descriptors must have been written
  if (!t.code || !t.data) {
    hit(k, 'trampfd:mmap-desc-EINVAL');
    return 'EINVAL';
  }
  // trampfd_mmap: mappable once (until its last VMA goes)
  if (trampfdMapped(k, t)) {
    hit(k, 'trampfd:mmap-EEXIST');
    return 'EEXIST';
  }
  // trampfd_mmap: the VMA must be exactly R-X
  if (prot & PROT.WRITE || !(prot & PROT.READ) || !(prot & PROT.EXEC)) {
    hit(k, 'trampfd:mmap-prot-EINVAL');
    return 'EINVAL';
  }
  return null;
}

/** The VMA trampfd_mmap leaves: r-x, VM_DONTEXPAND, VM_MAYWRITE cleared (VMF.TRAMPFD stands for all three). */
export function trampfdVma(t: Trampfd, addr: bigint, pkey: number): Vma {
  return {
    start: addr,
    end: addr + 0x1000n,
    prot: PROT.READ | PROT.EXEC,
    flags: VMF.TRAMPFD,
    pkey,
    pgoff: TRAMPFD_CODE_PGOFF,
    shmem: null,
    anonVma: null,
    anonFromFork: false,
    trampfd: t,
  };
}

/**
 * exec(addr): the instruction fetch, then, at the start of trampoline X of a trampfd page,
 * the trampoline itself: `mov (&code_table[X]), %c; mov (&data_table[X]), %d; jmp *%c`.
 * The two loads are user reads at execution time (faults as `read`). When both
 * descriptors name the same register, %c holds the data value when the jmp executes.
 */
export function cpuExecOrTrampoline(k: Kernel, p: Process, addr: bigint): Result {
  const r = cpuExec(k, p, addr);
  if (r !== 0n) return r;
  const vma = vmaLookup(p.mm, addr);
  const t = vma?.trampfd;
  if (!t || !t.code || !t.data) return r;
  const off = Number(addr & 0xfffn);
  const x = off / TRAMPFD.CODE_SIZE;
  if (!Number.isInteger(x) || x >= t.code.ntrampolines) {
    hit(k, 'trampfd:exec-not-a-slot');
    return r;
  }
  const target = cpuRead(k, p, (t.code.table + BigInt(8 * x)) & ((1n << 64n) - 1n));
  if (typeof target === 'string') {
    hit(k, 'trampfd:exec-code-fault');
    return target;
  }
  const data = cpuRead(k, p, (t.data.table + BigInt(8 * x)) & ((1n << 64n) - 1n));
  if (typeof data === 'string') {
    hit(k, 'trampfd:exec-data-fault');
    return data;
  }
  hit(k, t.code.reg === t.data.reg ? 'trampfd:exec-same-reg' : 'trampfd:exec');
  return jump(t.code.reg === t.data.reg ? data : target, data);
}
