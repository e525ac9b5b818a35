// mmdiff-helper: runs mmdiff programs on the live kernel (kernel/README.md).
//
// Start: set RLIMIT_STACK to 8 MiB and ADDR_NO_RANDOMIZE, re-exec once with an empty
// environment (so mmap_base is 0x7ffff7fff000 and the stack VMA's size is fixed), then
// shape the address space: remove [vvar]/[vvar_vclock]/[vdso] (the helper needs no
// vDSO; x86-64 signal return goes through SA_RESTORER), map the shared IO area, and
// report the layout in a HELLO. Then serve: read PROGRAM messages from stdin, run each
// in fresh forked processes (run.c), write a REPLY per program to stdout.
#include "smaps.h"
#include "ptewalk.h"

struct layout L;
static u64 in_len, in_pos, out_len;

static int g_keep_thp;
/* --no-pte: do not load the BPF page-table walker */
static int g_no_pte;
static char g_pte_note[200];
/* --cpu=N: the CPU the helper and all its processes run on, or -1 */
static long g_cpu = -1;
static char *g_cpu_arg;

static void stage1(int keep_thp) {
  struct rlimit_k rl;
  long r = sys2(SYS_getrlimit, RLIMIT_STACK, &rl);
  if (r < 0) die("getrlimit(RLIMIT_STACK)", r);
  if (rl.max < 0x800000UL) die("RLIMIT_STACK hard limit below 8 MiB", 0);
  rl.cur = 0x800000UL;
  r = sys2(SYS_setrlimit, RLIMIT_STACK, &rl);
  if (r < 0) die("setrlimit(RLIMIT_STACK, 8 MiB)", r);
  long pers = sys1(SYS_personality, 0xffffffffUL);
  r = sys1(SYS_personality, (u64)pers | ADDR_NO_RANDOMIZE);
  if (r < 0) die("personality(ADDR_NO_RANDOMIZE)", r);
  static char a0[] = "mmdiff-helper", a1[] = "--server", a2[] = "--thp", a3[] = "--no-pte";
  char *argv[5] = {a0, a1, NULL, NULL, NULL};
  int n = 2;
  if (keep_thp) argv[n++] = a2;
  if (g_cpu_arg) argv[n++] = g_cpu_arg;
  if (g_no_pte) argv[n++] = a3;
  char *envp[] = {NULL};
  r = sys3(SYS_execve, "/proc/self/exe", argv, envp);
  die("execve(/proc/self/exe)", r);
}

static int drop_system_vma(struct vma_info *v, void *ctx) {
  (void)ctx;
  if (name_is(v, "[vvar]") || name_is(v, "[vvar_vclock]") || name_is(v, "[vdso]")) {
    if (v->flags & VMF_SEALED) die("the vDSO mappings are sealed (sl); cannot give programs the top of the mmap area", 0);
    long r = sys2(SYS_munmap, v->start, v->end - v->start);
    if (r < 0) die("munmap of a vDSO mapping", r);
  }
  return 0;
}

static int collect_vma(struct vma_info *v, void *ctx) {
  (void)ctx;
  if (v->start >= TASK_SIZE) return 0; /* [vsyscall]: not a VMA of the mm */
  if (L.nvma >= 8) die("too many helper VMAs", 0);
  L.vma[L.nvma].start = v->start;
  L.vma[L.nvma].end = v->end;
  L.vma[L.nvma].prot = v->prot;
  L.vma[L.nvma].flags = v->flags;
  L.nvma++;
  return 0;
}

static u64 read_sysctl(const char *path, u64 dflt) {
  char buf[64];
  if (read_file(path, buf, sizeof buf) <= 0) return dflt;
  const char *p = buf;
  return parse_dec(&p);
}

static void cpuid7(u32 *ecx) {
  u32 a = 7, b, c = 0, d;
  __asm__ volatile("cpuid" : "+a"(a), "=b"(b), "+c"(c), "=d"(d));
  *ecx = c;
}

