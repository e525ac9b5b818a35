# mmdiff 1
# machine shstk=1
# the smallest program the mutant shstk-token-no-mode-bit changes (model and clean impl agree on it)
r0 = map_shadow_stack(NULL, 0x1000, SHADOW_STACK_SET_TOKEN)
