// The BPF page-table walker (ptewalk.c).
#ifndef MMDIFF_PTEWALK_H
#define MMDIFF_PTEWALK_H
#include "sys.h"

/* Loads and checks the walker; NULL when it works, else the reason (in note, >= 200 bytes). */
const char *pte_init(int disabled, char *note, u64 cap);
int pte_enabled(void);
/* In a program process: registers its mm in slot (its process number). */
void pte_register(u32 slot);
/* The getpgid argument pte_register passes (the seccomp filter allows exactly its high half). */
u64 pte_register_arg(u32 slot);
/* The tgid registered in slot. */
u64 pte_registered_tgid(u32 slot);
/* Server: the raw PTE of addr in slot's mm (0: none); -1 when the walk failed. */
int pte_read(u32 slot, u64 addr, u64 *pte);
/* Drops the cached table (call before each process's dump). */
void pte_forget(void);
#endif
