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
// A case is data from somebody else, so the reproducer guards itself as the helper
// does: an op whose range reaches the reproducer's own memory (its VMAs when it
// starts, read from /proc/self/maps), an arch_prctl other than the shadow-stack ones
// or a close of one of its own descriptors is refused (exit 3); the program processes
// run under a seccomp allow-list of the syscalls they need. The ops are a table, not
// code, so a case of any length compiles and runs in constant stack. Each result is
// compared with the case's expectation (exit 1 on a difference); a process that dies
// ends the run with a message, never a hang; the end state's VMAs are printed, and every
// page with a page-table entry: as root, with its real PTE bits read through the kernel
// helper's BPF walker (kernel/export-c-pte.ts), elsewhere present-or-not from pagemap
// (one line says why). The case's `#! pN pte` assertions are checked where they stand
// (frames numbered as mmdiff numbers them), like the expectations; its other `#!` lines
// are listed as not checked. A case for `thp=0` runs with PR_SET_THP_DISABLE.

import {
  ARCH_SHSTK,
  ERRNO,
  formatResult,
  MAP,
  MREMAP,
  OPS,
  SI_CODE,
  SIGNAL,
  SYSCALL_NR,
  printOp,
  processCount,
  PTE_BIT_NAMES,
  PTE_OBSERVED_MASK,
  type OpName,
  type Program,
} from '../abi/index.js';
import { pteWalkerC } from './export-c-pte.js';

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

/**
 * Which of an op's arguments can reach memory, checked against the reproducer's own
 * VMAs before the op runs: RANGE (addr, len rounded to pages), MMAP (the range with
 * MAP_FIXED; a hint never replaces), MREMAP (the source, and the destination with
 * MREMAP_FIXED), BRK (a break below the initial one), WORD/BYTE (an access), ARCH
 * (only the shadow-stack codes, STATUS writing 8 bytes at its argument), CLOSE (not
 * one of the reproducer's own descriptors).
 */
const CHECK: Record<OpName, string> = {
  mmap: 'CK_MMAP', munmap: 'CK_RANGE', mprotect: 'CK_RANGE', pkey_mprotect: 'CK_RANGE', mseal: 'CK_RANGE', madvise: 'CK_RANGE',
  mremap: 'CK_MREMAP', brk: 'CK_BRK', read: 'CK_WORD', write: 'CK_WORD', wrss: 'CK_WORD', rstorssp: 'CK_WORD', exec: 'CK_BYTE',
  arch_prctl: 'CK_ARCH', close: 'CK_CLOSE', pkey_alloc: 'CK_NONE', pkey_free: 'CK_NONE', map_shadow_stack: 'CK_NONE',
  fork: 'CK_NONE', exit: 'CK_NONE', trampfd_create: 'CK_NONE', trampfd_write_code: 'CK_NONE', trampfd_write_data: 'CK_NONE',
  wrpkru: 'CK_NONE', call: 'CK_NONE', ret: 'CK_NONE', incssp: 'CK_NONE', saveprevssp: 'CK_NONE', mem_write: 'CK_NONE',
  signal: 'CK_NONE', sigreturn: 'CK_NONE',
};

function cString(s: string): string {
  return '"' + s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n') + '"';
}


const RET: Record<string, number> = { addr: 0, word: 1, int: 2 };

/** Frame kinds of a `#! pN pte` assertion, as the reproducer's FK_* enum numbers them. */
const FRAME_KIND: Record<string, number> = { f: 0, Z: 1, page: 2, none: 3, guard: 4 };

interface PteAssertion {
  /** It holds before op `at` (the number of ops: at the end). */
  readonly at: number;
  readonly proc: number;
  readonly addr: ReadonlyArray<{ lit?: bigint; ref?: number; neg: boolean }>;
  readonly bits: bigint;
  readonly frameKind: number;
  readonly frameId: number;
  readonly text: string;
}

