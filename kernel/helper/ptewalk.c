// Real page-table entries through eBPF (shared/KERNEL-TARGET.md "Reading real PTEs").
//
// At start the server loads a BPF_PROG_TYPE_TRACEPOINT program, written here as plain
// BPF instructions, and attaches it to syscalls/sys_enter_getpgid with
// perf_event_open(PERF_TYPE_TRACEPOINT) + PERF_EVENT_IOC_SET_BPF. The program runs on
// every getpgid of every process on the machine (kernel/trace/trace_syscalls.c:
// perf_syscall_enter runs the event's BPF programs for any task), so it filters:
//
//   getpgid(PW_MAGIC << 48 | cookie << 16 | slot)  registration: stores the caller's tgid
//       and current->mm in registry[slot]; slot 0xffff: the server claims the walker
//       (its tgid, once). The cookie is this helper's random number, so the processes
//       of another helper (each loads its own walker) never register here.
//   getpgid(addr | slot), from the server's tgid only: walks registry[slot].mm's page
//       table down to the PTE table covering addr and copies that whole 4 KiB table
//       (512 PTEs, 2 MiB of address space) into the map value.
//
// Every program process registers once (p0 at start, a fork child right after fork),
// so the server walks each process's mm while it waits for the baton. Results come
// back through one BPF_F_MMAPABLE array map, mapped into the server only (MADV_DONTFORK:
// no program process has it, so no program VMA shows it).
//
// Struct offsets (task_struct.mm, mm_struct.pgd) come from /sys/kernel/btf/vmlinux,
// parsed here; the paging depth from /proc/cpuinfo (la57); the direct map base is the
// default for that depth and is checked at start: a probe page's PTE must show the PFN
// pagemap shows. Anything missing or refused leaves the walker off, with the reason
// (pte_note) in the HELLO; the target then compares present bits only.
#include "io.h"
#include "proto.h"
#include "ptewalk.h"
#include "ptewalk-prog.h" /* the program, the BTF lookup: shared with export-c's reproducers */

enum { SYS_getpgid = 121, SYS_mount = 165, SYS_unshare = 272, SYS_perf_event_open = 298, SYS_bpf = 321 };

#define MAP_LEN 0x2000UL
/* Where the server maps the value: above mmap_base, below its own stack; no child has it. */
#define MAPADDR 0x7ffffaf00000UL

static volatile u8 *V;
static int g_enabled;
static u64 cached_base = 1, cached_slot;
static u32 cached_status;
static u64 cached_leaf;
static const char *g_step;

int pte_enabled(void) { return g_enabled; }

/* scratch in the IO area (free at start): the helper's image keeps to one data page */
#define P ((struct insn *)(MEMBUF + 0x800))
#define VLOG ((char *)(MEMBUF + 0x1000))
#define VLOG_SIZE 4096

/* Reads /sys/kernel/btf/vmlinux into FRAMEBUF (free at start) and finds both offsets. */
static const char *btf_offsets(u64 *off_mm, u64 *off_pgd) {
  long n = read_file("/sys/kernel/btf/vmlinux", (char *)FRAMEBUF, FRAMEBUF_SIZE / 2);
  if (n < 0) return "cannot read /sys/kernel/btf/vmlinux (no CONFIG_DEBUG_INFO_BTF?)";
  return pw_btf_offsets(FRAMEBUF, (u64)n, (u32 *)(FRAMEBUF + FRAMEBUF_SIZE / 2), FRAMEBUF_SIZE / 2 / 4 - 1, off_mm, off_pgd);
}

/* ---- tracefs: the tracepoint's id ---- */

static long read_id(const char *path) {
  char buf[32];
  if (read_file(path, buf, sizeof buf) <= 0) return -1;
  const char *p = buf;
  long v = (long)parse_dec(&p);
  return v > 0 ? v : -1;
}

/* tracefs is not mounted by default: mount it in a child's private mount namespace
 * (the machine's mount table stays as it is) and read the id there. */
static long tracepoint_id(void) {
  long id = read_id(PW_ID_PATH);
  if (id > 0) return id;
  id = read_id(PW_ID_PATH_DEBUG);
  if (id > 0) return id;
  volatile long *out = (volatile long *)MEMBUF;
  *out = -1;
  long pid = sys0(SYS_fork);
  if (pid == 0) {
    if (sys1(SYS_unshare, 0x20000 /* CLONE_NEWNS */) == 0 &&
        sys5(SYS_mount, 0, "/", 0, 0x4000 | 0x40000 /* MS_REC | MS_PRIVATE */, 0) == 0 &&
        sys5(SYS_mount, "nodev", "/sys/kernel/tracing", "tracefs", 0, 0) == 0)
      *out = read_id(PW_ID_PATH);
    sys1(SYS_exit_group, 0);
  }
  if (pid < 0) return -1;
  sys4(SYS_wait4, pid, NULL, 0, NULL);
  return *out;
}

