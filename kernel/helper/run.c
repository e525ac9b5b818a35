// Running one program: the server forks p0; `fork` ops fork again. The processes of a
// program pass a baton through futex words in the shared control block (io.h): the
// holder runs ops while they are its own, then hands the baton to the process of the
// next op (or back to the server at the end, at an `exit`, or when it refuses an op).
// Ops of processes that exited or never existed are answered -ESRCH without running,
// as abi/machine.ts runProgram does. Every op is one raw syscall or one CPU access.
#include "smaps.h"
#include "ptewalk.h"

volatile u32 g_fault_sig, g_fault_code, g_fault_pkey;
static volatile u64 g_fetch; /* the target of a probe_fetch under way (0 is one) */
static volatile u32 g_fetching;
extern char probe_fetch_resume[];
int g_is_server;
static u32 g_me;        /* this process's number (p0, p1, ...) */
static u32 g_pkru;      /* the program's PKRU in this process (with pkeys) */
static i32 g_server_pid;
static u32 g_gen;       /* the program's number: the baton value, and the PFN set's tag (dump.c) */
static u32 g_cur;       /* the op being run, for crash reports */

enum { STEP_NEXT, STEP_REFUSED, STEP_CHILD };

/* ---- faults ---- */

extern char probe_read_insn[], probe_read_resume[], probe_read1_insn[], probe_read1_resume[];
extern char probe_write_insn[], probe_write_resume[], probe_read_pk_insn[], probe_read_pk_resume[];
extern char probe_write_pk_insn[], probe_write_pk_resume[], probe_wrpkru_insn[], probe_wrpkru_resume[];

static char *const PROBES[][2] = {
    {probe_read_insn, probe_read_resume},       {probe_read1_insn, probe_read1_resume},
    {probe_write_insn, probe_write_resume},     {probe_read_pk_insn, probe_read_pk_resume},
    {probe_write_pk_insn, probe_write_pk_resume}, {probe_wrpkru_insn, probe_wrpkru_resume},
};

static void give(u32 k);

/* This process's mm for the page-table walker (ptewalk.c); the dump waits for it. */
static void registered(void) {
  if (!pte_enabled()) return;
  pte_register(g_me);
  __atomic_store_n(&CTL->reg[g_me], g_gen, __ATOMIC_SEQ_CST);
  sys3(SYS_futex, &CTL->reg[g_me], FUTEX_WAKE, 0x7fffffff);
}

/* The helper's own code faulted: report it as a crash of this program (or die). */
static void internal_fault(int sig, u64 rip, u64 addr) {
  char buf[200], *p = buf;
  p = scpy(p, "helper fault: signal ");
  p = fmt_dec(p, sig);
  p = scpy(p, " at rip ");
  p = fmt_hex(p, rip);
  p = scpy(p, " addr ");
  p = fmt_hex(p, addr);
  if (g_is_server) die(buf, 0);
  p = scpy(p, " in p");
  p = fmt_dec(p, g_me);
  CTL->status = ST_CRASH;
  CTL->status_op = g_cur;
  memcpy(CTL->msg, buf, (u64)(p - buf) + 1);
  give(SERVER);
  sys1(SYS_exit_group, 99);
}

/* siginfo: si_code at 8, si_addr at 16, si_pkey at 32; ucontext: RIP at 40 + 16 * 8. */
void on_signal(int sig, void *si, void *uc) {
  u64 *rip = (u64 *)((char *)uc + 168);
  if (g_fetching && *rip == g_fetch) {
    g_fault_sig = (u32)sig;
    g_fault_code = (u32) * (i32 *)((char *)si + 8);
    g_fault_pkey = 0;
    *rip = (u64)probe_fetch_resume;
    return;
  }
  for (u64 i = 0; i < sizeof PROBES / sizeof PROBES[0]; i++) {
    if (*rip == (u64)PROBES[i][0]) {
      g_fault_sig = (u32)sig;
      g_fault_code = (u32) * (i32 *)((char *)si + 8);
      g_fault_pkey = g_fault_code == 4 /* SEGV_PKUERR */ ? *(u32 *)((char *)si + 32) & 0xff : 0;
      *rip = (u64)PROBES[i][1];
      return;
    }
  }
  internal_fault(sig, *rip, *(u64 *)((char *)si + 16));
}

