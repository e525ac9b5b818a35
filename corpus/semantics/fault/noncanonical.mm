# mmdiff 1
# SEMANTICS §9.2: a non-canonical address (bits 63..47 not all equal, 4-level paging) raises #GP, not #PF:
# arch/x86/kernel/traps.c: exc_general_protection → SIGSEGV with si_code SI_KERNEL.
read(0x800000000000) = fault SIGSEGV SI_KERNEL
write(0x8000000000000000, 0x1) = fault SIGSEGV SI_KERNEL
