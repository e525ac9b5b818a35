# mmdiff 1
# divergence: mprotect vma.account 1/0
# class: vma
# targets: model,impl (expectations are model's results)
# detail: p1 vma 0: 0x7ffff7ffa000-0x7ffff7ffb000 --- pkey=0 account,trampfd vs 0x7ffff7ffa000-0x7ffff7ffb000 --- pkey=0 trampfd
# found by: mmdiff fuzz --minutes 1.5 --seed 11 (model vs impl) once trampfd VMAs could be made writable; impl was
# wrong, fixed: mm/mprotect.c: mprotect_fixup drops VM_ACCOUNT only for vma_is_anonymous() without an anon_vma,
# and a trampfd VMA has vm_ops
# minimized: 24 -> 8 ops
r0 = mmap(NULL, 0x4000, PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffb000
r1 = trampfd_create(r0) = 3
trampfd_write_code(r1, 1, 11, r0) = 0
trampfd_write_data(r1, 14, r0) = 0
mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = 0x7ffff7ffa000
mprotect(0x7ffff7ffa000, 0x1000, PROT_WRITE) = 0
fork() = 1
p1: mprotect(0x7ffff7ffa000, 0x1000, PROT_NONE) = 0
#! p1 vmas 0x7ffff7ffa000..0x7ffff7ffb000 --- account trampfd | r0..r0+0x4000 -w- account
