// The live-kernel target: programs run on this machine's Linux through one or more
// fork-server helpers (kernel/helper/). Asynchronous and batched, unlike model and
// impl: runMany() pipelines a whole batch. What a kernel trace can show is less than a
// model trace: compare through the target's observe (abi/observe.ts kernelObserver),
// which keeps the PTE bits exactly where the helper's BPF walker reads real PTEs.

import { availableParallelism } from 'node:os';
import { threadId } from 'node:worker_threads';
import {
  canonicalize,
  parse,
  DEFAULT_MACHINE,
  machineOf,
  OP_NAMES,
  PER_PROGRAM,
  processCount,
  type MachineConfig,
  type Program,
  type ReservedRange,
  type Trace,
} from '../abi/index.js';
import { kernelObserver } from '../abi/observe.js';
import { VMF } from '../abi/vmflags.js';
import { HelperDied, HelperProcess, defaultHelperPath } from './helper.js';
import { encodeProgram, MAX_OPS, MAX_PROCS, OP_CODES, type Hello, type Reply } from './protocol.js';
import { probeMachine, thpUnavailable } from './machine-probe.js'; // issue 14 (ramSwap, hugePages, gbPages)

export interface KernelTarget {
  readonly name: 'kernel';
  /** The layout the helper reported. */
  readonly hello: Hello;
  /**
   * What this kernel target can show of a trace: both sides of a comparison go through
   * it. PTE bits are exact where the helper reads real PTEs (hello.pteBits), else
   * present-or-not (abi/observe.ts).
   */
  readonly observe: (t: Trace) => Trace;
  /** Machine parameters every other target must use to compare exactly (mmapBase, brkStart, reserved ranges, pku, …). */
  layout(): Partial<MachineConfig>;
  /** Why this program cannot run on the kernel here (unsupported op, machine config it cannot honour), or null. */
  unsupported(prog: Program): string | null;
  /** Pipelined: sends all, resolves in order. A helper that dies gives crash traces for the programs in flight and is restarted. */
  runMany(progs: readonly Program[]): Promise<Trace[]>;
  run(prog: Program): Promise<Trace>;
  close(): Promise<void>;
}

export interface KernelTargetOptions {
  /** Path of the helper binary (default kernel/build/mmdiff-helper, or $MMDIFF_HELPER). */
  readonly helperPath?: string;
  /** Helpers run in parallel (default 1); runMany spreads a batch over them. */
  readonly helpers?: number;
  /**
   * The machine's `thp` for programs that do not say (the layout reports it): true keeps
   * the system's transparent-huge-page setting, which must be `madvise`; false (the
   * default, unless $MMDIFF_KERNEL_THP is 1) disables THP for the helper's processes with
   * PR_SET_THP_DISABLE (khugepaged never touches them). A program whose `# machine` says
   * the other value runs on a helper started for it: the target is both machines.
   */
  readonly thp?: boolean;
  /**
   * Read real PTE bits with the helper's BPF page-table walker (default: yes, unless
   * $MMDIFF_KERNEL_BPF is 0). Off, or where BPF is unavailable, PTEs are compared as
   * present-or-not.
   */
  readonly pteBits?: boolean;
}

/** The default machine's thp: the option, else $MMDIFF_KERNEL_THP (1 = on; a campaign's workers inherit it). */
function wantThp(opts: KernelTargetOptions): boolean {
  return opts.thp ?? process.env.MMDIFF_KERNEL_THP === '1';
}


/** Whether the walker was asked for: the option, else $MMDIFF_KERNEL_BPF (0 = off). */
function wantPteBits(opts: KernelTargetOptions): boolean {
  return opts.pteBits ?? process.env.MMDIFF_KERNEL_BPF !== '0';
}

let noticed = false;
/** Once per process: the kernel target compares no PTE bits here, and why. */
function noticeNoPteBits(hello: Hello): void {
  if (noticed) return;
  noticed = true;
  process.stderr.write(`mmdiff: notice: the kernel target cannot read PTE bits here (${hello.pteNote || 'no reason given'}); PTEs are compared as present or not\n`);
}

