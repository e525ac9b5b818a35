// The end state of a program (abi/trace.ts RawState as the kernel shows it), read by
// the server while every program process waits for the baton:
//   per process (pid order): alive, brk (brk(0)) and PKRU as the process last saved
//   them, its VMAs from /proc/PID/smaps minus the helper's own, and every page with a
//   page-table entry: PAGEMAP_SCAN finds present pages and guard markers without
//   walking empty ranges; /proc/PID/pagemap gives each present page's PFN (the zero
//   page's PFN is known from start-up); /proc/PID/mem gives its contents (a foreign
//   FOLL_FORCE read: PROT_NONE and pkeys do not stop it, and only present pages are
//   read, so nothing is faulted in);
//   with the BPF walker (ptewalk.c), each present page's raw PTE from the process's
//   page table (0 without it), checked against pagemap's PFN;
//   then each distinct non-zero frame once: its PFN and non-zero 8-byte words.
#include "smaps.h"
#include "ptewalk.h"

#define VMALIST ((struct range *)(IOBASE + VMALIST_OFF))
struct range { u64 start, end; };

static u8 *w, *wend;
static u8 *fw; /* into FRAMEBUF */
static u32 nframes;
static u32 gen;
static const char *error;
static u32 nvma;

static void fail(const char *why) {
  if (!error) error = why;
}

static int room(u64 n) {
  if ((u64)(wend - w) < n) {
    fail("the end state does not fit the output buffer");
    return 0;
  }
  return 1;
}
static void put32(u32 v) { if (room(4)) { memcpy(w, &v, 4); w += 4; } }
static void put64(u64 v) { if (room(8)) { memcpy(w, &v, 8); w += 8; } }

/* ---- the frames already written (a set of PFNs, tagged with the program's number) ---- */

static int pfn_seen(u64 pfn) {
  u64 h = (pfn * 0x9e3779b97f4a7c15UL) >> PFNSET_SHIFT;
  for (u64 n = 0; n < PFNSET_SLOTS; n++) {
    u64 *slot = PFNSET + 2 * ((h + n) & (PFNSET_SLOTS - 1));
    if (slot[1] != gen) {
      slot[0] = pfn;
      slot[1] = gen;
      return 0;
    }
    if (slot[0] == pfn) return 1;
  }
  fail("too many frames");
  return 1;
}

static void frame_words(u64 pfn, const u8 *page) {
  const u64 *q = (const u64 *)page;
  u32 n = 0;
  for (u32 k = 0; k < PAGE / 8; k++) n += q[k] != 0;
  if (!n) return;
  if ((u64)(FRAMEBUF + FRAMEBUF_SIZE - fw) < 12 + (u64)n * 10) {
    fail("the frame contents do not fit the frame buffer");
    return;
  }
  memcpy(fw, &pfn, 8);
  memcpy(fw + 8, &n, 4);
  fw += 12;
  for (u32 k = 0; k < PAGE / 8; k++) {
    if (!q[k]) continue;
    u16 idx = (u16)k;
    memcpy(fw, &idx, 2);
    memcpy(fw + 2, &q[k], 8);
    fw += 10;
  }
  nframes++;
}

/* ---- VMAs ---- */

static int on_vma(struct vma_info *v, void *ctx) {
  (void)ctx;
  if (v->start >= TASK_SIZE) return 0; /* [vsyscall] */
  for (u32 i = 0; i < L.nvma; i++) {
    if (v->start == L.vma[i].start && v->end == L.vma[i].end) return 0;
    if (v->start < L.vma[i].end && v->end > L.vma[i].start) {
      fail("a program VMA overlaps the helper's own memory");
      return -1;
    }
  }
  if (nvma >= VMALIST_MAX) {
    fail("too many VMAs");
    return -1;
  }
  VMALIST[nvma].start = v->start;
  VMALIST[nvma].end = v->end;
  nvma++;
  put64(v->start);
  put64(v->end);
  put32(v->prot);
  put32(v->flags);
  put32(v->pkey);
  put32(0);
  return 0;
}

/* ---- pages ---- */

static int pm_fd, mem_fd;
static u32 npages;
static u32 slot; /* the process being read: its walker slot */

