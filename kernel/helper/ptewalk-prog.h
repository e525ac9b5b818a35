// The BPF page-table walker's program and its BTF lookup, written once for both of its
// users: the kernel helper (ptewalk.c: freestanding, no libc) includes this file, and
// `mmdiff export-c` (kernel/export-c-pte.ts) pastes its text into every reproducer
// (libc). So it is plain C on <stdint.h> alone: no libc call, no helper header, nothing
// that differs between the two; how the value is read, how files are read and how
// the program is loaded stay with each user.
//
// The program (see ptewalk.c for the protocol): getpgid(PW_MAGIC << 48 | cookie << 16 |
// slot) registers the caller's tgid and current->mm in registry[slot] (slot
// PW_SLOT_HELLO: the first caller claims the walker); getpgid(addr | slot) from the
// claimer walks registry[slot].mm's page table down to the PTE table covering addr
// and copies that table (512 PTEs, 2 MiB) into the map value at V_TABLE.
#ifndef MMDIFF_PTEWALK_PROG_H
#define MMDIFF_PTEWALK_PROG_H
#include <stdint.h>

#define PW_MAGIC 0x6d6dULL
#define PW_SLOT_HELLO 0xffff
#define PW_PFN_MASK 0x000ffffffffff000ULL
/* unused functions are no warning in either build (-Wall -Werror) */
#define PW_FN static __attribute__((unused))

/* The map value (byte offsets). V_STATUS: 0: table copied; 0x100|level: stopped at a
 * non-present or huge entry (in V_LEAF); 0x200|level: a read failed. */
enum {
  V_SERVER = 0,       /* the claimer's tgid (claimed once) */
  V_PAGE_OFFSET = 8,  /* the direct map's base, written by the claimer */
  V_STATUS = 16,
  V_LEAF = 24,
  V_REG = 64,         /* registry: 64 x {u64 tgid, u64 mm} */
  V_TABLE = 2048,     /* the PTE table: 512 x u64 */
  V_SIZE = 6144,
};

/* ---- the program: templates with placeholders, assembled at start ---- */

struct insn { uint8_t code; uint8_t regs; int16_t off; int32_t imm; };
#define PW_MAXINSN 160
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