const EMPTY_STATE = { processes: [], contents: [] };

/** The helper's VMAs as reserved ranges of a MachineConfig (the stack grows down). */
export function reservedOf(hello: Hello): ReservedRange[] {
  return hello.helperVmas.map((v) => (v.flags & VMF.GROWSDOWN ? { start: v.start, end: v.end, growsdown: true } : { start: v.start, end: v.end }));
}

function sameReserved(a: readonly ReservedRange[], b: readonly ReservedRange[]): boolean {
  return a.length === b.length && a.every((r, i) => r.start === b[i].start && r.end === b[i].end && !!r.growsdown === !!b[i].growsdown);
}

function crashTrace(message: string): Trace {
  return { results: [], state: EMPTY_STATE, crash: { op: 0, message } };
}

function traceOf(reply: Reply): Trace {
  if (reply.status === 'unsupported') {
    return { results: reply.results, state: EMPTY_STATE, unsupported: `op ${reply.statusOp}: ${reply.message}` };
  }
  if (reply.status === 'crash' || !reply.state) {
    return { results: reply.results, state: EMPTY_STATE, crash: { op: reply.statusOp, message: `kernel helper: ${reply.message}` } };
  }
  return { results: reply.results, state: canonicalize(reply.state) };
}

/**
 * The helpers of one THP setting: started with `--thp` or not, each on its CPU; a dead
 * one is restarted when next needed.
 */
class Pool {
  private starting: Array<Promise<HelperProcess> | null>;

  constructor(
    readonly thp: boolean,
    public helpers: HelperProcess[],
    private readonly path: string,
    /** The helper's arguments for slot i (its CPU). */
    private readonly args: (i: number) => readonly string[],
  ) {
    this.starting = helpers.map(() => null);
  }

  static async start(thp: boolean, n: number, path: string, args: (thp: boolean, i: number) => readonly string[]): Promise<Pool> {
    const a = (i: number) => args(thp, i);
    return new Pool(thp, await Promise.all(Array.from({ length: n }, (_, i) => HelperProcess.start(path, a(i)))), path, a);
  }

  /** A live helper for slot i (restarting a dead one). */
  private helper(i: number): Promise<HelperProcess> {
    const h = this.helpers[i];
    if (h.alive) return Promise.resolve(h);
    let s = this.starting[i];
    if (!s) {
      s = HelperProcess.start(this.path, this.args(i)).then((nh) => {
        this.helpers[i] = nh;
        this.starting[i] = null;
        return nh;
      });
      s.catch(() => {
        this.starting[i] = null;
      });
      this.starting[i] = s;
    }
    return s;
  }

  live(): Promise<HelperProcess[]> {
    return Promise.all(this.helpers.map((_, i) => this.helper(i)));
  }

  async close(): Promise<void> {
    await Promise.all(this.starting.filter((s) => s).map((s) => s!.catch(() => undefined)));
    await Promise.all(this.helpers.map((h) => h.close()));
  }
}

class Kernel implements KernelTarget {
  readonly name = 'kernel' as const;
  readonly observe: (t: Trace) => Trace;
  private nextId = 1;
  /** CONFIG_MEMORY_FAILURE, found by probeConfig(). */
  memoryFailure = true;
  /** issue 14: RAM + swap, the free hugetlb pool and the 1 GiB hstate of this host (kernel/machine-probe.ts). */
  private readonly probed = probeMachine();
  /** Why this host cannot be the machine's thp=1 (sysfs), or null. */
  private readonly noThp = thpUnavailable();
  /** The other THP setting's pool (one helper), started when a program first asks for it. */
  private other: Promise<Pool> | null = null;

  constructor(
    readonly hello: Hello,
    private readonly pool: Pool,
    private readonly path: string,
    private readonly args: (thp: boolean, i: number) => readonly string[],
  ) {
    this.observe = kernelObserver(hello);
  }

  /** The machine's thp of the default pool: THP allowed unless PR_SET_THP_DISABLE took. */
  private get defaultThp(): boolean {
    return !this.hello.thpDisabled;
  }

