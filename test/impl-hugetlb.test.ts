// The impl's hugetlb VMAs over an empty pool (machine hugePages=0, this host's): an anonymous
// MAP_HUGETLB|MAP_NORESERVE mmap maps a VMA no page can ever be faulted into. Every expectation
// below was seen on the live 6.18 kernel (small C programs, errno printed after each call, smaps
// VmFlags): `rd wr mr mw me de nr ht` (+ `sh ms` for MAP_SHARED), every access SIGBUS
// BUS_ADRERR, splits only on 2 MiB boundaries (hugetlb_vm_op_split), mremap shrinks and moves but
// never grows (align_hugetlb). What could allocate a page stays NotModelled.

import { describe, expect, it } from 'vitest';
import { DEFAULT_MACHINE, parse, runProgram, type MachineConfig } from '../abi/index.js';
import { createImpl } from '../impl/index.js';
import { holds } from './helpers/impl-case.js';

const H = 'MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|MAP_NORESERVE|MAP_FIXED';
const MAP4 = `r0 = mmap(0x40000000, 0x400000, PROT_READ|PROT_WRITE, ${H}, -1, 0) = 0x40000000`;

/** The reason a program is not run on the impl (NotModelled), or undefined when it runs. */
function notRun(text: string, cfg: Partial<MachineConfig> = {}): string | undefined {
  const prog = parse(`# mmdiff 1\n${text.trim()}\n`);
  return runProgram(createImpl, { ...prog, machine: { ...DEFAULT_MACHINE, ...prog.machine, ...cfg } }).unsupported;
}

describe('impl hugetlb mmap (empty pool)', () => {
  it('maps a VMA rounded up to 2 MiB: VM_HUGETLB|VM_NORESERVE, no VM_ACCOUNT, no VM_LOCKED', () => {
    holds(`
r0 = mmap(0x40000000, 0x600001, PROT_READ|PROT_WRITE, ${H}|MAP_LOCKED, -1, 0) = 0x40000000
r1 = mmap(NULL, 0x1000, PROT_READ, MAP_SHARED|MAP_ANONYMOUS|MAP_HUGETLB|MAP_NORESERVE|MAP_POPULATE, -1, 0)
r2 = mmap(0x50000000, 0x200000, PROT_READ|PROT_WRITE, ${H}|MAP_STACK, -1, 0) = 0x50000000
#! p0 vmas r0..r0+0x800000 rw- noreserve hugetlb | r2..r2+0x200000 rw- noreserve nohugepage hugetlb | r1..r1+0x200000 r-- shared noreserve hugetlb`);
  });

  it('never merges with a neighbouring hugetlb VMA', () => {
    holds(`
${MAP4}
r1 = mmap(0x40400000, 0x200000, PROT_READ|PROT_WRITE, ${H}, -1, 0x400000) = 0x40400000
mprotect(r0, 0x200000, PROT_READ) = 0
mprotect(r0, 0x200000, PROT_READ|PROT_WRITE) = 0
#! p0 vmas r0..r0+0x200000 rw- noreserve hugetlb | r0+0x200000..r0+0x400000 rw- noreserve hugetlb | r1..r1+0x200000 rw- noreserve hugetlb`);
  });

  it('is NotModelled when the pool holds pages, and for 1 GiB pages', () => {
    const p = `r0 = mmap(NULL, 0x200000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|MAP_NORESERVE, -1, 0)`;
    expect(notRun(p)).toBeUndefined();
    expect(notRun(p, { hugePages: 4 })).toMatch(/pool holds huge pages/);
    expect(notRun(`r0 = mmap(NULL, 0x200000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|MAP_NORESERVE|0x78000000, -1, 0)`, { gbPages: true })).toMatch(/1 GiB/);
  });
});

