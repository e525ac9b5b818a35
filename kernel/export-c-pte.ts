// The page-table part of an exported reproducer (kernel/export-c.ts): the kernel
// helper's BPF walker (kernel/helper/ptewalk.c) — its program, assembler and BTF lookup
// pasted from kernel/helper/ptewalk-prog.h, the one copy both use (no clang), and the
// loading, reading and checking written here against libc — and the reading of a
// state's pages: PAGEMAP_SCAN (or pagemap) for the present pages, guard markers and zero
// pages, pagemap for PFNs, the walker for each page's PTE, which must map pagemap's PFN.
// Without root, BTF, tracefs or BPF the walker stays off with its reason, and pages are
// present-or-not (with their frames where pagemap shows PFNs).

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROG_H = 'ptewalk-prog.h';

/** kernel/helper/ptewalk-prog.h: next to this module in the sources (tsx), above it from dist/kernel/. */
export function ptewalkProgPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (let dir = here, i = 0; i < 4; i++, dir = dirname(dir)) {
    for (const p of [join(dir, 'helper', PROG_H), join(dir, 'kernel', 'helper', PROG_H)]) if (existsSync(p)) return p;
  }
  throw new Error(`export-c: kernel/helper/${PROG_H} (the BPF walker's program) not found above ${here}`);
}

let walkerC: string | undefined;

/**
 * C source: the walker (the helper's own program, assembler and BTF lookup, read from
 * kernel/helper/ptewalk-prog.h; w_* around it) and the page reading (pg_*). Needs u64,
 * NPROCS and the libc headers of the reproducer.
 */
export function pteWalkerC(): string {
  walkerC ??= WALKER_INTRO + readFileSync(ptewalkProgPath(), 'utf8') + WALKER_LIBC;
  return walkerC;
}

const WALKER_INTRO = String.raw`
/* ---- real PTE bits: the BPF page-table walker of mmdiff's kernel helper ----
 * A BPF_PROG_TYPE_TRACEPOINT program on syscalls/sys_enter_getpgid. A program process
 * registers its mm once with getpgid(0x6d6d << 48 | cookie << 16 | slot); then the
 * coordinator's getpgid(addr | slot) copies the PTE table of slot's mm that covers addr
 * (512 entries, 2 MiB) into the map value, which the coordinator looks up. task_struct.mm
 * and mm_struct.pgd come from /sys/kernel/btf/vmlinux, the depth from /proc/cpuinfo
 * (la57); the direct map base is the default one, checked on a probe page.
 * What follows up to the w_* functions is mmdiff's kernel/helper/ptewalk-prog.h. */
`;

