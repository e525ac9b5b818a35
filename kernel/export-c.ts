// `mmdiff export-c`: a case as one standalone C program (libc and linux uapi headers
// only) that replays it on any Linux x86-64 machine and prints every op with the
// result that kernel gave, in `.mm` expectation form — so a kernel developer can run
// a minimized case without mmdiff.
//
// The program mirrors the kernel target's helper (kernel/helper/): it re-executes
// itself with ADDR_NO_RANDOMIZE and an 8 MiB stack limit and removes [vvar]/[vdso], so
// non-fixed mmaps land where the model puts them; a coordinator process forks p0 and
// drives each process over pipes (fork ops fork the process that runs them; exit ends
// it); syscalls are raw, with the program's PKRU in force only around the access or
// the syscall instruction itself; faults are caught and reported with si_code,
// recovering by moving RIP to the end of the probe (sigreturn restores PKRU).
// brk results depend on the binary (glibc's start-up moves brk): they differ from the
// helper's unless the case sets the heap with brk(0) first.

import {
  ERRNO,
  OPS,
  SI_CODE,
  SIGNAL,
  SYSCALL_NR,
  printOp,
  processCount,
  type Arg,
  type OpName,
  type Program,
} from '../abi/index.js';

/** What the exported program does for each op, by name. */
const KIND: Record<OpName, string> = {
  mmap: 'SYS', munmap: 'SYS', mprotect: 'SYS', pkey_mprotect: 'SYS', pkey_alloc: 'SYS', pkey_free: 'SYS',
  mseal: 'SYS', madvise: 'SYS', mremap: 'SYS', brk: 'SYS', map_shadow_stack: 'SYS', arch_prctl: 'SYS', close: 'SYS',
  fork: 'FORK', exit: 'EXIT',
  trampfd_create: 'RFC', trampfd_write_code: 'RFC', trampfd_write_data: 'RFC',
  read: 'READ', write: 'WRITE', exec: 'EXEC', wrpkru: 'WRPKRU',
  call: 'PLAIN', ret: 'PLAIN', incssp: 'INCSSP', wrss: 'WRSS', rstorssp: 'RSTORSSP', saveprevssp: 'SAVEPREVSSP',
  // not exported yet: mem_write (a pwrite to /proc/self/mem); signal/sigreturn do nothing without shadow stacks
  mem_write: 'RFC', signal: 'PLAIN', sigreturn: 'PLAIN',
};

const NR: Partial<Record<OpName, number>> = { ...SYSCALL_NR };

function cString(s: string): string {
  return '"' + s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n') + '"';
}

function cArg(a: Arg): string {
  if (typeof a === 'bigint') return `0x${a.toString(16)}ULL`;
  return a.map((t) => `${t.neg ? '-' : '+'} ${t.ref !== undefined ? `R[${t.ref}]` : `0x${(t.lit as bigint).toString(16)}ULL`}`).join(' ').replace(/^\+ /, '');
}

const RET: Record<string, number> = { addr: 0, word: 1, int: 2 };