static void put_page(u64 addr, u64 pfn, u32 kind, u32 bits, u64 pte) {
  put64(addr);
  put64(pfn);
  put32(kind);
  put32(bits);
  put64(pte);
  npages++;
}

#define PTE_PFN_MASK 0x000ffffffffff000UL
/* The page's raw PTE (0 without the walker); it must map the frame pagemap shows. */
static u64 raw_pte(u64 addr, u64 pfn) {
  u64 pte = 0;
  if (!pte_enabled()) return 0;
  if (pte_read(slot, addr, &pte) < 0) {
    fail("the BPF page-table walk failed");
    return 0;
  }
  /* a PROT_NONE entry (P=0) holds the inverted PFN (arch/x86/include/asm/pgtable-invert.h) */
  u64 f = ((pte & 1) ? pte : ~pte) & PTE_PFN_MASK;
  /* a 2 MiB leaf (a THP, PROT_NONE too): its 4 KiB sub-frame; bit 12 is the PMD's PAT bit */
  if (pte & 0x80) f = (f & ~0x1fffffUL) + (addr & 0x1ff000);
  if (!(pte & 0x101) || f >> 12 != pfn) fail("a PTE read through BPF does not map the frame pagemap shows");
  return pte;
}

/* Present pages [s, e): PFNs from pagemap, contents from /proc/PID/mem. */
static void present(u64 s, u64 e, int zero) {
  while (s < e && !error) {
    u64 n = (e - s) / PAGE;
    if (n > PMBUF_ENTRIES) n = PMBUF_ENTRIES;
    if (n > MEMBUF_SIZE / PAGE) n = MEMBUF_SIZE / PAGE;
    long r = sys4(SYS_pread64, pm_fd, PMBUF, n * 8, (s / PAGE) * 8);
    if (r != (long)(n * 8)) {
      fail("short read of pagemap");
      return;
    }
    int need_mem = 0;
    for (u64 k = 0; k < n; k++) {
      u64 pfn = PMBUF[k] & PM_PFN_MASK;
      if (!zero && pfn != L.zero_pfn) need_mem = 1;
    }
    if (need_mem) {
      r = sys4(SYS_pread64, mem_fd, MEMBUF, n * PAGE, s);
      if (r != (long)(n * PAGE)) {
        fail("short read of /proc/PID/mem");
        return;
      }
    }
    for (u64 k = 0; k < n; k++) {
      u64 ent = PMBUF[k];
      u64 pfn = ent & PM_PFN_MASK;
      if (!(ent & PM_PRESENT)) {
        fail("a page changed while the state was read");
        return;
      }
      int z = zero || pfn == L.zero_pfn;
      put_page(s + k * PAGE, pfn, z ? PG_ZERO : PG_PRESENT, (u32)(ent >> 55), raw_pte(s + k * PAGE, pfn));
      if (!z && !pfn_seen(pfn)) frame_words(pfn, MEMBUF + k * PAGE);
    }
    s += n * PAGE;
  }
}

static void scan(u64 start, u64 end) {
  struct pm_scan_arg arg;
  memset(&arg, 0, sizeof arg);
  arg.size = sizeof arg;
  arg.start = start;
  arg.end = end;
  arg.vec = (u64)SCANVEC;
  arg.vec_len = SCANVEC_LEN;
  arg.category_anyof_mask = PAGE_IS_PRESENT | PAGE_IS_SWAPPED | PAGE_IS_GUARD;
  arg.return_mask = PAGE_IS_PRESENT | PAGE_IS_SWAPPED | PAGE_IS_GUARD | PAGE_IS_PFNZERO;
  while (!error) {
    long n = sys3(SYS_ioctl, pm_fd, PAGEMAP_SCAN, &arg);
    if (n < 0) {
      fail("PAGEMAP_SCAN failed");
      return;
    }
    for (long i = 0; i < n && !error; i++) {
      struct page_region *r = &SCANVEC[i];
      if (r->categories & PAGE_IS_GUARD) {
        for (u64 a = r->start; a < r->end; a += PAGE) put_page(a, 0, PG_GUARD, 0, 0);
      } else if (r->categories & PAGE_IS_PRESENT) {
        present(r->start, r->end, (r->categories & PAGE_IS_PFNZERO) != 0);
      } else {
        fail("a swap or migration entry in the page table");
      }
    }
    if (arg.walk_end >= arg.end || arg.walk_end == 0) break;
    arg.start = arg.walk_end;
  }
}

