// The impl's trampoline file descriptors (trampfd RFC v2, SEMANTICS §11 and the
// "Trampoline fd" section of docs/conventions.md): the descriptor table, trampfd_create's
// copy-out, the code / data descriptors, mmap of a trampfd in do_mmap's order, the VMA
// (R-X, VM_MAYWRITE kept, VM_DONTEXPAND), the generated page, executing a trampoline
// (tables read at execution time → `jump TARGET DATA`), fork and exit. Each case is a
// `.mm` program with expectations and `#!` assertions, run on the impl alone.

import { describe, expect, it } from 'vitest';
import { holds } from './helpers/impl-case.js';

const RW = 'PROT_READ|PROT_WRITE';
const RX = 'PROT_READ|PROT_EXEC';
const ANON = 'MAP_PRIVATE|MAP_ANONYMOUS';

/** A writable buffer r0 (tables at r0+0x1000 and r0+0x1800) and a trampfd r1 with both descriptors. */
const SETUP = `
r0 = mmap(0x10000000, 0x2000, ${RW}, ${ANON}|MAP_FIXED, -1, 0)
r1 = trampfd_create(r0) = 3
trampfd_write_code(r1, 3, 7, r0+0x1000) = 0
trampfd_write_data(r1, 8, r0+0x1800) = 0`;

describe('impl trampfd: profiles and descriptors', () => {
  it('is ENOSYS under the 6.10 profile; close and stdio work in both', () => {
    holds(`
# machine profile=6.10
r0 = mmap(0x10000000, 0x1000, ${RW}, ${ANON}|MAP_FIXED, -1, 0)
trampfd_create(r0) = -ENOSYS
trampfd_write_code(3, 1, 7, r0) = -ENOSYS
trampfd_write_data(3, 7, r0) = -ENOSYS
mmap(NULL, 0x1000, ${RX}, MAP_PRIVATE, 3, 0x1000) = -EBADF
close(3) = -EBADF
close(1) = 0
close(1) = -EBADF
#! p0 pte r0 none`);
  });

  it('trampfd_create copies trampfd_info out, then takes the lowest free number >= 3', () => {
    holds(`
r0 = mmap(0x10000000, 0x2000, ${RW}, ${ANON}|MAP_FIXED, -1, 0)
trampfd_create(NULL) = -EINVAL
trampfd_create(0x20000000) = -EFAULT
trampfd_create(0x800000000000) = -EFAULT
r1 = trampfd_create(r0+0x8) = 3
read(r0+0x8) = 0x2800000066
read(r0+0x10) = 0x1000
r2 = trampfd_create(r0+0x100) = 4
close(r1) = 0
close(r1) = -EBADF
close(0) = 0
trampfd_create(r0+0x200) = 3
trampfd_create(r0+0x300) = 5
trampfd_write_code(0, 1, 7, r0) = -EBADF
trampfd_write_code(-1, 1, 7, r0) = -EBADF`);
  });

  it('a copy that faults on its second page keeps the bytes of the first and allocates no fd', () => {
    holds(`
r0 = mmap(0x10000000, 0x1000, ${RW}, ${ANON}|MAP_FIXED, -1, 0)
r1 = mmap(0x10001000, 0x1000, PROT_READ, ${ANON}|MAP_FIXED, -1, 0)
trampfd_create(r0+0xff8) = -EFAULT
read(r0+0xff8) = 0x2800000066
#! p0 pte r1 none
r2 = mmap(0x20000000, 0x1000, PROT_READ, ${ANON}|MAP_FIXED, -1, 0)
trampfd_create(r2) = -EFAULT
#! p0 pte r2 none
trampfd_create(r0) = 3`);
  });

  it('the table holds 1024 descriptors: the 1022nd trampfd is EMFILE (after its copy-out)', () => {
    const creates = Array.from({ length: 1021 }, (_, i) => `trampfd_create(r0) = ${i + 3}`).join('\n');
    holds(`
r0 = mmap(0x10000000, 0x1000, ${RW}, ${ANON}|MAP_FIXED, -1, 0)
${creates}
trampfd_create(r0+0x10) = -EMFILE
read(r0+0x10) = 0x2800000066
close(500) = 0
trampfd_create(r0) = 500`);
  });

  it('checks the code and data descriptors: EBADF, EEXIST, then the register and the count', () => {
    holds(`
r0 = mmap(0x10000000, 0x1000, ${RW}, ${ANON}|MAP_FIXED, -1, 0)
r1 = trampfd_create(r0)
trampfd_write_code(4, 1, 7, r0) = -EBADF
trampfd_write_code(r1, 1, 6, r0) = -EINVAL
trampfd_write_code(r1, 1, 22, r0) = -EINVAL
trampfd_write_code(r1, 0, 7, r0) = -EINVAL
trampfd_write_code(r1, 103, 7, r0) = -EINVAL
trampfd_write_code(r1, 0x100000001, 0x100000007, r0) = 0
trampfd_write_code(r1, 0, 6, r0) = -EEXIST
trampfd_write_data(r1, 22, r0) = -EINVAL
trampfd_write_data(r1, 21, r0) = 0
trampfd_write_data(r1, 22, r0) = -EEXIST`);
  });
});