static void setup(void) {
  long pers = sys1(SYS_personality, 0xffffffffUL);
  if (!(pers & ADDR_NO_RANDOMIZE)) die("ADDR_NO_RANDOMIZE did not survive the re-exec", 0);
  sys2(SYS_prctl, PR_SET_CHILD_SUBREAPER, 1);
  /* The model has no huge pages: no THP (and no khugepaged) for the helper's processes,
   * unless the driver asked to keep the system's THP setting (--thp). */
  if (!g_keep_thp && sys5(SYS_prctl, PR_SET_THP_DISABLE, 1, 0, 0, 0) == 0) L.features |= FEAT_THP_DISABLED;
  /* One CPU for the helper and every process it forks: some effects go through per-CPU
   * batches drained only by the CPU that queued them (MADV_FREE's lazyfree mark,
   * mm/swap.c: folio_mark_lazyfree), so a program that migrates between two calls can
   * see another outcome (a lazyfree page surviving MADV_PAGEOUT). */
  if (g_cpu >= 0 && g_cpu < 1024) {
    u64 mask[16] = {0};
    mask[g_cpu / 64] = 1UL << (g_cpu % 64);
    long r = sys3(SYS_sched_setaffinity, 0, sizeof mask, (long)mask);
    if (r < 0) die("sched_setaffinity(--cpu)", r);
  }

  long io = sys6(SYS_mmap, IOBASE, IOSIZE, PROT_READ | PROT_WRITE,
                 MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE | MAP_NORESERVE, -1, 0);
  if ((u64)io != IOBASE) die("cannot map the IO area at 0x7ffffb000000", is_err(io) ? io : 0);

  if (smaps_each(0, drop_system_vma, NULL) < 0) die("cannot read /proc/self/smaps", 0);

  struct k_sigaction sa = {(void *)on_signal, SA_SIGINFO | SA_RESTORER, (void *)restore_rt, 0};
  int sigs[] = {SIGSEGV, SIGBUS, SIGILL};
  for (int i = 0; i < 3; i++) {
    long r = sys4(SYS_rt_sigaction, sigs[i], &sa, NULL, 8);
    if (r < 0) die("rt_sigaction", r);
  }

  u32 ecx;
  cpuid7(&ecx);
  L.pku = (ecx >> 4) & 1; /* OSPKE: the OS enabled protection keys */
  if (L.pku) L.features |= FEAT_PKU;
  L.pkru_init = L.pku ? rdpkru_insn() : 0;
  /* between ops the helper runs with every key allowed (start.S) */
  if (L.pku) wrpkru_insn(0);

  /* mmap_base: the first top-down mapping lands right below it (nothing is mapped there now) */
  long a = sys6(SYS_mmap, 0, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (is_err(a)) die("mmap probe", a);
  L.mmap_base = (u64)a + PAGE;
  /* the zero page's PFN: a read fault of private anonymous memory maps it */
  probe_read1((u64)a);
  if (g_fault_sig) die("reading the probe page faulted", 0);
  int pm = open_ro("/proc/self/pagemap");
  if (pm < 0) die("open /proc/self/pagemap", pm);
  u64 e = 0;
  long r = sys4(SYS_pread64, pm, &e, 8, ((u64)a >> 12) * 8);
  sys1(SYS_close, pm);
  if (r != 8 || !(e & PM_PRESENT)) die("pagemap does not show the probe page", r < 0 ? r : 0);
  if (!(e & PM_PFN_MASK)) die("pagemap shows no PFNs (CAP_SYS_ADMIN needed)", 0);
  /* an exclusively mapped page: this kernel forbids the zero page (mm_forbids_zeropage,
     pvm_no_zero_page=1); 0 then stands for "no zero page" (no user page has PFN 0) */
  L.zero_pfn = (e & PM_MMAP_EXCLUSIVE) ? 0 : e & PM_PFN_MASK;
  sys2(SYS_munmap, a, PAGE);

  /* PAGEMAP_SCAN with PAGE_IS_GUARD (Linux 6.14+)? */
  {
    struct pm_scan_arg arg;
    memset(&arg, 0, sizeof arg);
    arg.size = sizeof arg;
    arg.start = IOBASE;
    arg.end = IOBASE + PAGE;
    arg.vec = (u64)SCANVEC;
    arg.vec_len = 1;
    arg.category_anyof_mask = PAGE_IS_PRESENT | PAGE_IS_GUARD;
    arg.return_mask = PAGE_IS_PRESENT | PAGE_IS_GUARD;
    pm = open_ro("/proc/self/pagemap");
    if (sys3(SYS_ioctl, pm, PAGEMAP_SCAN, &arg) >= 0) L.features |= FEAT_PAGEMAP_SCAN_GUARD;
    sys1(SYS_close, pm);
  }

  L.max_map_count = (u32)read_sysctl("/proc/sys/vm/max_map_count", 65530);
  L.dac_mmap_min_addr = read_sysctl("/proc/sys/vm/mmap_min_addr", 4096);
  /* The mmap_min_addr placement uses is max(the sysctl, CONFIG_LSM_MMAP_MIN_ADDR)
   * (security/min_addr.c: update_mmap_min_addr); measure it: a hint below it is
   * rounded up to it (mm/mmap.c: round_hint_to_min) and then used, the range being free. */
  a = sys6(SYS_mmap, PAGE, PAGE, 0, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (is_err(a)) die("mmap_min_addr probe", a);
  L.mmap_min_addr = (u64)a == PAGE || (u64)a >= 0x100000000UL ? L.dac_mmap_min_addr : (u64)a;
  sys2(SYS_munmap, a, PAGE);
  L.overcommit = (u32)read_sysctl("/proc/sys/vm/overcommit_memory", 0);
  struct sysinfo_k si;
  memset(&si, 0, sizeof si);
  if (sys1(SYS_sysinfo, &si) == 0) L.commit_limit = (si.totalram + si.totalswap) * (si.mem_unit ? si.mem_unit : 1);

}


/* The helper's own stack: a private mapping of a memfd below the IO area (file-backed,
 * so no anonymous VMA a program maps next to it can merge with it). The exec-time
 * [stack] at the top of the address space is unmapped: programs get the top pages. */
#define STACKSIZE 0x40000UL
#define STACKBASE (IOBASE - STACKSIZE)

static int drop_exec_stack(struct vma_info *v, void *ctx) {
  (void)ctx;
  if (v->flags & VMF_GROWSDOWN) {
    long r = sys2(SYS_munmap, v->start, v->end - v->start);
    if (r < 0) die("munmap of the exec-time stack", r);
  }
  return 0;
}

/* Runs on the new stack: the final layout, then serving. */
static void serve(void) __attribute__((noreturn, used, noinline));

static void finish_layout(void) {
  if (smaps_each(0, drop_exec_stack, NULL) < 0) die("cannot read /proc/self/smaps", 0);
  if (smaps_each(0, collect_vma, NULL) < 0) die("cannot read /proc/self/smaps", 0);
  L.brk = (u64)sys1(SYS_brk, 0);
  /* Zones refused to programs: every helper VMA. */
  for (u32 i = 0; i < L.nvma; i++) {
    L.zone[L.nzone].start = L.vma[i].start;
    L.zone[L.nzone].end = L.vma[i].end;
    L.nzone++;
    if (L.vma[i].end > L.mmap_base && L.vma[i].start < L.mmap_base) die("a helper VMA straddles mmap_base", 0);
    if (L.vma[i].flags & VMF_GROWSDOWN) die("the exec-time stack is still mapped", 0);
  }
  if (IOBASE < L.mmap_base) die("the IO area is below mmap_base", 0);
}

/* ---- output ---- */

static void flush_out(void) {
  if (out_len && write_all(1, OUTBUF, out_len) < 0) sys1(SYS_exit_group, 0); /* the driver went away */
  out_len = 0;
}

static u8 *w;
static void w32(u32 v) { memcpy(w, &v, 4); w += 4; }
static void w64(u64 v) { memcpy(w, &v, 8); w += 8; }

static void hello(void) {
  u8 *start = OUTBUF + out_len;
  w = start + 8;
  w32(PROTO_VERSION);
  w32(L.features);
  w64(PAGE);
  w64(L.mmap_base);
  w64(L.brk);
  w32(L.pkru_init);
  w32(L.max_map_count);
  w64(L.mmap_min_addr);
  w64(L.dac_mmap_min_addr);
  w32(L.overcommit);
  w32(0);
  w64(L.commit_limit);
  w64(L.zero_pfn);
  w32(L.nvma);
  w32(0);
  for (u32 i = 0; i < L.nvma; i++) {
    w64(L.vma[i].start);
    w64(L.vma[i].end);
    w32(L.vma[i].prot);
    w32(L.vma[i].flags);
  }
  char uts[65 * 6];
  memset(uts, 0, sizeof uts);
  sys1(SYS_uname, uts);
  u32 n = (u32)slen(uts + 65 * 2);
  w32(n);
  memcpy(w, uts + 65 * 2, n);
  w += n;
  n = (u32)slen(g_pte_note);
  w32(n);
  memcpy(w, g_pte_note, n);
  w += n;
  u32 len = (u32)(w - start - 8);
  u32 type = MSG_HELLO;
  memcpy(start, &type, 4);
  memcpy(start + 4, &len, 4);
  out_len += 8 + len;
  flush_out();
}

/* ---- input ---- */

/* Have n bytes at INBUF[in_pos]; returns 0 at end of input. */
static int ensure(u64 n) {
  if (in_len - in_pos >= n) return 1;
  if (n > INBUF_SIZE) die("a request is larger than the input buffer", 0);
  if (in_pos) {
    u64 rest = in_len - in_pos;
    for (u64 i = 0; i < rest; i++) INBUF[i] = INBUF[in_pos + i];
    in_len = rest;
    in_pos = 0;
  }
  while (in_len < n) {
    flush_out(); /* answer everything done so far before blocking */
    long r = sys3(SYS_read, 0, INBUF + in_len, INBUF_SIZE - in_len);
    if (r == -4) continue;
    if (r <= 0) return 0;
    in_len += (u64)r;
  }
  return 1;
}

u8 *reply_space(u64 *cap) {
  if (OUTBUF_SIZE - out_len < OUTBUF_SIZE / 2) flush_out();
  *cap = OUTBUF_SIZE - out_len;
  return OUTBUF + out_len;
}

void reply_done(u64 n) { out_len += n; }

int decode_program(const u8 *p, u64 len, u32 *id);

void start_c(u64 *sp) {
  long argc = (long)sp[0];
  char **argv = (char **)(sp + 1);
  int thp = 0;
  for (long i = 1; i < argc; i++) {
    if (sstarts(argv[i], "--thp")) thp = 1;
    if (sstarts(argv[i], "--no-pte")) g_no_pte = 1;
    if (sstarts(argv[i], "--cpu=")) {
      const char *p = argv[i] + 6;
      g_cpu = (long)parse_dec(&p);
      g_cpu_arg = argv[i];
    }
  }
  if (argc < 2 || !sstarts(argv[1], "--server")) stage1(thp);
  g_keep_thp = thp;
  g_is_server = 1;
  setup();
  long fd = sys2(SYS_memfd_create, "mmdiff-stack", 1 /* MFD_CLOEXEC */);
  if (fd < 0) die("memfd_create", fd);
  long r = sys2(SYS_ftruncate, fd, STACKSIZE);
  if (r < 0) die("ftruncate of the stack memfd", r);
  long st = sys6(SYS_mmap, STACKBASE, STACKSIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_FIXED_NOREPLACE, fd, 0);
  if ((u64)st != STACKBASE) die("cannot map the helper's stack", is_err(st) ? st : 0);
  sys1(SYS_close, fd);
  __asm__ volatile("mov %0, %%rsp\n\tcall serve" : : "r"(STACKBASE + STACKSIZE) : "memory");
  __builtin_unreachable();
}

static void serve(void) {
  finish_layout();
  /* after the layout: the walker's map is the server's only (MADV_DONTFORK), not a helper VMA of the programs */
  if (!pte_init(g_no_pte, g_pte_note, sizeof g_pte_note)) L.features |= FEAT_PTE_BITS;
  hello();
  for (;;) {
    if (!ensure(8)) break;
    u32 type, len;
    memcpy(&type, INBUF + in_pos, 4);
    memcpy(&len, INBUF + in_pos + 4, 4);
    if (!ensure(8 + (u64)len)) break;
    if (type != MSG_PROGRAM) die("unknown message type", 0);
    u32 id;
    if (decode_program(INBUF + in_pos + 8, len, &id) < 0) die("malformed PROGRAM message", 0);
    in_pos += 8 + (u64)len;
    run_program_reply(id);
  }
  flush_out();
  sys1(SYS_exit_group, 0);
  __builtin_unreachable();
}
