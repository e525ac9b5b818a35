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
//   fd not an open trampfd -> EBADF; code set (a table other than 0 stored) -> EEXIST;
//   reg outside x64_rax..x64_r15 (7..21), ntrampolines 0 or > 102 -> EINVAL;
//   a table of 0 is stored as NULL: the descriptor stays unset (0 is returned)
// trampfd_write_data(fd, reg, table):                    (pwrite at TRAMPFD_DATA)
//   EBADF; data set -> EEXIST; bad reg -> EINVAL; table 0: stays unset
// mmap(addr, len, prot, flags, trampfd, off) — do_mmap's order (model/mmap.ts), with
//   trampfd_get_unmapped_area: off != 4096, flags != MAP_PRIVATE, PAGE_ALIGN(len) != 4096 -> EINVAL
//   trampfd_mmap: caller != creator -> EINVAL; a descriptor missing (never written, or
//                 written with table 0) -> EINVAL; trampfd->mapped -> EEXIST (set here,
//                 cleared by trampfd_close of any VMA of the file); not exactly R-X -> EINVAL
//   -> a one-page VMA r-x, VMF.TRAMPFD, VM_MAYWRITE kept (mprotect may add PROT_WRITE: a write
//      then copies the page, as for any private file page), VM_DONTEXPAND, never merged
// exec(page + 40X), X < code.ntrampolines, the 40 bytes there unchanged: the trampoline loads
//   code_table[X] and data_table[X] (user reads, at execution time) -> `jump TARGET DATA`.

import { jump, MAP, PROT, TRAMPFD, VMF, type Result } from '../abi/index.js';
import { cpuExec, cpuRead } from './cpu.js';
import { allocFd, fgetTrampfd } from './files.js';
import { hit, type Errno, type Kernel, type Mm, type Process, type Trampfd, type Vma } from './mm.js';
import { hasTrampfd } from './profile.js';
import { trampolineAt } from './trampfd-page.js';
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
  const t: Trampfd = { id: k.nextTrampfdId++, creator: p.pid, code: null, data: null, page: null, mapped: false };
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
  // trampfd_code: `if (trampfd->code) -EEXIST` — the stored table pointer, so a table of 0 is "not set"
  if (t.code) {
    hit(k, 'trampfd:code-EEXIST');
    return 'EEXIST';
  }
  // trampfd: reg out of range, or no / too many trampolines
  if (!regValid(reg) || ntrampolines === 0 || ntrampolines > TRAMPFD.NTRAMPOLINES) {
    hit(k, 'trampfd:code-EINVAL');
    return 'EINVAL';
  }
  // trampfd_code: trampfd->code = (void *) code.table — a NULL table leaves the descriptor unset
  hit(k, table ? 'trampfd:code' : 'trampfd:code-null-table');
  t.code = table ? { ntrampolines, reg, table } : null;
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
  // trampfd_data: `if (trampfd->data) -EEXIST` — the stored table pointer, as for code
  if (t.data) {
    hit(k, 'trampfd:data-EEXIST');
    return 'EEXIST';
  }
  if (!regValid(reg)) {
    hit(k, 'trampfd:data-EINVAL');
    return 'EINVAL';
  }
  // trampfd_data: trampfd->data = (void *) data.table — a NULL table leaves the descriptor unset
  hit(k, table ? 'trampfd:data' : 'trampfd:data-null-table');
  t.data = table ? { reg, table } : null;
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
  // trampfd_mmap: `if (!trampfd->code || !trampfd->data)` — both table pointers set
  if (!t.code || !t.data) {
    hit(k, 'trampfd:mmap-desc-EINVAL');
    return 'EINVAL';
  }
  // trampfd_mmap: `if (trampfd->mapped) -EEXIST` — cleared by trampfd_close of any VMA of the file
  if (t.mapped) {
    hit(k, 'trampfd:mmap-EEXIST');
    return 'EEXIST';
  }
  // trampfd_mmap: the VMA must be exactly R-X
  if (prot & PROT.WRITE || !(prot & PROT.READ) || !(prot & PROT.EXEC)) {
    hit(k, 'trampfd:mmap-prot-EINVAL');
    return 'EINVAL';
  }
  // trampfd_mmap: trampfd->mapped = true; vma->vm_ops = &trampfd_vm_ops
  t.mapped = true;
  return null;
}

/**
 * The VMA trampfd_mmap leaves: r-x, a file VMA with vm_ops (VMF.TRAMPFD), VM_MAYWRITE kept
 * (do_mmap's MAP_PRIVATE case never clears it; trampfd_mmap only checks VM_WRITE), and
 * VM_DONTEXPAND as the model has always given it (docs/conventions.md: not in the RFC's code).
 */
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
 * exec(addr): the instruction fetch, then, at the start of trampoline X of a trampfd page
 * (its bytes unchanged), the trampoline as the RFC describes it: `load &code_table[X] ->
 * %c; load (%c) -> %c; load &data_table[X] -> %d; load (%d) -> %d; jump %c`. The two loads
 * are user reads at execution time (faults as `read`). When both descriptors name the
 * same register, %c holds the data value when the jmp executes. (For rbp, r12, r13 the
 * RFC's bytes encode other loads: docs/conventions.md.)
 */
export function cpuExecOrTrampoline(k: Kernel, p: Process, addr: bigint): Result {
  const r = cpuExec(k, p, addr);
  if (r !== 0n) return r;
  const vma = vmaLookup(p.mm, addr);
  const x = vma ? trampolineAt(k, p.mm, vma, addr) : null;
  if (x === null) return r;
  const t = vma!.trampfd!;
  if (!t.code || !t.data) return r;
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
