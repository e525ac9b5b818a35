# mmdiff 1
# SEMANTICS §3.3, §0 (PROT_EXEC readable without PKU), docs/conventions.md (wrpkru without pku is #UD):
# arch/x86/include/asm/pkeys.h: execute_only_pkey returns ARCH_DEFAULT_PKEY (0) without OSPKE, so a
# PROT_EXEC-only mapping is readable; PKRU is 0; WRPKRU raises SIGILL ILL_ILLOPN.
# arch/x86/include/asm/mmu_context.h: init_new_context allocates pkey 0 only with OSPKE, so no key is
# allocated: pkey_mprotect(…, 0) and pkey_free(0) are EINVAL (mm_pkey_is_allocated); pkey_alloc takes
# key 0 in the map, then arch_set_user_pkey_access fails without OSPKE → EINVAL, and mm_pkey_free cannot
# free key 0 (the execute_only_pkey is 0 without OSPKE): it stays in the map (live kernel; alloc_without_ospke.mm).
# machine pku=0
r0 = mmap(0x10000000, 0x1000, PROT_EXEC, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
#! p0 vmas r0..r0+0x1000 --x
read(r0) = 0
exec(r0) = 0
write(r0, 0x1) = fault SIGSEGV SEGV_ACCERR
mprotect(r0, 0x1000, PROT_EXEC) = 0
#! p0 vmas r0..r0+0x1000 --x
wrpkru(0) = fault SIGILL ILL_ILLOPN
#! p0 pkru 0x0
#! p0 pkeys 0
pkey_mprotect(r0, 0x1000, PROT_READ, 0) = -EINVAL
pkey_free(0) = -EINVAL
pkey_alloc(0, 0) = -EINVAL
#! p0 pkeys 0x1
