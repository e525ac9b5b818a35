// The impl's x86 user shadow stacks, case by case from SEMANTICS §10 and the "Shadow
// stacks" section of docs/conventions.md: map_shadow_stack's checks and token, placement
// (MAP_ABOVE4G, the one-page start gap in both directions), arch_prctl(ARCH_SHSTK_*),
// the shadow-stack PTE (P=1 RW=0 D=1, SavedDirty from pte_mkdirty), the instructions,
// shadow-stack faults, fork's copy-on-access, mprotect / madvise on shadow stacks, PKRU.
// Each case is a `.mm` program with `= result` expectations and `#!` state assertions,
// run on the impl alone.

import { describe, expect, it } from 'vitest';
import { holds } from './helpers/impl-case.js';

const TOP = '0x7ffff7fff000'; // mmap_base of the default machine
const RW = 'PROT_READ|PROT_WRITE';
const ANON = 'MAP_PRIVATE|MAP_ANONYMOUS';

describe('impl shadow stacks: without cfg.shstk (the machines here)', () => {
  it('map_shadow_stack is ENOSYS, arch_prctl EINVAL, the instructions plain or #UD', () => {
    holds(`
map_shadow_stack(NULL, 0x1000, SHADOW_STACK_SET_TOKEN) = -ENOSYS
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = -EINVAL
arch_prctl(ARCH_SHSTK_STATUS, 0x10000000) = -EINVAL
call(0x401000) = 0
ret(0x402000) = 0
incssp(3) = fault SIGILL ILL_ILLOPN
wrss(0x10000000, 0x1) = fault SIGILL ILL_ILLOPN
rstorssp(0x10000000) = fault SIGILL ILL_ILLOPN
saveprevssp() = fault SIGILL ILL_ILLOPN
#! p0 ssp 0 | shstk 0 | vmas none`);
  });

  it('with cfg.shstk, a process whose SHSTK feature is off runs them the same way', () => {
    holds(`
# machine shstk=1
call(0x401000) = 0
ret(0x402000) = 0
incssp(1) = fault SIGILL ILL_ILLOPN
wrss(0x10000000, 0x1) = fault SIGILL ILL_ILLOPN
rstorssp(0x10000000) = fault SIGILL ILL_ILLOPN
saveprevssp() = fault SIGILL ILL_ILLOPN
#! p0 ssp 0 | shstk 0`);
  });
});

describe('impl map_shadow_stack (§10.2)', () => {
  it('checks flags, then the token space, then addr < 4 GiB, then the size wrap, then do_mmap', () => {
    holds(`
# machine shstk=1
map_shadow_stack(0x1000, 0x4, SHADOW_STACK_SET_TOKEN|SHADOW_STACK_SET_MARKER) = -EINVAL
map_shadow_stack(NULL, 0x1000, SHADOW_STACK_SET_MARKER) = -EINVAL
map_shadow_stack(0x1000, 0x4, SHADOW_STACK_SET_TOKEN) = -ENOSPC
map_shadow_stack(0x1000, -0x1, 0) = -ERANGE
map_shadow_stack(NULL, -0x1, 0) = -EOVERFLOW
map_shadow_stack(NULL, 0, 0) = -EINVAL
map_shadow_stack(0x100000800, 0x1000, 0) = -EINVAL
map_shadow_stack(0x7ffffffff000, 0x1000, 0) = -ENOMEM
r0 = map_shadow_stack(0x100000000, 0x2000, 0) = 0x100000000
map_shadow_stack(0x100001000, 0x1000, 0) = -EEXIST
#! p0 vmas 0x100000000..0x100002000 rw- account shadow_stack
#! p0 pte r0 none`);
  });

  it('writes the restore token (base + size) | 1 at base + size - 8 with a shadow-stack store', () => {
    holds(`
# machine shstk=1
r0 = map_shadow_stack(NULL, 0x2000, SHADOW_STACK_SET_TOKEN) = 0x7ffff7ffd000
#! p0 vmas r0..r0+0x2000 rw- account shadow_stack
#! p0 pte r0 none
#! p0 pte r0+0x1000 P US A D SavedDirty NX page
read(r0+0x1ff8) = 0x7ffff7fff001
r1 = map_shadow_stack(NULL, 0x1ff0, SHADOW_STACK_SET_TOKEN)
read(r1+0x1fe8) = 0x7ffff7ffbff1
read(r1+0x1ff8) = 0
#! p0 ssp 0 | shstk 0`);
  });

  it('unmaps the new stack again and fails EINVAL when the token cannot be written', () => {
    holds(`
# machine shstk=1
map_shadow_stack(NULL, 0x1004, SHADOW_STACK_SET_TOKEN) = -EINVAL
#! p0 vmas none
wrpkru(0x55555555)
map_shadow_stack(NULL, 0x1000, SHADOW_STACK_SET_TOKEN) = -EINVAL
wrpkru(0x55555556)
map_shadow_stack(NULL, 0x1000, SHADOW_STACK_SET_TOKEN) = -EINVAL
#! p0 vmas none
map_shadow_stack(NULL, 0x1004, 0) = 0x7ffff7ffd000
#! p0 vmas 0x7ffff7ffd000..${TOP} rw- account shadow_stack`);
  });

  it('a shadow stack next to another at a fixed address merges with it', () => {
    holds(`
# machine shstk=1
map_shadow_stack(0x100001000, 0x1000, 0) = 0x100001000
map_shadow_stack(0x100000000, 0x1000, 0) = 0x100000000
#! p0 vmas 0x100000000..0x100002000 rw- account shadow_stack`);
  });
});

