// State assertions in `.mm` test cases. A comment line starting with `#!` states what
// the machine looks like at that point (before the next op, or at the end):
//
//   #! p0 vmas r0..r0+0x2000 rw- account | r0+0x2000..r0+0x3000 r-- sealed
//   #! p0 vmas none
//   #! p0 pte r0 P RW US A D NX page       exact PTE bits, then the frame:
//   #! p0 pte r0+0x1000 P US A NX Z        Z zero page, page any frame, fN canonical
//   #! p1 pte r0 none                      frame N (sharing), guard (marker), none
//   #! p0 brk 0x4ca000 | pkru 0x55555554 | pkeys 0x3 | alive 1
//   #! p0 ssp r0+0x1ff8 | shstk 0x3                 SSP, shadow-stack features (bit 0 SHSTK, 1 WRSS)
//
// To the `.mm` grammar these are comments, so every target and tool reads the file
// unchanged; the semantic suite checks them.

import {
  evalArg,
  PTE_BIT_NAMES,
  PTE_OBSERVED_MASK,
  registerValue,
  VMF_NAMES,
  vmFlagsFromNames,
  type Arg,
  type Program,
  type State,
  type Term,
  type Trace,
} from '../abi/index.js';
import { hex } from '../abi/values.js';

export interface Assertion {
  /** The assertion holds before op `at` (== ops.length: at the end). */
  readonly at: number;
  /** The assertion as written (after `#!`). */
  readonly text: string;
  readonly check: (state: State, regs: ReadonlyMap<number, bigint>) => string | null;
}

export class AssertionSyntaxError extends Error {}

const EXPR_RE = /^(?:r\d+|0x[0-9a-fA-F]+|\d+)(?:[+-](?:r\d+|0x[0-9a-fA-F]+|\d+))*$/;

function parseExpr(s: string): Arg {
  if (!EXPR_RE.test(s)) throw new AssertionSyntaxError(`bad address '${s}'`);
  const terms: Term[] = [];
  const re = /([+-]?)(r\d+|0x[0-9a-fA-F]+|\d+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const neg = m[1] === '-';
    terms.push(m[2][0] === 'r' ? { neg, ref: Number(m[2].slice(1)) } : { neg, lit: BigInt(m[2]) });
  }
  return terms;
}

const PROT_RE = /^[r-][w-][x-]$/;

/** The N of `pkey=N` / `PKEY=N`: a protection key, 0..15. */
function parsePkey(w: string): number {
  const v = w.slice(5);
  if (!/^[0-9]{1,2}$/.test(v) || Number(v) > 15) throw new AssertionSyntaxError(`bad protection key '${w}' (${w.slice(0, 5)}0 to ${w.slice(0, 5)}15)`);
  return Number(v);
}

function parseProt(s: string): number {
  if (!PROT_RE.test(s)) throw new AssertionSyntaxError(`bad prot '${s}' (expected like rw-)`);
  return (s[0] === 'r' ? 1 : 0) | (s[1] === 'w' ? 2 : 0) | (s[2] === 'x' ? 4 : 0);
}

interface VmaSpec {
  start: Arg;
  end: Arg;
  prot: number;
  pkey: number;
  flags: number;
}

function parseVmaSpec(s: string): VmaSpec {
  const words = s.trim().split(/\s+/);
  const range = words.shift() ?? '';
  const dots = range.indexOf('..');
  if (dots < 0) throw new AssertionSyntaxError(`bad VMA range '${range}' (expected START..END)`);
  const prot = parseProt(words.shift() ?? '');
  let pkey = 0;
  const flagNames: string[] = [];
  for (const w of words) {
    if (w.startsWith('pkey=')) pkey = parsePkey(w);
    else if (VMF_NAMES.some(([n]) => n === w)) flagNames.push(w);
    else throw new AssertionSyntaxError(`unknown VMA flag '${w}'`);
  }
  return { start: parseExpr(range.slice(0, dots)), end: parseExpr(range.slice(dots + 2)), prot, pkey, flags: vmFlagsFromNames(flagNames) };
}