  layout(): Partial<MachineConfig> {
    const h = this.hello;
    const l: Partial<MachineConfig> = {
      profile: '6.18',
      pku: h.pku,
      shstk: false,
      mmapBase: h.mmapBase,
      mmapMinAddr: h.mmapMinAddr,
      maxMapCount: h.maxMapCount,
      brkStart: h.brk,
      thp: this.defaultThp,
      memoryFailure: this.memoryFailure,
      zeroPage: h.zeroPfn !== 0,
      ...this.probed, // issue 14
      reserved: reservedOf(h),
    };
    // a program may ask for the other thp where this host can be both (not enumerable: a spread copy is one machine)
    if (!this.noThp) Object.defineProperty(l, PER_PROGRAM, { value: ['thp'], enumerable: false });
    return l;
  }

  unsupported(prog: Program): string | null {
    for (const op of prog.ops) {
      if (OP_CODES[op.name] === undefined) return `${op.name} cannot run on the kernel target (the kernel here has no such facility)`;
    }
    if (prog.ops.length > MAX_OPS) return `more than ${MAX_OPS} ops`;
    if (processCount(prog) > MAX_PROCS) return `more than ${MAX_PROCS} processes`;
    if (this.hello.overcommitMemory === 2) return 'vm.overcommit_memory=2: mmap can fail for lack of commit, which the conventions rule out';
    const want = machineOf(prog);
    const have = this.layout();
    const keys: Array<keyof MachineConfig> = ['profile', 'pku', 'shstk', 'mmapBase', 'mmapMinAddr', 'maxMapCount', 'brkStart', 'memoryFailure', 'zeroPage', 'ramSwap', 'hugePages', 'gbPages'];
    for (const k of keys) {
      if (want[k] !== have[k]) return `machine ${k}=${String(want[k])}, but the kernel here has ${String(have[k])}`;
    }
    // thp runs on either helper; thp=1 needs this host's THP in madvise mode
    if (want.thp !== have.thp && this.noThp) return `machine thp=${want.thp ? 1 : 0}, but the kernel here cannot be it: ${this.noThp}`;
    if (want.reserved && !sameReserved(want.reserved, have.reserved ?? [])) return "machine reserved ranges differ from the helper's memory";
    return null;
  }

  /** The pool with the other THP setting, started once (a failed start is retried next time). */
  private otherPool(): Promise<Pool> {
    if (!this.other) {
      const p = Pool.start(!this.defaultThp, 1, this.path, this.args).then(async (pool) => {
        const h = pool.helpers[0].hello;
        if (h.pteBits !== this.hello.pteBits || h.thpDisabled !== this.defaultThp) {
          await pool.close();
          throw new Error(`the helper for thp=${this.defaultThp ? 0 : 1} is not that machine (PTE bits: ${h.pteNote || String(h.pteBits)}; THP disabled: ${h.thpDisabled})`);
        }
        return pool;
      });
      p.catch(() => {
        if (this.other === p) this.other = null;
      });
      this.other = p;
    }
    return this.other;
  }

  async runMany(progs: readonly Program[]): Promise<Trace[]> {
    const out: Array<Promise<Trace> | null> = progs.map(() => null);
    // where each program runs: a refused one nowhere, the others on the helpers of their machine's thp
    const groups = new Map<boolean, number[]>();
    progs.forEach((p, idx) => {
      const why = this.unsupported(p);
      if (why) {
        out[idx] = Promise.resolve({ results: [], state: EMPTY_STATE, unsupported: why });
        return;
      }
      const thp = machineOf(p).thp;
      const g = groups.get(thp);
      if (g) g.push(idx);
      else groups.set(thp, [idx]);
    });
    for (const [thp, idxs] of groups) {
      let live: HelperProcess[];
      try {
        live = await (thp === this.defaultThp ? this.pool : await this.otherPool()).live();
      } catch (e) {
        for (const idx of idxs) out[idx] = Promise.resolve(crashTrace(`kernel helper (thp=${thp ? 1 : 0}): ${(e as Error).message}`));
        continue;
      }
      // contiguous shares, so each helper's replies arrive in order
      const n = live.length;
      const share = Math.ceil(idxs.length / n);
      idxs.forEach((idx, j) => {
        const h = live[Math.min(n - 1, Math.floor(j / share))];
        const msg = encodeProgram(this.nextId++, progs[idx]);
        out[idx] = h.submit(msg).then(traceOf, (e: Error) => crashTrace(e instanceof HelperDied ? e.message : `kernel helper: ${e.message}`));
      });
    }
    return Promise.all(out as Array<Promise<Trace>>);
  }