/* ---- start ---- */

static int has_la57(void) {
  long n = read_file("/proc/cpuinfo", TEXTBUF, TEXTBUF_SIZE);
  return n > 0 && pw_has_la57(TEXTBUF, n);
}

static long bpf(long cmd, void *attr, u64 size) { return sys3(SYS_bpf, cmd, attr, size); }

static char *note_err(char *p, const char *what, long err) {
  p = scpy(p, what);
  if (err < 0) {
    p = scpy(p, " (errno ");
    p = fmt_dec(p, -err);
    p = scpy(p, ")");
  }
  return p;
}

static void getpgid_call(u64 arg) { sys1(SYS_getpgid, arg); }

u64 pte_register_arg(u32 slot) { return pw_register_arg(slot); }

void pte_register(u32 slot) {
  if (g_enabled) getpgid_call(pte_register_arg(slot));
}

/* Walks slot's mm down to the PTE table of addr (cached per 2 MiB). 0 ok. */
static int walk(u32 slot, u64 addr) {
  u64 base = addr & ~0x1fffffUL;
  if (base == cached_base && slot == cached_slot) return 0;
  *(volatile u64 *)(V + V_STATUS) = ~0UL;
  getpgid_call(base | slot);
  cached_status = (u32) * (volatile u64 *)(V + V_STATUS);
  cached_leaf = *(volatile u64 *)(V + V_LEAF);
  cached_base = base;
  cached_slot = slot;
  return cached_status == ~0U || (cached_status & 0x200) ? -1 : 0;
}

void pte_forget(void) { cached_base = 1; }

u64 pte_registered_tgid(u32 slot) { return *(volatile u64 *)(V + V_REG + 16 * slot); }

int pte_read(u32 slot, u64 addr, u64 *pte) {
  if (walk(slot, addr) < 0) return -1;
  if (cached_status == 0) {
    *pte = *(volatile u64 *)(V + V_TABLE + 8 * ((addr >> 12) & 511));
    return 0;
  }
  /* stopped above the PTE level: a huge leaf stands for every page under it */
  *pte = pw_stopped_pte(cached_status, cached_leaf);
  return 0;
}