/** The case's `#!` lines: the `pN pte` ones parsed, the others (VMAs, brk, …) as written. */
function assertionsOf(prog: Program): { ptes: PteAssertion[]; others: string[] } {
  const ptes: PteAssertion[] = [];
  const others: string[] = [];
  const one = (c: string, at: number) => {
    const text = c.slice(1).trim();
    const m = /^p(\d+)\s+pte\s+(\S+)\s+(.*)$/.exec(text);
    if (!m) {
      others.push(text);
      return;
    }
    const words = m[3].trim().split(/\s+/);
    const frame = words.pop() ?? '';
    let bits = 0n;
    for (const w of words) {
      if (w.startsWith('PKEY=')) bits |= (BigInt(Number(w.slice(5))) & 15n) << 59n;
      else {
        const b = PTE_BIT_NAMES.find(([n]) => n === w);
        if (b) bits |= 1n << BigInt(b[1]);
      }
    }
    const addr = [...m[2].matchAll(/([+-]?)(r\d+|0x[0-9a-fA-F]+|\d+)/g)].map(([, sign, t]) =>
      t[0] === 'r' ? { ref: Number(t.slice(1)), neg: sign === '-' } : { lit: BigInt(t), neg: sign === '-' },
    );
    const id = /^f(\d+)$/.exec(frame);
    ptes.push({ at, proc: Number(m[1]), addr, bits, frameKind: id ? FRAME_KIND.f : FRAME_KIND[frame] ?? FRAME_KIND.page, frameId: id ? Number(id[1]) : -1, text });
  };
  prog.ops.forEach((op, i) => {
    for (const c of op.lead ?? []) if (c.startsWith('!')) one(c, i);
  });
  for (const c of prog.trailer ?? []) if (c.startsWith('!')) one(c, prog.ops.length);
  return { ptes, others };
}

