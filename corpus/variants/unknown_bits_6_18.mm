# mmdiff 1
# PROT_SEAL (0x04000000) and PROT_SHADOWSTACK (0x40), the design variants' bits (model/variants/),
# are unknown prot bits to every other profile: mmap ignores them (no arch_validate_prot in do_mmap,
# SEMANTICS §1.1), mprotect is EINVAL (arch_validate_prot, §3.1 step 5), and mseal() and
# map_shadow_stack() are what they are in 6.18. Runs on the model and the impl.
r0 = mmap(0x10000000, 0x2000, PROT_READ|PROT_SEAL, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
r1 = mmap(0x10010000, 0x1000, PROT_READ|PROT_SHADOWSTACK, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10010000
#! p0 vmas r0..r0+0x2000 r-- | r1..r1+0x1000 r--
mprotect(r0, 0x1000, PROT_READ|PROT_SEAL) = -EINVAL
mprotect(r1, 0x1000, PROT_READ|PROT_SHADOWSTACK) = -EINVAL
munmap(r0, 0x1000) = 0
mseal(r0+0x1000, 0x1000, 0) = 0
map_shadow_stack(NULL, 0x1000, SHADOW_STACK_SET_TOKEN) = -ENOSYS
#! p0 vmas r0+0x1000..r0+0x2000 r-- sealed | r1..r1+0x1000 r--
