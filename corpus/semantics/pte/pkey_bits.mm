# mmdiff 1
# SEMANTICS §0 (PKEY bits 59-62 ORed from VM_PKEY_BIT0..3: vm_get_page_prot), §3.4: arch/x86/mm/pgprot.c:
# vm_get_page_prot, pgtable.h: pte_modify — a fault in a VMA with key k puts k in PTE bits 59..62;
# pkey_mprotect of present pages rewrites the key in the PTE (and keeps a written exclusive page writable).
r0 = pkey_alloc(0, 0) = 1
r1 = pkey_alloc(0, 0) = 2
r2 = mmap(0x10000000, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
pkey_mprotect(r2, 0x2000, PROT_READ|PROT_WRITE, 1) = 0
write(r2, 0x1) = 0
read(r2+0x1000) = 0
#! p0 pte r2 P RW US A D PKEY=1 NX f0
#! p0 pte r2+0x1000 P US A PKEY=1 NX Z
pkey_mprotect(r2, 0x2000, PROT_READ|PROT_WRITE, 2) = 0
#! p0 pte r2 P RW US A D PKEY=2 NX f0
#! p0 pte r2+0x1000 P US A PKEY=2 NX Z
mprotect(r2, 0x2000, PROT_READ) = 0
#! p0 pte r2 P US A SavedDirty PKEY=2 NX f0