/* Without PAGEMAP_SCAN's guard category: read pagemap over each VMA. */
static void scan_raw(u64 start, u64 end) {
  if ((end - start) / PAGE > 0x100000) {
    fail("a VMA too large to read without PAGEMAP_SCAN");
    return;
  }
  for (u64 s = start; s < end && !error;) {
    u64 n = (end - s) / PAGE;
    if (n > PMBUF_ENTRIES) n = PMBUF_ENTRIES;
    if (sys4(SYS_pread64, pm_fd, PMBUF, n * 8, (s / PAGE) * 8) != (long)(n * 8)) {
      fail("short read of pagemap");
      return;
    }
    u64 k = 0;
    while (k < n && !error) {
      u64 ent = PMBUF[k];
      if (ent & PM_PRESENT) {
        u64 j = k;
        while (j < n && (PMBUF[j] & PM_PRESENT)) j++;
        present(s + k * PAGE, s + j * PAGE, 0);
        k = j;
        continue;
      }
      if (ent & PM_GUARD_REGION) put_page(s + k * PAGE, 0, PG_GUARD, 0, 0);
      else if (ent & PM_SWAP) fail("a swap or migration entry in the page table");
      k++;
    }
    s += n * PAGE;
  }
}

static void dump_proc(u32 k) {
  put32(k);
  put32(CTL->alive[k]);
  put64(CTL->brk[k]);
  put32(CTL->pkru[k]);
  u8 *counts = w;
  put32(0);
  put32(0);
  put32(0);
  if (!CTL->alive[k] || error) return;
  i32 pid = CTL->pid[k];
  if (pte_enabled()) {
    /* a fork child registers its mm when it first runs, which may be now */
    u32 tries = 0;
    for (u32 v; (v = __atomic_load_n(&CTL->reg[k], __ATOMIC_SEQ_CST)) != gen && tries < 500; tries++) {
      struct timespec_k ts = {0, 10000000};
      sys4(SYS_futex, &CTL->reg[k], FUTEX_WAIT, v, &ts);
    }
    if (CTL->reg[k] != gen || pte_registered_tgid(k) != (u64)pid) fail("a program process did not register with the page-table walker");
    slot = k;
    pte_forget();
  }
  nvma = 0;
  npages = 0;
  if (smaps_each(pid, on_vma, NULL) < 0) fail("cannot read /proc/PID/smaps");
  char path[64];
  proc_path(path, pid, "pagemap");
  pm_fd = open_ro(path);
  proc_path(path, pid, "mem");
  mem_fd = open_ro(path);
  if (pm_fd < 0 || mem_fd < 0) fail("cannot open /proc/PID/pagemap or mem");
  for (u32 i = 0; i < nvma && !error;) {
    u64 s = VMALIST[i].start, e = VMALIST[i].end;
    for (i++; i < nvma && VMALIST[i].start == e; i++) e = VMALIST[i].end;
    if (L.features & FEAT_PAGEMAP_SCAN_GUARD) scan(s, e);
    else scan_raw(s, e);
  }
  if (pm_fd >= 0) sys1(SYS_close, pm_fd);
  if (mem_fd >= 0) sys1(SYS_close, mem_fd);
  if (!error) {
    memcpy(counts, &nvma, 4);
    memcpy(counts + 4, &npages, 4);
  }
}

u64 dump_state_gen(u8 *out, u64 cap, u32 g, const char **err) {
  w = out;
  wend = out + cap;
  fw = FRAMEBUF;
  nframes = 0;
  gen = g;
  error = NULL;
  put32(CTL->nproc);
  for (u32 k = 0; k < CTL->nproc && !error; k++) dump_proc(k);
  put32(nframes);
  u64 fn = (u64)(fw - FRAMEBUF);
  if (!error && room(fn)) {
    memcpy(w, FRAMEBUF, fn);
    w += fn;
  }
  *err = error;
  return error ? 0 : (u64)(w - out);
}