describe('impl hugetlb accesses (hugetlb_no_page without a page)', () => {
  it('CPU accesses are SIGBUS BUS_ADRERR after access_error; GUP fails', () => {
    holds(`
${MAP4}
read(r0) = fault SIGBUS BUS_ADRERR
write(r0+0x10, 1) = fault SIGBUS BUS_ADRERR
mem_write(r0, 5) = -EIO
madvise(r0, 0x200000, MADV_POPULATE_READ) = -EFAULT
madvise(r0, 0x1000, MADV_POPULATE_WRITE) = -EFAULT
r1 = mmap(0x41000000, 0x200000, PROT_READ|PROT_EXEC, ${H}, -1, 0) = 0x41000000
exec(r1) = fault SIGBUS BUS_ADRERR
write(r1, 1) = fault SIGSEGV SEGV_ACCERR
madvise(r1, 0x1000, MADV_POPULATE_WRITE) = -EINVAL
r2 = mmap(0x42000000, 0x200000, PROT_NONE, ${H}, -1, 0) = 0x42000000
read(r2) = fault SIGSEGV SEGV_ACCERR
r3 = fork()
p1: read(r0) = fault SIGBUS BUS_ADRERR
p1: exit(0) = 0
#! p0 vmas r0..r0+0x400000 rw- noreserve hugetlb | r1..r1+0x200000 r-x noreserve hugetlb | r2..r2+0x200000 --- noreserve hugetlb`);
  });
});

describe('impl hugetlb splits (hugetlb_vm_op_split)', () => {
  it('munmap, mprotect, mseal, MAP_FIXED: EINVAL off a 2 MiB boundary, a first aligned split stays', () => {
    holds(`
r0 = mmap(0x40000000, 0x800000, PROT_READ|PROT_WRITE, ${H}, -1, 0) = 0x40000000
munmap(r0+0x1000, 0x1000) = -EINVAL
munmap(r0, 0x1000) = -EINVAL
munmap(r0+0x200000, 0x1000) = -EINVAL
mprotect(r0+0x400000, 0x201000, PROT_READ) = -EINVAL
mseal(r0+0x600000, 0x1000, 0) = -EINVAL
mmap(r0+0x1000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = -EINVAL
#! p0 vmas r0..r0+0x200000 rw- noreserve hugetlb | r0+0x200000..r0+0x400000 rw- noreserve hugetlb | r0+0x400000..r0+0x600000 rw- noreserve hugetlb | r0+0x600000..r0+0x800000 rw- noreserve hugetlb`);
  });

  it('aligned splits work; seals forbid munmap and mprotect but not DONTNEED (a file mapping)', () => {
    holds(`
r0 = mmap(0x40000000, 0x800000, PROT_READ|PROT_WRITE, ${H}, -1, 0) = 0x40000000
mprotect(r0, 0x200000, PROT_READ) = 0
munmap(r0+0x600000, 0x201000) = 0
mseal(r0+0x200000, 0x200000, 0) = 0
madvise(r0+0x200000, 0x200000, MADV_DONTNEED) = 0
munmap(r0+0x200000, 0x200000) = -EPERM
mmap(r0+0x400000, 0x200000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x40400000
#! p0 vmas r0..r0+0x200000 r-- noreserve hugetlb | r0+0x200000..r0+0x400000 rw- noreserve sealed hugetlb | r0+0x400000..r0+0x600000 r--`);
  });
});

