// Real page-table entries through eBPF (shared/KERNEL-TARGET.md "Reading real PTEs").
//
// At start the server loads a BPF_PROG_TYPE_TRACEPOINT program, written here as plain
// BPF instructions, and attaches it to syscalls/sys_enter_getpgid with
// perf_event_open(PERF_TYPE_TRACEPOINT) + PERF_EVENT_IOC_SET_BPF. The program runs on
// every getpgid of every process on the machine (kernel/trace/trace_syscalls.c:
// perf_syscall_enter runs the event's BPF programs for any task), so it filters:
//
//   getpgid(MAGIC << 48 | cookie << 16 | slot)  registration: stores the caller's tgid
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

enum { SYS_getpgid = 121, SYS_mount = 165, SYS_unshare = 272, SYS_perf_event_open = 298, SYS_bpf = 321 };

#define MAGIC 0x6d6dUL
#define SLOT_HELLO 0xffff
#define PFN_MASK 0x000ffffffffff000UL

/* The map value (u64 words / byte offsets). */
#define V_SERVER 0       /* the server's tgid (claimed once) */
#define V_PAGE_OFFSET 8  /* the direct map's base, written by the server */
#define V_STATUS 16      /* 0: table copied; 0x100|level: stopped at a non-present or huge entry (in V_LEAF); 0x200|level: a read failed */
#define V_LEAF 24
#define V_REG 64         /* registry: 64 x {u64 tgid, u64 mm} */
#define V_TABLE 2048     /* the PTE table: 512 x u64 */
#define V_SIZE 6144
#define MAP_LEN 0x2000UL
/* Where the server maps the value: above mmap_base, below its own stack; no child has it. */
#define MAPADDR 0x7ffffaf00000UL

static volatile u8 *V;
static u64 g_cookie;
static u32 g_levels;
static int g_enabled;
static u64 cached_base = 1, cached_slot;
static u32 cached_status;
static u64 cached_leaf;
static const char *g_step;

int pte_enabled(void) { return g_enabled; }

/* ---- the program: templates with placeholders, assembled at start ---- */

struct insn { u8 code; u8 regs; i16 off; i32 imm; };
#define MAXINSN 160
/* scratch in the IO area (free at start): the helper's image keeps to one data page */
#define P ((struct insn *)(MEMBUF + 0x800))
#define VLOG ((char *)(MEMBUF + 0x1000))
#define VLOG_SIZE 4096
static u32 np;
enum { R0, R1, R2, R3, R4, R5, R6, R7, R8, R9, R10 };
#define I(c, d, s, o, k) {(u8)(c), (u8)((d) | (s) << 4), (i16)(o), (i32)(k)}
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
/* jumps name a label in off (JL); LABEL is a marker the assembler drops */
#define JL(l) (-1000 - (l))
#define JEQ_K(d, k, l) I(0x15, d, 0, JL(l), k)
#define JNE_K(d, k, l) I(0x55, d, 0, JL(l), k)
#define JNE_X(d, s, l) I(0x5d, d, s, JL(l), 0)
#define JGE_K(d, k, l) I(0x35, d, 0, JL(l), k)
#define JA(l) I(0x05, 0, 0, JL(l), 0)
#define LABEL(l) I(0xff, 0, 0, 0, l)
enum { L_OUT, L_WALK, L_HELLO, NLABELS };
/* placeholders in imm */
enum { X_COOKIE = 0x7e000001, X_OFF_MM, X_OFF_PGD, X_SHIFT, X_FAIL, X_STOP, X_MAPFD, X_LAST_FAIL };

enum { F_MAP_LOOKUP = 1, F_PID_TGID = 14, F_CURRENT_TASK = 35, F_PROBE_READ_KERNEL = 113 };

