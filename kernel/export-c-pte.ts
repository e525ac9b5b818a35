// The page-table part of an exported reproducer (kernel/export-c.ts): the kernel
// helper's BPF walker (kernel/helper/ptewalk.c — the same program, assembled from the
// same instruction templates, no clang) rewritten against libc, and the reading of a
// state's pages: PAGEMAP_SCAN (or pagemap) for the present pages, guard markers and zero
// pages, pagemap for PFNs, the walker for each page's PTE, which must map pagemap's PFN.
// Without root, BTF, tracefs or BPF the walker stays off with its reason, and pages are
// present-or-not (with their frames where pagemap shows PFNs).

/** C source: the walker (w_*) and the page reading (pg_*). Needs u64, NPROCS and the libc headers of the reproducer. */
export const PTE_WALKER_C = String.raw`
/* ---- real PTE bits: the BPF page-table walker of mmdiff's kernel helper ----
 * A BPF_PROG_TYPE_TRACEPOINT program on syscalls/sys_enter_getpgid. A program process
 * registers its mm once with getpgid(0x6d6d << 48 | cookie << 16 | slot); then the
 * coordinator's getpgid(addr | slot) copies the PTE table of slot's mm that covers addr
 * (512 entries, 2 MiB) into the map value, which the coordinator looks up. task_struct.mm
 * and mm_struct.pgd come from /sys/kernel/btf/vmlinux, the depth from /proc/cpuinfo
 * (la57); the direct map base is the default one, checked on a probe page. */
#define W_MAGIC 0x6d6dULL
#define W_HELLO 0xffff
#define W_PFN 0x000ffffffffff000ULL
enum { V_SERVER = 0, V_PAGE_OFFSET = 8, V_STATUS = 16, V_LEAF = 24, V_REG = 64, V_TABLE = 2048, V_SIZE = 6144 };
struct insn { uint8_t code, regs; int16_t off; int32_t imm; };
enum { R0, R1, R2, R3, R4, R5, R6, R7, R8, R9, R10 };
#define I(c, d, s, o, k) {(uint8_t)(c), (uint8_t)((d) | (s) << 4), (int16_t)(o), (int32_t)(k)}
#define MOV_K(d, k) I(0xb7, d, 0, 0, k)
#define MOV_X(d, s) I(0xbf, d, s, 0, 0)
#define ADD_K(d, k) I(0x07, d, 0, 0, k)
#define ADD_X(d, s) I(0x0f, d, s, 0, 0)
#define AND_K(d, k) I(0x57, d, 0, 0, k)
#define AND_X(d, s) I(0x5f, d, s, 0, 0)
#define LSH_K(d, k) I(0x67, d, 0, 0, k)
#define RSH_K(d, k) I(0x77, d, 0, 0, k)
#define LDX_DW(d, s, o) I(0x79, d, s, o, 0)
#define STX_DW(d, o, s) I(0x7b, d, s, o, 0)
#define ST_DW(d, o, k) I(0x7a, d, 0, o, k)
#define ST_W(d, o, k) I(0x62, d, 0, o, k)
#define CALL(f) I(0x85, 0, 0, 0, f)
#define EXIT() I(0x95, 0, 0, 0, 0)
#define LD64(d, src, lo) I(0x18, d, src, 0, lo), I(0, 0, 0, 0, 0)
#define JL(l) (-1000 - (l))
#define JEQ_K(d, k, l) I(0x15, d, 0, JL(l), k)
#define JNE_K(d, k, l) I(0x55, d, 0, JL(l), k)
#define JNE_X(d, s, l) I(0x5d, d, s, JL(l), 0)
#define JGE_K(d, k, l) I(0x35, d, 0, JL(l), k)
#define JA(l) I(0x05, 0, 0, JL(l), 0)
#define LABEL(l) I(0xff, 0, 0, 0, l)
enum { L_OUT, L_WALK, L_HELLO, NLABELS };
enum { X_COOKIE = 0x7e000001, X_OFF_MM, X_OFF_PGD, X_SHIFT, X_FAIL, X_STOP, X_MAPFD, X_LAST_FAIL };
enum { F_MAP_LOOKUP = 1, F_PID_TGID = 14, F_CURRENT_TASK = 35, F_PROBE_READ_KERNEL = 113 };

static const struct insn W_HEAD[] = {
  LDX_DW(R6, R1, 16),
  CALL(F_PID_TGID), MOV_X(R7, R0), RSH_K(R7, 32),
  ST_W(R10, -4, 0), MOV_X(R2, R10), ADD_K(R2, -4),
  I(0x18, R1, 1, 0, X_MAPFD), I(0, 0, 0, 0, 0),
  CALL(F_MAP_LOOKUP), JEQ_K(R0, 0, L_OUT), MOV_X(R8, R0),
  MOV_X(R1, R6), RSH_K(R1, 48), JNE_K(R1, W_MAGIC, L_WALK),
  MOV_X(R1, R6), LSH_K(R1, 16), RSH_K(R1, 32), JNE_K(R1, X_COOKIE, L_OUT),
  MOV_X(R1, R6), AND_K(R1, 0xffff), JEQ_K(R1, W_HELLO, L_HELLO), JGE_K(R1, 64, L_OUT),
  LSH_K(R1, 4), ADD_X(R1, R8), STX_DW(R1, V_REG, R7), MOV_X(R9, R1),
  CALL(F_CURRENT_TASK), MOV_X(R3, R0), ADD_K(R3, X_OFF_MM),
  MOV_X(R1, R9), ADD_K(R1, V_REG + 8), MOV_K(R2, 8),
  CALL(F_PROBE_READ_KERNEL),
  JA(L_OUT),
  LABEL(L_HELLO), LDX_DW(R1, R8, V_SERVER), JNE_K(R1, 0, L_OUT), STX_DW(R8, V_SERVER, R7), JA(L_OUT),
  LABEL(L_WALK), LDX_DW(R1, R8, V_SERVER), JNE_X(R1, R7, L_OUT),
  ST_DW(R8, V_STATUS, 0x200),
  MOV_X(R1, R6), AND_K(R1, 63), LSH_K(R1, 4), ADD_X(R1, R8),
  LDX_DW(R3, R1, V_REG + 8), ADD_K(R3, X_OFF_PGD),
  MOV_X(R1, R10), ADD_K(R1, -16), MOV_K(R2, 8), CALL(F_PROBE_READ_KERNEL), JNE_K(R0, 0, L_OUT),
  LDX_DW(R9, R10, -16),
};
static const struct insn W_LEVEL[] = {
  ST_DW(R8, V_STATUS, X_FAIL),
  MOV_X(R3, R6), RSH_K(R3, X_SHIFT), AND_K(R3, 511), LSH_K(R3, 3), ADD_X(R3, R9),
  MOV_X(R1, R10), ADD_K(R1, -16), MOV_K(R2, 8), CALL(F_PROBE_READ_KERNEL), JNE_K(R0, 0, L_OUT),
  LDX_DW(R1, R10, -16), STX_DW(R8, V_LEAF, R1), ST_DW(R8, V_STATUS, X_STOP),
  MOV_X(R2, R1), AND_K(R2, 1), JEQ_K(R2, 0, L_OUT),
  MOV_X(R2, R1), AND_K(R2, 0x80), JNE_K(R2, 0, L_OUT),
  MOV_X(R9, R1), LD64(R2, 0, (int32_t)0xfffff000), AND_X(R9, R2),
  LDX_DW(R2, R8, V_PAGE_OFFSET), ADD_X(R9, R2),
};
static const struct insn W_TAIL[] = {
  ST_DW(R8, V_STATUS, X_LAST_FAIL),
  MOV_X(R1, R8), ADD_K(R1, V_TABLE), MOV_K(R2, 4096), MOV_X(R3, R9),
  CALL(F_PROBE_READ_KERNEL), JNE_K(R0, 0, L_OUT),
  ST_DW(R8, V_STATUS, 0),
  LABEL(L_OUT), MOV_K(R0, 0), EXIT(),
};

static struct insn wprog[160];
static unsigned wn, w_levels;
static u64 w_cookie;
static int w_map = -1, w_prog = -1, w_ev = -1, w_on;
static char w_note[320];
static unsigned char wval[V_SIZE];

static void w_add(const struct insn *t, unsigned n, unsigned lv, u64 off_mm, u64 off_pgd) {
  for (unsigned i = 0; i < n && wn < sizeof wprog / sizeof wprog[0]; i++) {
    struct insn x = t[i];
    switch (x.imm) {
    case X_COOKIE: x.imm = (int32_t)w_cookie; break;
    case X_OFF_MM: x.imm = (int32_t)off_mm; break;
    case X_OFF_PGD: x.imm = (int32_t)off_pgd; break;
    case X_SHIFT: x.imm = (int32_t)(12 + 9 * (w_levels - 1 - lv)); break;
    case X_FAIL: x.imm = (int32_t)(0x200 | lv); break;
    case X_STOP: x.imm = (int32_t)(0x100 | lv); break;
    case X_LAST_FAIL: x.imm = (int32_t)(0x200 | (w_levels - 1)); break;
    case X_MAPFD: x.imm = w_map; break;
    }
    if (x.code == 0x57 && x.imm == 0x80 && lv + 3 < w_levels) x.imm = 0; /* pgd, p4d: bit 7 is not PSE */
    if (x.code == 0xff) continue;
    if (i && t[i - 1].code == 0x18 && t[i - 1].imm == (int32_t)0xfffff000) x.imm = (int32_t)(W_PFN >> 32);
    wprog[wn++] = x;
  }
}

static void w_build(u64 off_mm, u64 off_pgd) {
  wn = 0;
  w_add(W_HEAD, sizeof W_HEAD / sizeof W_HEAD[0], 0, off_mm, off_pgd);
  for (unsigned lv = 0; lv + 1 < w_levels; lv++) w_add(W_LEVEL, sizeof W_LEVEL / sizeof W_LEVEL[0], lv, off_mm, off_pgd);
  w_add(W_TAIL, sizeof W_TAIL / sizeof W_TAIL[0], 0, off_mm, off_pgd);
  unsigned label_at[NLABELS], pos = 0;
  for (unsigned i = 0; i < sizeof W_HEAD / sizeof W_HEAD[0]; i++) {
    if (W_HEAD[i].code == 0xff) label_at[W_HEAD[i].imm] = pos;
    else pos++;
  }
  label_at[L_OUT] = wn - 2;
  for (unsigned i = 0; i < wn; i++) {
    int o = wprog[i].off;
    if (wprog[i].code != 0x18 && (wprog[i].code & 7) == 5 && o <= -1000) wprog[i].off = (int16_t)((int)label_at[-1000 - o] - (int)i - 1);
  }
}

/* BTF: a struct member's byte offset (members of anonymous structs and unions too) */
struct btf_header { uint16_t magic; uint8_t version, flags; uint32_t hdr_len, type_off, type_len, str_off, str_len; };
struct btf_type { uint32_t name_off, info, size_or_type; };
struct btf_member { uint32_t name_off, type, offset; };
static const unsigned char *btf_types, *btf_strs;
static uint32_t *btf_index, btf_ntypes, btf_strlen;
#define BTF_KIND(t) (((t)->info >> 24) & 0x1f)
#define BTF_VLEN(t) ((t)->info & 0xffff)

static long btf_extra(unsigned kind, unsigned vlen) {
  switch (kind) {
  case 1: case 14: case 17: return 4;
  case 3: return 12;
  case 4: case 5: case 15: case 19: return 12L * vlen;
  case 6: case 13: return 8L * vlen;
  case 2: case 7: case 8: case 9: case 10: case 11: case 12: case 16: case 18: return 0;
  }
  return -1;
}
static const struct btf_type *btf_type(uint32_t id) {
  return id && id <= btf_ntypes ? (const struct btf_type *)(btf_types + btf_index[id]) : 0;
}
static const char *btf_name(uint32_t off) { return off < btf_strlen ? (const char *)btf_strs + off : ""; }
static long member_bits(const struct btf_type *t, const char *m, int depth) {
  if (depth > 8) return -1;
  const struct btf_member *mem = (const struct btf_member *)(t + 1);
  int kflag = (t->info >> 31) & 1;
  for (unsigned i = 0; i < BTF_VLEN(t); i++) {
    long off = kflag ? (long)(mem[i].offset & 0xffffff) : (long)mem[i].offset;
    if (mem[i].name_off && !strcmp(btf_name(mem[i].name_off), m)) return off;
    if (!mem[i].name_off) {
      const struct btf_type *s = btf_type(mem[i].type);
      while (s && ((BTF_KIND(s) >= 8 && BTF_KIND(s) <= 11) || BTF_KIND(s) == 18)) s = btf_type(s->size_or_type);
      if (s && (BTF_KIND(s) == 4 || BTF_KIND(s) == 5)) {
        long r = member_bits(s, m, depth + 1);
        if (r >= 0) return r + off;
      }
    }
  }
  return -1;
}
static long struct_member(const char *s, const char *m) {
  for (uint32_t id = 1; id <= btf_ntypes; id++) {
    const struct btf_type *t = btf_type(id);
    if (BTF_KIND(t) == 4 && BTF_VLEN(t) && !strcmp(btf_name(t->name_off), s)) {
      long bits = member_bits(t, m, 0);
      return bits >= 0 && bits % 8 == 0 ? bits / 8 : -1;
    }
  }
  return -1;
}
static const char *btf_offsets(u64 *off_mm, u64 *off_pgd) {
  static const char *why;
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
  const struct btf_header *h = (const struct btf_header *)buf;
  why = 0;
  if (n < sizeof *h || h->magic != 0xeb9f) why = "/sys/kernel/btf/vmlinux is not BTF";
  else if ((u64)h->hdr_len + h->type_off + h->type_len > n || (u64)h->hdr_len + h->str_off + h->str_len > n) why = "BTF sections beyond the file";
  if (!why) {
    btf_types = buf + h->hdr_len + h->type_off;
    btf_strs = buf + h->hdr_len + h->str_off;
    btf_strlen = h->str_len;
    btf_index = malloc((h->type_len / sizeof(struct btf_type) + 2) * sizeof *btf_index);
    btf_ntypes = 0;
    for (u64 o = 0; btf_index && !why && o + sizeof(struct btf_type) <= h->type_len;) {
      const struct btf_type *t = (const struct btf_type *)(btf_types + o);
      long extra = btf_extra(BTF_KIND(t), BTF_VLEN(t));
      if (extra < 0) why = "an unknown BTF kind";
      btf_index[++btf_ntypes] = (uint32_t)o;
      o += sizeof(struct btf_type) + (u64)extra;
    }
    if (!btf_index) why = "out of memory reading BTF";
    long a = why ? -1 : struct_member("task_struct", "mm"), b = why ? -1 : struct_member("mm_struct", "pgd");
    if (!why && (a < 0 || b < 0)) why = "BTF has no task_struct.mm or mm_struct.pgd";
    *off_mm = (u64)a;
    *off_pgd = (u64)b;
  }
  free(btf_index);
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
#define W_ID_PATH "/sys/kernel/tracing/events/syscalls/sys_enter_getpgid/id"
/* tracefs is not mounted by default: mount it in a child's private mount namespace */
static long tracepoint_id(void) {
  long id = read_id(W_ID_PATH);
  if (id > 0) return id;
  id = read_id("/sys/kernel/debug/tracing/events/syscalls/sys_enter_getpgid/id");
  if (id > 0) return id;
  int fd[2];
  if (pipe(fd)) return -1;
  pid_t pid = fork();
  if (pid == 0) {
    long v = -1;
    if (!unshare(CLONE_NEWNS) && !mount("none", "/", 0, MS_REC | MS_PRIVATE, 0) && !mount("nodev", "/sys/kernel/tracing", "tracefs", 0, 0)) v = read_id(W_ID_PATH);
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
  if (w_on && (slot < 64 || slot == W_HELLO)) syscall(SYS_getpgid, W_MAGIC << 48 | w_cookie << 16 | (u64)slot);
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
  if (w_status == 0) { *pte = w_get(V_TABLE + 8 * ((addr >> 12) & 511)); return 0; }
  /* stopped above the PTE level: a PMD or PUD leaf (PSE) present to the kernel with P or PROTNONE */
  unsigned level = w_status & 0xff;
  *pte = level + 3 >= w_levels && (w_leaf & 0x80) && (w_leaf & 0x101) ? w_leaf : 0;
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
  size_t n = f ? fread(cpu, 1, sizeof cpu - 1, f) : 0;
  if (f) fclose(f);
  cpu[n] = 0;
  int la57 = strstr(cpu, " la57") != 0;
  w_levels = la57 ? 5 : 4;
  long id = tracepoint_id();
  if (id <= 0) { snprintf(p, room, "no tracepoint syscalls/sys_enter_getpgid (tracefs not mountable, or no CONFIG_FTRACE_SYSCALLS)"); return; }
  uint32_t ma[16] = { 2 /* BPF_MAP_TYPE_ARRAY */, 4, V_SIZE, 1 };
  long map = w_bpf(0 /* BPF_MAP_CREATE */, ma, sizeof ma);
  if (map < 0) { snprintf(p, room, "bpf(BPF_MAP_CREATE) refused (errno %d)", errno); return; }
  w_map = (int)map;
  u64 t;
  __asm__ volatile("rdtsc; shl $32, %%rdx; or %%rdx, %%rax" : "=a"(t) : : "rdx");
  w_cookie = ((t * 0x9e3779b97f4a7c15ULL) >> 33 ^ (u64)getpid()) & 0x7fffffffULL;
  if (!w_cookie) w_cookie = 1;
  memset(wval, 0, sizeof wval);
  u64 po = la57 ? 0xff11000000000000ULL : 0xffff888000000000ULL;
  memcpy(wval + V_PAGE_OFFSET, &po, 8);
  if (w_value(1)) { snprintf(p, room, "bpf(BPF_MAP_UPDATE_ELEM) refused (errno %d)", errno); return; }
  w_build(off_mm, off_pgd);
  static char vlog[4096];
  union { u64 q[16]; uint32_t w[32]; } pa;
  memset(&pa, 0, sizeof pa);
  pa.w[0] = 5; /* BPF_PROG_TYPE_TRACEPOINT */
  pa.w[1] = wn;
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
  w_register(W_HELLO);
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
    else if (((pte & W_PFN) >> 12) != (e & ((1ULL << 55) - 1)) || (pte & 0x67) != 0x67) why = "the probe page's PTE does not show its PFN and P RW US A D";
    if (pm >= 0) close(pm);
  }
  if (pg != MAP_FAILED) munmap(pg, 4096);
  w_forget();
  if (why) { w_on = 0; snprintf(p, room, "%s", why); return; }
  snprintf(p, room, "BPF walker on syscalls/sys_enter_getpgid, %u-level paging", w_levels);
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
    u64 f = ((pte & 1) ? pte : ~pte) & W_PFN;
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