/* ---- the baton ---- */

/* The baton: go[k] = the program's number means "your turn" (0: not yet). The number
 * keeps processes of an earlier program, killed but not yet gone, from taking it. Wake
 * every waiter on the word, not one: such a process may still be queued on the futex
 * and would swallow a single wake-up. */
static void give(u32 k) {
  CTL->running = k;
  __atomic_store_n(&CTL->go[k], g_gen, __ATOMIC_SEQ_CST);
  sys3(SYS_futex, &CTL->go[k], FUTEX_WAKE, 0x7fffffff);
}

/* Takes the baton if it is ours; else returns the word's value to wait on. */
static int try_take(u32 slot, u32 *seen) {
  u32 want = g_gen;
  if (__atomic_compare_exchange_n(&CTL->go[slot], &want, 0, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) return 1;
  *seen = want;
  return 0;
}

static void take_child(u32 me) {
  for (;;) {
    u32 seen;
    if (try_take(me, &seen)) return;
    struct timespec_k ts = {1, 0};
    long r = sys4(SYS_futex, &CTL->go[me], FUTEX_WAIT, seen, &ts);
    if (r == -110 && sys2(SYS_kill, g_server_pid, 0) == -3) sys1(SYS_exit_group, 0); /* the server is gone */
  }
}

/* ---- results ---- */

static void set_result(u32 i, u32 kind, u32 aux, u64 val) {
  RESULTS[i].kind = kind;
  RESULTS[i].aux = aux;
  RESULTS[i].val = val;
  /* abi/result.ts registerValue: the value, -errno as u64, 0 after a fault */
  REGS[i] = kind == RES_VALUE ? val : kind == RES_ERRNO ? (u64)(-(i64)aux) : 0;
}

static void sys_result(u32 i, long r) {
  if (is_err(r)) set_result(i, RES_ERRNO, (u32)-r, 0);
  else set_result(i, RES_VALUE, 0, (u64)r);
}

static void cpu_result(u32 i, u64 v) {
  if (g_fault_sig) set_result(i, RES_FAULT, g_fault_sig | g_fault_code << 8 | g_fault_pkey << 16, 0);
  else set_result(i, RES_VALUE, 0, v);
}

/* Ops of processes that exited or never existed: -ESRCH (abi/machine.ts). */
static u32 skip_dead(u32 i) {
  while (i < CTL->nops) {
    u32 p = OPS[i].proc;
    if (p < CTL->nproc && CTL->alive[p]) break;
    set_result(i, RES_ERRNO, 3, 0);
    i++;
  }
  return i;
}

static void save_regs(void) {
  CTL->brk[g_me] = (u64)sys1(SYS_brk, 0);
  CTL->pkru[g_me] = L.pku ? g_pkru : 0;
}

/* ---- refusing what the kernel target cannot run ---- */

#define POPULATE_LIMIT 0x4000000UL /* 64 MiB */

static int overlaps_helper(u64 s, u64 e) {
  for (u32 i = 0; i < L.nzone; i++)
    if (s < L.zone[i].end && e > L.zone[i].start) return 1;
  return 0;
}

/* Does the syscall range [addr, addr+len) reach the helper's memory? An empty range,
 * one whose page-aligned length overflows, or one that wraps past 2^64 is rejected by
 * every syscall here before it touches a VMA (EINVAL/ENOMEM), so it is harmless. */
static int range_touches(u64 addr, u64 len) {
  if (len == 0) return 0;
  u64 alen = (len + PAGE - 1) & ~(PAGE - 1);
  if (alen == 0) return 0;
  u64 s = addr & ~(PAGE - 1);
  if (s + alen < s) return 0;
  return overlaps_helper(s, s + alen);
}

static u64 page_align(u64 len) { return (len + PAGE - 1) & ~(PAGE - 1); }

/* mmap MAP_FIXED, munmap and an mremap destination reject any range that reaches
 * beyond TASK_SIZE before touching a VMA (__get_unmapped_area, do_vmi_munmap,
 * check_mremap_params), so only ranges below it can reach the helper's memory. */
static int range_touches_below_task(u64 addr, u64 len) {
  u64 alen = page_align(len);
  if (alen > TASK_SIZE || addr > TASK_SIZE - alen) return 0;
  return range_touches(addr, len);
}

/* Heuristic overcommit (vm.overcommit_memory=0: one request larger than RAM + swap is
 * ENOMEM) is modelled (machine parameter ramSwap, this host's MemTotal + SwapTotal); under
 * the other modes (always, or strict accounting) a request that large behaves otherwise,
 * and such programs are refused here. */
static int over_commit(u64 len) {
  u64 a = page_align(len);
  return L.overcommit != 0 && L.commit_limit && a > L.commit_limit && a <= TASK_SIZE && a != 0;
}

/* What one program may populate: 64 MiB an op, 256 MiB in all (its processes together),
 * so a program of many populating ops cannot take the machine's memory (model and impl
 * have the same 256 MiB GUP budget: such programs are "not run" on every target). */
#define POPULATE_TOTAL 0x10000000UL
#define POPULATE_REFUSAL "populating or guarding more than 64 MiB in an op or 256 MiB in a program"
static int populate_budget(u64 len) {
  u64 a = page_align(len);
  if (a > POPULATE_LIMIT || CTL->populated + a > POPULATE_TOTAL) return 0;
  CTL->populated += a;
  return 1;
}

static const char *refuse(const struct op *o, const u64 *a) {
  switch (o->code) {
    case OP_UNSUPPORTED:
      return "an op the kernel target cannot run";
    case OP_MMAP:
      if ((a[3] & (MAP_FIXED | MAP_FIXED_NOREPLACE)) && range_touches_below_task(a[0], a[1])) return "MAP_FIXED over the helper's memory";
      /* with MAP_NORESERVE a hugetlb mapping succeeds with an empty pool: run (a touch is SIGBUS, nothing is
       * allocated); model and impl make what they do not model of it "not run" themselves */
      if ((a[3] & (MAP_POPULATE | MAP_LOCKED)) && a[1] <= TASK_SIZE && !populate_budget(a[1])) return POPULATE_REFUSAL;
      /* mm/mmap.c accountable_mapping / shmem_acct_size: private writable or shared, not NORESERVE */
      if (!(a[3] & MAP_NORESERVE) && ((a[3] & MAP_TYPE) == MAP_SHARED || (a[3] & MAP_TYPE) == 3 || (a[2] & PROT_WRITE)) && over_commit(a[1]))
        return "a length above RAM + swap (heuristic overcommit)";
      return NULL;
    case OP_MUNMAP:
      return range_touches_below_task(a[0], a[1]) ? "a range over the helper's memory" : NULL;
    case OP_MSEAL:
      return range_touches(a[0], a[1]) ? "a range over the helper's memory" : NULL;
    case OP_MPROTECT:
    case OP_PKEY_MPROTECT:
      if (range_touches(a[0], a[1])) return "a range over the helper's memory";
      if ((a[2] & PROT_WRITE) && over_commit(a[1])) return "a length above RAM + swap (heuristic overcommit)";
      return NULL;
    case OP_MADVISE:
      if (range_touches(a[0], a[1])) return "a range over the helper's memory";
      /* a guard marker on every page walks (and allocates page tables for) the whole range */
      if (((i32)a[2] == MADV_POPULATE_READ || (i32)a[2] == MADV_POPULATE_WRITE || (i32)a[2] == MADV_GUARD_INSTALL) && a[1] <= TASK_SIZE && !populate_budget(a[1]))
        return POPULATE_REFUSAL;
      return NULL;
    case OP_MREMAP:
      if (range_touches(a[0], a[1] ? a[1] : 1)) return "a range over the helper's memory";
      if ((a[3] & MREMAP_FIXED) && range_touches_below_task(a[4], a[2])) return "MREMAP_FIXED over the helper's memory";
      if (over_commit(a[2])) return "a length above RAM + swap (heuristic overcommit)";
      return NULL;
    case OP_BRK: {
      u64 cur = (u64)sys1(SYS_brk, 0);
      if (a[0] > cur && over_commit(a[0] - cur)) return "a length above RAM + swap (heuristic overcommit)";
      return NULL;
    }
    case OP_FORK:
      return CTL->nproc >= MAXPROC ? "more than 64 processes" : NULL;
    case OP_READ:
    case OP_WRITE:
    case OP_MEM_WRITE: {
      u64 e = a[0] + 8 < a[0] ? ~0UL : a[0] + 8;
      return overlaps_helper(a[0], e) ? "an access to the helper's memory" : NULL;
    }
    case OP_EXEC:
      if ((a[0] & ~(PAGE - 1)) == 0xffffffffff600000UL) return "exec of the vsyscall page (the kernel would emulate a vsyscall)";
      return overlaps_helper(a[0] & ~(PAGE - 1), (a[0] & ~(PAGE - 1)) + PAGE) ? "an access to the helper's memory" : NULL;
    default:
      return NULL;
  }
}

/* ---- ops ---- */

static long ksys(long nr, u64 a, u64 b, u64 c, u64 d, u64 e, u64 f) {
  if (L.pku) return pk_syscall(nr, (long)a, (long)b, (long)c, (long)d, (long)e, (long)f, &g_pkru);
  return sys6(nr, (long)a, (long)b, (long)c, (long)d, (long)e, (long)f);
}

static u64 eval_arg(const struct op *o, u32 j, u32 i) {
  u64 v = 0;
  for (u32 k = 0; k < o->argn[j]; k++) {
    const struct term *t = &TERMS[o->argt[j] + k];
    u64 x = t->v;
    if (t->kind >= TERM_ADD_REF) x = x < i ? REGS[x] : 0;
    v = (t->kind & 1) ? v - x : v + x;
  }
  return v;
}

/* Instruction fetch of the page of addr (docs/conventions.md: exec). Jumping there
 * would run whatever bytes the program left, so the fetch is done as the kernel
 * handles it: a not-present page is faulted in as by a read (do_anonymous_page and
 * do_read_fault do not look at FAULT_FLAG_INSTRUCTION); the access then needs VM_EXEC
 * (arch/x86/mm/fault.c: access_error), else SEGV_ACCERR; PKRU never applies to
 * fetches, and the helper runs between ops with PKRU 0. So: a one-byte read probe
 * (its fault, if any, is the fetch's: MAPERR for no VMA or a guard marker, ACCERR for
 * PROT_NONE, SI_KERNEL for non-canonical), then VM_EXEC of the VMA now covering addr
 * from PROCMAP_QUERY (after the read, which may have grown a stack VMA down to it). */
static long vma_query(struct procmap_query *q, u64 addr) {
  memset(q, 0, sizeof *q);
  q->size = sizeof *q;
  q->query_addr = addr;
  int fd = open_ro("/proc/self/maps");
  long r = fd < 0 ? fd : sys3(SYS_ioctl, fd, PROCMAP_QUERY, q);
  if (fd >= 0) sys1(SYS_close, fd);
  return r;
}

static void op_exec(u32 i, u64 addr) {
  struct procmap_query q;
  g_fault_sig = 0;
  /* In a VMA without VM_EXEC the fetch cannot run anything: do it for real, so the
   * PTE's Accessed bit is what a fetch leaves (a read probe would set it). */
  if (vma_query(&q, addr) == 0 && !(q.vma_flags & PROCMAP_QUERY_VMA_EXECUTABLE)) {
    g_fetch = addr;
    g_fetching = 1;
    probe_fetch(addr);
    g_fetching = 0;
    if (!g_fault_sig) internal_fault(0, 0, addr);
    cpu_result(i, 0);
    return;
  }
  probe_read1(addr);
  if (g_fault_sig) {
    cpu_result(i, 0);
    return;
  }
  long r = vma_query(&q, addr);
  if (r < 0) {
    internal_fault(0, 0, addr); /* a successful read with no VMA covering it */
    return;
  }
  if (!(q.vma_flags & PROCMAP_QUERY_VMA_EXECUTABLE)) set_result(i, RES_FAULT, SIGSEGV | 2 << 8, 0);
  else set_result(i, RES_VALUE, 0, 0);
}

/* mem_write (docs/conventions.md): pwrite of the 8 bytes to /proc/self/mem, which writes
 * with get_user_pages_remote(FOLL_FORCE | FOLL_WRITE). Plain syscalls with the helper's
 * PKRU, not ksys(): the path and the buffer are the runner's own, never the program's. */
#define MEM_SYS_PWRITE64 18
#define MEM_O_RDWR 2
static void op_mem_write(u32 i, u64 addr, u64 v) {
  long fd = sys3(SYS_open, "/proc/self/mem", MEM_O_RDWR | O_CLOEXEC, 0);
  if (fd < 0) {
    internal_fault(0, 0, (u64)fd);
    return;
  }
  long r = sys4(MEM_SYS_PWRITE64, fd, &v, 8, (long)addr);
  sys1(SYS_close, fd);
  sys_result(i, r);
}

static int exec_op(u32 i) {
  const struct op *o = &OPS[i];
  u64 a[MAXARGS] = {0};
  for (u32 j = 0; j < o->nargs; j++) a[j] = eval_arg(o, j, i);
  const char *why = refuse(o, a);
  if (why) {
    CTL->status = ST_UNSUPPORTED;
    CTL->status_op = i;
    u64 n = slen(why);
    memcpy(CTL->msg, why, n + 1);
    return STEP_REFUSED;
  }
  switch (o->code) {
    case OP_MMAP: sys_result(i, ksys(SYS_mmap, a[0], a[1], a[2], a[3], a[4], a[5])); break;
    case OP_MUNMAP: sys_result(i, ksys(SYS_munmap, a[0], a[1], 0, 0, 0, 0)); break;
    case OP_MPROTECT: sys_result(i, ksys(SYS_mprotect, a[0], a[1], a[2], 0, 0, 0)); break;
    case OP_PKEY_MPROTECT: sys_result(i, ksys(SYS_pkey_mprotect, a[0], a[1], a[2], a[3], 0, 0)); break;
    case OP_PKEY_ALLOC: sys_result(i, ksys(SYS_pkey_alloc, a[0], a[1], 0, 0, 0, 0)); break;
    case OP_PKEY_FREE: sys_result(i, ksys(SYS_pkey_free, a[0], 0, 0, 0, 0, 0)); break;
    case OP_MSEAL: sys_result(i, ksys(SYS_mseal, a[0], a[1], a[2], 0, 0, 0)); break;
    case OP_MADVISE: sys_result(i, ksys(SYS_madvise, a[0], a[1], a[2], 0, 0, 0)); break;
    case OP_MREMAP: sys_result(i, ksys(SYS_mremap, a[0], a[1], a[2], a[3], a[4], 0)); break;
    case OP_BRK: sys_result(i, ksys(SYS_brk, a[0], 0, 0, 0, 0, 0)); break;
    case OP_FORK: {
      u32 n = CTL->nproc;
      CTL->nproc = n + 1;
      long pid = ksys(SYS_fork, 0, 0, 0, 0, 0, 0);
      if (pid == 0) {
        g_me = n;
        registered();
        return STEP_CHILD;
      }
      /* the child has our brk and PKRU until it runs an op (it may not be scheduled before the dump) */
      CTL->brk[n] = (u64)sys1(SYS_brk, 0);
      CTL->pkru[n] = L.pku ? g_pkru : 0;
      if (pid < 0) {
        /* dup_mmap refused (heuristic overcommit: ENOMEM): the number stays taken by a
         * process that never ran, as abi/machine.ts has it (an exited one) */
        sys_result(i, pid);
        break;
      }
      CTL->pid[n] = (i32)pid;
      CTL->alive[n] = 1;
      set_result(i, RES_VALUE, 0, n);
      break;
    }
    case OP_EXIT:
      set_result(i, RES_VALUE, 0, 0);
      save_regs();
      CTL->alive[g_me] = 0;
      CTL->next = i + 1;
      CTL->exiting = g_me + 1;
      give(SERVER);
      sys1(SYS_exit_group, (long)(i32)a[0]);
      break;
    case OP_READ: {
      g_fault_sig = 0;
      u64 v = L.pku ? probe_read_pk(a[0], g_pkru) : probe_read(a[0]);
      cpu_result(i, v);
      break;
    }
    case OP_WRITE:
      g_fault_sig = 0;
      if (L.pku) probe_write_pk(a[0], a[1], g_pkru);
      else probe_write(a[0], a[1]);
      cpu_result(i, 0);
      break;
    case OP_EXEC: op_exec(i, a[0]); break;
    case OP_MEM_WRITE: op_mem_write(i, a[0], a[1]); break;
    case OP_WRPKRU: {
      g_fault_sig = 0;
      u32 v = probe_wrpkru((u32)a[0]);
      if (!g_fault_sig) g_pkru = v;
      cpu_result(i, 0);
      break;
    }
  }
  return STEP_NEXT;
}

/* The loop of every program process: wait for the baton, run own ops, pass it on. */
static void run_ops(void) __attribute__((noreturn));
static void run_ops(void) {
  for (;;) {
    take_child(g_me);
    u32 i = CTL->next;
    for (;;) {
      i = skip_dead(i);
      if (i >= CTL->nops || OPS[i].proc != g_me) {
        save_regs();
        CTL->next = i;
        give(i >= CTL->nops ? SERVER : OPS[i].proc);
        break;
      }
      g_cur = i;
      int r = exec_op(i);
      if (r == STEP_REFUSED) {
        save_regs();
        give(SERVER);
        break;
      }
      if (r == STEP_CHILD) break; /* a new process: wait for its first op */
      i++;
    }
  }
}

/* p0: a fresh fork of the server, holding the baton. */
static void child_p0(void) __attribute__((noreturn));
static void child_p0(void) {
  g_is_server = 0;
  g_me = 0;
  g_pkru = L.pkru_init;
  sys2(SYS_prctl, PR_SET_PDEATHSIG, SIGKILL);
  if (sys2(SYS_kill, g_server_pid, 0) < 0) sys1(SYS_exit_group, 0);
  sys2(SYS_setpgid, 0, 0);
  /* no open files: mmap of any fd is EBADF, as docs/conventions.md says */
  sys3(SYS_close_range, 0, ~0U, 0);
  /* root without CAP_SYS_ADMIN (docs/conventions.md): MADV_HWPOISON is EPERM. Of the
   * rest only what the semantics read is kept: CAP_IPC_LOCK (mlock limits), CAP_SYS_RAWIO
   * (mmap below dac_mmap_min_addr), CAP_SYS_RESOURCE (rlimits); the others are dropped. */
  struct cap_header h = {0x20080522, 0};
  struct cap_data d[2];
  if (sys2(SYS_capget, &h, d) == 0) {
    u32 keep = 1U << CAP_IPC_LOCK | 1U << CAP_SYS_RAWIO | 1U << CAP_SYS_RESOURCE;
    d[0].effective &= keep;
    d[0].permitted &= keep;
    d[0].inheritable = 0;
    d[1].effective = d[1].permitted = d[1].inheritable = 0;
    if (sys2(SYS_capset, &h, d) < 0) internal_fault(0, 0, 0);
  }
  confine_program_process();
  registered();
  run_ops();
}

/* ---- the server side ---- */

static int pid_dead(i32 pid) {
  char path[64], buf[1024];
  proc_path(path, pid, "stat");
  long n = read_file(path, buf, sizeof buf);
  if (n == -2 || n == -3) return 1; /* ENOENT, ESRCH: gone */
  if (n <= 0) return 0;
  const char *p = buf;
  const char *close = NULL;
  for (; *p; p++)
    if (*p == ')') close = p;
  if (!close || !close[1] || !close[2]) return 1;
  return close[2] == 'Z' || close[2] == 'X';
}

static void server_crash(const char *why) {
  CTL->status = ST_CRASH;
  CTL->status_op = CTL->next;
  memcpy(CTL->msg, why, slen(why) + 1);
}

/* Wait for the baton; a dead holder or a program that runs too long is a crash. */
static int take_server(void) {
  u32 waited = 0;
  for (;;) {
    u32 seen;
    if (try_take(SERVER, &seen)) return 0;
    struct timespec_k ts = {0, 20000000};
    long r = sys4(SYS_futex, &CTL->go[SERVER], FUTEX_WAIT, seen, &ts);
    if (r != -110) continue;
    waited += 20;
    u32 k = CTL->running;
    if (k < MAXPROC && pid_dead(CTL->pid[k])) {
      if (__atomic_load_n(&CTL->go[SERVER], __ATOMIC_SEQ_CST) == g_gen) continue;
      server_crash("a program process died (killed?) while running ops");
      return -1;
    }
    if (waited > 60000) {
      server_crash("the program ran for more than 60 s");
      return -1;
    }
  }
}

/* An exit() must be complete (its mm torn down) before the next op runs. */
static void wait_gone(i32 pid) {
  long fd = sys2(SYS_pidfd_open, pid, 0);
  if (fd < 0) return;
  struct pollfd_k pf = {(i32)fd, POLLIN, 0};
  sys3(SYS_poll, &pf, 1, 10000);
  sys1(SYS_close, fd);
}

static void reap(void) {
  while (sys4(SYS_wait4, -1, NULL, WNOHANG | 0x40000000 /* __WALL */, NULL) > 0) {
  }
}

static void run(void) {
  for (;;) {
    if (take_server() < 0) return;
    if (!CTL->exiting) return; /* done, refused or crashed */
    u32 k = CTL->exiting - 1;
    CTL->exiting = 0;
    wait_gone(CTL->pid[k]);
    u32 i = skip_dead(CTL->next);
    CTL->next = i;
    if (i >= CTL->nops) return;
    give(OPS[i].proc);
  }
}

u8 *reply_space(u64 *cap);
void reply_done(u64 n);
u64 dump_state_gen(u8 *out, u64 cap, u32 gen, const char **err);


void run_program_reply(u32 id) {
  if (!g_server_pid) g_server_pid = (i32)sys0(SYS_getpid);
  reap();
  struct ctl *c = CTL;
  u32 nops = c->nops; /* set by decode_program */
  memset(c, 0, sizeof *c);
  c->nops = nops;
  c->nproc = 1;
  c->alive[0] = 1;
  c->pkru[0] = L.pkru_init;
  c->brk[0] = L.brk;
  g_gen++;
  c->go[0] = g_gen; /* p0 starts with the baton */
  long pid = sys0(SYS_fork);
  if (pid == 0) child_p0();
  if (pid < 0) server_crash("fork failed");
  else {
    c->pid[0] = (i32)pid;
    sys2(SYS_setpgid, pid, pid);
    run();
  }

  u64 cap;
  u8 *out = reply_space(&cap);
  u32 status = c->status;
  u32 nres = status == ST_OK ? c->nops : c->status_op;
  u64 head = 8 + 4 * 4 + 2 + slen(c->msg) + (u64)nres * 16;
  const char *err = NULL;
  u64 state = 0;
  if (status == ST_OK) {
    if (head + 16 > cap) err = "the reply does not fit the output buffer";
    else state = dump_state_gen(out + head, cap - head, g_gen, &err);
    if (err) {
      server_crash(err);
      status = ST_CRASH;
      nres = c->status_op = c->nops;
      state = 0;
      head = 8 + 4 * 4 + 2 + slen(c->msg) + (u64)nres * 16;
    }
  }
  if (pid > 0) sys2(SYS_kill, -pid, SIGKILL);
  reap();
  /* header and results (written after the dump: it may have turned into a crash) */
  u8 *w = out + 8;
  u32 v[4] = {id, status, c->status_op, nres};
  memcpy(w, v, 16);
  w += 16;
  u16 ml = (u16)slen(c->msg);
  memcpy(w, &ml, 2);
  w += 2;
  memcpy(w, c->msg, ml);
  w += ml;
  memcpy(w, RESULTS, (u64)nres * 16);
  w += (u64)nres * 16;
  u32 type = MSG_REPLY, len = (u32)(head - 8 + state);
  memcpy(out, &type, 4);
  memcpy(out + 4, &len, 4);
  reply_done(head + state);
}