describe('impl trampfd: mmap', () => {
  it('follows do_mmap: offset, fd, HUGETLB, len, then trampfd_get_unmapped_area, then trampfd_mmap', () => {
    holds(`
${SETUP}
mmap(NULL, 0x1000, ${RX}, MAP_PRIVATE, 9, 0x1001) = -EINVAL
mmap(NULL, 0x1000, ${RX}, MAP_PRIVATE, 9, 0x1000) = -EBADF
mmap(NULL, 0x1000, ${RX}, MAP_PRIVATE, 0, 0x1000) = -EBADF
mmap(NULL, 0x1000, ${RX}, MAP_PRIVATE|MAP_HUGETLB, r1, 0x1000) = -EINVAL
mmap(NULL, 0, ${RX}, MAP_PRIVATE, r1, 0x1000) = -EINVAL
mmap(NULL, -0x1, ${RX}, MAP_PRIVATE, r1, 0x1000) = -ENOMEM
mmap(NULL, 0x800000000000, ${RX}, MAP_PRIVATE, r1, 0x1000) = -ENOMEM
mmap(NULL, 0x1000, ${RX}, MAP_PRIVATE, r1, 0) = -EINVAL
mmap(NULL, 0x1000, ${RX}, MAP_SHARED, r1, 0x1000) = -EINVAL
mmap(0x30000000, 0x1000, ${RX}, MAP_PRIVATE|MAP_FIXED, r1, 0x1000) = -EINVAL
mmap(NULL, 0x1000, ${RX}, MAP_PRIVATE|0x100000000, r1, 0x1000) = -EINVAL
mmap(NULL, 0x2000, ${RX}, MAP_PRIVATE, r1, 0x1000) = -EINVAL
mmap(NULL, 0x1000, PROT_READ, MAP_PRIVATE, r1, 0x1000) = -EINVAL
mmap(NULL, 0x1000, PROT_READ|PROT_WRITE|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = -EINVAL
#! p0 pkeys 0x1
mmap(NULL, 0x1000, PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = -EINVAL
#! p0 pkeys 0x3
r2 = mmap(0x30000000, 0x800, ${RX}, MAP_PRIVATE, r1, 0x1000) = 0x30000000
mmap(NULL, 0x1000, ${RX}, MAP_PRIVATE, r1, 0x1000) = -EEXIST
#! p0 vmas r0..r0+0x2000 rw- account | r2..r2+0x1000 r-x trampfd
#! p0 pte r2 none`);
  });

  it('needs both descriptors, and the creator', () => {
    holds(`
r0 = mmap(0x10000000, 0x2000, ${RW}, ${ANON}|MAP_FIXED, -1, 0)
r1 = trampfd_create(r0)
mmap(NULL, 0x1000, ${RX}, MAP_PRIVATE, r1, 0x1000) = -EINVAL
trampfd_write_code(r1, 1, 7, r0)
mmap(NULL, 0x1000, ${RX}, MAP_PRIVATE, r1, 0x1000) = -EINVAL
r2 = fork()
p1: trampfd_write_data(r1, 7, r0) = 0
p1: mmap(NULL, 0x1000, ${RX}, MAP_PRIVATE, r1, 0x1000) = -EINVAL
mmap(NULL, 0x1000, ${RX}, MAP_PRIVATE, r1, 0x1000) = 0x7ffff7ffe000`);
  });

  it('is mapped until any VMA of it closes (a fork child\'s copy does not keep it); close keeps the VMA', () => {
    holds(`
${SETUP}
r2 = mmap(NULL, 0x1000, ${RX}, MAP_PRIVATE, r1, 0x1000) = 0x7ffff7ffe000
mmap(NULL, 0x1000, ${RX}, MAP_PRIVATE, r1, 0x1000) = -EEXIST
r3 = fork()
munmap(r2, 0x1000) = 0
#! p0 vmas r0..r0+0x2000 rw- account
#! p1 vmas r0..r0+0x2000 rw- account | r2..r2+0x1000 r-x trampfd
r5 = mmap(NULL, 0x1000, ${RX}, MAP_PRIVATE, r1, 0x1000) = 0x7ffff7ffe000
mmap(NULL, 0x1000, ${RX}, MAP_PRIVATE, r1, 0x1000) = -EEXIST
p1: exit(0)
r4 = mmap(NULL, 0x1000, ${RX}, MAP_PRIVATE, r1, 0x1000) = 0x7ffff7ffd000
close(r1) = 0
exec(r4) = jump 0x0 0x0
mmap(NULL, 0x1000, ${RX}, MAP_PRIVATE, r1, 0x1000) = -EBADF
p1: close(r1) = -ESRCH`);
  });
});

