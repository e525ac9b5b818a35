// Programs are data: a list of ops, each run by a process, with arguments that are
// numbers or sums of earlier results. Nothing here knows how a target runs them.

import type { OpName } from './ops.js';
import type { Result } from './result.js';
import { u64 } from './values.js';

/** One term of an argument expression: an earlier result `rN`, or a literal. */
export interface Term {
  readonly neg: boolean;
  readonly ref?: number; // N of rN
  readonly lit?: bigint; // u64
}

/** An argument: a plain u64 literal (the common case), or a sum of terms. */
export type Arg = bigint | readonly Term[];

export interface Op {
  readonly name: OpName;
  /** The process that runs the op: p0 at start, pN created by the N-th fork. */
  readonly proc: number;
  readonly args: readonly Arg[];
  /** `rN =`: the binding this op's result gets. */
  readonly bind?: number;
  /** `= expect`: the result a replay must produce. */
  readonly expect?: Result;
  /** Comment lines written before the op (without the leading '#'). */
  readonly lead?: readonly string[];
  /** End-of-line comment (without the leading '#'). */
  readonly note?: string;
}

/**
 * Kernel profiles: Linux 6.18 (the default) and 6.10, and design variants of the model
 * that were debated on the mailing lists (model/profile.ts, model/variants/):
 * `mseal` is 6.18 by another name (the mseal syscall design), `prot-seal` seals through
 * PROT_SEAL in mmap/mprotect instead, `map-shadow-stack` is 6.18 on a CET machine and
 * `prot-shadowstack` creates shadow stacks with mmap(PROT_SHADOWSTACK) instead.
 */
export const PROFILE_NAMES = ['6.18', '6.10', 'mseal', 'prot-seal', 'map-shadow-stack', 'prot-shadowstack'] as const;
export type Profile = (typeof PROFILE_NAMES)[number];

export function isProfile(s: string): s is Profile {
  return (PROFILE_NAMES as readonly string[]).includes(s);
}

/** Parameters of the machine a program runs on (SEMANTICS "Parameters of an address space"). */
export interface MachineConfig {
  /** Kernel profile whose rules apply. */
  readonly profile: Profile;
  /** CPU has protection keys (OSPKE). */
  readonly pku: boolean;
  /** CPU and kernel support user shadow stacks (X86_FEATURE_USER_SHSTK). */
  readonly shstk: boolean;
  /** Top of the top-down mmap area. */
  readonly mmapBase: bigint;
  readonly mmapMinAddr: bigint;
  readonly maxMapCount: number;
  /** mm->start_brk == mm->brk at exec time; the heap grows up from here. */
  readonly brkStart: bigint;
  /**
   * Transparent huge pages are allowed for the process, with the system in `madvise` mode
   * (a VM_HUGEPAGE VMA gets a huge PMD at fault; MADV_COLLAPSE works anywhere), the 2 MiB
   * size only, khugepaged idle (model/thp.ts). false: PR_SET_THP_DISABLE, no huge page at all.
   */
  readonly thp: boolean;
  /** The kernel is built with CONFIG_MEMORY_FAILURE (MADV_HWPOISON / MADV_SOFT_OFFLINE exist). */
  readonly memoryFailure: boolean;
  /**
   * A read fault of private anonymous memory maps the shared zero page (false: the
   * kernel forbids it — mm_forbids_zeropage(), as a `pvm_no_zero_page=1` guest kernel
   * does — so do_anonymous_page allocates a zeroed page for reads too).
   */
  readonly zeroPage: boolean;
  /**
   * RAM + swap in bytes (MemTotal + SwapTotal): with vm.overcommit_memory=0 one accountable
   * request of more pages than this is refused (mm/util.c: __vm_enough_memory,
   * OVERCOMMIT_GUESS). A multiple of the page size, at least RAM_SWAP_MIN.
   */
  readonly ramSwap: bigint;
  /**
   * Free 2 MiB huge pages in the hugetlb pool (/proc/sys/vm/nr_hugepages on an idle
   * machine); no surplus pages (nr_overcommit_hugepages = 0).
   */
  readonly hugePages: number;
  /**
   * The CPU has 1 GiB pages (X86_FEATURE_GBPAGES): hugetlb then has a 1 GiB hstate and
   * MAP_HUGE_1GB names it (arch/x86/mm/hugetlbpage.c: gigantic_page_runtime_supported /
   * hugetlb_add_hstate at boot); without it hstate_sizelog(30) finds none (EINVAL).
   */
  readonly gbPages: boolean;
  /**
   * Address ranges the machine's own software occupies in every process (the kernel
   * target's helper: its binary, data page, IO area, stack; kernel/target.ts layout()).
   * Each is an existing VMA that never merges, is never touched by a program (the
   * kernel target refuses such programs), counts for placement and max_map_count, and
   * is hidden from snapshots. None by default.
   */
  readonly reserved?: readonly ReservedRange[];
}

/** One reserved range; a growsdown one (a stack) also keeps stack_guard_gap below it free. */
export interface ReservedRange {
  readonly start: bigint;
  readonly end: bigint;
  readonly growsdown?: boolean;
}

export const DEFAULT_MACHINE: MachineConfig = {
  profile: '6.18',
  pku: true,
  shstk: false,
  mmapBase: 0x7ffff7fff000n,
  mmapMinAddr: 0x1000n,
  maxMapCount: 65530,
  brkStart: 0x4c9000n,
  thp: true,
  memoryFailure: true,
  zeroPage: true,
  ramSwap: 16n << 30n,
  hugePages: 0,
  gbPages: true,
};

/**
 * The smallest ramSwap a machine may have: every request the kernel makes on its own
 * (an 8 MiB shadow stack, one shmem page of a MAP_NORESERVE object, a stack growth within
 * RLIMIT_STACK) fits, so only the program's own requests can be refused.
 */
export const RAM_SWAP_MIN = 16n << 20n;
/** The largest hugePages a machine may have (2 MiB each: 1 TiB). */
export const HUGE_PAGES_MAX = 1 << 19;

export interface Program {
  readonly ops: readonly Op[];
  /** Machine parameters that differ from DEFAULT_MACHINE (`# machine k=v ...`). */
  readonly machine?: Partial<MachineConfig>;
  /** Comment lines after the last op. */
  readonly trailer?: readonly string[];
}

export function machineOf(p: Program): MachineConfig {
  return p.machine ? { ...DEFAULT_MACHINE, ...p.machine } : DEFAULT_MACHINE;
}

/** Evaluate an argument against the values of the bindings so far. */
export function evalArg(a: Arg, regs: ReadonlyMap<number, bigint>): bigint {
  if (typeof a === 'bigint') return a;
  let v = 0n;
  for (const t of a) {
    const x = t.ref !== undefined ? (regs.get(t.ref) ?? 0n) : (t.lit as bigint);
    v = t.neg ? v - x : v + x;
  }
  return u64(v);
}

/** Number of processes a program can create: p0 plus one per fork. */
export function processCount(p: Program): number {
  let n = 1;
  for (const op of p.ops) if (op.name === 'fork') n++;
  return n;
}
