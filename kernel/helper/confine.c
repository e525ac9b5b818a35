// What a program process may do, beyond running its ops: a program is data from
// somebody else (a sync directory, a shared corpus), so the processes that run it keep
// only the capabilities the semantics need and a seccomp allow-list of the syscalls
// the runner makes on their behalf; anything else kills the process (the server then
// reports a crash). No libc: the filter is plain classic-BPF instructions.

#include "io.h"
#include "ptewalk.h"

// include/uapi/linux/filter.h, seccomp.h, audit.h
struct sock_filter { u16 code; u8 jt, jf; u32 k; };
struct sock_fprog { u16 len; struct sock_filter *filter; };
#define BPF_LD_W_ABS 0x20
#define BPF_JEQ_K 0x15
#define BPF_JSET_K 0x45
#define BPF_RET_K 0x06
#define SECCOMP_RET_ALLOW 0x7fff0000U
#define SECCOMP_RET_KILL_PROCESS 0x80000000U
#define AUDIT_ARCH_X86_64 0xc000003eU
#define PR_SET_NO_NEW_PRIVS 38
#define PR_SET_SECCOMP 22
#define SECCOMP_MODE_FILTER 2
// struct seccomp_data: nr at 0, arch at 4, args[i] at 16 + 8 * i (low half first)
#define SD_NR 0
#define SD_ARCH 4
#define SD_ARG_LO(i) (16 + 8 * (i))
#define SD_ARG_HI(i) (20 + 8 * (i))
#define SYS_getpgid 121

#define STMT(c, kk) ((struct sock_filter){(u16)(c), 0, 0, (u32)(kk)})
#define JUMP(c, kk, t, f) ((struct sock_filter){(u16)(c), (u8)(t), (u8)(f), (u32)(kk)})

/* Syscalls allowed whatever their arguments: the ops, the baton (futex), fork/exit,
 * the fault probes' return, the runner's own reads of /proc/self (close, pwrite64 of
 * mem_write, write of a last message). */
static const u32 PLAIN[] = {
  SYS_mmap, SYS_munmap, SYS_mprotect, SYS_pkey_mprotect, SYS_pkey_alloc, SYS_pkey_free, SYS_mseal,
  SYS_madvise, SYS_mremap, SYS_brk, SYS_fork, SYS_exit, SYS_exit_group, SYS_futex, SYS_rt_sigreturn,
  SYS_close, 18 /* pwrite64 */, SYS_write,
};

void confine_program_process(void) {
  enum { N = sizeof PLAIN / sizeof PLAIN[0] };
  struct sock_filter f[N + 32];
  int k = 0;
  f[k++] = STMT(BPF_LD_W_ABS, SD_ARCH);
  f[k++] = JUMP(BPF_JEQ_K, AUDIT_ARCH_X86_64, 1, 0);
  f[k++] = STMT(BPF_RET_K, SECCOMP_RET_KILL_PROCESS);
  f[k++] = STMT(BPF_LD_W_ABS, SD_NR);
  /* kill(pid, 0) only: is the server still there */
  f[k++] = JUMP(BPF_JEQ_K, SYS_kill, 0, 4);
  f[k++] = STMT(BPF_LD_W_ABS, SD_ARG_LO(1));
  f[k++] = JUMP(BPF_JEQ_K, 0, 0, 1);
  f[k++] = STMT(BPF_RET_K, SECCOMP_RET_ALLOW);
  f[k++] = STMT(BPF_RET_K, SECCOMP_RET_KILL_PROCESS);
  /* ioctl(fd, PROCMAP_QUERY, ...) only: exec's look-up in /proc/self/maps */
  f[k++] = JUMP(BPF_JEQ_K, SYS_ioctl, 0, 4);
  f[k++] = STMT(BPF_LD_W_ABS, SD_ARG_LO(1));
  f[k++] = JUMP(BPF_JEQ_K, (u32)PROCMAP_QUERY, 0, 1);
  f[k++] = STMT(BPF_RET_K, SECCOMP_RET_ALLOW);
  f[k++] = STMT(BPF_RET_K, SECCOMP_RET_KILL_PROCESS);
  /* open without O_WRONLY, O_CREAT, O_TRUNC, O_APPEND (O_RDWR: /proc/self/mem for mem_write) */
  f[k++] = JUMP(BPF_JEQ_K, SYS_open, 0, 4);
  f[k++] = STMT(BPF_LD_W_ABS, SD_ARG_LO(1));
  f[k++] = JUMP(BPF_JSET_K, 01 | 0100 | 01000 | 02000, 1, 0);
  f[k++] = STMT(BPF_RET_K, SECCOMP_RET_ALLOW);
  f[k++] = STMT(BPF_RET_K, SECCOMP_RET_KILL_PROCESS);
  /* getpgid(MAGIC | cookie | slot) only: registering the mm with the page-table walker */
  if (pte_enabled()) {
    f[k++] = JUMP(BPF_JEQ_K, SYS_getpgid, 0, 4);
    f[k++] = STMT(BPF_LD_W_ABS, SD_ARG_HI(0));
    f[k++] = JUMP(BPF_JEQ_K, (u32)(pte_register_arg(0) >> 32), 0, 1);
    f[k++] = STMT(BPF_RET_K, SECCOMP_RET_ALLOW);
    f[k++] = STMT(BPF_RET_K, SECCOMP_RET_KILL_PROCESS);
  }
  for (int i = 0; i < N; i++) f[k++] = JUMP(BPF_JEQ_K, PLAIN[i], (u8)(N - i), 0);
  f[k++] = STMT(BPF_RET_K, SECCOMP_RET_KILL_PROCESS);
  f[k++] = STMT(BPF_RET_K, SECCOMP_RET_ALLOW);
  struct sock_fprog prog = {(u16)k, f};
  if (sys2(SYS_prctl, PR_SET_NO_NEW_PRIVS, 1) < 0 || sys3(SYS_prctl, PR_SET_SECCOMP, SECCOMP_MODE_FILTER, (long)&prog) < 0)
    die("seccomp filter for a program process", 0);
}
