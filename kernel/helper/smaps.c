// Reading /proc/PID/smaps: one record per VMA with its range, prot (the r/w/x
// column), the VMF bits of its VmFlags mnemonics (fs/proc/task_mmu.c:
// show_smap_vma_flags) and its ProtectionKey (shown only when the CPU has pkeys).
#include "smaps.h"

/* fs/proc/task_mmu.c mnemonics -> abi/vmflags.ts VMF bits. Others (rd wr ex mr mw me
 * ms pf io de sd lf ...) have no VMF bit: prot and the may-bits are not flags there. */
static const struct { char m[3]; u32 bit; } MNEMONICS[] = {
    {"sh", VMF_SHARED},     {"gd", VMF_GROWSDOWN},    {"lo", VMF_LOCKED},    {"dc", VMF_DONTCOPY},
    {"wf", VMF_WIPEONFORK}, {"dd", VMF_DONTDUMP},     {"ac", VMF_ACCOUNT},   {"nr", VMF_NORESERVE},
    {"dp", VMF_DROPPABLE},  {"sl", VMF_SEALED},       {"gu", VMF_GUARD},     {"ss", VMF_SHADOW_STACK},
    {"rr", VMF_RAND_READ},  {"sr", VMF_SEQ_READ},     {"hg", VMF_HUGEPAGE},  {"nh", VMF_NOHUGEPAGE},
    {"mg", VMF_MERGEABLE},  {"ht", VMF_HUGETLB},
};

static u32 flag_bits(const char *p) {
  u32 f = 0;
  while (*p && *p != '\n') {
    while (*p == ' ') p++;
    if (!*p || *p == '\n') break;
    for (u64 i = 0; i < sizeof MNEMONICS / sizeof MNEMONICS[0]; i++)
      if (p[0] == MNEMONICS[i].m[0] && p[1] == MNEMONICS[i].m[1] && (p[2] == ' ' || p[2] == '\n' || !p[2])) f |= MNEMONICS[i].bit;
    while (*p && *p != ' ' && *p != '\n') p++;
  }
  return f;
}

static const char *line_end(const char *p) {
  while (*p && *p != '\n') p++;
  return p;
}

long smaps_each(i32 pid, vma_cb cb, void *ctx) {
  char path[64];
  proc_path(path, pid, "smaps");
  long n = read_file(path, TEXTBUF, TEXTBUF_SIZE);
  if (n < 0) return n;
  const char *p = TEXTBUF;
  struct vma_info v;
  int have = 0;
  long count = 0;
  while (*p) {
    const char *e = line_end(p);
    char c = *p;
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) {
      if (have) {
        int r = cb(&v, ctx);
        if (r) return r;
        count++;
      }
      memset(&v, 0, sizeof v);
      have = 1;
      const char *q = p;
      v.start = parse_hex(&q);
      q++; /* '-' */
      v.end = parse_hex(&q);
      q++; /* ' ' */
      v.prot = (q[0] == 'r' ? PROT_READ : 0) | (q[1] == 'w' ? PROT_WRITE : 0) | (q[2] == 'x' ? PROT_EXEC : 0);
      v.maysharecol = q[3] == 's';
      /* the name: after offset, dev and inode columns */
      int cols = 0;
      while (q < e && cols < 4) {
        while (q < e && *q != ' ') q++;
        while (q < e && *q == ' ') q++;
        cols++;
      }
      v.name = q;
      v.namelen = (u32)(e - q);
    } else if (have && sstarts(p, "VmFlags:")) {
      v.flags = flag_bits(p + 8);
    } else if (have && sstarts(p, "ProtectionKey:")) {
      const char *q = p + 14;
      v.pkey = (u32)parse_dec(&q);
    }
    p = *e ? e + 1 : e;
  }
  if (have) {
    int r = cb(&v, ctx);
    if (r) return r;
    count++;
  }
  return count;
}

int name_is(const struct vma_info *v, const char *s) {
  u64 n = slen(s);
  if (v->namelen != n) return 0;
  for (u64 i = 0; i < n; i++)
    if (v->name[i] != s[i]) return 0;
  return 1;
}