describe('impl hugetlb madvise', () => {
  it('DONTNEED needs an aligned start; FREE, COLD, PAGEOUT, WIPEONFORK, COLLAPSE, GUARD_* are EINVAL; REMOVE EACCES', () => {
    holds(`
${MAP4}
madvise(r0+0x1000, 0x1000, MADV_DONTNEED) = -EINVAL
madvise(r0, 0x1000, MADV_DONTNEED) = 0
madvise(r0+0x200000, 0x1ff000, MADV_DONTNEED_LOCKED) = 0
madvise(r0-0x1000, 0x2000, MADV_DONTNEED) = -ENOMEM
madvise(r0, 0x1000, MADV_FREE) = -EINVAL
madvise(r0, 0x1000, MADV_COLD) = -EINVAL
madvise(r0, 0x1000, MADV_PAGEOUT) = -EINVAL
madvise(r0, 0x1000, MADV_WIPEONFORK) = -EINVAL
madvise(r0, 0x200000, MADV_COLLAPSE) = -EINVAL
madvise(r0, 0x1000, MADV_GUARD_INSTALL) = -EINVAL
madvise(r0, 0x1000, MADV_GUARD_REMOVE) = -EINVAL
madvise(r0, 0x1000, MADV_REMOVE) = -EACCES
madvise(r0, 0x1000, MADV_WILLNEED) = 0
#! p0 vmas r0..r0+0x400000 rw- noreserve hugetlb`);
  });

  it('flag advice: split rules; MERGEABLE ignored; DODUMP allowed; REMOVE of a shared one is 0', () => {
    holds(`
${MAP4}
madvise(r0+0x1000, 0x1000, MADV_RANDOM) = -EINVAL
madvise(r0+0x200000, 0x1000, MADV_DONTFORK) = -EINVAL
madvise(r0, 0x400000, MADV_MERGEABLE) = 0
madvise(r0, 0x400000, MADV_HUGEPAGE) = 0
madvise(r0, 0x400000, MADV_DONTDUMP) = 0
madvise(r0, 0x200000, MADV_DODUMP) = 0
r1 = mmap(0x41000000, 0x200000, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS|MAP_HUGETLB|MAP_NORESERVE|MAP_FIXED, -1, 0) = 0x41000000
madvise(r1+0x1000, 0x1000, MADV_REMOVE) = 0
madvise(r1, 0x1000, MADV_FREE) = -EINVAL
#! p0 vmas r0..r0+0x200000 rw- noreserve hugepage hugetlb | r0+0x200000..r0+0x400000 rw- dontdump noreserve hugepage hugetlb | r1..r1+0x200000 rw- shared noreserve hugetlb`);
  });
});

describe('impl hugetlb mremap (align_hugetlb)', () => {
  it('no growth; the address and new_addr on 2 MiB; lengths rounded up; shrink and move', () => {
    holds(`
${MAP4}
mremap(r0, 0x400000, 0x600000, 0, 0) = -EINVAL
mremap(r0, 0x400000, 0x400001, MREMAP_MAYMOVE, 0) = -EINVAL
mremap(r0, 0x200000, 0x200000, 0, 0x1234) = -EINVAL
mremap(r0, 0x400000, 0x200000, 0, 0x201000) = -EINVAL
mremap(r0, 0x400000, 0x3ff000, 0, 0) = 0x40000000
mremap(r0, 0x400000, 0x200000, 0, 0) = 0x40000000
mremap(r0, 0x200000, 0x200000, MREMAP_MAYMOVE|MREMAP_FIXED, 0x40801000) = -EINVAL
mremap(r0+0x1000, 0x1000, 0x1000, MREMAP_MAYMOVE|MREMAP_FIXED, 0x41000000) = -EINVAL
mremap(r0, 0x200000, 0x200000, MREMAP_MAYMOVE|MREMAP_DONTUNMAP, 0x41000000) = -EINVAL
mremap(r0, 0x1ff000, 0x1ff000, MREMAP_MAYMOVE|MREMAP_FIXED, 0x41000000) = 0x41000000
mremap(0x41000000, 0x200000, 0x200000, MREMAP_MAYMOVE, 0) = 0x41000000
#! p0 vmas 0x41000000..0x41200000 rw- noreserve hugetlb`);
  });
});

describe('impl packed VMA flags with VMF.HUGETLB (bit 18)', () => {
  it('prot, pkey, VM_SYNC and the reserved mark moved up without colliding: a MAP_SYNC VMA is still shown', () => {
    holds(`
r0 = mmap(NULL, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_SYNC, 0, 0)
r1 = mmap(0x40000000, 0x200000, PROT_READ|PROT_WRITE|PROT_EXEC, ${H}|MAP_SYNC, -1, 0) = 0x40000000
#! p0 vmas r1..r1+0x200000 rwx noreserve hugetlb | r0..r0+0x1000 ---`);
  });
});