describe('impl shadow-stack placement (§10.3)', () => {
  it('keeps a free page below a new shadow stack', () => {
    holds(`
# machine shstk=1
mmap(0x7ffff7ffe000, 0x1000, ${RW}, ${ANON}|MAP_FIXED, -1, 0)
mmap(0x7ffff7ffc000, 0x1000, ${RW}, ${ANON}|MAP_FIXED, -1, 0)
map_shadow_stack(NULL, 0x1000, 0) = 0x7ffff7ffb000
mmap(NULL, 0x1000, ${RW}, ${ANON}, -1, 0) = 0x7ffff7ffd000`);
  });

  it('keeps later mappings out of the page below a shadow stack (vm_start_gap), hints included', () => {
    holds(`
# machine shstk=1
r0 = map_shadow_stack(NULL, 0x1000, 0) = 0x7ffff7ffe000
mmap(NULL, 0x1000, ${RW}, ${ANON}, -1, 0) = 0x7ffff7ffc000
mmap(0x7ffff7ffd000, 0x1000, ${RW}, ${ANON}, -1, 0) = 0x7ffff7ffb000
mmap(0x7ffff7ffd000, 0x1000, ${RW}, ${ANON}|MAP_FIXED_NOREPLACE, -1, 0) = 0x7ffff7ffd000`);
  });

  it('is above 4 GiB (MAP_ABOVE4G), falling back bottom-up, without the start gap, when nothing is free there', () => {
    holds(`
# machine shstk=1 mmapBase=0x100002000
mmap(NULL, 0x3000, ${RW}, ${ANON}, -1, 0) = 0xfffff000
map_shadow_stack(NULL, 0x3000, 0) = 0x2aaaaaaab000
map_shadow_stack(NULL, 0x1000, 0) = 0x2aaaaaaae000`);
  });

  it('the 8 MiB stack of ARCH_SHSTK_ENABLE is 2 MiB aligned (THP placement) with the gap', () => {
    holds(`
# machine shstk=1
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
#! p0 vmas 0x7ffff7600000..0x7ffff7e00000 rw- account shadow_stack
#! p0 ssp 0x7ffff7e00000 | shstk 1`);
  });
});