const WALKER_LIBC = String.raw`
/* ---- the walker against libc ---- */
static struct insn wprog[PW_MAXINSN];
static int w_map = -1, w_prog = -1, w_ev = -1, w_on;
static char w_note[320];
static unsigned char wval[V_SIZE];

static const char *btf_offsets(u64 *off_mm, u64 *off_pgd) {
  FILE *f = fopen("/sys/kernel/btf/vmlinux", "rb");
  if (!f) return "cannot read /sys/kernel/btf/vmlinux (no CONFIG_DEBUG_INFO_BTF?)";
  size_t cap = 1 << 20, n = 0, r;
  unsigned char *buf = malloc(cap);
  while (buf && (r = fread(buf + n, 1, cap - n, f)) > 0) {
    n += r;
    if (n == cap) { unsigned char *b = realloc(buf, cap *= 2); if (!b) { free(buf); buf = 0; } else buf = b; }
  }
  fclose(f);
  if (!buf) return "out of memory reading BTF";
  uint64_t icap = n / sizeof(struct btf_type) + 2;
  uint32_t *index = malloc(icap * sizeof *index);
  const char *why = index ? pw_btf_offsets(buf, n, index, icap, off_mm, off_pgd) : "out of memory reading BTF";
  free(index);
  btf_index = 0;
  free(buf); /* before own_memory(): the program processes never see these allocations */
  return why;
}

static long read_id(const char *path) {
  FILE *f = fopen(path, "r");
  long v = -1;
  if (f) { if (fscanf(f, "%ld", &v) != 1) v = -1; fclose(f); }
  return v;
}
/* tracefs is not mounted by default: mount it in a child's private mount namespace */
static long tracepoint_id(void) {
  long id = read_id(PW_ID_PATH);
  if (id > 0) return id;
  id = read_id(PW_ID_PATH_DEBUG);
  if (id > 0) return id;
  int fd[2];
  if (pipe(fd)) return -1;
  pid_t pid = fork();
  if (pid == 0) {
    long v = -1;
    if (!unshare(CLONE_NEWNS) && !mount("none", "/", 0, MS_REC | MS_PRIVATE, 0) && !mount("nodev", "/sys/kernel/tracing", "tracefs", 0, 0)) v = read_id(PW_ID_PATH);
    if (write(fd[1], &v, sizeof v) != sizeof v) _exit(1);
    _exit(0);
  }
  close(fd[1]);
  if (pid < 0 || read(fd[0], &id, sizeof id) != sizeof id) id = -1;
  close(fd[0]);
  if (pid > 0) waitpid(pid, 0, 0);
  return id;
}

static long w_bpf(int cmd, void *attr, unsigned size) { return syscall(321 /* bpf */, cmd, attr, size); }
static int w_value(int update) {
  u64 attr[4] = { (u64)(unsigned)w_map, 0, (u64)(uintptr_t)wval, 0 };
  static uint32_t key;
  attr[1] = (u64)(uintptr_t)&key;
  return (int)w_bpf(update ? 2 /* BPF_MAP_UPDATE_ELEM */ : 1 /* BPF_MAP_LOOKUP_ELEM */, attr, sizeof attr);
}
static void w_register(int slot) {
  if (w_on && (slot < 64 || slot == PW_SLOT_HELLO)) syscall(SYS_getpgid, pw_register_arg((uint32_t)slot));
}
static u64 w_get(unsigned off) { u64 v; memcpy(&v, wval + off, 8); return v; }
static u64 w_base = 1, w_slot;
static uint32_t w_status;
static u64 w_leaf;
/* The PTE of addr in slot's mm (a huge PMD leaf for every page under it); -1 if the walk failed. */
static int w_pte(int slot, u64 addr, u64 *pte) {
  u64 base = addr & ~0x1fffffULL;
  if (base != w_base || (u64)slot != w_slot) {
    if (w_value(0)) return -1;
    memcpy(wval + V_STATUS, &(u64){ ~0ULL }, 8);
    if (w_value(1)) return -1;
    syscall(SYS_getpgid, base | (u64)slot);
    if (w_value(0)) return -1;
    w_status = (uint32_t)w_get(V_STATUS);
    w_leaf = w_get(V_LEAF);
    w_base = base;
    w_slot = (u64)slot;
  }
  if (w_status == ~0U || (w_status & 0x200)) { w_base = 1; return -1; }
  /* else stopped above the PTE level: a huge leaf stands for every page under it */
  *pte = w_status == 0 ? w_get(V_TABLE + 8 * ((addr >> 12) & 511)) : pw_stopped_pte(w_status, w_leaf);
  return 0;
}
static void w_forget(void) { w_base = 1; }

/* In a program process: the walker's descriptors are the coordinator's alone (as the helper's processes have none). */
static void w_close_fds(void) {
  if (w_ev >= 0) close(w_ev);
  if (w_prog >= 0) close(w_prog);
  if (w_map >= 0) close(w_map);
}

/* Starts the walker (before own_memory(): nothing it allocates stays); w_note says how, or why not. */
static void w_init(void) {
  char *p = w_note;
  size_t room = sizeof w_note;
  u64 off_mm = 0, off_pgd = 0;
  const char *why = geteuid() ? "not root" : btf_offsets(&off_mm, &off_pgd);
  if (why) { snprintf(p, room, "%s", why); return; }
  char cpu[1 << 14];
  FILE *f = fopen("/proc/cpuinfo", "r");
  size_t n = f ? fread(cpu, 1, sizeof cpu, f) : 0;
  if (f) fclose(f);
  int la57 = pw_has_la57(cpu, (long)n);
  pw_levels = la57 ? 5 : 4;
  long id = tracepoint_id();
  if (id <= 0) { snprintf(p, room, "no tracepoint syscalls/sys_enter_getpgid (tracefs not mountable, or no CONFIG_FTRACE_SYSCALLS)"); return; }
  uint32_t ma[16] = { 2 /* BPF_MAP_TYPE_ARRAY */, 4, V_SIZE, 1 };
  long map = w_bpf(0 /* BPF_MAP_CREATE */, ma, sizeof ma);
  if (map < 0) { snprintf(p, room, "bpf(BPF_MAP_CREATE) refused (errno %d)", errno); return; }
  w_map = (int)map;
  pw_cookie = pw_new_cookie((u64)getpid());
  memset(wval, 0, sizeof wval);
  u64 po = PW_PAGE_OFFSET(la57);
  memcpy(wval + V_PAGE_OFFSET, &po, 8);
  if (w_value(1)) { snprintf(p, room, "bpf(BPF_MAP_UPDATE_ELEM) refused (errno %d)", errno); return; }
  pw_prog = wprog;
  pw_build(w_map, off_mm, off_pgd);
  if (pw_n >= PW_MAXINSN) { snprintf(p, room, "the walker program is too long"); return; }
  static char vlog[4096];
  union { u64 q[16]; uint32_t w[32]; } pa;
  memset(&pa, 0, sizeof pa);
  pa.w[0] = 5; /* BPF_PROG_TYPE_TRACEPOINT */
  pa.w[1] = pw_n;
  pa.q[1] = (u64)(uintptr_t)wprog;
  pa.q[2] = (u64)(uintptr_t)"GPL";
  memcpy((char *)&pa + 48, "mmdiff_ptewalk", 15);
  long prog = w_bpf(5 /* BPF_PROG_LOAD */, &pa, sizeof pa);
  w_prog = (int)prog;
  if (prog < 0) {
    int e = errno;
    pa.w[6] = 1;
    pa.w[7] = sizeof vlog;
    pa.q[4] = (u64)(uintptr_t)vlog;
    w_bpf(5, &pa, sizeof pa);
    char *last = vlog + strlen(vlog);
    while (last > vlog && last[-1] == '\n') *--last = 0;
    while (last > vlog && last[-1] != '\n') last--;
    snprintf(p, room, "bpf(BPF_PROG_LOAD) refused the walker (errno %d)%s%.120s", e, *last ? ": " : "", last);
    return;
  }
  unsigned char pe[128];
  memset(pe, 0, sizeof pe);
  ((uint32_t *)pe)[0] = 2; /* PERF_TYPE_TRACEPOINT */
  ((uint32_t *)pe)[1] = sizeof pe;
  ((u64 *)pe)[1] = (u64)id;
  ((u64 *)pe)[2] = 1; /* sample_period */
  ((uint32_t *)pe)[12] = 1; /* wakeup_events */
  long ev = syscall(298 /* perf_event_open */, pe, 0, -1, -1, 8 /* PERF_FLAG_FD_CLOEXEC */);
  if (ev < 0) { snprintf(p, room, "perf_event_open(PERF_TYPE_TRACEPOINT) refused (errno %d)", errno); return; }
  w_ev = (int)ev;
  if (ioctl((int)ev, 0x40042408UL /* PERF_EVENT_IOC_SET_BPF */, (int)prog) < 0) { snprintf(p, room, "PERF_EVENT_IOC_SET_BPF refused (errno %d)", errno); return; }
  ioctl((int)ev, 0x2400UL /* PERF_EVENT_IOC_ENABLE */, 0);
  /* claim the walker, register this process in slot 0 (p0 takes it over) and check a probe page */
  w_on = 1;
  w_register(PW_SLOT_HELLO);
  w_register(0);
  why = 0;
  if (w_value(0) || w_get(V_SERVER) != (u64)getpid()) why = "the walker did not run, or sees another tgid (a PID namespace?)";
  else if (w_get(V_REG) != (u64)getpid()) why = "registration failed";
  char *pg = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (!why && pg == MAP_FAILED) why = "mmap of a probe page failed";
  if (!why) {
    *(volatile char *)pg = 1;
    u64 e = 0, pte = 0;
    int pm = open("/proc/self/pagemap", O_RDONLY);
    if (pm < 0 || pread(pm, &e, 8, (off_t)((uintptr_t)pg >> 12) * 8) != 8 || !(e >> 63)) why = "pagemap does not show the probe page";
    else if (w_pte(0, (u64)(uintptr_t)pg, &pte) < 0) why = "the walk faulted (the direct map is not where 4/5-level paging puts it: CONFIG_RANDOMIZE_MEMORY?)";
    else if (!pw_probe_ok(pte, e)) why = "the probe page's PTE does not show its PFN and P RW US A D";
    if (pm >= 0) close(pm);
  }
  if (pg != MAP_FAILED) munmap(pg, 4096);
  w_forget();
  if (why) { w_on = 0; snprintf(p, room, "%s", why); return; }
  snprintf(p, room, "BPF walker on syscalls/sys_enter_getpgid, %u-level paging", pw_levels);
}

/* ---- a state's pages, read by the coordinator while every program process waits ---- */
#define PM_PFN_MASK ((1ULL << 55) - 1)
#define PM_GUARD (1ULL << 58)
#define PM_SWAP (1ULL << 62)
#define PM_PRESENT (1ULL << 63)
#define PAGE_IS_PRESENT (1ULL << 3)
#define PAGE_IS_SWAPPED (1ULL << 4)
#define PAGE_IS_PFNZERO (1ULL << 5)
#define PAGE_IS_GUARD (1ULL << 8)
struct pm_scan_arg { u64 size, flags, start, end, walk_end, vec, vec_len, max_pages, category_inverted, category_mask, category_anyof_mask, return_mask; };
struct page_region { u64 start, end, categories; };
#define PAGEMAP_SCAN 0xC0606610UL
enum { PG_PRESENT = 1, PG_ZERO, PG_GUARD };
struct pg { int32_t proc, kind; u64 addr, pfn, pte; int32_t frame; };
struct vm { int32_t proc, perm; u64 lo, hi; };
static struct pg *PG;
static size_t npg, pgcap;
static struct vm *VM;
static size_t nvm, vmcap;
static int pg_pfns;       /* pagemap shows PFNs (root) */
static u64 zero_pfn;      /* the zero page's PFN where PAGEMAP_SCAN is missing (0: none) */
static int pg_errors;     /* walks that failed or disagreed with pagemap */

static void pg_add(int proc, int kind, u64 addr, u64 pfn) {
  if (npg == pgcap) {
    pgcap = pgcap ? 2 * pgcap : 4096;
    PG = realloc(PG, pgcap * sizeof *PG);
    if (!PG) { fprintf(stderr, "repro: out of memory reading the pages\n"); exit(70); }
  }
  PG[npg++] = (struct pg){ proc, kind, addr, pfn, 0, -1 };
}

/* present pages [s, e) of proc: PFNs from pagemap */
static void pg_present(int proc, int pm, u64 s, u64 e, int zero) {
  static u64 ent[512];
  for (; s < e; ) {
    u64 n = (e - s) >> 12;
    if (n > 512) n = 512;
    if (pread(pm, ent, n * 8, (off_t)(s >> 12) * 8) != (ssize_t)(n * 8)) { fprintf(stderr, "repro: short read of p%d's pagemap\n", proc); pg_errors++; return; }
    for (u64 k = 0; k < n; k++) {
      u64 pfn = ent[k] & PM_PFN_MASK;
      if (!(ent[k] & PM_PRESENT)) continue;
      if (pfn) pg_pfns = 1;
      pg_add(proc, zero || (zero_pfn && pfn == zero_pfn) ? PG_ZERO : PG_PRESENT, s + (k << 12), pfn);
    }
    s += n << 12;
  }
}

static void pg_range(int proc, int pm, u64 lo, u64 hi) {
  struct pm_scan_arg a = { sizeof a, 0, lo, hi, 0, 0, 0, 0, 0, 0, PAGE_IS_PRESENT | PAGE_IS_SWAPPED | PAGE_IS_GUARD, PAGE_IS_PRESENT | PAGE_IS_SWAPPED | PAGE_IS_GUARD | PAGE_IS_PFNZERO };
  static struct page_region vec[512];
  a.vec = (u64)(uintptr_t)vec;
  a.vec_len = 512;
  for (;;) {
    long n = ioctl(pm, PAGEMAP_SCAN, &a);
    if (n < 0) break;
    for (long i = 0; i < n; i++) {
      if (vec[i].categories & PAGE_IS_GUARD) for (u64 x = vec[i].start; x < vec[i].end; x += 4096) pg_add(proc, PG_GUARD, x, 0);
      else if (vec[i].categories & PAGE_IS_PRESENT) pg_present(proc, pm, vec[i].start, vec[i].end, (vec[i].categories & PAGE_IS_PFNZERO) != 0);
    }
    if (a.walk_end >= hi || !a.walk_end) return;
    a.start = a.walk_end;
  }
  /* no PAGEMAP_SCAN (before 6.7): pagemap over the rest of the range, up to 2^20 pages */
  lo = a.start;
  if (((hi - lo) >> 12) > (1 << 20)) { fprintf(stderr, "repro: p%d: a VMA too large to read without PAGEMAP_SCAN\n", proc); pg_errors++; return; }
  static u64 ent[512];
  for (u64 s = lo; s < hi;) {
    u64 n = (hi - s) >> 12;
    if (n > 512) n = 512;
    if (pread(pm, ent, n * 8, (off_t)(s >> 12) * 8) != (ssize_t)(n * 8)) { pg_errors++; return; }
    for (u64 k = 0; k < n; k++) {
      if (ent[k] & PM_PRESENT) pg_present(proc, pm, s + (k << 12), s + ((k + 1) << 12), 0);
      else if (ent[k] & PM_GUARD) pg_add(proc, PG_GUARD, s + (k << 12), 0);
    }
    s += n << 12;
  }
}

/* The PTE of each page (with the walker), which must map the PFN pagemap shows. */
static void pg_ptes(int proc, size_t from) {
  for (size_t i = from; i < npg; i++) {
    struct pg *g = &PG[i];
    if (g->kind == PG_GUARD || !w_on) continue;
    u64 pte = 0;
    if (w_pte(proc, g->addr, &pte) < 0) { fprintf(stderr, "repro: the BPF walk of p%d 0x%llx failed\n", proc, (unsigned long long)g->addr); pg_errors++; continue; }
    /* a PROT_NONE entry holds the inverted PFN; a 2 MiB leaf maps the page's sub-frame */
    u64 f = ((pte & 1) ? pte : ~pte) & PW_PFN_MASK;
    if (pte & 0x80) f = (f & ~0x1fffffULL) + (g->addr & 0x1ff000);
    if (!(pte & 0x101) || (pg_pfns && (f >> 12) != g->pfn)) {
      fprintf(stderr, "repro: p%d 0x%llx: the PTE read through BPF (0x%llx) does not map the frame pagemap shows (pfn 0x%llx)\n", proc, (unsigned long long)g->addr, (unsigned long long)pte, (unsigned long long)g->pfn);
      pg_errors++;
    }
    g->pte = pte;
  }
}

/* Canonical frame ids: in order of first appearance, processes by number, pages by address. */
static void pg_frames(void) {
  size_t cap = 64;
  while (cap < 2 * npg) cap *= 2;
  struct { u64 pfn; int32_t id, used; } *h = calloc(cap, sizeof *h);
  int next = 0;
  if (!h) { fprintf(stderr, "repro: out of memory numbering frames\n"); exit(70); }
  for (size_t i = 0; i < npg; i++) {
    if (PG[i].kind != PG_PRESENT) continue;
    size_t k = (size_t)((PG[i].pfn * 0x9e3779b97f4a7c15ULL) >> 20) & (cap - 1);
    while (h[k].used && h[k].pfn != PG[i].pfn) k = (k + 1) & (cap - 1);
    if (!h[k].used) { h[k].used = 1; h[k].pfn = PG[i].pfn; h[k].id = next++; }
    PG[i].frame = h[k].id;
  }
  free(h);
}

/* Zero page's PFN for the pagemap fallback: a read of a fresh private page (0 where the
 * kernel gives an exclusive page instead, as a pvm_no_zero_page=1 guest does). */
static void pg_probe_zero(void) {
  volatile char *z = mmap(0, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (z == MAP_FAILED) return;
  (void)*z;
  u64 e = 0;
  int pm = open("/proc/self/pagemap", O_RDONLY);
  if (pm >= 0 && pread(pm, &e, 8, (off_t)((uintptr_t)z >> 12) * 8) == 8 && (e & PM_PRESENT) && !(e & (1ULL << 56))) zero_pfn = e & PM_PFN_MASK;
  if (pm >= 0) close(pm);
  munmap((void *)z, 4096);
}
`;