export function exportC(prog: Program, source: string): string {
  const nprocs = processCount(prog);
  const regs = prog.ops.reduce((m, o) => Math.max(m, (o.bind ?? -1) + 1), 1); // no spread: a case may have 10^5 ops
  const notes: string[] = [];
  const m = prog.machine ?? {};
  if (m.shstk) notes.push('the case assumes a CPU and kernel with user shadow stacks (shstk=1)');
  if (m.pku === false) notes.push('the case assumes a CPU without protection keys (pku=0)');
  if (m.maxMapCount !== undefined) notes.push(`the case assumes vm.max_map_count = ${m.maxMapCount}`);
  if (m.mmapBase !== undefined || m.brkStart !== undefined || m.mmapMinAddr !== undefined) notes.push('the case assumes a non-default layout (mmapBase/brkStart/mmapMinAddr)');
  if (m.profile && m.profile !== '6.18') notes.push(`the case was written for the ${m.profile} profile of the model`);
  if (m.thp === false) notes.push('the case is for thp=0: its processes run with PR_SET_THP_DISABLE');
  const asserts = assertionsOf(prog);
  if (asserts.others.length) notes.push(`not checked here (only pte assertions are): ${asserts.others.map((t) => `#! ${t}`).join(', ').replace(/\*\//g, '* /')}`);
  let child = 0;
  const terms: string[] = [];
  const term = (lit: bigint, ref: number, neg: boolean) => terms.push(`{0x${lit.toString(16)}ULL,${ref},${neg ? 1 : 0}}`) - 1;
  const rows = prog.ops.map((op) => {
    const spec = OPS[op.name];
    const firsts: number[] = [];
    const counts: number[] = [];
    for (let k = 0; k < 6; k++) {
      const a = op.args[k];
      const start = terms.length;
      if (a === undefined) {
        // no term: the argument is 0
      } else if (typeof a === 'bigint') term(a, -1, false);
      else for (const t of a) term(t.lit ?? 0n, t.ref ?? -1, t.neg === true);
      firsts.push(start);
      counts.push(terms.length - start);
    }
    const forkChild = op.name === 'fork' ? ++child : 0;
    return `{${op.proc},K_${KIND[op.name]},${NR[op.name] ?? -1},${forkChild},${op.bind ?? -1},${RET[spec.returns]},${CHECK[op.name]},{${firsts.join(',')}},{${counts.join(',')}}}`;
  });
  if (!rows.length) rows.push('{0}'); // C has no empty arrays; NOPS stays 0
  const pteRows = asserts.ptes.map((a) => {
    const first = terms.length;
    for (const t of a.addr) term(t.lit ?? 0n, t.ref ?? -1, t.neg);
    return `{${a.at},${a.proc},${first},${terms.length - first},${a.frameKind},${a.frameId},0x${a.bits.toString(16)}ULL,${cString(a.text)}}`;
  });
  if (!pteRows.length) pteRows.push('{0}');
  term(0n, -1, false);
  const texts = prog.ops.map((op) => '  ' + cString(printOp({ ...op, expect: undefined, lead: undefined, note: undefined })) + ',');
  const expects = prog.ops.map((op) => '  ' + (op.expect === undefined || KIND[op.name] === 'RFC' ? '0' : cString(formatResult(op.expect, OPS[op.name].returns))) + ',');
  if (!texts.length) texts.push('  0,');
  if (!expects.length) expects.push('  0,');
  const allowed = [...new Set([0, 1, 3, 15, 39, 57, 60, 121, 231, 257, ...Object.values(SYSCALL_NR).filter((n) => n !== SYSCALL_NR.trampfd)])].sort((x, y) => x - y);
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
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stddef.h>
#include <poll.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <ucontext.h>
#include <unistd.h>

typedef uint64_t u64;
enum { NPROCS = ${nprocs}, NREGS = ${regs} };
enum { K_SYS, K_FORK, K_EXIT, K_RFC, K_READ, K_WRITE, K_EXEC, K_WRPKRU, K_PLAIN, K_INCSSP, K_WRSS, K_RSTORSSP, K_SAVEPREVSSP, K_DUMP };
enum { RES_VALUE, RES_ERRNO, RES_FAULT, RES_NOTRUN };
enum { CK_NONE, CK_RANGE, CK_MMAP, CK_MREMAP, CK_BRK, CK_WORD, CK_BYTE, CK_ARCH, CK_CLOSE };

/* The case as data: each argument is a sum of terms (a literal, or +/- an earlier result). */
struct term { u64 lit; int32_t ref; int32_t neg; };
struct opd { int32_t proc, kind, nr, fork_child, bind, ret, check; int32_t first[6], count[6]; };
static const struct term TERMS[] = {
${terms.map((t) => '  ' + t + ',').join('\n')}
};
static const struct opd OPD[] = {
${rows.map((r) => '  ' + r + ',').join('\n')}
};
static const char *const TEXT[] = {
${texts.join('\n')}
};
/* each op's expected result as the case wrote it (0: none) */
static const char *const EXPECT[] = {
${expects.join('\n')}
};
enum { NOPS = ${prog.ops.length} };
/* the syscalls a program process may make (seccomp allow-list) */
static const int ALLOWED[] = { ${allowed.join(', ')} };

static const char *const ERRNO_NAME[${Math.max(...Object.values(ERRNO)) + 1}] = {
${errnoTable}
};

/* the case's #! pN pte assertions: before op at, process, address terms, the bits and frame */
enum { FK_ID, FK_Z, FK_PAGE, FK_NONE, FK_GUARD };
struct pteassert { int32_t at, proc, first, count, frame_kind, frame_id; u64 bits; const char *text; };
static const struct pteassert PTEA[] = {
${pteRows.map((r) => '  ' + r + ',').join('\n')}
};
enum { NPTEA = ${asserts.ptes.length} };
/* the PTE bits mmdiff compares, with their names */
#define OBSERVED 0x${PTE_OBSERVED_MASK.toString(16)}ULL
static const struct { const char *name; int bit; } PTE_NAMES[] = { ${PTE_BIT_NAMES.map(([n, b]) => `{"${n}", ${b}}`).join(', ')} };
${pteWalkerC()}
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
static pid_t pgrp; /* the program processes' process group (p0's pid) */

static void full_io(int write_side, int fd, void *buf, size_t n) {
  char *p = buf;
  while (n) {
    ssize_t r = write_side ? write(fd, p, n) : read(fd, p, n);
    if (r <= 0) _exit(write_side ? 71 : 0);
    p += r;
    n -= (size_t)r;
  }
}

/* Each program process's pidfd (-1: none, before Linux 5.3): readable once it is gone. */
static int pidfd_of[NPROCS];

/* The coordinator's read of a reply: a process that died (a seccomp kill, a signal) never
 * answers, and other processes hold the pipe open, so wait for the reply or for its pidfd
 * (the process is gone), at most 20 s, then end it all. */
static void reply_of(int proc, void *buf, size_t n) {
  char *p = buf;
  while (n) {
    struct pollfd pf[2] = { { rep_fd[proc][0], POLLIN, 0 }, { pidfd_of[proc], POLLIN, 0 } };
    int ready = poll(pf, pidfd_of[proc] >= 0 ? 2 : 1, 20000);
    if (ready > 0 && !(pf[0].revents & POLLIN) && (pf[1].revents & POLLIN)) {
      fprintf(stderr, "repro: process p%d died before it answered (killed by a signal, or by seccomp: see dmesg)\\n", proc);
      if (pgrp > 0) kill(-pgrp, SIGKILL);
      exit(71);
    }
    if (ready <= 0) {
      fprintf(stderr, "repro: process p%d gave no answer in 20 s: it died (a seccomp kill shows in dmesg) or hangs\\n", proc);
      if (pgrp > 0) kill(-pgrp, SIGKILL);
      exit(71);
    }
    ssize_t r = read(rep_fd[proc][0], p, n);
    if (r <= 0) { fprintf(stderr, "repro: process p%d is gone\\n", proc); if (pgrp > 0) kill(-pgrp, SIGKILL); exit(71); }
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

/* A /proc file read whole into buf. */
static char *read_maps_path(const char *path, char *buf, size_t size) {
  int fd = open(path, O_RDONLY);
  ssize_t n = 0, r;
  while (fd >= 0 && n < (ssize_t)size - 1 && (r = read(fd, buf + n, size - 1 - n)) > 0) n += r;
  if (fd >= 0) close(fd);
  buf[n > 0 ? n : 0] = 0;
  return buf;
}

/* The VMAs of this process: /proc/self/maps read whole into buf. */
static char *read_maps(char *buf, size_t size) {
  return read_maps_path("/proc/self/maps", buf, size);
}

/* exec: an instruction fetch of the page (docs/conventions.md): a one-byte read with
 * PKRU 0 faults the page in (fetches ignore PKRU), then the VMA must be executable. */
static struct rep do_exec(u64 addr) {
  fault_sig = 0;
  mm_read1(addr);
  if (fault_sig) return cpu_done(0);
  static char maps[1 << 20];
  for (char *line = read_maps(maps, sizeof maps); *line;) {
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

/* This program's own memory, as it was before the case ran: no op may reach it. */
static struct { u64 lo, hi; } OWN[256];
static int nown;
static u64 brk0;

static int is_own(u64 lo, u64 hi) {
  for (int i = 0; i < nown; i++) if (lo < OWN[i].hi && hi > OWN[i].lo) return 1;
  return 0;
}

/* [addr, addr + len) rounded out to pages, to the top of the address space if it wraps */
static int reaches(u64 addr, u64 len) {
  u64 lo = addr & ~0xfffULL, hi = addr + len;
  if (hi < addr || hi > ~0xfffULL) hi = ~0ULL; else hi = (hi + 0xfff) & ~0xfffULL;
  return len && is_own(lo, hi);
}

/* Why op i, with arguments a, must not run here, or 0. */
static const char *refusal(const struct opd *o, const u64 *a) {
  switch (o->check) {
  case CK_RANGE: return reaches(a[0], a[1]) ? "its range reaches this program's own memory" : 0;
  case CK_MMAP: return (a[3] & ${MAP.FIXED}) && !(a[3] & ${MAP.FIXED_NOREPLACE}) && reaches(a[0], a[1]) ? "MAP_FIXED over this program's own memory" : 0;
  case CK_MREMAP:
    if (reaches(a[0], a[1] ? a[1] : 1)) return "its source reaches this program's own memory";
    return (a[3] & ${MREMAP.FIXED}) && reaches(a[4], a[2]) ? "MREMAP_FIXED over this program's own memory" : 0;
  case CK_BRK: return a[0] && a[0] < brk0 ? "a break below this program's own heap" : 0;
  case CK_WORD: return reaches(a[0], 8) ? "an access to this program's own memory" : 0;
  case CK_BYTE: return reaches(a[0], 1) ? "an access to this program's own memory" : 0;
  case CK_ARCH:
    if (a[0] < ${ARCH_SHSTK.ENABLE} || a[0] > ${ARCH_SHSTK.STATUS}) return "an arch_prctl other than the shadow-stack ones";
    return a[0] == ${ARCH_SHSTK.STATUS} && reaches(a[1], 8) ? "ARCH_SHSTK_STATUS writing into this program's own memory" : 0;
  case CK_CLOSE: return fcntl((int)a[0], F_GETFD) != -1 ? "a close of one of this program's own descriptors" : 0;
  }
  return 0;
}

/* A program process may make only the syscalls its ops need (and the pipes, the
 * read of its maps, the return from a fault); anything else kills it. */
static void confine(void) {
  enum { N = sizeof ALLOWED / sizeof ALLOWED[0] };
  struct sock_filter f[N + 12];
  int k = 0;
  f[k++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch));
  f[k++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0);
  f[k++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS);
  f[k++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr));
  /* openat only read-only (do_exec and the end state read /proc/self/maps) */
  f[k++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 257, 0, 4);
  f[k++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[2]));
  f[k++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, O_ACCMODE | O_CREAT | O_TRUNC | O_APPEND, 0, 1);
  f[k++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS);
  f[k++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
  for (int i = 0; i < N; i++) f[k++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (unsigned)ALLOWED[i], (unsigned char)(N - i), 0);
  f[k++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS);
  f[k++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
  struct sock_fprog prog = { (unsigned short)k, f };
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) || prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog)) {
    perror("repro: seccomp");
    _exit(70);
  }
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
    if (v == 0) { w_register(q->fork_child); serve(q->fork_child); } /* never returns */
    if (v < 0) { r.kind = RES_ERRNO; r.code = (int)-v; } else { r.kind = RES_VALUE; r.value = (u64)q->fork_child; r.pad = (int)v; /* its pid */ }
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

/* K_DUMP: this process's VMAs outside the program's own memory, one reply each, then a 0 one. */
static void dump(int me) {
  static char maps[1 << 20];
  for (char *line = read_maps(maps, sizeof maps); *line;) {
    unsigned long lo, hi;
    char perm[5];
    if (sscanf(line, "%lx-%lx %4s", &lo, &hi, perm) == 3 && !is_own(lo, hi)) {
      struct rep r = { RES_VALUE, (int)((perm[0] == 'r') | (perm[1] == 'w') << 1 | (perm[2] == 'x') << 2 | (perm[3] == 's') << 3), 0, 0, lo };
      struct rep e = { RES_VALUE, 0, 0, 0, hi };
      full_io(1, rep_fd[me][1], &r, sizeof r);
      full_io(1, rep_fd[me][1], &e, sizeof e);
    }
    char *nl = strchr(line, '\\n');
    if (!nl) break;
    line = nl + 1;
  }
  /* the end marker carries this process's seccomp mode (2: filtered), so the confinement shows, and its pid */
  struct rep end = { RES_NOTRUN, 0, 0, 0, (u64)getpid() };
  char *sc = strstr(read_maps_path("/proc/self/status", maps, sizeof maps), "Seccomp:");
  if (sc) end.code = atoi(sc + 8);
  full_io(1, rep_fd[me][1], &end, sizeof end);
}

/* Process number me: run the ops the coordinator sends until told to stop. */
static void serve(int me) {
  for (;;) {
    struct req q;
    full_io(0, req_fd[me][0], &q, sizeof q);
    if (q.op < 0) _exit(0);
    if (q.kind == K_DUMP) { dump(me); continue; }
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
static int mismatches;

/* The result as the .mm format writes it. */
static void result_text(char *out, size_t size, const struct rep *r, int ret) {
  static const char *const SEGV[] = { "?", "SEGV_MAPERR", "SEGV_ACCERR", "SEGV_BNDERR", "SEGV_PKUERR", "?", "?", "?", "?", "?", "SEGV_CPERR" };
  static const char *const BUS[] = { "?", "BUS_ADRALN", "BUS_ADRERR", "BUS_OBJERR" };
  if (r->kind == RES_VALUE) {
    if (ret == 2) snprintf(out, size, "%lld", (long long)r->value);
    else if (r->value == 0) snprintf(out, size, "0");
    else snprintf(out, size, "0x%llx", (unsigned long long)r->value);
  } else if (r->kind == RES_ERRNO) {
    const char *name = r->code < (int)(sizeof ERRNO_NAME / sizeof ERRNO_NAME[0]) ? ERRNO_NAME[r->code] : 0;
    if (name) snprintf(out, size, "-%s", name);
    else snprintf(out, size, "-E%d", r->code);
  } else {
    const char *s = r->sig == ${sig('SIGSEGV')} ? "SIGSEGV" : r->sig == ${sig('SIGBUS')} ? "SIGBUS" : r->sig == ${sig('SIGILL')} ? "SIGILL" : "SIG?";
    const char *c = r->code == ${SI_CODE.SI_KERNEL} ? "SI_KERNEL"
      : r->sig == SIGSEGV && r->code >= 0 && r->code <= 10 ? SEGV[r->code]
      : r->sig == SIGBUS && r->code >= 0 && r->code <= 3 ? BUS[r->code]
      : r->sig == SIGILL && r->code == ${SI_CODE.ILL_ILLOPN} ? "ILL_ILLOPN" : "?";
    snprintf(out, size, "fault %s %s", s, c);
  }
}

static void emit(int op, const struct rep *r, int ret) {
  if (r->kind == RES_NOTRUN) { printf("%s  # not run: a trampfd RFC call or a write through /proc/self/mem\\n", TEXT[op]); return; }
  char res[128];
  result_text(res, sizeof res, r, ret);
  printf("%s = %s\\n", TEXT[op], res);
  if (EXPECT[op] && strcmp(EXPECT[op], res)) {
    fprintf(stderr, "repro: op %d %s: expected %s, got %s\\n", op, TEXT[op], EXPECT[op], res);
    mismatches++;
  }
}

static void step(int op, const struct opd *o, const u64 *a) {
  struct rep r = {0};
  if (!alive[o->proc]) { r.kind = RES_ERRNO; r.code = 3; /* ESRCH: no such process (yet) */ }
  else {
    struct req q = { op, o->kind, o->nr, o->fork_child, { a[0], a[1], a[2], a[3], a[4], a[5] } };
    full_io(1, req_fd[o->proc][1], &q, sizeof q);
    reply_of(o->proc, &r, sizeof r);
    if (o->kind == K_FORK && r.kind == RES_VALUE) { alive[o->fork_child] = 1; pidfd_of[o->fork_child] = (int)syscall(434 /* pidfd_open */, r.pad, 0); }
    if (o->kind == K_EXIT) { alive[o->proc] = 0; waitpid(-1, 0, WNOHANG); }
  }
  emit(op, &r, o->ret);
  if (o->bind >= 0) R[o->bind] = r.kind == RES_VALUE ? r.value : r.kind == RES_ERRNO ? (u64)-(long long)r.code : 0;
}

/* [vvar], [vvar_vclock], [vdso] sit just below the mmap base: remove them. */
static void unmap_vdso(void) {
  static char maps[1 << 16];
  for (char *line = read_maps(maps, sizeof maps); line && *line;) {
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

/* Every VMA this program has now (its binary, data, heap, stack): its own memory. */
static void own_memory(void) {
  static char maps[1 << 16];
  for (char *line = read_maps(maps, sizeof maps); *line && nown < (int)(sizeof OWN / sizeof OWN[0]);) {
    unsigned long lo, hi;
    if (sscanf(line, "%lx-%lx", &lo, &hi) == 2) { OWN[nown].lo = lo; OWN[nown].hi = hi; nown++; }
    char *nl = strchr(line, '\\n');
    if (!nl) break;
    line = nl + 1;
  }
  brk0 = (u64)sbrk(0);
}

/* ---- the state: every alive process's VMAs (it reads its own maps) and pages (the
 * coordinator reads its pagemap, and its PTEs through the walker) ---- */
static int pid_of[NPROCS], seccomp_of[NPROCS];

static void vm_add(int proc, int perm, u64 lo, u64 hi) {
  if (nvm == vmcap) {
    vmcap = vmcap ? 2 * vmcap : 256;
    VM = realloc(VM, vmcap * sizeof *VM);
    if (!VM) { fprintf(stderr, "repro: out of memory reading the VMAs\\n"); exit(70); }
  }
  VM[nvm++] = (struct vm){ proc, perm, lo, hi };
}

static void read_state(void) {
  npg = nvm = 0;
  for (int i = 0; i < NPROCS; i++) {
    if (!alive[i]) continue;
    struct req q = { 0, K_DUMP, 0, 0, {0} };
    full_io(1, req_fd[i][1], &q, sizeof q);
    for (;;) {
      struct rep a, b;
      reply_of(i, &a, sizeof a);
      if (a.kind != RES_VALUE) { seccomp_of[i] = a.code; pid_of[i] = (int)a.value; break; }
      reply_of(i, &b, sizeof b);
      vm_add(i, a.sig, a.value, b.value);
    }
  }
  /* every process has answered, so each has registered with the walker */
  if (w_on && w_value(0)) { fprintf(stderr, "repro: cannot read the walker's map\\n"); pg_errors++; }
  for (int i = 0; i < NPROCS; i++) {
    if (!alive[i]) continue;
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/pagemap", pid_of[i]);
    int pm = open(path, O_RDONLY);
    if (pm < 0) { fprintf(stderr, "repro: cannot open %s: %s\\n", path, strerror(errno)); pg_errors++; continue; }
    size_t from = npg;
    for (size_t v = 0; v < nvm; v++) {
      if (VM[v].proc != i) continue;
      u64 lo = VM[v].lo, hi = VM[v].hi;
      while (v + 1 < nvm && VM[v + 1].proc == i && VM[v + 1].lo == hi) hi = VM[++v].hi;
      pg_range(i, pm, lo, hi);
    }
    close(pm);
    if (!w_on) continue;
    if (i >= 64 || w_get(V_REG + 16 * (unsigned)i) != (u64)pid_of[i]) {
      fprintf(stderr, "repro: p%d is not registered with the page-table walker\\n", i);
      pg_errors++;
      continue;
    }
    w_forget();
    pg_ptes(i, from);
  }
  pg_frames();
}

/* A page as a #! pte assertion writes it: bits (exact with the walker, else P), then the frame. */
static void pte_text(char *out, size_t size, const struct pg *g, int frame_as_page) {
  if (!g) { snprintf(out, size, "none"); return; }
  if (g->kind == PG_GUARD) { snprintf(out, size, "guard"); return; }
  u64 bits = w_on ? g->pte & OBSERVED : 1;
  size_t n = 0;
  out[0] = 0;
  for (unsigned k = 0; k < sizeof PTE_NAMES / sizeof PTE_NAMES[0]; k++)
    if (bits >> PTE_NAMES[k].bit & 1) n += (size_t)snprintf(out + n, size - n, "%s ", PTE_NAMES[k].name);
  if (bits >> 59 & 15) n += (size_t)snprintf(out + n, size - n, "PKEY=%d ", (int)(bits >> 59 & 15));
  if (g->kind == PG_ZERO) snprintf(out + n, size - n, "Z");
  else if (frame_as_page || !pg_pfns) snprintf(out + n, size - n, "page");
  else snprintf(out + n, size - n, "f%d", g->frame);
}

static const struct pg *page_at(int proc, u64 addr) {
  for (size_t i = 0; i < npg; i++) if (PG[i].proc == proc && PG[i].addr == addr) return &PG[i];
  return 0;
}

/* The case's pte assertions that hold before op at, against this kernel's state. */
static void check_pte_asserts(int at) {
  int any = 0;
  for (int k = 0; k < NPTEA; k++) any |= PTEA[k].at == at;
  if (!any) return;
  read_state();
  for (int k = 0; k < NPTEA; k++) {
    const struct pteassert *a = &PTEA[k];
    if (a->at != at) continue;
    u64 addr = 0;
    for (int t = a->first; t < a->first + a->count; t++) {
      u64 y = TERMS[t].ref >= 0 ? R[TERMS[t].ref] : TERMS[t].lit;
      addr = TERMS[t].neg ? addr - y : addr + y;
    }
    const struct pg *g = a->proc < NPROCS && alive[a->proc] ? page_at(a->proc, addr) : 0;
    /* what is expected, cut to what this run can see (bits only with the walker, frames only with PFNs) */
    struct pg want = { a->proc, a->frame_kind == FK_Z ? PG_ZERO : PG_PRESENT, addr, 0, a->bits | (w_on ? 0 : 1), a->frame_id };
    char ws[256], gs[256];
    if (a->frame_kind == FK_NONE) snprintf(ws, sizeof ws, "none");
    else if (a->frame_kind == FK_GUARD) snprintf(ws, sizeof ws, "guard");
    else {
      int saved = w_on;
      if (!w_on) want.pte = 1;
      w_on = 1; /* print want's bits as given */
      pte_text(ws, sizeof ws, &want, a->frame_kind == FK_PAGE);
      w_on = saved;
    }
    pte_text(gs, sizeof gs, g, a->frame_kind == FK_PAGE && g && g->kind == PG_PRESENT);
    if (strcmp(ws, gs)) {
      fprintf(stderr, "repro: #! %s: expected %s, got %s\\n", a->text, ws, gs);
      mismatches++;
    }
  }
}

static void end_state(void) {
  static const char PERM[] = "rwxs";
  read_state();
  for (int i = 0; i < NPROCS; i++) {
    if (!alive[i]) continue;
    for (size_t v = 0; v < nvm; v++) {
      if (VM[v].proc != i) continue;
      char perm[5];
      for (int k = 0; k < 4; k++) perm[k] = VM[v].perm & (1 << k) ? PERM[k] : (k == 3 ? 'p' : '-');
      perm[4] = 0;
      printf("# end p%d vma 0x%llx-0x%llx %s\\n", i, (unsigned long long)VM[v].lo, (unsigned long long)VM[v].hi, perm);
    }
    for (size_t k = 0; k < npg; k++) {
      if (PG[k].proc != i) continue;
      char t[256];
      pte_text(t, sizeof t, &PG[k], 0);
      printf("# end p%d pte 0x%llx %s\\n", i, (unsigned long long)PG[k].addr, t);
    }
    printf("# end p%d seccomp %s\\n", i, seccomp_of[i] == 2 ? "filter" : seccomp_of[i] == 1 ? "strict" : "off");
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
  setvbuf(stdout, 0, _IOLBF, 0);
  printf("# mmdiff 1\\n"); /* stdout's buffer is allocated now, before own_memory() */
  w_init(); /* before own_memory(): what it allocates is gone again */
  pg_probe_zero();
  if (w_on) printf("# pte bits: %s\\n", w_note);
  else printf("# pte bits: not available here (%s): pages are present or not, from pagemap\\n", w_note);
  own_memory();
  if (have_pku) { __asm__ volatile("rdpkru" : "=a"(a), "=d"(d) : "c"(0)); pkru = a; mm_wrpkru(); }
${m.thp === false ? '  prctl(PR_SET_THP_DISABLE, 1, 0, 0, 0); /* thp=0: no transparent huge pages for the program processes */\n' : ''}  pid_t p0 = fork();
  if (p0 == 0) {
    setpgid(0, 0);
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    w_register(0);
    w_close_fds();
    confine();
    serve(0);
  }
  if (p0 < 0) { perror("repro: fork"); return 70; }
  setpgid(p0, p0);
  pgrp = p0;
  alive[0] = 1;
  for (int i = 0; i < NPROCS; i++) pidfd_of[i] = -1;
  pidfd_of[0] = (int)syscall(434 /* pidfd_open */, p0, 0);
  int refused = 0;
  for (int i = 0; i < NOPS; i++) {
    const struct opd *o = &OPD[i];
    u64 v[6];
    for (int k = 0; k < 6; k++) {
      u64 x = 0;
      for (int t = o->first[k]; t < o->first[k] + o->count[k]; t++) {
        u64 y = TERMS[t].ref >= 0 ? R[TERMS[t].ref] : TERMS[t].lit;
        x = TERMS[t].neg ? x - y : x + y;
      }
      v[k] = x;
    }
    check_pte_asserts(i);
    const char *why = refusal(o, v);
    if (why) {
      printf("%s  # refused: %s\\n", TEXT[i], why);
      fprintf(stderr, "repro: op %d %s refused: %s; the rest is not run\\n", i, TEXT[i], why);
      refused = 1;
      break;
    }
    step(i, o, v);
  }
  if (!refused) { check_pte_asserts(NOPS); end_state(); }
  for (int i = 0; i < NPROCS; i++) {
    if (!alive[i]) continue;
    struct req q = { -1, 0, 0, 0, {0} };
    full_io(1, req_fd[i][1], &q, sizeof q);
  }
  if (refused) kill(-pgrp, SIGKILL);
  while (wait(0) > 0) {}
  if (refused) return 3;
  if (mismatches) { fprintf(stderr, "repro: %d result%s differ from the case's expectations\\n", mismatches, mismatches > 1 ? "s" : ""); return 1; }
  if (pg_errors) { fprintf(stderr, "repro: %d page%s could not be read exactly\\n", pg_errors, pg_errors > 1 ? "s" : ""); return 1; }
  return 0;
}
`;
}