export function exportC(prog: Program, source: string): string {
  const nprocs = processCount(prog);
  const regs = Math.max(1, ...prog.ops.map((o) => (o.bind ?? -1) + 1));
  const notes: string[] = [];
  const m = prog.machine ?? {};
  if (m.shstk) notes.push('the case assumes a CPU and kernel with user shadow stacks (shstk=1)');
  if (m.pku === false) notes.push('the case assumes a CPU without protection keys (pku=0)');
  if (m.maxMapCount !== undefined) notes.push(`the case assumes vm.max_map_count = ${m.maxMapCount}`);
  if (m.mmapBase !== undefined || m.brkStart !== undefined || m.mmapMinAddr !== undefined) notes.push('the case assumes a non-default layout (mmapBase/brkStart/mmapMinAddr)');
  if (m.profile && m.profile !== '6.18') notes.push(`the case was written for the ${m.profile} profile of the model`);
  let child = 0;
  const steps = prog.ops.map((op, i) => {
    const spec = OPS[op.name];
    const args = op.args.map(cArg);
    while (args.length < 6) args.push('0');
    const forkChild = op.name === 'fork' ? ++child : 0;
    const text = printOp({ ...op, expect: undefined, lead: undefined, note: undefined });
    return `  { u64 a[6] = { ${args.join(', ')} }; step(${i}, ${op.proc}, K_${KIND[op.name]}, ${NR[op.name] ?? -1}, a, ${forkChild}, ${op.bind ?? -1}, ${RET[spec.returns]}, ${cString(text)}); }`;
  });
  const errnoTable = Object.entries(ERRNO).map(([n, v]) => `  [${v}] = "${n}",`).join('\n');
  const sig = (name: keyof typeof SIGNAL) => SIGNAL[name];
  return `/* mmdiff export-c of ${source.replace(/\*\//g, '* /')}: ${prog.ops.length} ops, ${nprocs} process${nprocs > 1 ? 'es' : ''}.
 *
 * Replays the case on this machine's Linux (x86-64) and prints every op with the
 * result this kernel gave, in .mm expectation form (compare with the case file).
 *   gcc -O1 -static -o repro repro.c && ./repro
 * Static, so no shared libraries sit below the mmap base; the program re-executes
 * itself without address randomization and with an 8 MiB stack limit, and unmaps
 * [vvar]/[vdso], so non-fixed mmaps land where mmdiff's model puts them. brk values
 * depend on the binary.${notes.length ? '\n * Notes: ' + notes.join('; ') + '.' : ''}
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/personality.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <ucontext.h>
#include <unistd.h>

typedef uint64_t u64;
enum { NPROCS = ${nprocs}, NREGS = ${regs} };
enum { K_SYS, K_FORK, K_EXIT, K_RFC, K_READ, K_WRITE, K_EXEC, K_WRPKRU, K_PLAIN, K_INCSSP, K_WRSS, K_RSTORSSP, K_SAVEPREVSSP };
enum { RES_VALUE, RES_ERRNO, RES_FAULT, RES_NOTRUN };

static const char *const ERRNO_NAME[${Math.max(...Object.values(ERRNO)) + 1}] = {
${errnoTable}
};

/* Probes: each is one access between a *_insn and a *_resume label. A fault in it is
 * recorded by on_fault, which moves RIP to the resume label (and zeroes r8, the
 * value register); sigreturn restores the PKRU of the access. The pk variants set
 * PKRU (esi) around the access only, so the rest of the program runs with PKRU 0. */
__asm__(
  ".text\\n"
  ".globl mm_read8_pk, mm_read8_pk_insn, mm_read8_pk_resume\\n"
  "mm_read8_pk: mov %esi,%eax; xor %ecx,%ecx; xor %edx,%edx; wrpkru\\n"
  "mm_read8_pk_insn: mov (%rdi),%r8\\n"
  "mm_read8_pk_resume: xor %eax,%eax; xor %ecx,%ecx; xor %edx,%edx; wrpkru; mov %r8,%rax; ret\\n"
  ".globl mm_write8_pk, mm_write8_pk_insn, mm_write8_pk_resume\\n"
  "mm_write8_pk: mov %rsi,%r8; mov %edx,%eax; xor %ecx,%ecx; xor %edx,%edx; wrpkru\\n"
  "mm_write8_pk_insn: mov %r8,(%rdi)\\n"
  "mm_write8_pk_resume: xor %eax,%eax; xor %ecx,%ecx; xor %edx,%edx; wrpkru; ret\\n"
  ".globl mm_read8, mm_read8_insn, mm_read8_resume\\n"
  "mm_read8: mm_read8_insn: mov (%rdi),%r8\\n"
  "mm_read8_resume: mov %r8,%rax; ret\\n"
  ".globl mm_write8, mm_write8_insn, mm_write8_resume\\n"
  "mm_write8: mm_write8_insn: mov %rsi,(%rdi)\\n"
  "mm_write8_resume: ret\\n"
  ".globl mm_read1, mm_read1_insn, mm_read1_resume\\n"
  "mm_read1: mm_read1_insn: movzbl (%rdi),%r8d\\n"
  "mm_read1_resume: ret\\n"
  /* long mm_syscall(u64 *nr_args, u32 pkru, int pk): the syscall instruction under pkru;
   * nothing touches memory while PKRU is the program's */
  ".globl mm_syscall\\n"
  "mm_syscall: push %r12; push %r13; push %r14; push %r15\\n"
  " mov %esi,%r12d; mov %edx,%r14d; mov 0(%rdi),%r13; mov 24(%rdi),%r15\\n"
  " mov 32(%rdi),%r10; mov 40(%rdi),%r8; mov 48(%rdi),%r9; mov 16(%rdi),%rsi; mov 8(%rdi),%rdi\\n"
  " test %r14d,%r14d; jz 1f\\n"
  " mov %r12d,%eax; xor %ecx,%ecx; xor %edx,%edx; wrpkru\\n"
  "1: mov %r15,%rdx; mov %r13,%rax; syscall\\n"
  " test %r14d,%r14d; jz 2f\\n"
  " mov %rax,%r13; xor %eax,%eax; xor %ecx,%ecx; xor %edx,%edx; wrpkru; mov %r13,%rax\\n"
  "2: pop %r15; pop %r14; pop %r13; pop %r12; ret\\n"
  /* void mm_wrpkru(void): WRPKRU 0 — #UD (SIGILL) without protection keys */
  ".globl mm_wrpkru, mm_wrpkru_insn, mm_wrpkru_resume\\n"
  "mm_wrpkru: xor %eax,%eax; xor %ecx,%ecx; xor %edx,%edx\\n"
  "mm_wrpkru_insn: wrpkru\\n"
  "mm_wrpkru_resume: ret\\n"
  ".globl mm_incssp, mm_incssp_insn, mm_incssp_resume\\n"
  "mm_incssp: mm_incssp_insn: .byte 0xf3,0x48,0x0f,0xae,0xef\\n" /* incsspq %rdi */
  "mm_incssp_resume: ret\\n"
  ".globl mm_wrss, mm_wrss_insn, mm_wrss_resume\\n"
  "mm_wrss: mm_wrss_insn: .byte 0x48,0x0f,0x38,0xf6,0x37\\n" /* wrssq %rsi,(%rdi) */
  "mm_wrss_resume: ret\\n"
  ".globl mm_rstorssp, mm_rstorssp_insn, mm_rstorssp_resume\\n"
  "mm_rstorssp: mm_rstorssp_insn: .byte 0xf3,0x0f,0x01,0x2f\\n" /* rstorssp (%rdi) */
  "mm_rstorssp_resume: ret\\n"
  ".globl mm_saveprevssp, mm_saveprevssp_insn, mm_saveprevssp_resume\\n"
  "mm_saveprevssp: mm_saveprevssp_insn: .byte 0xf3,0x0f,0x01,0xea\\n" /* saveprevssp */
  "mm_saveprevssp_resume: ret\\n");

#define PROBE(n) extern char n##_insn[], n##_resume[]
PROBE(mm_read8_pk); PROBE(mm_write8_pk); PROBE(mm_read8); PROBE(mm_write8); PROBE(mm_read1); PROBE(mm_wrpkru);
PROBE(mm_incssp); PROBE(mm_wrss); PROBE(mm_rstorssp); PROBE(mm_saveprevssp);
u64 mm_read8_pk(u64 addr, uint32_t pkru); void mm_write8_pk(u64 addr, u64 v, uint32_t pkru);
u64 mm_read8(u64 addr); void mm_write8(u64 addr, u64 v); void mm_read1(u64 addr);
long mm_syscall(u64 *nr_args, uint32_t pkru, int pk); void mm_wrpkru(void);
void mm_incssp(u64 n); void mm_wrss(u64 addr, u64 v); void mm_rstorssp(u64 addr); void mm_saveprevssp(void);

static char *const PROBES[][2] = {
  {mm_read8_pk_insn, mm_read8_pk_resume}, {mm_write8_pk_insn, mm_write8_pk_resume}, {mm_read8_insn, mm_read8_resume},
  {mm_write8_insn, mm_write8_resume}, {mm_read1_insn, mm_read1_resume}, {mm_wrpkru_insn, mm_wrpkru_resume},
  {mm_incssp_insn, mm_incssp_resume}, {mm_wrss_insn, mm_wrss_resume}, {mm_rstorssp_insn, mm_rstorssp_resume},
  {mm_saveprevssp_insn, mm_saveprevssp_resume},
};

static volatile int fault_sig, fault_code;

static void on_fault(int sig, siginfo_t *si, void *ctx) {
  ucontext_t *uc = ctx;
  char *rip = (char *)uc->uc_mcontext.gregs[REG_RIP];
  for (unsigned i = 0; i < sizeof PROBES / sizeof PROBES[0]; i++) {
    if (rip == PROBES[i][0]) {
      fault_sig = sig;
      fault_code = si->si_code;
      uc->uc_mcontext.gregs[REG_RIP] = (greg_t)PROBES[i][1];
      uc->uc_mcontext.gregs[REG_R8] = 0;
      return;
    }
  }
  static const char msg[] = "repro: fault outside a probe: the case touched this program's own memory\\n";
  write(2, msg, sizeof msg - 1);
  _exit(70);
}

static int have_pku;
static uint32_t pkru; /* the PKRU of the program (this process) */

struct req { int32_t op, kind, nr, fork_child; u64 a[6]; };
struct rep { int32_t kind, sig, code, pad; u64 value; };
static int req_fd[NPROCS][2], rep_fd[NPROCS][2];

static void full_io(int write_side, int fd, void *buf, size_t n) {
  char *p = buf;
  while (n) {
    ssize_t r = write_side ? write(fd, p, n) : read(fd, p, n);
    if (r <= 0) _exit(write_side ? 71 : 0);
    p += r;
    n -= (size_t)r;
  }
}

static struct rep cpu_done(u64 value) {
  struct rep r = {0};
  if (fault_sig) { r.kind = RES_FAULT; r.sig = fault_sig; r.code = fault_code; }
  else { r.kind = RES_VALUE; r.value = value; }
  return r;
}

/* exec: an instruction fetch of the page (docs/conventions.md): a one-byte read with
 * PKRU 0 faults the page in (fetches ignore PKRU), then the VMA must be executable. */
static struct rep do_exec(u64 addr) {
  fault_sig = 0;
  mm_read1(addr);
  if (fault_sig) return cpu_done(0);
  static char maps[1 << 20];
  int fd = open("/proc/self/maps", O_RDONLY);
  ssize_t n = 0, r;
  while (fd >= 0 && n < (ssize_t)sizeof maps - 1 && (r = read(fd, maps + n, sizeof maps - 1 - n)) > 0) n += r;
  if (fd >= 0) close(fd);
  maps[n] = 0;
  for (char *line = maps; *line;) {
    unsigned long lo, hi;
    char perm[5];
    if (sscanf(line, "%lx-%lx %4s", &lo, &hi, perm) == 3 && addr >= lo && addr < hi) {
      struct rep out = {0};
      if (perm[2] == 'x') out.kind = RES_VALUE;
      else { out.kind = RES_FAULT; out.sig = SIGSEGV; out.code = SEGV_ACCERR; }
      return out;
    }
    char *nl = strchr(line, '\\n');
    if (!nl) break;
    line = nl + 1;
  }
  struct rep out = { RES_FAULT, SIGSEGV, SEGV_MAPERR, 0, 0 };
  return out;
}

static void serve(int me);

static struct rep run_op(int me, const struct req *q) {
  struct rep r = {0};
  fault_sig = 0;
  switch (q->kind) {
  case K_SYS: {
    u64 args[7] = { (u64)q->nr, q->a[0], q->a[1], q->a[2], q->a[3], q->a[4], q->a[5] };
    long v = mm_syscall(args, pkru, have_pku);
    if (v < 0 && v >= -4095) { r.kind = RES_ERRNO; r.code = (int)-v; } else { r.kind = RES_VALUE; r.value = (u64)v; }
    return r;
  }
  case K_FORK: {
    u64 args[7] = { 57 };
    long v = mm_syscall(args, pkru, have_pku);
    if (v == 0) serve(q->fork_child); /* never returns */
    if (v < 0) { r.kind = RES_ERRNO; r.code = (int)-v; } else { r.kind = RES_VALUE; r.value = (u64)q->fork_child; }
    return r;
  }
  case K_RFC: r.kind = RES_NOTRUN; return r;
  case K_READ: return cpu_done(have_pku ? mm_read8_pk(q->a[0], pkru) : mm_read8(q->a[0]));
  case K_WRITE: if (have_pku) mm_write8_pk(q->a[0], q->a[1], pkru); else mm_write8(q->a[0], q->a[1]); return cpu_done(0);
  case K_EXEC: return do_exec(q->a[0]);
  case K_WRPKRU: mm_wrpkru(); if (!fault_sig) pkru = (uint32_t)q->a[0]; return cpu_done(0);
  case K_PLAIN: return cpu_done(0); /* call/ret: no shadow stack is enabled here */
  case K_INCSSP: mm_incssp(q->a[0]); return cpu_done(0);
  case K_WRSS: mm_wrss(q->a[0], q->a[1]); return cpu_done(0);
  case K_RSTORSSP: mm_rstorssp(q->a[0]); return cpu_done(0);
  case K_SAVEPREVSSP: mm_saveprevssp(); return cpu_done(0);
  }
  (void)me;
  return r;
}

/* Process number me: run the ops the coordinator sends until told to stop. */
static void serve(int me) {
  for (;;) {
    struct req q;
    full_io(0, req_fd[me][0], &q, sizeof q);
    if (q.op < 0) _exit(0);
    if (q.kind == K_EXIT) {
      struct rep r = { RES_VALUE, 0, 0, 0, 0 };
      full_io(1, rep_fd[me][1], &r, sizeof r);
      u64 args[7] = { 231, q.a[0] };
      mm_syscall(args, 0, 0);
    }
    struct rep r = run_op(me, &q);
    full_io(1, rep_fd[me][1], &r, sizeof r);
  }
}

static u64 R[NREGS];
static int alive[NPROCS];

static void emit(const char *text, const struct rep *r, int ret) {
  static const char *const SEGV[] = { "?", "SEGV_MAPERR", "SEGV_ACCERR", "SEGV_BNDERR", "SEGV_PKUERR", "?", "?", "?", "?", "?", "SEGV_CPERR" };
  static const char *const BUS[] = { "?", "BUS_ADRALN", "BUS_ADRERR", "BUS_OBJERR" };
  char out[4096];
  int n;
  if (r->kind == RES_VALUE) {
    if (ret == 2) n = snprintf(out, sizeof out, "%s = %lld\\n", text, (long long)r->value);
    else if (r->value == 0) n = snprintf(out, sizeof out, "%s = 0\\n", text);
    else n = snprintf(out, sizeof out, "%s = 0x%llx\\n", text, (unsigned long long)r->value);
  } else if (r->kind == RES_ERRNO) {
    const char *name = r->code < (int)(sizeof ERRNO_NAME / sizeof ERRNO_NAME[0]) ? ERRNO_NAME[r->code] : 0;
    if (name) n = snprintf(out, sizeof out, "%s = -%s\\n", text, name);
    else n = snprintf(out, sizeof out, "%s = -%d\\n", text, r->code);
  } else if (r->kind == RES_FAULT) {
    const char *s = r->sig == ${sig('SIGSEGV')} ? "SIGSEGV" : r->sig == ${sig('SIGBUS')} ? "SIGBUS" : r->sig == ${sig('SIGILL')} ? "SIGILL" : "SIG?";
    const char *c = r->code == ${SI_CODE.SI_KERNEL} ? "SI_KERNEL"
      : r->sig == SIGSEGV && r->code >= 0 && r->code <= 10 ? SEGV[r->code]
      : r->sig == SIGBUS && r->code >= 0 && r->code <= 3 ? BUS[r->code]
      : r->sig == SIGILL && r->code == ${SI_CODE.ILL_ILLOPN} ? "ILL_ILLOPN" : "?";
    n = snprintf(out, sizeof out, "%s = fault %s %s\\n", text, s, c);
  } else {
    n = snprintf(out, sizeof out, "%s  # not run: a trampfd RFC call, in no kernel\\n", text);
  }
  if (n > (int)sizeof out - 1) n = sizeof out - 1;
  write(1, out, (size_t)n);
}

static void step(int op, int proc, int kind, int nr, u64 *a, int fork_child, int bind, int ret, const char *text) {
  struct rep r = {0};
  if (!alive[proc]) { r.kind = RES_ERRNO; r.code = 3; /* ESRCH: no such process (yet) */ }
  else {
    struct req q = { op, kind, nr, fork_child, { a[0], a[1], a[2], a[3], a[4], a[5] } };
    full_io(1, req_fd[proc][1], &q, sizeof q);
    full_io(0, rep_fd[proc][0], &r, sizeof r);
    if (kind == K_FORK && r.kind == RES_VALUE) alive[fork_child] = 1;
    if (kind == K_EXIT) { alive[proc] = 0; waitpid(-1, 0, WNOHANG); }
  }
  emit(text, &r, ret);
  if (bind >= 0) R[bind] = r.kind == RES_VALUE ? r.value : r.kind == RES_ERRNO ? (u64)-(long long)r.code : 0;
}

/* [vvar], [vvar_vclock], [vdso] sit just below the mmap base: remove them. */
static void unmap_vdso(void) {
  static char maps[1 << 16];
  int fd = open("/proc/self/maps", O_RDONLY);
  ssize_t n = fd < 0 ? 0 : read(fd, maps, sizeof maps - 1);
  if (fd >= 0) close(fd);
  maps[n > 0 ? n : 0] = 0;
  for (char *line = maps; line && *line;) {
    unsigned long lo, hi;
    char *nl = strchr(line, '\\n');
    if (nl) *nl = 0;
    if ((strstr(line, "[vvar]") || strstr(line, "[vvar_vclock]") || strstr(line, "[vdso]")) && sscanf(line, "%lx-%lx", &lo, &hi) == 2) {
      u64 args[7] = { 11, lo, hi - lo };
      mm_syscall(args, 0, 0);
    }
    line = nl ? nl + 1 : 0;
  }
}

int main(int argc, char **argv) {
  (void)argc;
  struct rlimit rl;
  getrlimit(RLIMIT_STACK, &rl);
  int pers = personality(0xffffffff);
  if (!(pers & ADDR_NO_RANDOMIZE) || rl.rlim_cur != 8UL << 20) {
    rl.rlim_cur = 8UL << 20;
    if (setrlimit(RLIMIT_STACK, &rl) || personality((unsigned long)pers | ADDR_NO_RANDOMIZE) == -1) { perror("repro: setup"); return 70; }
    execv("/proc/self/exe", argv);
    perror("repro: re-exec");
    return 70;
  }
  unsigned a, b, c, d;
  __asm__ volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(7), "c"(0));
  have_pku = (c >> 4) & 1; /* OSPKE: the kernel enabled protection keys */
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_fault;
  sa.sa_flags = SA_SIGINFO | SA_NODEFER;
  sigaction(SIGSEGV, &sa, 0);
  sigaction(SIGBUS, &sa, 0);
  sigaction(SIGILL, &sa, 0);
  for (int i = 0; i < NPROCS; i++) if (pipe(req_fd[i]) || pipe(rep_fd[i])) { perror("repro: pipe"); return 70; }
  unmap_vdso();
  if (have_pku) { __asm__ volatile("rdpkru" : "=a"(a), "=d"(d) : "c"(0)); pkru = a; mm_wrpkru(); }
  pid_t p0 = fork();
  if (p0 == 0) serve(0);
  alive[0] = 1;
${steps.join('\n')}
  for (int i = 0; i < NPROCS; i++) {
    if (!alive[i]) continue;
    struct req q = { -1, 0, 0, 0, {0} };
    full_io(1, req_fd[i][1], &q, sizeof q);
  }
  while (wait(0) > 0) {}
  return 0;
}
`;
}