static const struct insn HEAD[] = {
  LDX_DW(R6, R1, 16), /* getpgid's argument: struct syscall_tp_t args[0] */
  CALL(F_PID_TGID), MOV_X(R7, R0), RSH_K(R7, 32), /* tgid */
  ST_W(R10, -4, 0), MOV_X(R2, R10), ADD_K(R2, -4),
  I(0x18, R1, 1 /* BPF_PSEUDO_MAP_FD */, 0, X_MAPFD), I(0, 0, 0, 0, 0),
  CALL(F_MAP_LOOKUP), JEQ_K(R0, 0, L_OUT), MOV_X(R8, R0), /* the value */
  MOV_X(R1, R6), RSH_K(R1, 48), JNE_K(R1, MAGIC, L_WALK),
  /* registration: the cookie, then the slot */
  MOV_X(R1, R6), LSH_K(R1, 16), RSH_K(R1, 32), JNE_K(R1, X_COOKIE, L_OUT),
  MOV_X(R1, R6), AND_K(R1, 0xffff), JEQ_K(R1, SLOT_HELLO, L_HELLO), JGE_K(R1, 64, L_OUT),
  LSH_K(R1, 4), ADD_X(R1, R8), STX_DW(R1, V_REG, R7), MOV_X(R9, R1),
  CALL(F_CURRENT_TASK), MOV_X(R3, R0), ADD_K(R3, X_OFF_MM),
  MOV_X(R1, R9), ADD_K(R1, V_REG + 8), MOV_K(R2, 8),
  CALL(F_PROBE_READ_KERNEL), /* registry[slot].mm = current->mm */
  JA(L_OUT),
  LABEL(L_HELLO), LDX_DW(R1, R8, V_SERVER), JNE_K(R1, 0, L_OUT), STX_DW(R8, V_SERVER, R7), JA(L_OUT),
  /* a walk: for the server only */
  LABEL(L_WALK), LDX_DW(R1, R8, V_SERVER), JNE_X(R1, R7, L_OUT),
  ST_DW(R8, V_STATUS, 0x200),
  MOV_X(R1, R6), AND_K(R1, 63), LSH_K(R1, 4), ADD_X(R1, R8),
  LDX_DW(R3, R1, V_REG + 8), ADD_K(R3, X_OFF_PGD), /* &mm->pgd */
  MOV_X(R1, R10), ADD_K(R1, -16), MOV_K(R2, 8), CALL(F_PROBE_READ_KERNEL), JNE_K(R0, 0, L_OUT),
  LDX_DW(R9, R10, -16), /* mm->pgd: the top table's virtual address */
};
/* one level above the PTE table: read the entry; stop at a non-present one or a huge leaf */
static const struct insn LEVEL[] = {
  ST_DW(R8, V_STATUS, X_FAIL),
  MOV_X(R3, R6), RSH_K(R3, X_SHIFT), AND_K(R3, 511), LSH_K(R3, 3), ADD_X(R3, R9),
  MOV_X(R1, R10), ADD_K(R1, -16), MOV_K(R2, 8), CALL(F_PROBE_READ_KERNEL), JNE_K(R0, 0, L_OUT),
  LDX_DW(R1, R10, -16), STX_DW(R8, V_LEAF, R1), ST_DW(R8, V_STATUS, X_STOP),
  MOV_X(R2, R1), AND_K(R2, 1), JEQ_K(R2, 0, L_OUT),
  MOV_X(R2, R1), AND_K(R2, 0x80), JNE_K(R2, 0, L_OUT), /* _PAGE_PSE (pud and pmd only; kept 0 above) */
  MOV_X(R9, R1), LD64(R2, 0, (i32)0xfffff000), AND_X(R9, R2), /* PFN_MASK: high half patched */
  LDX_DW(R2, R8, V_PAGE_OFFSET), ADD_X(R9, R2),
};
static const struct insn TAIL[] = {
  ST_DW(R8, V_STATUS, X_LAST_FAIL),
  MOV_X(R1, R8), ADD_K(R1, V_TABLE), MOV_K(R2, 4096), MOV_X(R3, R9),
  CALL(F_PROBE_READ_KERNEL), JNE_K(R0, 0, L_OUT),
  ST_DW(R8, V_STATUS, 0),
  LABEL(L_OUT), MOV_K(R0, 0), EXIT(), /* 0: no perf sample */
};

