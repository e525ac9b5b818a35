# mmdiff 1
# machine shstk=1
# the smallest program the mutant shstk-ret-no-compare changes (model and clean impl agree on it)
arch_prctl(ARCH_SHSTK_ENABLE, 0x1)
call(0x401000)
ret(0x402000)
