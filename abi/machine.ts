// The interface every in-process target implements, and the loop that runs a program
// on one: evaluate each op's arguments from earlier results, execute, record.

import type { OpName } from './ops.js';
import { evalArg, machineOf, type MachineConfig, type Program } from './program.js';
import { err, registerValue, type Result } from './result.js';
import { canonicalize, type RawState, type Trace } from './trace.js';
import { NotModelled, OverBudget } from './budget.js';

/** Receives the names of the rules a target's code took (fuzzer guidance). */
export interface Coverage {
  hit(feature: string): void;
  /** Told before op `index` runs, so a collector can tell which op hit what. */
  op?(index: number): void;
}

export interface Machine {
  /** Run one op in process `pid` (alive); args are the evaluated u64 registers. */
  exec(pid: number, op: OpName, args: readonly bigint[]): Result;
  alive(pid: number): boolean;
  snapshot(): RawState;
}

export type MachineFactory = (cfg: MachineConfig, cov?: Coverage) => Machine;

/**
 * The key under which a target's fixed layout (the live kernel's) lists the machine
 * parameters it takes on per program (the kernel target routes a thp=0 and a thp=1 program
 * to different helpers). Not enumerable, so a spread copy of the layout is one fixed machine.
 */
export const PER_PROGRAM = Symbol.for('mmdiff.layout.perProgram');

/** The parameters `layout` lets a program choose (none for a fixed machine). */
export function perProgramKeys(layout: Partial<MachineConfig>): ReadonlyArray<keyof MachineConfig> {
  return ((layout as Record<symbol, unknown>)[PER_PROGRAM] as ReadonlyArray<keyof MachineConfig> | undefined) ?? [];
}

/** Run a program to completion; a thrown exception becomes the trace's crash. */
export function runProgram(factory: MachineFactory, prog: Program, cov?: Coverage): Trace {
  const m = factory(machineOf(prog), cov);
  const regs = new Map<number, bigint>();
  const results: Result[] = [];
  const args: bigint[] = [];
  for (let i = 0; i < prog.ops.length; i++) {
    const op = prog.ops[i];
    args.length = op.args.length;
    for (let j = 0; j < op.args.length; j++) args[j] = evalArg(op.args[j], regs);
    cov?.op?.(i);
    let r: Result;
    try {
      // an op of a process that has exited (or never forked) is refused like kill(ESRCH)
      r = m.alive(op.proc) ? m.exec(op.proc, op.name, args) : err('ESRCH');
    } catch (e) {
      // by name too: a mutant impl is a bundle with its own copy of the classes
      const name = (e as Error | undefined)?.name;
      if (e instanceof OverBudget || e instanceof NotModelled || name === 'OverBudget' || name === 'NotModelled') {
        return { results, state: safeSnapshot(m), unsupported: `op ${i + 1} ${(e as Error).message}` };
      }
      return { results, state: safeSnapshot(m), crash: { op: i, message: errorText(e) } };
    }
    results.push(r);
    if (op.bind !== undefined) regs.set(op.bind, registerValue(r));
  }
  try {
    return { results, state: canonicalize(m.snapshot()) };
  } catch (e) {
    return { results, state: { processes: [], contents: [] }, crash: { op: prog.ops.length, message: errorText(e) } };
  }
}

function safeSnapshot(m: Machine) {
  try {
    return canonicalize(m.snapshot());
  } catch {
    return { processes: [], contents: [] };
  }
}

function errorText(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}