static void add(const struct insn *t, u32 n, u32 lv, int map_fd, u64 off_mm, u64 off_pgd) {
  for (u32 i = 0; i < n && np < MAXINSN; i++) {
    struct insn x = t[i];
    switch (x.imm) {
      case X_COOKIE: x.imm = (i32)g_cookie; break;
      case X_OFF_MM: x.imm = (i32)off_mm; break;
      case X_OFF_PGD: x.imm = (i32)off_pgd; break;
      case X_SHIFT: x.imm = (i32)(12 + 9 * (g_levels - 1 - lv)); break;
      case X_FAIL: x.imm = (i32)(0x200 | lv); break;
      case X_STOP: x.imm = (i32)(0x100 | lv); break;
      case X_LAST_FAIL: x.imm = (i32)(0x200 | (g_levels - 1)); break;
      case X_MAPFD: x.imm = map_fd; break;
    }
    if (x.code == 0x57 && x.imm == 0x80 && lv < g_levels - 3) x.imm = 0; /* pgd, p4d: bit 7 is not PSE */
    if (x.code == 0xff) continue;
    if (i && t[i - 1].code == 0x18 && t[i - 1].imm == (i32)0xfffff000) x.imm = (i32)(PFN_MASK >> 32);
    P[np++] = x;
  }
}

static void build(int map_fd, u64 off_mm, u64 off_pgd) {
  np = 0;
  add(HEAD, sizeof HEAD / sizeof HEAD[0], 0, map_fd, off_mm, off_pgd);
  for (u32 lv = 0; lv < g_levels - 1; lv++) add(LEVEL, sizeof LEVEL / sizeof LEVEL[0], lv, map_fd, off_mm, off_pgd);
  add(TAIL, sizeof TAIL / sizeof TAIL[0], 0, map_fd, off_mm, off_pgd);
  /* labels: positions after dropping the markers */
  u32 label_at[NLABELS], pos = 0;
  for (u32 i = 0; i < sizeof HEAD / sizeof HEAD[0]; i++) {
    if (HEAD[i].code == 0xff) label_at[HEAD[i].imm] = pos;
    else pos++;
  }
  label_at[L_OUT] = np - 2;
  for (u32 i = 0; i < np; i++) {
    i32 o = P[i].off;
    if (P[i].code != 0x18 && (P[i].code & 7) == 5 && o <= -1000) P[i].off = (i16)((i32)label_at[-1000 - o] - (i32)i - 1);
  }
}

/* ---- BTF: a struct member's byte offset ---- */

struct btf_header { u16 magic; u8 version, flags; u32 hdr_len, type_off, type_len, str_off, str_len; };
struct btf_type { u32 name_off, info, size_or_type; };
struct btf_member { u32 name_off, type, offset; };

static const u8 *btf_types, *btf_strs;
static u32 *btf_index, btf_ntypes, btf_strlen;

static int streq(const char *a, const char *b) {
  while (*a && *a == *b) a++, b++;
  return *a == *b;
}

static u64 btf_extra(u32 kind, u32 vlen) {
  switch (kind) {
    case 1: case 14: case 17: return 4;             /* INT, VAR, DECL_TAG */
    case 3: return 12;                              /* ARRAY */
    case 4: case 5: case 15: case 19: return 12UL * vlen; /* STRUCT, UNION, DATASEC, ENUM64 */
    case 6: case 13: return 8UL * vlen;             /* ENUM, FUNC_PROTO */
    case 2: case 7: case 8: case 9: case 10: case 11: case 12: case 16: case 18: return 0;
    default: return ~0UL;
  }
}

static const struct btf_type *btf_type(u32 id) {
  return id && id <= btf_ntypes ? (const struct btf_type *)(btf_types + btf_index[id]) : NULL;
}
static const char *btf_name(u32 off) { return off < btf_strlen ? (const char *)btf_strs + off : ""; }
#define KIND(t) (((t)->info >> 24) & 0x1f)
#define VLEN(t) ((t)->info & 0xffff)