describe('impl arch_prctl(ARCH_SHSTK_*) (§10.1)', () => {
  it('enables, reports, locks and disables', () => {
    holds(`
# machine shstk=1
r0 = mmap(0x10000000, 0x1000, ${RW}, ${ANON}|MAP_FIXED, -1, 0)
arch_prctl(ARCH_SHSTK_ENABLE, 0x2) = -EPERM
arch_prctl(ARCH_SHSTK_DISABLE, 0x2) = -EPERM
arch_prctl(ARCH_SHSTK_ENABLE, 0x3) = -EINVAL
arch_prctl(ARCH_SHSTK_ENABLE, 0x4) = -EINVAL
arch_prctl(ARCH_SHSTK_ENABLE, 0) = -EINVAL
arch_prctl(ARCH_SHSTK_DISABLE, 0x1) = 0
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
arch_prctl(ARCH_SHSTK_ENABLE, 0x2) = 0
arch_prctl(ARCH_SHSTK_STATUS, r0+0x8) = 0
read(r0+0x8) = 0x3
arch_prctl(ARCH_SHSTK_STATUS, 0x20000000) = -EFAULT
arch_prctl(ARCH_SHSTK_STATUS, 0x800000000000) = -EFAULT
#! p0 shstk 3 | ssp 0x7ffff7e00000
#! p0 vmas r0..r0+0x1000 rw- account | 0x7ffff7600000..0x7ffff7e00000 rw- account shadow_stack
arch_prctl(ARCH_SHSTK_DISABLE, 0x2) = 0
arch_prctl(ARCH_SHSTK_DISABLE, 0x1) = 0
#! p0 shstk 0 | ssp 0
#! p0 vmas r0..r0+0x1000 rw- account
arch_prctl(ARCH_SHSTK_LOCK, 0x1) = 0
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = -EPERM
arch_prctl(ARCH_SHSTK_ENABLE, 0x3) = -EPERM
arch_prctl(0x1002, 0x1) = -EINVAL`);
  });

  it('ARCH_SHSTK_UNLOCK from the task itself goes on like ENABLE', () => {
    holds(`
# machine shstk=1
arch_prctl(ARCH_SHSTK_UNLOCK, 0x1) = 0
#! p0 shstk 1`);
  });

  it('DISABLE unmaps whatever is mapped where the stack was; a fork child keeps SSP and features', () => {
    holds(`
# machine shstk=1
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
munmap(0x7ffff7600000, 0x800000) = 0
mmap(0x7ffff7700000, 0x1000, ${RW}, ${ANON}|MAP_FIXED, -1, 0)
r0 = fork() = 1
p1: arch_prctl(ARCH_SHSTK_DISABLE, 0x1) = 0
#! p1 vmas none
#! p1 shstk 0 | ssp 0
#! p0 vmas 0x7ffff7700000..0x7ffff7701000 rw- account
#! p0 shstk 1 | ssp 0x7ffff7e00000`);
  });
});

