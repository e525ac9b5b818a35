# mmdiff 1
# SEMANTICS §9.4 (shmem read fault), corrected by the live 6.18 kernel (model,kernel campaign): mm/memory.c:
# do_read_fault runs do_fault_around before ->fault, so an access beyond i_size (here in the second page of a
# 1-page object mapped twice as long by mremap with old_len 0) still maps the cached neighbours of its window
# (filemap_map_pages, clipped to i_size), then shmem_fault fails: SIGBUS, and the first page is mapped.
r0 = mmap(NULL, 0x1000, PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffe000
write(r0, 0) = 0
mremap(r0, 0, 0x2000, MREMAP_MAYMOVE, NULL) = 0x7ffff7ffc000
exec(0x7ffff7ffd000) = fault SIGBUS BUS_ADRERR
#! p0 pte 0x7ffff7ffc000 P RW US A D NX page