describe('impl trampfd: the VMA', () => {
  it('is R-X with VM_MAYWRITE, and VM_DONTEXPAND', () => {
    holds(`
${SETUP}
r2 = mmap(r0+0x2000, 0x1000, ${RX}, MAP_PRIVATE, r1, 0x1000) = 0x10002000
mprotect(r0, 0x2000, PROT_READ|PROT_WRITE|PROT_EXEC) = 0
#! p0 vmas r0..r0+0x2000 rwx account | r2..r2+0x1000 r-x trampfd
mprotect(r2, 0x1000, PROT_READ) = 0
exec(r2) = fault SIGSEGV SEGV_ACCERR
mprotect(r2, 0x1000, PROT_EXEC) = 0
#! p0 vmas r0..r0+0x2000 rwx account | r2..r2+0x1000 --x pkey=1 trampfd
exec(r2) = jump 0x0 0x0
read(r2) = fault SIGSEGV SEGV_PKUERR
mprotect(r2, 0x1000, ${RX}) = 0
mremap(r2, 0x1000, 0x2000, 0, 0) = -EFAULT
mremap(r2, 0x1000, 0x2000, MREMAP_MAYMOVE, 0) = -EFAULT
mremap(r2, 0x1000, 0x1000, MREMAP_MAYMOVE|MREMAP_DONTUNMAP, 0x40000000) = -EINVAL
mremap(r2, 0x1000, 0x1000, MREMAP_MAYMOVE|MREMAP_FIXED, 0x40000000) = -EINVAL
mremap(r2, 0x1000, 0x1000, 0, 0) = 0x10002000
mseal(r2, 0x1000, 0) = 0
#! p0 vmas r0..r0+0x2000 rwx account | r2..r2+0x1000 r-x sealed trampfd`);
  });

  it('may become writable: a write copies the page (do_cow_fault / wp_page_copy), a changed slot no longer runs', () => {
    holds(`
${SETUP}
write(r0+0x1008, 0x401000)
r2 = mmap(NULL, 0x1000, ${RX}, MAP_PRIVATE, r1, 0x1000) = 0x7ffff7ffe000
mprotect(r2, 0x1000, ${RW}|PROT_EXEC) = 0
#! p0 vmas r0..r0+0x2000 rw- account | r2..r2+0x1000 rwx account trampfd
#! p0 pte r2 none
write(r2+0x50, 0x1) = 0
#! p0 pte r2 P RW US A D page
read(r2) = 0x1000b848fa1e0ff3
exec(r2+0x28) = jump 0x401000 0x0
exec(r2+0x50) = 0
r3 = fork()
#! p1 pte r2 P US SavedDirty f2
p1: write(r2+0x28, 0x0) = 0
p1: exec(r2+0x28) = 0
exec(r2+0x28) = jump 0x401000 0x0
munmap(r2, 0x1000) = 0
p1: munmap(r2, 0x1000) = 0
r4 = mmap(NULL, 0x1000, ${RX}, MAP_PRIVATE, r1, 0x1000) = 0x7ffff7ffe000
read(r4+0x50) = 0x1010b848fa1e0ff3`);
  });

  it('takes a table of 0 as a descriptor not set', () => {
    holds(`
r0 = mmap(0x10000000, 0x2000, ${RW}, ${ANON}|MAP_FIXED, -1, 0)
r1 = trampfd_create(r0) = 3
trampfd_write_code(r1, 3, 7, 0) = 0
trampfd_write_code(r1, 3, 6, 0) = -EINVAL
trampfd_write_data(r1, 8, 0) = 0
mmap(NULL, 0x1000, ${RX}, MAP_PRIVATE, r1, 0x1000) = -EINVAL
trampfd_write_code(r1, 3, 7, r0+0x1000) = 0
trampfd_write_code(r1, 3, 7, 0) = -EEXIST
mmap(NULL, 0x1000, ${RX}, MAP_PRIVATE, r1, 0x1000) = -EINVAL
trampfd_write_data(r1, 8, r0+0x1800) = 0
mmap(NULL, 0x1000, ${RX}, MAP_PRIVATE, r1, 0x1000) = 0x7ffff7ffe000`);
  });

  it('mremap FIXED unmaps the destination first; a multi-VMA move with a trampfd is EFAULT', () => {
    holds(`
${SETUP}
r2 = mmap(0x7ffff7ffe000, 0x1000, ${RX}, MAP_PRIVATE, r1, 0x1000)
r3 = mmap(0x40000000, 0x1000, ${RW}, ${ANON}|MAP_FIXED, -1, 0)
mremap(r2, 0x1000, 0x1000, MREMAP_MAYMOVE|MREMAP_FIXED, r3) = -EINVAL
#! p0 vmas r0..r0+0x2000 rw- account | r2..r2+0x1000 r-x trampfd
r4 = mmap(0x7ffff7fff000-0x2000, 0x1000, ${RW}, ${ANON}|MAP_FIXED, -1, 0)
mremap(r4, 0x2000, 0x2000, MREMAP_MAYMOVE|MREMAP_FIXED, r3) = -EFAULT
mremap(r2, 0x2000, 0x2000, MREMAP_MAYMOVE|MREMAP_FIXED, r3) = -EFAULT`);
  });

  it('madvise treats it as a VM_SPECIAL file mapping', () => {
    holds(`
${SETUP}
r2 = mmap(NULL, 0x1000, ${RX}, MAP_PRIVATE, r1, 0x1000)
madvise(r2, 0x1000, MADV_FREE) = -EINVAL
madvise(r2, 0x1000, MADV_WIPEONFORK) = -EINVAL
madvise(r2, 0x1000, MADV_REMOVE) = -EACCES
madvise(r2, 0x1000, MADV_GUARD_INSTALL) = -EINVAL
madvise(r2, 0x1000, MADV_GUARD_REMOVE) = -EINVAL
madvise(r2, 0x1000, MADV_DODUMP) = -EINVAL
madvise(r2, 0x1000, MADV_DONTFORK) = 0
madvise(r2, 0x1000, MADV_DOFORK) = 0
madvise(r2, 0x1000, MADV_DONTDUMP) = 0
madvise(r2, 0x1000, MADV_MERGEABLE) = 0
madvise(r2, 0x1000, MADV_POPULATE_WRITE) = -EINVAL
madvise(r2, 0x1000, MADV_POPULATE_READ) = 0
#! p0 pte r2 P US A page
madvise(r2, 0x1000, MADV_COLD) = 0
#! p0 pte r2 P US A page
madvise(r2, 0x1000, MADV_DONTNEED) = 0
#! p0 pte r2 none
#! p0 vmas r0..r0+0x2000 rw- account | r2..r2+0x1000 r-x dontdump trampfd
mseal(r2, 0x1000, 0) = 0
madvise(r2, 0x1000, MADV_DONTNEED) = 0
exec(r2) = jump 0x0 0x0`);
  });
});

