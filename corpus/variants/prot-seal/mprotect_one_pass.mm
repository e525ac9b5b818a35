# mmdiff 1
# model/variants/prot-seal.ts, Theo de Raadt's question ("Re: [PATCH v8 0/4] Introduce mseal",
# 2024-02-01): is mprotect(addr, len, PROT_READ | PROT_SEAL) the same as mprotect(addr, len,
# PROT_READ); mseal(addr, len, 0)? Not in this one-pass design:
# - a hole is found by mprotect's walk: ENOMEM after the VMAs before it were changed and sealed
#   (mseal() checks for holes before sealing anything);
# - a sealed VMA is EPERM even with the same prot (mseal() is idempotent);
# - an unchanged prot with PROT_SEAL still seals; len 0 is 0 before any check (SEMANTICS §3.1 step 3).
# Model-only (profile=prot-seal).
# machine profile=prot-seal
r0 = mmap(0x10000000, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
r1 = mmap(0x10003000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10003000
mprotect(r0, 0x4000, PROT_READ|PROT_SEAL) = -ENOMEM
#! p0 vmas r0..r0+0x2000 r-- sealed | r1..r1+0x1000 rw- account
mprotect(r0, 0x2000, PROT_READ|PROT_SEAL) = -EPERM
mprotect(r1, 0x1000, PROT_READ|PROT_WRITE|PROT_SEAL) = 0
#! p0 vmas r0..r0+0x2000 r-- sealed | r1..r1+0x1000 rw- account sealed
write(r1, 0x41) = 0
mprotect(r1, 0, PROT_READ|PROT_SEAL) = 0
mprotect(r1, 0x1000, PROT_READ|PROT_SEAL|0x10) = -EINVAL
pkey_mprotect(r1, 0x1000, PROT_READ|PROT_SEAL, 0) = -EPERM
munmap(r1, 0x1000) = -EPERM
madvise(r1, 0x1000, MADV_DONTNEED) = 0
madvise(r0, 0x1000, MADV_DONTNEED) = -EPERM
