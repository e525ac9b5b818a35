# mmdiff 1
# machine shstk=1
# the smallest program the mutant shstk-start-gap-missing changes (model and clean impl agree on it)
mmap(0x7ffff7ffe000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
mmap(0x7ffff7ffc000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
map_shadow_stack(NULL, 0x1000, 0)
