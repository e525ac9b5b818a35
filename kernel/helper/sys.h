// Freestanding basics for the helper: integer types, raw syscalls, a few libc-free
// string helpers, and the Linux x86-64 numbers the helper uses. The helper links no
// libc: glibc's static startup moves brk (TLS is sbrk'd), its mremap() passes a
// garbage fifth argument and its brk() hides the kernel's return value.
#ifndef MMDIFF_SYS_H
#define MMDIFF_SYS_H

typedef unsigned long u64;
typedef long i64;
typedef unsigned int u32;
typedef int i32;
typedef unsigned short u16;
typedef short i16;
typedef unsigned char u8;

#define NULL ((void *)0)
#define PAGE 0x1000UL
#define TASK_SIZE 0x7ffffffff000UL
#define STACK_GUARD_GAP 0x100000UL

// arch/x86/entry/syscalls/syscall_64.tbl
enum {
  SYS_read = 0, SYS_write = 1, SYS_open = 2, SYS_close = 3, SYS_poll = 7, SYS_mmap = 9,
  SYS_mprotect = 10, SYS_munmap = 11, SYS_brk = 12, SYS_rt_sigaction = 13,
  SYS_rt_sigreturn = 15, SYS_ioctl = 16, SYS_pread64 = 17, SYS_mremap = 25,
  SYS_madvise = 28, SYS_getpid = 39, SYS_fork = 57, SYS_execve = 59, SYS_exit = 60,
  SYS_wait4 = 61, SYS_kill = 62, SYS_uname = 63, SYS_getrlimit = 97, SYS_sysinfo = 99, SYS_setpgid = 109,
  SYS_capget = 125, SYS_capset = 126, SYS_personality = 135, SYS_prctl = 157,
  SYS_setrlimit = 160, SYS_ftruncate = 77, SYS_memfd_create = 319, SYS_futex = 202, SYS_exit_group = 231, SYS_waitid = 247,
  SYS_pkey_mprotect = 329, SYS_pkey_alloc = 330, SYS_pkey_free = 331,
  SYS_sched_setaffinity = 203, SYS_pidfd_open = 434, SYS_close_range = 436, SYS_mseal = 462,
};

static inline long sys6(long n, long a, long b, long c, long d, long e, long f) {
  register long r10 __asm__("r10") = d;
  register long r8 __asm__("r8") = e;
  register long r9 __asm__("r9") = f;
  long ret;
  __asm__ volatile("syscall"
                   : "=a"(ret)
                   : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
                   : "rcx", "r11", "memory");
  return ret;
}
#define sys0(n) sys6((n), 0, 0, 0, 0, 0, 0)
#define sys1(n, a) sys6((n), (long)(a), 0, 0, 0, 0, 0)
#define sys2(n, a, b) sys6((n), (long)(a), (long)(b), 0, 0, 0, 0)
#define sys3(n, a, b, c) sys6((n), (long)(a), (long)(b), (long)(c), 0, 0, 0)
#define sys4(n, a, b, c, d) sys6((n), (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)
#define sys5(n, a, b, c, d, e) sys6((n), (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), 0)

static inline int is_err(long r) { return (u64)r > (u64)-4096L; }

// include/uapi/asm-generic/mman-common.h, mman.h
#define PROT_READ 1
#define PROT_WRITE 2
#define PROT_EXEC 4
#define MAP_SHARED 0x01
#define MAP_PRIVATE 0x02
#define MAP_TYPE 0x0f
#define MAP_FIXED 0x10
#define MAP_ANONYMOUS 0x20
#define MAP_LOCKED 0x2000
#define MAP_NORESERVE 0x4000
#define MAP_HUGETLB 0x40000
#define MAP_POPULATE 0x8000
#define MAP_FIXED_NOREPLACE 0x100000
#define MREMAP_FIXED 2
#define MADV_WILLNEED 3
#define MADV_POPULATE_READ 22
#define MADV_POPULATE_WRITE 23
#define MADV_GUARD_INSTALL 102
#define O_RDONLY 0
#define O_CLOEXEC 02000000
#define ADDR_NO_RANDOMIZE 0x0040000
#define RLIMIT_STACK 3
#define PR_SET_PDEATHSIG 1
#define PR_SET_THP_DISABLE 41
#define PR_SET_CHILD_SUBREAPER 36
#define FUTEX_WAIT 0
#define FUTEX_WAKE 1
#define SIGKILL 9
#define SIGILL 4
#define SIGBUS 7
#define SIGSEGV 11
#define SA_SIGINFO 4
#define SA_RESTORER 0x04000000
#define WNOHANG 1
#define WEXITED 4
#define WNOWAIT 0x01000000
#define P_PID 1
#define POLLIN 1
#define CAP_SYS_ADMIN 21
#define CAP_IPC_LOCK 14
#define CAP_SYS_RAWIO 17
#define CAP_SYS_RESOURCE 24
// include/uapi/linux/fs.h: PROCMAP_QUERY = _IOWR('f', 17, struct procmap_query),
// PAGEMAP_SCAN = _IOWR('f', 16, struct pm_scan_arg)
#define PROCMAP_QUERY 0xC0686611UL
#define PAGEMAP_SCAN 0xC0606610UL
#define PROCMAP_QUERY_VMA_EXECUTABLE 4
#define PAGE_IS_PRESENT (1UL << 3)
#define PAGE_IS_SWAPPED (1UL << 4)
#define PAGE_IS_PFNZERO (1UL << 5)
#define PAGE_IS_GUARD (1UL << 8)
// fs/proc/task_mmu.c: pagemap entry bits
#define PM_PFN_MASK ((1UL << 55) - 1)
#define PM_MMAP_EXCLUSIVE (1UL << 56)
#define PM_GUARD_REGION (1UL << 58)
#define PM_SWAP (1UL << 62)
#define PM_PRESENT (1UL << 63)

struct timespec_k { long sec, nsec; };
struct rlimit_k { u64 cur, max; };
struct pollfd_k { i32 fd; short events, revents; };
struct procmap_query {
  u64 size, query_flags, query_addr, vma_start, vma_end, vma_flags, vma_page_size, vma_offset, inode;
  u32 dev_major, dev_minor, vma_name_size, build_id_size;
  u64 vma_name_addr, build_id_addr;
};
struct pm_scan_arg {
  u64 size, flags, start, end, walk_end, vec, vec_len, max_pages;
  u64 category_inverted, category_mask, category_anyof_mask, return_mask;
};
struct page_region { u64 start, end, categories; };
struct k_sigaction { void *handler; u64 flags; void *restorer; u64 mask; };
struct sysinfo_k {
  long uptime; u64 loads[3]; u64 totalram, freeram, sharedram, bufferram, totalswap, freeswap;
  u16 procs, pad; u64 totalhigh, freehigh; u32 mem_unit; char _f[8];
};
struct cap_header { u32 version; i32 pid; };
struct cap_data { u32 effective, permitted, inheritable; };

// Freestanding string helpers (gcc may also emit calls to memset/memcpy).
void *memset(void *d, int c, u64 n);
void *memcpy(void *d, const void *s, u64 n);
u64 slen(const char *s);
int sstarts(const char *s, const char *prefix);

#endif