describe('impl shadow-stack instructions (§10.10)', () => {
  it('call pushes, ret pops and compares (#CP on a mismatch, SSP unchanged)', () => {
    holds(`
# machine shstk=1
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
call(0x401000) = 0
call(0x402000) = 0
#! p0 ssp 0x7ffff7dffff0
#! p0 pte 0x7ffff7dff000 P US A D SavedDirty NX page
read(0x7ffff7dffff8) = 0x401000
read(0x7ffff7dffff0) = 0x402000
ret(0x401000) = fault SIGSEGV SEGV_CPERR
#! p0 ssp 0x7ffff7dffff0
ret(0x402000) = 0
ret(0x401000) = 0
ret(0x401000) = fault SIGSEGV SEGV_MAPERR
#! p0 ssp 0x7ffff7e00000`);
  });

  it('ordinary writes to a shadow stack fail, reads work (the zero page, then copied on a push)', () => {
    holds(`
# machine shstk=1
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
read(0x7ffff7dffff8) = 0
#! p0 pte 0x7ffff7dff000 P US A NX Z
write(0x7ffff7dffff8, 0x1) = fault SIGSEGV SEGV_ACCERR
call(0x401000) = 0
#! p0 pte 0x7ffff7dff000 P US A D SavedDirty NX page
write(0x7ffff7dffff8, 0x1) = fault SIGSEGV SEGV_ACCERR
exec(0x7ffff7dffff8) = fault SIGSEGV SEGV_ACCERR`);
  });

  it('wrss needs WRSS, an aligned address and a shadow-stack VMA', () => {
    holds(`
# machine shstk=1
r0 = mmap(0x10000000, 0x1000, ${RW}, ${ANON}|MAP_FIXED, -1, 0)
r1 = map_shadow_stack(NULL, 0x1000, 0)
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
wrss(r1, 0x5) = fault SIGILL ILL_ILLOPN
arch_prctl(ARCH_SHSTK_ENABLE, 0x2) = 0
wrss(r1+0x4, 0x5) = fault SIGSEGV SI_KERNEL
wrss(r0, 0x5) = fault SIGSEGV SEGV_ACCERR
wrss(0x20000000, 0x5) = fault SIGSEGV SEGV_MAPERR
wrss(0x800000000000, 0x5) = fault SIGSEGV SI_KERNEL
wrss(0xffff800000000000, 0x5) = fault SIGSEGV SEGV_MAPERR
wrss(r1+0x10, 0x5) = 0
read(r1+0x10) = 0x5
#! p0 pte r1 P US A D SavedDirty NX page
#! p0 pte r0 none`);
  });

  it('rstorssp switches to a restore token, saveprevssp leaves one on the old stack', () => {
    holds(`
# machine shstk=1
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
r0 = map_shadow_stack(NULL, 0x1000, SHADOW_STACK_SET_TOKEN)
rstorssp(r0+0xff0) = fault SIGSEGV SEGV_CPERR
rstorssp(r0+0xffc) = fault SIGSEGV SI_KERNEL
#! p0 ssp 0x7ffff7e00000
rstorssp(r0+0xff8) = 0
#! p0 ssp r0+0xff8
read(r0+0xff8) = 0x7ffff7e00003
saveprevssp() = 0
#! p0 ssp r0+0x1000
read(0x7ffff7dffff8) = 0x7ffff7e00001
rstorssp(0x7ffff7dffff8) = 0
#! p0 ssp 0x7ffff7dffff8
read(0x7ffff7dffff8) = 0x7ffff7fff003
saveprevssp() = 0
#! p0 ssp 0x7ffff7e00000
read(r0+0xff8) = 0x7ffff7fff001`);
  });

  it('rstorssp accepts a token with a 4-byte alignment hole; saveprevssp rejects a restore token', () => {
    holds(`
# machine shstk=1
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
arch_prctl(ARCH_SHSTK_ENABLE, 0x2) = 0
r0 = map_shadow_stack(NULL, 0x1000, 0)
wrss(r0+0x800, r0+0x80d) = 0
rstorssp(r0+0x800) = 0
#! p0 ssp r0+0x800
wrss(r0+0x808, r0+0x901) = 0
incssp(1) = 0
saveprevssp() = fault SIGSEGV SI_KERNEL
#! p0 ssp r0+0x808`);
  });

  it('saveprevssp of a 4-mod-8 previous SSP stores 4 zero bytes at old - 4, the token at (old & ~7) - 8', () => {
    holds(`
# machine shstk=1
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
arch_prctl(ARCH_SHSTK_ENABLE, 0x2) = 0
r0 = map_shadow_stack(NULL, 0x1000, 0)
wrss(r0+0x108, 0xffffffffffffffff) = 0
wrss(r0+0x100, 0xffffffffffffffff) = 0
wrss(r0+0x800, r0+0x10e) = 0
wrss(r0+0x7f8, 0x0) = 0
rstorssp(r0+0x7f8) = fault SIGSEGV SEGV_CPERR
wrss(r0+0x7f8, r0+0x801) = 0
rstorssp(r0+0x7f8) = 0
incssp(1) = 0
saveprevssp() = 0
read(r0+0x108) = 0xffffffff00000000
read(r0+0x100) = 0x7ffff7ffe10d
#! p0 ssp r0+0x808`);
  });

  it('incssp reads the first and the last popped entries; k = 0 still reads [SSP] (SDM)', () => {
    holds(`
# machine shstk=1
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
incssp(0) = fault SIGSEGV SEGV_MAPERR
#! p0 pte 0x7ffff7dff000 none
incssp(1) = fault SIGSEGV SEGV_MAPERR
call(0x401000) = 0
call(0x402000) = 0
incssp(3) = fault SIGSEGV SEGV_MAPERR
#! p0 ssp 0x7ffff7dffff0
incssp(0x102) = 0
#! p0 ssp 0x7ffff7e00000`);
  });
});