static const struct insn PW_HEAD[] = {
  LDX_DW(R6, R1, 16), /* getpgid's argument: struct syscall_tp_t args[0] */
  CALL(F_PID_TGID), MOV_X(R7, R0), RSH_K(R7, 32), /* tgid */
  ST_W(R10, -4, 0), MOV_X(R2, R10), ADD_K(R2, -4),
  I(0x18, R1, 1 /* BPF_PSEUDO_MAP_FD */, 0, X_MAPFD), I(0, 0, 0, 0, 0),
  CALL(F_MAP_LOOKUP), JEQ_K(R0, 0, L_OUT), MOV_X(R8, R0), /* the value */
  MOV_X(R1, R6), RSH_K(R1, 48), JNE_K(R1, PW_MAGIC, L_WALK),
  /* registration: the cookie, then the slot */
  MOV_X(R1, R6), LSH_K(R1, 16), RSH_K(R1, 32), JNE_K(R1, X_COOKIE, L_OUT),
  MOV_X(R1, R6), AND_K(R1, 0xffff), JEQ_K(R1, PW_SLOT_HELLO, L_HELLO), JGE_K(R1, 64, L_OUT),
  LSH_K(R1, 4), ADD_X(R1, R8), STX_DW(R1, V_REG, R7), MOV_X(R9, R1),
  CALL(F_CURRENT_TASK), MOV_X(R3, R0), ADD_K(R3, X_OFF_MM),
  MOV_X(R1, R9), ADD_K(R1, V_REG + 8), MOV_K(R2, 8),
  CALL(F_PROBE_READ_KERNEL), /* registry[slot].mm = current->mm */
  JA(L_OUT),
  LABEL(L_HELLO), LDX_DW(R1, R8, V_SERVER), JNE_K(R1, 0, L_OUT), STX_DW(R8, V_SERVER, R7), JA(L_OUT),
  /* a walk: for the claimer only */
  LABEL(L_WALK), LDX_DW(R1, R8, V_SERVER), JNE_X(R1, R7, L_OUT),
  ST_DW(R8, V_STATUS, 0x200),
  MOV_X(R1, R6), AND_K(R1, 63), LSH_K(R1, 4), ADD_X(R1, R8),
  LDX_DW(R3, R1, V_REG + 8), ADD_K(R3, X_OFF_PGD), /* &mm->pgd */
  MOV_X(R1, R10), ADD_K(R1, -16), MOV_K(R2, 8), CALL(F_PROBE_READ_KERNEL), JNE_K(R0, 0, L_OUT),
  LDX_DW(R9, R10, -16), /* mm->pgd: the top table's virtual address */
};
/* one level above the PTE table: read the entry; stop at a non-present one or a huge leaf */
static const struct insn PW_LEVEL[] = {
  ST_DW(R8, V_STATUS, X_FAIL),
  MOV_X(R3, R6), RSH_K(R3, X_SHIFT), AND_K(R3, 511), LSH_K(R3, 3), ADD_X(R3, R9),
  MOV_X(R1, R10), ADD_K(R1, -16), MOV_K(R2, 8), CALL(F_PROBE_READ_KERNEL), JNE_K(R0, 0, L_OUT),
  LDX_DW(R1, R10, -16), STX_DW(R8, V_LEAF, R1), ST_DW(R8, V_STATUS, X_STOP),
  MOV_X(R2, R1), AND_K(R2, 1), JEQ_K(R2, 0, L_OUT),
  MOV_X(R2, R1), AND_K(R2, 0x80), JNE_K(R2, 0, L_OUT), /* _PAGE_PSE (pud and pmd only; kept 0 above) */
  MOV_X(R9, R1), LD64(R2, 0, (int32_t)0xfffff000), AND_X(R9, R2), /* PW_PFN_MASK: high half patched */
  LDX_DW(R2, R8, V_PAGE_OFFSET), ADD_X(R9, R2),
};
static const struct insn PW_TAIL[] = {
  ST_DW(R8, V_STATUS, X_LAST_FAIL),
  MOV_X(R1, R8), ADD_K(R1, V_TABLE), MOV_K(R2, 4096), MOV_X(R3, R9),
  CALL(F_PROBE_READ_KERNEL), JNE_K(R0, 0, L_OUT),
  ST_DW(R8, V_STATUS, 0),
  LABEL(L_OUT), MOV_K(R0, 0), EXIT(), /* 0: no perf sample */
};

/* What the assembler fills in: set by the user before pw_build. */
static struct insn *pw_prog;     /* PW_MAXINSN instructions */
static uint32_t pw_n, pw_levels; /* the program's length; the paging depth (4 or 5) */
static uint64_t pw_cookie;

static void pw_add(const struct insn *t, uint32_t n, uint32_t lv, int map_fd, uint64_t off_mm, uint64_t off_pgd) {
  for (uint32_t i = 0; i < n && pw_n < PW_MAXINSN; i++) {
    struct insn x = t[i];
    switch (x.imm) {
      case X_COOKIE: x.imm = (int32_t)pw_cookie; break;
      case X_OFF_MM: x.imm = (int32_t)off_mm; break;
      case X_OFF_PGD: x.imm = (int32_t)off_pgd; break;
      case X_SHIFT: x.imm = (int32_t)(12 + 9 * (pw_levels - 1 - lv)); break;
      case X_FAIL: x.imm = (int32_t)(0x200 | lv); break;
      case X_STOP: x.imm = (int32_t)(0x100 | lv); break;
      case X_LAST_FAIL: x.imm = (int32_t)(0x200 | (pw_levels - 1)); break;
      case X_MAPFD: x.imm = map_fd; break;
    }
    if (x.code == 0x57 && x.imm == 0x80 && lv + 3 < pw_levels) x.imm = 0; /* pgd, p4d: bit 7 is not PSE */
    if (x.code == 0xff) continue;
    if (i && t[i - 1].code == 0x18 && t[i - 1].imm == (int32_t)0xfffff000) x.imm = (int32_t)(PW_PFN_MASK >> 32);
    pw_prog[pw_n++] = x;
  }
}