/* Starts the walker; NULL when it works, else why not (written into note). */
const char *pte_init(int disabled, char *note, u64 cap) {
  char *p = note;
  (void)cap;
  g_enabled = 0;
  if (disabled) return scpy(p, "disabled (--no-pte: MMDIFF_KERNEL_BPF=0)"), note;
  u64 off_mm, off_pgd;
  const char *why = btf_offsets(&off_mm, &off_pgd);
  if (why) return scpy(p, why), note;
  int la57 = has_la57();
  pw_levels = la57 ? 5 : 4;
  long id = tracepoint_id();
  if (id <= 0) return scpy(p, "no tracepoint syscalls/sys_enter_getpgid (tracefs not mountable, or no CONFIG_FTRACE_SYSCALLS)"), note;

  u8 attr[128];
  memset(attr, 0, sizeof attr);
  u32 *a32 = (u32 *)attr;
  a32[0] = 2;          /* BPF_MAP_TYPE_ARRAY */
  a32[1] = 4;          /* key size */
  a32[2] = V_SIZE;     /* value size */
  a32[3] = 1;          /* max entries */
  a32[4] = 1U << 10;   /* BPF_F_MMAPABLE */
  long map = bpf(0 /* BPF_MAP_CREATE */, attr, sizeof attr);
  if (map < 0) return note_err(p, "bpf(BPF_MAP_CREATE) refused (not root, or no CONFIG_BPF_SYSCALL)", map), note;
  long va = sys6(SYS_mmap, MAPADDR, MAP_LEN, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED_NOREPLACE, map, 0);
  if ((u64)va != MAPADDR) {
    sys1(SYS_close, map);
    return note_err(p, "cannot mmap the BPF array map", is_err(va) ? va : 0), note;
  }
  long r = sys3(SYS_madvise, MAPADDR, MAP_LEN, 10 /* MADV_DONTFORK */);
  if (r < 0) {
    sys2(SYS_munmap, MAPADDR, MAP_LEN);
    sys1(SYS_close, map);
    return note_err(p, "madvise(MADV_DONTFORK) of the BPF map refused", r), note;
  }
  V = (volatile u8 *)MAPADDR;
  pw_cookie = pw_new_cookie((u64)sys0(SYS_getpid));
  *(volatile u64 *)(V + V_PAGE_OFFSET) = PW_PAGE_OFFSET(la57);

  pw_prog = P;
  pw_build((int)map, off_mm, off_pgd);
  if (pw_n >= PW_MAXINSN) return scpy(p, "the walker program is too long"), note;
  static const char license[] = "GPL";
  memset(attr, 0, sizeof attr);
  a32[0] = 5; /* BPF_PROG_TYPE_TRACEPOINT */
  a32[1] = pw_n;
  *(u64 *)(attr + 8) = (u64)P;
  *(u64 *)(attr + 16) = (u64)license;
  memcpy(attr + 48, "mmdiff_ptewalk", 15);
  long prog = bpf(5 /* BPF_PROG_LOAD */, attr, sizeof attr);
  if (prog < 0) {
    /* again with the verifier's log, for the reason */
    a32[6] = 1;
    a32[7] = VLOG_SIZE;
    *(u64 *)(attr + 32) = (u64)VLOG;
    VLOG[0] = 0;
    bpf(5, attr, sizeof attr);
    p = note_err(p, "bpf(BPF_PROG_LOAD) refused the walker", prog);
    if (VLOG[0]) {
      /* the verifier's last line */
      u64 e = slen(VLOG), s;
      while (e && VLOG[e - 1] == '\n') e--;
      for (s = e; s && VLOG[s - 1] != '\n'; s--) {}
      if (e - s > 120) e = s + 120;
      p = scpy(p, ": ");
      memcpy(p, VLOG + s, e - s);
      p[e - s] = 0;
    }
    return note;
  }
  memset(attr, 0, sizeof attr);
  a32[0] = 2;                 /* PERF_TYPE_TRACEPOINT */
  a32[1] = sizeof attr;       /* PERF_ATTR_SIZE_VER7 */
  *(u64 *)(attr + 8) = (u64)id;
  *(u64 *)(attr + 16) = 1;    /* sample_period */
  a32[12] = 1;                /* wakeup_events */
  long ev = sys5(SYS_perf_event_open, attr, 0, -1, -1, 8 /* PERF_FLAG_FD_CLOEXEC */);
  if (ev < 0) return note_err(p, "perf_event_open(PERF_TYPE_TRACEPOINT) refused", ev), note;
  r = sys3(SYS_ioctl, ev, 0x40042408UL /* PERF_EVENT_IOC_SET_BPF */, prog);
  if (r < 0) return note_err(p, "PERF_EVENT_IOC_SET_BPF refused", r), note;
  sys3(SYS_ioctl, ev, 0x2400UL /* PERF_EVENT_IOC_ENABLE */, 0);

  /* claim the walker, register the server in slot 0, and check it on a probe page */
  g_enabled = 1;
  pte_register(PW_SLOT_HELLO);
  pte_register(0);
  g_step = NULL;
  if (*(volatile u64 *)(V + V_SERVER) != (u64)sys0(SYS_getpid)) g_step = "the walker did not run, or sees another tgid (a PID namespace?)";
  else if (pte_registered_tgid(0) != (u64)sys0(SYS_getpid)) g_step = "registration failed";
  long pg = sys6(SYS_mmap, 0, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (!g_step && is_err(pg)) g_step = "mmap of a probe page failed";
  if (!g_step) {
    *(volatile u64 *)pg = 0x6d6d;
    u64 e = 0, pte = 0;
    int pm = open_ro("/proc/self/pagemap");
    long rr = pm < 0 ? pm : sys4(SYS_pread64, pm, &e, 8, ((u64)pg >> 12) * 8);
    if (pm >= 0) sys1(SYS_close, pm);
    pte_forget();
    if (rr != 8 || !(e & PM_PRESENT)) g_step = "pagemap does not show the probe page";
    else if (pte_read(0, (u64)pg, &pte) < 0) g_step = "the walk faulted (the direct map is not where 4/5-level paging puts it: CONFIG_RANDOMIZE_MEMORY?)";
    else if (!pw_probe_ok(pte, e)) g_step = "the probe page's PTE does not show its PFN and P RW US A D (the direct map is elsewhere?)";
  }
  if (!is_err(pg)) sys2(SYS_munmap, pg, PAGE);
  pte_forget();
  if (g_step) {
    g_enabled = 0;
    return scpy(p, g_step), note;
  }
  p = scpy(p, "BPF walker on syscalls/sys_enter_getpgid: ");
  p = fmt_dec(p, pw_levels);
  p = scpy(p, "-level paging, task_struct.mm at ");
  p = fmt_dec(p, (i64)off_mm);
  p = scpy(p, ", mm_struct.pgd at ");
  p = fmt_dec(p, (i64)off_pgd);
  return NULL;
}