function vmaLine(start: bigint, end: bigint, prot: number, pkey: number, flags: number): string {
  const p = (prot & 1 ? 'r' : '-') + (prot & 2 ? 'w' : '-') + (prot & 4 ? 'x' : '-');
  const names = VMF_NAMES.filter(([, b]) => flags & b).map(([n]) => n);
  return [`${hex(start)}..${hex(end)}`, p, ...(pkey ? [`pkey=${pkey}`] : []), ...names].join(' ');
}

type Check = Assertion['check'];

function procOf(state: State, pid: number) {
  return state.processes.find((p) => p.pid === pid);
}

function parseClause(pid: number, clause: string): Check {
  const [what, ...rest] = clause.trim().split(/\s+/);
  const body = clause.trim().slice(what.length).trim();
  switch (what) {
    case 'vmas': {
      const specs = body === 'none' ? [] : body.split('|').map(parseVmaSpec);
      return (state, regs) => {
        const p = procOf(state, pid);
        if (!p) return `p${pid} does not exist`;
        const want = specs.map((v) => vmaLine(evalArg(v.start, regs), evalArg(v.end, regs), v.prot, v.pkey, v.flags));
        const got = p.vmas.map((v) => vmaLine(v.start, v.end, v.prot, v.pkey, v.flags));
        return want.join(' | ') === got.join(' | ') ? null : `p${pid} vmas: expected ${want.join(' | ') || 'none'}; got ${got.join(' | ') || 'none'}`;
      };
    }
    case 'pte': {
      const addr = parseExpr(rest[0] ?? '');
      const words = rest.slice(1);
      const frameSpec = words.pop();
      if (frameSpec === undefined) throw new AssertionSyntaxError('pte needs an address, bits and a frame (Z, page, fN, guard, none)');
      let bits = 0n;
      for (const w of words) {
        if (w.startsWith('PKEY=')) {
          bits |= BigInt(parsePkey(w)) << 59n;
          continue;
        }
        const b = PTE_BIT_NAMES.find(([n]) => n === w);
        if (!b) throw new AssertionSyntaxError(`unknown PTE bit '${w}' (${PTE_BIT_NAMES.map(([n]) => n).join(' ')} PKEY=n)`);
        bits |= 1n << BigInt(b[1]);
      }
      if (!/^(Z|page|guard|none|f\d+)$/.test(frameSpec)) throw new AssertionSyntaxError(`bad frame '${frameSpec}' (Z, page, fN, guard, none)`);
      const show = (b: bigint, f: string) => [...PTE_BIT_NAMES.filter(([, i]) => (b >> BigInt(i)) & 1n).map(([n]) => n), ...((b >> 59n) & 0xfn ? [`PKEY=${(b >> 59n) & 0xfn}`] : []), f].join(' ');
      return (state, regs) => {
        const p = procOf(state, pid);
        if (!p) return `p${pid} does not exist`;
        const a = evalArg(addr, regs);
        const e = p.ptes.find((x) => x.addr === a);
        let got: string;
        if (!e) got = 'none';
        else if (e.guard) got = 'guard';
        else got = show(e.bits & PTE_OBSERVED_MASK, e.frame === 'Z' ? 'Z' : e.frame === null ? 'none' : `f${e.frame}`);
        const wantFrame = frameSpec;
        const want = wantFrame === 'none' || wantFrame === 'guard' ? wantFrame : show(bits, wantFrame);
        const gotCmp = wantFrame === 'page' && e && typeof e.frame === 'number' ? got.replace(/f\d+$/, 'page') : got;
        return gotCmp === want ? null : `p${pid} pte ${hex(a)}: expected ${want}; got ${got}`;
      };
    }
    case 'brk':
    case 'pkru':
    case 'pkeys':
    case 'ssp':
    case 'shstk':
    case 'alive': {
      const v = parseExpr(body);
      return (state, regs) => {
        const p = procOf(state, pid);
        if (!p) return `p${pid} does not exist`;
        const want = evalArg(v, regs);
        const got = what === 'alive' ? BigInt(+p.alive) : BigInt(p[what]);
        return got === want ? null : `p${pid} ${what}: expected ${hex(want)}; got ${hex(got)}`;
      };
    }
    default:
      throw new AssertionSyntaxError(`unknown assertion '${what}' (vmas, pte, brk, pkru, pkeys, ssp, shstk, alive)`);
  }
}