describe('impl shadow-stack faults and PTEs (§10.5, §10.6)', () => {
  it('a shadow-stack access to normal memory, or a VMA without VM_WRITE, is SEGV_ACCERR', () => {
    holds(`
# machine shstk=1
r0 = mmap(NULL, 0x1000, ${RW}, ${ANON}, -1, 0)
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
arch_prctl(ARCH_SHSTK_ENABLE, 0x2) = 0
wrss(r0, 0x1) = fault SIGSEGV SEGV_ACCERR
mprotect(0x7ffff7dfe000, 0x2000, PROT_READ) = 0
call(0x401000) = fault SIGSEGV SEGV_ACCERR
#! p0 ssp 0x7ffff7e00000`);
  });

  it('a page that already is a shadow-stack PTE stays one across mprotect(PROT_READ) and back', () => {
    holds(`
# machine shstk=1
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
call(0x401000) = 0
mprotect(0x7ffff7dff000, 0x1000, PROT_READ) = 0
#! p0 pte 0x7ffff7dff000 P US A D SavedDirty NX page
call(0x402000) = 0
mprotect(0x7ffff7dff000, 0x1000, PROT_NONE) = 0
#! p0 pte 0x7ffff7dff000 A D PROTNONE SavedDirty page
ret(0x402000) = fault SIGSEGV SEGV_ACCERR
mprotect(0x7ffff7dff000, 0x1000, ${RW}) = 0
#! p0 pte 0x7ffff7dff000 P US A D SavedDirty NX page
ret(0x402000) = 0`);
  });

  it('MADV_DONTNEED zaps a shadow stack: the next access faults in a zero page', () => {
    holds(`
# machine shstk=1
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
call(0x401000) = 0
madvise(0x7ffff7dff000, 0x1000, MADV_DONTNEED) = 0
#! p0 pte 0x7ffff7dff000 none
ret(0x401000) = fault SIGSEGV SEGV_CPERR
#! p0 pte 0x7ffff7dff000 P US A D SavedDirty NX page`);
  });

  it('MADV_FREE cleans a shadow-stack PTE into a plain read-only one; the next access makes it one again', () => {
    holds(`
# machine shstk=1
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
call(0x401000) = 0
madvise(0x7ffff7dff000, 0x1000, MADV_FREE) = 0
#! p0 pte 0x7ffff7dff000 P US NX page
ret(0x401000) = 0
#! p0 pte 0x7ffff7dff000 P US A D SavedDirty NX page`);
  });

  it('MADV_POPULATE_WRITE refuses a shadow stack (GUP write), POPULATE_READ maps the zero page', () => {
    holds(`
# machine shstk=1
r0 = map_shadow_stack(NULL, 0x1000, 0)
madvise(r0, 0x1000, MADV_POPULATE_WRITE) = -EINVAL
madvise(r0, 0x1000, MADV_POPULATE_READ) = 0
#! p0 pte r0 P US A NX Z`);
  });

  it('PKRU: access-disable refuses every shadow-stack access, write-disable only faulting stores', () => {
    holds(`
# machine shstk=1
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
call(0x401000) = 0
wrpkru(0x55555556) = 0
call(0x402000) = 0
ret(0x402000) = 0
ret(0x401000) = 0
call(0x403000) = 0
madvise(0x7ffff7dff000, 0x1000, MADV_DONTNEED) = 0
call(0x403000) = fault SIGSEGV SEGV_PKUERR
ret(0x403000) = fault SIGSEGV SEGV_CPERR
wrpkru(0x55555555) = 0
ret(0x403000) = fault SIGSEGV SEGV_PKUERR
#! p0 ssp 0x7ffff7dffff8`);
  });
});

describe('impl fork of shadow stacks (§10.7)', () => {
  it('write-protects shadow-stack PTEs in both (D moves to SavedDirty); the next access copies or reuses', () => {
    holds(`
# machine shstk=1
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
call(0x401000) = 0
r0 = fork() = 1
#! p0 pte 0x7ffff7dff000 P US A SavedDirty NX f0
#! p1 pte 0x7ffff7dff000 P US SavedDirty NX f0
#! p1 ssp 0x7ffff7dffff8 | shstk 1
read(0x7ffff7dffff8) = 0x401000
#! p0 pte 0x7ffff7dff000 P US A SavedDirty NX f0
p1: ret(0x401000) = 0
#! p1 pte 0x7ffff7dff000 P US A D SavedDirty NX f1
#! p0 pte 0x7ffff7dff000 P US A SavedDirty NX f0
call(0x402000) = 0
#! p0 pte 0x7ffff7dff000 P US A D SavedDirty NX f0
read(0x7ffff7dffff0) = 0x402000
p1: read(0x7ffff7dffff0) = 0`);
  });

  it('a PROT_NONE shadow-stack entry counts as pte_write() too', () => {
    holds(`
# machine shstk=1
r0 = map_shadow_stack(NULL, 0x1000, SHADOW_STACK_SET_TOKEN)
mprotect(r0, 0x1000, PROT_NONE) = 0
#! p0 pte r0 A D PROTNONE SavedDirty f0
r1 = fork()
#! p0 pte r0 A PROTNONE SavedDirty f0
#! p1 pte r0 PROTNONE SavedDirty f0`);
  });
});