/* Bit offset of member `m` in struct/union `t` (anonymous members searched too), or -1. */
static i64 member_bits(const struct btf_type *t, const char *m, int depth) {
  if (depth > 8) return -1;
  const struct btf_member *mem = (const struct btf_member *)(t + 1);
  int kflag = (t->info >> 31) & 1;
  for (u32 i = 0; i < VLEN(t); i++) {
    u64 off = kflag ? (mem[i].offset & 0xffffff) : mem[i].offset;
    if (mem[i].name_off && streq(btf_name(mem[i].name_off), m)) return (i64)off;
    if (!mem[i].name_off) {
      const struct btf_type *s = btf_type(mem[i].type);
      while (s && (KIND(s) == 8 || KIND(s) == 9 || KIND(s) == 10 || KIND(s) == 11 || KIND(s) == 18)) s = btf_type(s->size_or_type);
      if (s && (KIND(s) == 4 || KIND(s) == 5)) {
        i64 r = member_bits(s, m, depth + 1);
        if (r >= 0) return r + (i64)off;
      }
    }
  }
  return -1;
}

static i64 struct_member(const char *s, const char *m) {
  for (u32 id = 1; id <= btf_ntypes; id++) {
    const struct btf_type *t = btf_type(id);
    if (KIND(t) == 4 && VLEN(t) && streq(btf_name(t->name_off), s)) {
      i64 bits = member_bits(t, m, 0);
      return bits >= 0 && bits % 8 == 0 ? bits / 8 : -1;
    }
  }
  return -1;
}

/* Reads /sys/kernel/btf/vmlinux into FRAMEBUF (free at start) and finds both offsets. */
static const char *btf_offsets(u64 *off_mm, u64 *off_pgd) {
  long n = read_file("/sys/kernel/btf/vmlinux", (char *)FRAMEBUF, FRAMEBUF_SIZE / 2);
  if (n < 0) return "cannot read /sys/kernel/btf/vmlinux (no CONFIG_DEBUG_INFO_BTF?)";
  const struct btf_header *h = (const struct btf_header *)FRAMEBUF;
  if ((u64)n < sizeof *h || h->magic != 0xeb9f) return "/sys/kernel/btf/vmlinux is not BTF";
  if ((u64)h->hdr_len + h->type_off + h->type_len > (u64)n || (u64)h->hdr_len + h->str_off + h->str_len > (u64)n) return "BTF sections beyond the file";
  btf_types = FRAMEBUF + h->hdr_len + h->type_off;
  btf_strs = FRAMEBUF + h->hdr_len + h->str_off;
  btf_strlen = h->str_len;
  btf_index = (u32 *)(FRAMEBUF + FRAMEBUF_SIZE / 2);
  u64 cap = FRAMEBUF_SIZE / 2 / 4 - 1;
  btf_ntypes = 0;
  for (u64 o = 0; o + sizeof(struct btf_type) <= h->type_len;) {
    const struct btf_type *t = (const struct btf_type *)(btf_types + o);
    u64 extra = btf_extra(KIND(t), VLEN(t));
    if (extra == ~0UL) return "an unknown BTF kind";
    if (btf_ntypes + 1 >= cap) return "too many BTF types";
    btf_index[++btf_ntypes] = (u32)o;
    o += sizeof(struct btf_type) + extra;
  }
  i64 a = struct_member("task_struct", "mm"), b = struct_member("mm_struct", "pgd");
  if (a < 0 || b < 0) return "BTF has no task_struct.mm or mm_struct.pgd";
  *off_mm = (u64)a;
  *off_pgd = (u64)b;
  return NULL;
}

/* ---- tracefs: the tracepoint's id ---- */

static long read_id(const char *path) {
  char buf[32];
  if (read_file(path, buf, sizeof buf) <= 0) return -1;
  const char *p = buf;
  long v = (long)parse_dec(&p);
  return v > 0 ? v : -1;
}

#define ID_PATH "/sys/kernel/tracing/events/syscalls/sys_enter_getpgid/id"
/* tracefs is not mounted by default: mount it in a child's private mount namespace
 * (the machine's mount table stays as it is) and read the id there. */