/** Parses one `#!` line body (after the `!`). */
export function parseAssertionLine(body: string, at: number): Assertion {
  const m = /^\s*p(\d+)\s+(.*)$/.exec(body);
  if (!m) throw new AssertionSyntaxError('expected `#! pN <assertion>`');
  const pid = Number(m[1]);
  const checks = splitClauses(m[2]).map((c) => parseClause(pid, c));
  return {
    at,
    text: body.trim(),
    check: (state, regs) => {
      for (const c of checks) {
        const r = c(state, regs);
        if (r) return r;
      }
      return null;
    },
  };
}

/** `vmas` lists use `|` between VMAs, so only the scalar clauses split on `|`. */
function splitClauses(s: string): string[] {
  if (/^\s*(vmas|pte)\b/.test(s)) return [s];
  return s.split('|');
}

/** The assertions of a program with the source line of each (1-based) if known. */
export function assertionsOf(prog: Program): Assertion[] {
  const out: Assertion[] = [];
  prog.ops.forEach((op, i) => {
    for (const c of op.lead ?? []) if (c.startsWith('!')) out.push(parseAssertionLine(c.slice(1), i));
  });
  for (const c of prog.trailer ?? []) if (c.startsWith('!')) out.push(parseAssertionLine(c.slice(1), prog.ops.length));
  return out;
}

/** The rN values of a trace's ops that ran before op `at`. */
export function registersAt(prog: Program, trace: Trace, at: number): Map<number, bigint> {
  const regs = new Map<number, bigint>();
  for (let i = 0; i < at && i < trace.results.length; i++) {
    const b = prog.ops[i].bind;
    if (b !== undefined) regs.set(b, registerValue(trace.results[i]));
  }
  return regs;
}


export interface AssertionFailure {
  /** Index of the assertion among the program's `#!` lines, in file order. */
  readonly index: number;
  readonly message: string;
}

/** Runs the program (and its prefixes, for assertions placed mid-program) and checks every `#!` line. */
export function checkAssertions(
  prog: Program,
  run: (p: Program) => Trace,
  full?: Trace,
): AssertionFailure[] {
  const asserts = assertionsOf(prog);
  const traces = new Map<number, Trace>();
  const traceAt = (at: number) => {
    let t = traces.get(at) ?? (at === prog.ops.length ? full : undefined);
    if (!t) {
      t = run({ ...prog, ops: prog.ops.slice(0, at) });
      traces.set(at, t);
    }
    return t;
  };
  const out: AssertionFailure[] = [];
  asserts.forEach((a, index) => {
    const t = traceAt(a.at);
    const msg = a.check(t.state, registersAt(prog, t, a.at));
    if (msg) out.push({ index, message: msg });
  });
  return out;
}

/** checkAssertions for an asynchronous, batched target: every prefix an assertion needs goes in one batch. */
export async function checkAssertionsBatched(
  prog: Program,
  runMany: (ps: readonly Program[]) => Promise<readonly Trace[]>,
  full?: Trace,
): Promise<AssertionFailure[]> {
  const points = [...new Set(assertionsOf(prog).map((a) => a.at))].filter((at) => !(full && at === prog.ops.length));
  const traces = await runMany(points.map((at) => ({ ...prog, ops: prog.ops.slice(0, at) })));
  const byPoint = new Map(points.map((at, i) => [at, traces[i]]));
  return checkAssertions(prog, (p) => byPoint.get(p.ops.length)!, full);
}