describe('impl trampfd: the page and its trampolines', () => {
  it('holds one 40-byte trampoline per slot at the RFC\'s fixed offsets (r12 too), mapped P US A', () => {
    holds(`
r0 = mmap(0x10000000, 0x2000, ${RW}, ${ANON}|MAP_FIXED, -1, 0)
r1 = trampfd_create(r0)
trampfd_write_code(r1, 2, 18, r0+0x1000)
trampfd_write_data(r1, 20, r0+0x1800)
r2 = mmap(NULL, 0x1000, ${RX}, MAP_PRIVATE, r1, 0x1000)
read(r2) = 0x1000bc49fa1e0ff3
read(r2+0x8) = 0x8b4d000000001000
read(r2+0x10) = 0x10001800be4924
read(r2+0x18) = 0xff41368b4d000000
read(r2+0x20) = 0x1f0fe4
read(r2+0x28) = 0x1008bc49fa1e0ff3
read(r2+0x50) = 0
#! p0 pte r2 P US A page
write(r2, 0x1) = fault SIGSEGV SEGV_ACCERR`);
  });

  it('writes ModRM mod=00 for rbp / r13 too, and REX 0x40 before a jmp through rax..rdi', () => {
    holds(`
r0 = mmap(0x10000000, 0x2000, ${RW}, ${ANON}|MAP_FIXED, -1, 0)
r1 = trampfd_create(r0)
trampfd_write_code(r1, 1, 13, r0+0x1000)
trampfd_write_data(r1, 15, r0+0x1800)
r2 = mmap(NULL, 0x1000, ${RX}, MAP_PRIVATE, r1, 0x1000)
read(r2) = 0x1000bd48fa1e0ff3
read(r2+0x8) = 0x8b48000000001000
read(r2+0x10) = 0x10001800b9492d
read(r2+0x18) = 0xff40098b4d000000
read(r2+0x20) = 0x1f0fe5`);
  });

  it('exec of slot X reads code_table[X] and data_table[X] at execution time', () => {
    holds(`
${SETUP}
write(r0+0x1000, 0x401000)
write(r0+0x1808, 0x2a)
r2 = mmap(NULL, 0x1000, ${RX}, MAP_PRIVATE, r1, 0x1000)
r3 = exec(r2) = jump 0x401000 0x0
exec(r2+0x28) = jump 0x0 0x2a
exec(r2+0x50) = jump 0x0 0x0
exec(r2+0x78) = 0
exec(r2+0x4) = 0
exec(r2+0xfff) = 0
write(r0+0x1008, 0x402000)
exec(r2+0x28) = jump 0x402000 0x2a
write(r3+0x1000, 0x1) = fault SIGSEGV SEGV_MAPERR
munmap(r0+0x1000, 0x1000) = 0
exec(r2) = fault SIGSEGV SEGV_MAPERR`);
  });

  it("the tables are read with the caller's PKRU; one register for both jumps to the data", () => {
    holds(`
r0 = mmap(0x10000000, 0x2000, ${RW}, ${ANON}|MAP_FIXED, -1, 0)
r1 = trampfd_create(r0)
trampfd_write_code(r1, 1, 9, r0+0x1000)
trampfd_write_data(r1, 9, r0+0x1800)
write(r0+0x1000, 0x401000)
write(r0+0x1800, 0x55)
r2 = mmap(NULL, 0x1000, ${RX}, MAP_PRIVATE, r1, 0x1000)
exec(r2) = jump 0x55 0x55
r3 = pkey_alloc(0, PKEY_DISABLE_ACCESS)
pkey_mprotect(r0+0x1000, 0x1000, ${RW}, r3) = 0
exec(r2) = fault SIGSEGV SEGV_PKUERR`);
  });

  it('fork copies the VMA, not the PTE; both processes map the one page', () => {
    holds(`
${SETUP}
write(r0+0x1000, 0x401000)
r2 = mmap(NULL, 0x1000, ${RX}, MAP_PRIVATE, r1, 0x1000)
exec(r2)
r3 = fork()
#! p1 pte r2 none
p1: write(r0+0x1000, 0x777)
p1: exec(r2) = jump 0x777 0x0
exec(r2) = jump 0x401000 0x0
#! p0 pte r2 P US A f2
#! p1 pte r2 P US A f2
p1: trampfd_write_code(r1, 1, 7, r0) = -EEXIST
p1: close(r1) = 0
trampfd_write_code(r1, 1, 7, r0) = -EEXIST`);
  });
});
