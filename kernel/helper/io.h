// The helper's memory: a small data page, its stack, and one MAP_SHARED area at
// IOBASE that the server and every program process share (the control block the
// processes pass the baton through, the decoded program, results, and the server's
// buffers). Nothing is malloc'ed; nothing else is mapped.
#ifndef MMDIFF_IO_H
#define MMDIFF_IO_H
#include "sys.h"

/* Above mmap_base, below the stack's guard gap: top-down placement never reaches it,
 * so the whole arena below mmap_base (and 4 GiB, and the low addresses) is the program's. */
#define IOBASE 0x7ffffb000000UL
#define IOSIZE 0x4000000UL
#define MAXPROC 64
#define MAXOPS 16384
#define MAXTERMS 131072
#define MAXARGS 6
#define SERVER MAXPROC /* go[] slot of the server */

struct op {
  u8 code, proc, nargs, pad;
  u8 argn[MAXARGS];
  u16 pad2;
  u32 argt[MAXARGS];
};
struct term { u64 v; u32 kind, pad; };
struct result { u32 kind, aux; u64 val; };

struct ctl {
  u32 go[MAXPROC + 1]; /* futex words: 1 = your turn */
  u32 next;            /* the op the baton holder runs next */
  u32 nops;
  u32 nproc;           /* processes created (p0 + forks) */
  u32 status, status_op;
  u32 running;         /* who holds the baton */
  u32 exiting;         /* 1 + the process that just ran exit() */
  i32 pid[MAXPROC];
  u8 alive[MAXPROC];
  u32 pkru[MAXPROC];   /* PKRU when the process last gave the baton away */
  u64 brk[MAXPROC];    /* brk(0) then */
  u32 reg[MAXPROC];    /* the program's number once the process registered its mm (ptewalk.c) */
  u64 populated;       /* bytes the program's populating ops asked for (run.c populate_budget) */
  char msg[256];
};

#define CTL ((struct ctl *)IOBASE)
#define OPS ((struct op *)(IOBASE + 0x10000))
#define TERMS ((struct term *)(IOBASE + 0x110000))
#define RESULTS ((struct result *)(IOBASE + 0x400000))
#define REGS ((u64 *)(IOBASE + 0x440000))
#define INBUF ((u8 *)(IOBASE + 0x500000))
#define INBUF_SIZE 0x400000UL
#define OUTBUF ((u8 *)(IOBASE + 0xa00000))
#define OUTBUF_SIZE 0x1800000UL
#define FRAMEBUF ((u8 *)(IOBASE + 0x2200000))
#define FRAMEBUF_SIZE 0xc00000UL
#define TEXTBUF ((char *)(IOBASE + 0x2e00000)) /* smaps text */
#define TEXTBUF_SIZE 0x400000UL
#define PMBUF ((u64 *)(IOBASE + 0x3200000))
#define PMBUF_ENTRIES 0x20000UL
#define SCANVEC ((struct page_region *)(IOBASE + 0x3300000))
#define SCANVEC_LEN 0x5000UL
#define MEMBUF ((u8 *)(IOBASE + 0x3380000))
#define MEMBUF_SIZE 0x80000UL
#define PFNSET ((u64 *)(IOBASE + 0x3400000)) /* pairs (pfn, generation) */
#define PFNSET_SLOTS 0x80000UL
#define PFNSET_SHIFT 45 /* 64 - log2(PFNSET_SLOTS) */
#define VMALIST_OFF 0x3c00000UL
#define VMALIST_MAX 0x10000UL

/* A range the helper owns: refused to programs (see run.c: touches_helper). */
struct zone { u64 start, end; };

/* Layout facts the server measured at start (main.c); children inherit them. */
struct layout {
  u64 mmap_base, brk, zero_pfn, commit_limit, mmap_min_addr, dac_mmap_min_addr;
  u32 pku, pkru_init, max_map_count, overcommit, features, nvma;
  struct { u64 start, end; u32 prot, flags; } vma[8];
  u32 nzone;
  struct zone zone[8];
};
extern struct layout L;

/* start.S */
extern long pk_syscall(long nr, long a1, long a2, long a3, long a4, long a5, long a6, u32 *pkru);
extern u64 probe_read(u64 addr);
extern u64 probe_read_pk(u64 addr, u32 pkru);
extern void probe_write(u64 addr, u64 val);
extern void probe_write_pk(u64 addr, u64 val, u32 pkru);
extern u64 probe_read1(u64 addr);
extern void probe_fetch(u64 addr);
extern u32 probe_wrpkru(u32 val);
extern u32 rdpkru_insn(void);
extern void wrpkru_insn(u32 val);
extern void restore_rt(void);

/* util.c */
void die(const char *what, long err) __attribute__((noreturn));
void confine_program_process(void); /* confine.c */
void put(int fd, const char *s);
char *fmt_hex(char *p, u64 v);
char *fmt_dec(char *p, i64 v);
char *scpy(char *p, const char *s);
int open_ro(const char *path);
long read_all(int fd, char *buf, u64 cap);
long read_file(const char *path, char *buf, u64 cap);
u64 parse_hex(const char **s);
u64 parse_dec(const char **s);
void proc_path(char *buf, i32 pid, const char *leaf);
int write_all(int fd, const u8 *p, u64 n);

/* run.c */
extern volatile u32 g_fault_sig, g_fault_code, g_fault_pkey;
extern int g_is_server;
void on_signal(int sig, void *si, void *uc);

void run_program_reply(u32 id);

/* dump.c */
u64 dump_state_gen(u8 *out, u64 cap, u32 gen, const char **err);

/* main.c */
u8 *reply_space(u64 *cap);
void reply_done(u64 n);
int decode_program(const u8 *p, u64 len, u32 *id);

#endif