  async run(prog: Program): Promise<Trace> {
    return (await this.runMany([prog]))[0];
  }

  async close(): Promise<void> {
    const other = this.other;
    this.other = null;
    await Promise.all([this.pool.close(), other?.then((p) => p.close(), () => undefined)]);
  }

  /** For tests: the running helpers (the default THP setting's). */
  get processes(): readonly HelperProcess[] {
    return this.pool.helpers;
  }

  /** For tests: the helpers of the other THP setting (none until a program asked for it). */
  async otherProcesses(): Promise<readonly HelperProcess[]> {
    return this.other ? (await this.other).helpers : [];
  }
}

/** Starts the kernel target (its helpers) and waits until every helper said HELLO. */
export async function startKernelTarget(opts: KernelTargetOptions = {}): Promise<Kernel> {
  const path = opts.helperPath ?? defaultHelperPath();
  const n = Math.max(1, opts.helpers ?? 1);
  const thp = wantThp(opts);
  if (thp) {
    const why = thpUnavailable();
    if (why) throw new Error(`the kernel target cannot be a thp=1 machine here: ${why}`);
  }
  const pte = wantPteBits(opts) ? [] : ['--no-pte'];
  // each helper on its own CPU (per worker thread, then per helper), see kernel/helper/main.c
  const cpus = availableParallelism();
  const args = (t: boolean, i: number) => [...(t ? ['--thp'] : []), ...pte, `--cpu=${(threadId + i) % cpus}`];
  const pool = await Pool.start(thp, n, path, args);
  const helpers = pool.helpers;
  const k = new Kernel(helpers[0].hello, pool, path, args);
  // every helper must read PTEs alike: one observer for the whole target
  if (helpers.some((h) => h.hello.pteBits !== k.hello.pteBits)) {
    await pool.close();
    throw new Error(`kernel helpers disagree on reading PTE bits: ${helpers.map((h) => h.hello.pteNote).join(' / ')}`);
  }
  if (!k.hello.pteBits) noticeNoPteBits(k.hello);
  await probeConfig(k);
  return k;
}

/**
 * Kernel build options the model must follow that HELLO does not carry: without
 * CONFIG_MEMORY_FAILURE, MADV_HWPOISON is no advice at all (EINVAL, even for len 0)
 * instead of EPERM for a caller without CAP_SYS_ADMIN.
 */
async function probeConfig(k: Kernel): Promise<void> {
  const t = await k.run({ ...parse('madvise(NULL, 0, MADV_HWPOISON)\n'), machine: k.layout() });
  k.memoryFailure = t.results[0] !== '-EINVAL';
}

/** DEFAULT_MACHINE with the kernel's layout: the config model and impl run with in a kernel comparison. */
export function kernelMachine(t: KernelTarget): MachineConfig {
  return { ...DEFAULT_MACHINE, ...t.layout() };
}

/**
 * The kernel target in the engine's Target shape (fuzz/target.ts): its layout for the
 * other side, the ops it cannot run, and what it can observe (abi/observe.ts).
 */
export async function openKernelTarget(opts: KernelTargetOptions = {}) {
  const k = await startKernelTarget(opts);
  return {
    name: 'kernel',
    kernel: k,
    layout: k.layout(),
    unsupportedOps: OP_NAMES.filter((n) => OP_CODES[n] === undefined),
    observe: k.observe,
    run: (p: Program) => k.run(p),
    runMany: (progs: readonly Program[], _covs?: unknown, onProgram?: (i: number) => void) => {
      // the whole batch is in flight at once
      if (onProgram) progs.forEach((_, i) => onProgram(i));
      return k.runMany(progs);
    },
    close: () => k.close(),
  };
}
