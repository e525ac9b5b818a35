# mmdiff 1
# SEMANTICS §3.4 without OSPKE (pku=0), corrected by the live 6.18 kernel on a CPU without protection keys:
# arch/x86/include/asm/pkeys.h: mm_pkey_alloc sees an empty bitmap (init_new_context sets it up only with
# OSPKE; arch_max_pkey() = 1) and hands out key 0; arch_set_user_pkey_access fails (EINVAL) and mm_pkey_free
# refuses key 0, which is the execute_only_pkey (0 without OSPKE) — so the key stays taken and every later
# pkey_alloc is ENOSPC. pkey_free(0) is EINVAL (mm_pkey_is_allocated excludes the execute-only key).
# machine pku=0
pkey_alloc(0, 0) = -EINVAL
pkey_alloc(0, 0) = -ENOSPC
pkey_alloc(0, PKEY_DISABLE_WRITE) = -ENOSPC
pkey_alloc(1, 0) = -EINVAL
pkey_free(0) = -EINVAL