static long tracepoint_id(void) {
  long id = read_id(ID_PATH);
  if (id > 0) return id;
  id = read_id("/sys/kernel/debug/tracing/events/syscalls/sys_enter_getpgid/id");
  if (id > 0) return id;
  volatile long *out = (volatile long *)MEMBUF;
  *out = -1;
  long pid = sys0(SYS_fork);
  if (pid == 0) {
    if (sys1(SYS_unshare, 0x20000 /* CLONE_NEWNS */) == 0 &&
        sys5(SYS_mount, 0, "/", 0, 0x4000 | 0x40000 /* MS_REC | MS_PRIVATE */, 0) == 0 &&
        sys5(SYS_mount, "nodev", "/sys/kernel/tracing", "tracefs", 0, 0) == 0)
      *out = read_id(ID_PATH);
    sys1(SYS_exit_group, 0);
  }
  if (pid < 0) return -1;
  sys4(SYS_wait4, pid, NULL, 0, NULL);
  return *out;
}

/* ---- start ---- */

static int has_la57(void) {
  long n = read_file("/proc/cpuinfo", TEXTBUF, TEXTBUF_SIZE);
  if (n <= 0) return 0;
  for (long i = 0; i + 6 <= n; i++)
    if (TEXTBUF[i] == ' ' && TEXTBUF[i + 1] == 'l' && TEXTBUF[i + 2] == 'a' && TEXTBUF[i + 3] == '5' && TEXTBUF[i + 4] == '7' &&
        (TEXTBUF[i + 5] == ' ' || TEXTBUF[i + 5] == '\n'))
      return 1;
  return 0;
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

u64 pte_register_arg(u32 slot) { return MAGIC << 48 | g_cookie << 16 | slot; }

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
  /* stopped above the PTE level: a huge leaf (a PMD or PUD with PSE) stands for every
   * page under it; present to the kernel with P or PROTNONE (pmd_present: a PROT_NONE
   * huge PMD has P clear, PROTNONE and PSE set, its PFN inverted) */
  u32 level = cached_status & 0xff;
  if ((cached_status & 0x100) && level + 3 >= g_levels && (cached_leaf & 0x80) && (cached_leaf & 0x101)) {
    *pte = cached_leaf;
    return 0;
  }
  *pte = 0;
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
  g_levels = la57 ? 5 : 4;
  u64 page_offset = la57 ? 0xff11000000000000UL : 0xffff888000000000UL;
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
  u64 t;
  __asm__ volatile("rdtsc; shl $32, %%rdx; or %%rdx, %%rax" : "=a"(t) : : "rdx");
  g_cookie = ((t * 0x9e3779b97f4a7c15UL) >> 33 ^ (u64)sys0(SYS_getpid)) & 0x7fffffffUL;
  if (!g_cookie) g_cookie = 1;
  *(volatile u64 *)(V + V_PAGE_OFFSET) = page_offset;

  build((int)map, off_mm, off_pgd);
  if (np >= MAXINSN) return scpy(p, "the walker program is too long"), note;
  static const char license[] = "GPL";
  memset(attr, 0, sizeof attr);
  a32[0] = 5; /* BPF_PROG_TYPE_TRACEPOINT */
  a32[1] = np;
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
  pte_register(SLOT_HELLO);
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
    else if (((pte & PFN_MASK) >> 12) != (e & PM_PFN_MASK) || (pte & 0x67) != 0x67) g_step = "the probe page's PTE does not show its PFN and P RW US A D (the direct map is elsewhere?)";
  }
  if (!is_err(pg)) sys2(SYS_munmap, pg, PAGE);
  pte_forget();
  if (g_step) {
    g_enabled = 0;
    return scpy(p, g_step), note;
  }
  p = scpy(p, "BPF walker on syscalls/sys_enter_getpgid: ");
  p = fmt_dec(p, g_levels);
  p = scpy(p, "-level paging, task_struct.mm at ");
  p = fmt_dec(p, (i64)off_mm);
  p = scpy(p, ", mm_struct.pgd at ");
  p = fmt_dec(p, (i64)off_pgd);
  return NULL;
}