/* Assembles the program into pw_prog[pw_n]; pw_n == PW_MAXINSN: too long. */
static void pw_build(int map_fd, uint64_t off_mm, uint64_t off_pgd) {
  pw_n = 0;
  pw_add(PW_HEAD, sizeof PW_HEAD / sizeof PW_HEAD[0], 0, map_fd, off_mm, off_pgd);
  for (uint32_t lv = 0; lv + 1 < pw_levels; lv++) pw_add(PW_LEVEL, sizeof PW_LEVEL / sizeof PW_LEVEL[0], lv, map_fd, off_mm, off_pgd);
  pw_add(PW_TAIL, sizeof PW_TAIL / sizeof PW_TAIL[0], 0, map_fd, off_mm, off_pgd);
  /* labels: positions after dropping the markers */
  uint32_t label_at[NLABELS], pos = 0;
  for (uint32_t i = 0; i < sizeof PW_HEAD / sizeof PW_HEAD[0]; i++) {
    if (PW_HEAD[i].code == 0xff) label_at[PW_HEAD[i].imm] = pos;
    else pos++;
  }
  label_at[L_OUT] = pw_n - 2;
  for (uint32_t i = 0; i < pw_n; i++) {
    int32_t o = pw_prog[i].off;
    if (pw_prog[i].code != 0x18 && (pw_prog[i].code & 7) == 5 && o <= -1000) pw_prog[i].off = (int16_t)((int32_t)label_at[-1000 - o] - (int32_t)i - 1);
  }
}

/* The getpgid argument that registers the caller in slot. */
PW_FN uint64_t pw_register_arg(uint32_t slot) { return PW_MAGIC << 48 | pw_cookie << 16 | slot; }

/* After a walk that stopped above the PTE level (status 0x100|level, the entry in leaf):
 * a huge leaf (a PMD or PUD with PSE) stands for every page under it, present to the
 * kernel with P or PROTNONE (pmd_present: a PROT_NONE huge PMD has P clear, PROTNONE and
 * PSE set, its PFN inverted); else no page. */
PW_FN uint64_t pw_stopped_pte(uint32_t status, uint64_t leaf) {
  uint32_t level = status & 0xff;
  return (status & 0x100) && level + 3 >= pw_levels && (leaf & 0x80) && (leaf & 0x101) ? leaf : 0;
}

/* ---- BTF: a struct member's byte offset (members of anonymous structs and unions too) ---- */

struct btf_header { uint16_t magic; uint8_t version, flags; uint32_t hdr_len, type_off, type_len, str_off, str_len; };
struct btf_type { uint32_t name_off, info, size_or_type; };
struct btf_member { uint32_t name_off, type, offset; };

static const uint8_t *btf_types, *btf_strs;
static uint32_t *btf_index, btf_ntypes, btf_strlen;
#define BTF_KIND(t) (((t)->info >> 24) & 0x1f)
#define BTF_VLEN(t) ((t)->info & 0xffff)

static int pw_streq(const char *a, const char *b) {
  while (*a && *a == *b) a++, b++;
  return *a == *b;
}

static int64_t btf_extra(uint32_t kind, uint32_t vlen) {
  switch (kind) {
    case 1: case 14: case 17: return 4;             /* INT, VAR, DECL_TAG */
    case 3: return 12;                              /* ARRAY */
    case 4: case 5: case 15: case 19: return 12L * vlen; /* STRUCT, UNION, DATASEC, ENUM64 */
    case 6: case 13: return 8L * vlen;              /* ENUM, FUNC_PROTO */
    case 2: case 7: case 8: case 9: case 10: case 11: case 12: case 16: case 18: return 0;
    default: return -1;
  }
}

static const struct btf_type *btf_type(uint32_t id) {
  return id && id <= btf_ntypes ? (const struct btf_type *)(btf_types + btf_index[id]) : 0;
}
static const char *btf_name(uint32_t off) { return off < btf_strlen ? (const char *)btf_strs + off : ""; }

/* Bit offset of member `m` in struct/union `t` (anonymous members searched too), or -1. */
static int64_t member_bits(const struct btf_type *t, const char *m, int depth) {
  if (depth > 8) return -1;
  const struct btf_member *mem = (const struct btf_member *)(t + 1);
  int kflag = (t->info >> 31) & 1;
  for (uint32_t i = 0; i < BTF_VLEN(t); i++) {
    int64_t off = kflag ? (int64_t)(mem[i].offset & 0xffffff) : (int64_t)mem[i].offset;
    if (mem[i].name_off && pw_streq(btf_name(mem[i].name_off), m)) return off;
    if (!mem[i].name_off) {
      const struct btf_type *s = btf_type(mem[i].type);
      while (s && ((BTF_KIND(s) >= 8 && BTF_KIND(s) <= 11) || BTF_KIND(s) == 18)) s = btf_type(s->size_or_type);
      if (s && (BTF_KIND(s) == 4 || BTF_KIND(s) == 5)) {
        int64_t r = member_bits(s, m, depth + 1);
        if (r >= 0) return r + off;
      }
    }
  }
  return -1;
}

static int64_t struct_member(const char *s, const char *m) {
  for (uint32_t id = 1; id <= btf_ntypes; id++) {
    const struct btf_type *t = btf_type(id);
    if (BTF_KIND(t) == 4 && BTF_VLEN(t) && pw_streq(btf_name(t->name_off), s)) {
      int64_t bits = member_bits(t, m, 0);
      return bits >= 0 && bits % 8 == 0 ? bits / 8 : -1;
    }
  }
  return -1;
}

/* task_struct.mm and mm_struct.pgd from the n bytes of /sys/kernel/btf/vmlinux in buf,
 * with index (room for cap u32) for the types; NULL, or why not. */
static const char *pw_btf_offsets(const uint8_t *buf, uint64_t n, uint32_t *index, uint64_t cap, uint64_t *off_mm, uint64_t *off_pgd) {
  const struct btf_header *h = (const struct btf_header *)buf;
  if (n < sizeof *h || h->magic != 0xeb9f) return "/sys/kernel/btf/vmlinux is not BTF";
  if ((uint64_t)h->hdr_len + h->type_off + h->type_len > n || (uint64_t)h->hdr_len + h->str_off + h->str_len > n) return "BTF sections beyond the file";
  btf_types = buf + h->hdr_len + h->type_off;
  btf_strs = buf + h->hdr_len + h->str_off;
  btf_strlen = h->str_len;
  btf_index = index;
  btf_ntypes = 0;
  for (uint64_t o = 0; o + sizeof(struct btf_type) <= h->type_len;) {
    const struct btf_type *t = (const struct btf_type *)(btf_types + o);
    int64_t extra = btf_extra(BTF_KIND(t), BTF_VLEN(t));
    if (extra < 0) return "an unknown BTF kind";
    if (btf_ntypes + 1 >= cap) return "too many BTF types";
    btf_index[++btf_ntypes] = (uint32_t)o;
    o += sizeof(struct btf_type) + (uint64_t)extra;
  }
  int64_t a = struct_member("task_struct", "mm"), b = struct_member("mm_struct", "pgd");
  if (a < 0 || b < 0) return "BTF has no task_struct.mm or mm_struct.pgd";
  *off_mm = (uint64_t)a;
  *off_pgd = (uint64_t)b;
  return 0;
}

/* ---- start ---- */

/* the tracepoint's id, where tracefs is mounted */
#define PW_ID_PATH "/sys/kernel/tracing/events/syscalls/sys_enter_getpgid/id"
#define PW_ID_PATH_DEBUG "/sys/kernel/debug/tracing/events/syscalls/sys_enter_getpgid/id"

/* /proc/cpuinfo's n bytes in text show la57: 5-level paging */
PW_FN int pw_has_la57(const char *text, long n) {
  for (long i = 0; i + 6 <= n; i++)
    if (text[i] == ' ' && text[i + 1] == 'l' && text[i + 2] == 'a' && text[i + 3] == '5' && text[i + 4] == '7' &&
        (text[i + 5] == ' ' || text[i + 5] == '\n'))
      return 1;
  return 0;
}

/* the direct map's base: the default for the paging depth (checked on a probe page) */
#define PW_PAGE_OFFSET(la57) ((la57) ? 0xff11000000000000ULL : 0xffff888000000000ULL)

/* A random cookie, never 0. */
PW_FN uint64_t pw_new_cookie(uint64_t pid) {
  uint64_t t, c;
  __asm__ volatile("rdtsc; shl $32, %%rdx; or %%rdx, %%rax" : "=a"(t) : : "rdx");
  c = ((t * 0x9e3779b97f4a7c15ULL) >> 33 ^ pid) & 0x7fffffffULL;
  return c ? c : 1;
}

/* The probe page's PTE maps the PFN pagemap shows (entry e) with P RW US A D. */
PW_FN int pw_probe_ok(uint64_t pte, uint64_t e) {
  return ((pte & PW_PFN_MASK) >> 12) == (e & ((1ULL << 55) - 1)) && (pte & 0x67) == 0x67;
}
#endif
