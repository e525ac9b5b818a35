// The parser of the `.mm` text format (DESIGN.md). Every malformed input is rejected
// with a ParseError carrying the 1-based line and column of the offending token.

import { ERRNO, SI_CODE, SIGNAL } from './constants.js';
import { isOpName, OPS, type OpName } from './ops.js';
import type { Arg, MachineConfig, Op, Program, Term } from './program.js';
import { jump, type Result, validateResultText } from './result.js';
import { CONSTANTS } from './symbols.js';
import { u64 } from './values.js';

export class ParseError extends Error {
  constructor(
    readonly line: number,
    readonly col: number,
    readonly reason: string,
  ) {
    super(`${line}:${col}: ${reason}`);
    this.name = 'ParseError';
  }
  /** `file:line:col: reason`, the one line a user sees. */
  format(file: string): string {
    return `${file}:${this.line}:${this.col}: ${this.reason}`;
  }
}

type TokKind = 'ident' | 'num' | 'punct' | 'comment' | 'end';
interface Tok {
  kind: TokKind;
  text: string;
  col: number; // 1-based
  value?: bigint;
}

const MAX_U64 = (1n << 64n) - 1n;
const PUNCT = new Set(['(', ')', ',', '=', ':', '+', '-', '|']);

function lexLine(src: string, line: number): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    const col = i + 1;
    if (c === '#') {
      toks.push({ kind: 'comment', text: src.slice(i + 1), col });
      i = src.length;
      break;
    }
    if (PUNCT.has(c)) {
      toks.push({ kind: 'punct', text: c, col });
      i++;
      continue;
    }
    const m = /^[A-Za-z0-9_]+/.exec(src.slice(i));
    if (!m) throw new ParseError(line, col, `unexpected character '${c}'`);
    const word = m[0];
    i += word.length;
    if (/^[0-9]/.test(word)) {
      let value: bigint;
      if (/^0[xX][0-9a-fA-F]+$/.test(word)) value = BigInt(word);
      else if (/^[0-9]+$/.test(word)) value = BigInt(word);
      else throw new ParseError(line, col, `bad number '${word}'`);
      if (value > MAX_U64) throw new ParseError(line, col, `number '${word}' does not fit in 64 bits`);
      toks.push({ kind: 'num', text: word, col, value });
    } else {
      toks.push({ kind: 'ident', text: word, col });
    }
  }
  toks.push({ kind: 'end', text: '', col: src.length + 1 });
  return toks;
}

function describe(t: Tok): string {
  if (t.kind === 'end') return 'end of line';
  if (t.kind === 'comment') return "'#'";
  return `'${t.text}'`;
}

class LineParser {
  private pos = 0;
  constructor(
    private readonly toks: Tok[],
    private readonly line: number,
  ) {}

  peek(k = 0): Tok {
    return this.toks[Math.min(this.pos + k, this.toks.length - 1)];
  }
  next(): Tok {
    return this.toks[Math.min(this.pos++, this.toks.length - 1)];
  }
  fail(t: Tok, reason: string): never {
    throw new ParseError(this.line, t.col, reason);
  }
  expectPunct(p: string, what: string): Tok {
    const t = this.next();
    if (t.kind !== 'punct' || t.text !== p) this.fail(t, `expected ${what}, found ${describe(t)}`);
    return t;
  }
  isPunct(p: string, k = 0): boolean {
    const t = this.peek(k);
    return t.kind === 'punct' && t.text === p;
  }
}

const REF_RE = /^r([0-9]+)$/;
const PROC_RE = /^p([0-9]+)$/;

interface ParseState {
  bound: Set<number>;
  procs: number; // processes that exist before the current op
}

function parseArg(lp: LineParser, st: ParseState): Arg {
  const terms: Term[] = [];
  let sep: '|' | '+' | null = null;
  let neg = false;
  for (;;) {
    let t = lp.next();
    let signed = false;
    if (t.kind === 'punct' && t.text === '-') {
      signed = true;
      t = lp.next();
    }
    let term: Term;
    if (t.kind === 'num') {
      term = { neg: neg !== signed, lit: t.value as bigint };
    } else if (t.kind === 'ident') {
      const ref = REF_RE.exec(t.text);
      if (ref) {
        const n = Number(ref[1]);
        if (!st.bound.has(n)) lp.fail(t, `r${n} is used before it is bound`);
        if (sep === '|') lp.fail(t, `r${n} cannot be combined with '|'`);
        term = { neg: neg !== signed, ref: n };
      } else if (t.text === 'NULL') {
        term = { neg: neg !== signed, lit: 0n };
      } else {
        const v = CONSTANTS.get(t.text);
        if (v === undefined) {
          lp.fail(t, /^[A-Z][A-Z0-9_]*$/.test(t.text) ? `unknown flag or constant '${t.text}'` : `unexpected ${describe(t)} in an argument`);
        }
        term = { neg: neg !== signed, lit: v };
      }
    } else {
      lp.fail(t, `expected an argument, found ${describe(t)}`);
    }
    terms.push(term);
    const p = lp.peek();
    if (p.kind === 'punct' && (p.text === '|' || p.text === '+' || p.text === '-')) {
      const s = p.text === '|' ? '|' : '+';
      if (sep !== null && sep !== s) lp.fail(p, "cannot mix '|' with '+'/'-' in one argument");
      if (s === '|' && terms.some((x) => x.ref !== undefined)) lp.fail(p, "a result rN cannot be combined with '|'");
      sep = s;
      neg = p.text === '-';
      lp.next();
      continue;
    }
    break;
  }
  if (sep === '|') {
    let v = 0n;
    for (const t of terms) v |= u64(t.neg ? -(t.lit as bigint) : (t.lit as bigint));
    return v;
  }
  if (terms.every((t) => t.ref === undefined)) {
    let v = 0n;
    for (const t of terms) v += t.neg ? -(t.lit as bigint) : (t.lit as bigint);
    return u64(v);
  }
  return terms.map((t) => (t.lit !== undefined ? { neg: t.neg, lit: u64(t.lit) } : t));
}

function parseExpect(lp: LineParser): Result {
  const t = lp.next();
  if (t.kind === 'num') return t.value as bigint;
  if (t.kind === 'punct' && t.text === '-') {
    const u = lp.next();
    if (u.kind === 'num') return u64(-(u.value as bigint));
    if (u.kind === 'ident') {
      if (!Object.prototype.hasOwnProperty.call(ERRNO, u.text)) lp.fail(u, `unknown errno '${u.text}'`);
      return '-' + u.text;
    }
    lp.fail(u, `expected an errno name or a number after '-', found ${describe(u)}`);
  }
  if (t.kind === 'ident' && t.text === 'fault') {
    const sig = lp.next();
    if (sig.kind !== 'ident' || !Object.prototype.hasOwnProperty.call(SIGNAL, sig.text)) {
      lp.fail(sig, `expected a signal name (SIGSEGV, SIGBUS), found ${describe(sig)}`);
    }
    const code = lp.next();
    if (code.kind !== 'ident' || !Object.prototype.hasOwnProperty.call(SI_CODE, code.text)) {
      lp.fail(code, `expected an si_code name (SEGV_MAPERR, SEGV_ACCERR, ...), found ${describe(code)}`);
    }
    const s = `fault ${sig.text} ${code.text}`;
    const bad = validateResultText(s);
    if (bad) lp.fail(sig, bad);
    return s;
  }
  if (t.kind === 'ident' && t.text === 'jump') {
    const target = lp.next();
    if (target.kind !== 'num') lp.fail(target, `expected the jump target (a number), found ${describe(target)}`);
    const data = lp.next();
    if (data.kind !== 'num') lp.fail(data, `expected the data register value (a number), found ${describe(data)}`);
    return jump(u64(target.value as bigint), u64(data.value as bigint));
  }
  lp.fail(t, `expected a result (number, -ERRNO, fault SIGNAL CODE or jump TARGET DATA), found ${describe(t)}`);
}

function parseOpLine(lp: LineParser, st: ParseState, lead: string[]): Op {
  let bind: number | undefined;
  let proc = 0;
  let t = lp.peek();
  if (t.kind === 'ident' && REF_RE.test(t.text) && lp.isPunct('=', 1)) {
    bind = Number(REF_RE.exec(t.text)![1]);
    if (st.bound.has(bind)) lp.fail(t, `r${bind} is already bound`);
    lp.next();
    lp.next();
    t = lp.peek();
  }
  if (t.kind === 'ident' && PROC_RE.test(t.text) && lp.isPunct(':', 1)) {
    proc = Number(PROC_RE.exec(t.text)![1]);
    if (proc >= st.procs) {
      lp.fail(t, `unknown process p${proc} (p0..p${st.procs - 1} exist at this point)`);
    }
    lp.next();
    lp.next();
    t = lp.peek();
  }
  const nameTok = lp.next();
  if (nameTok.kind !== 'ident') lp.fail(nameTok, `expected an op name, found ${describe(nameTok)}`);
  if (!isOpName(nameTok.text)) lp.fail(nameTok, `unknown op '${nameTok.text}'`);
  const name: OpName = nameTok.text;
  const spec = OPS[name];
  lp.expectPunct('(', `'(' after ${name}`);
  const args: Arg[] = [];
  if (!lp.isPunct(')')) {
    for (;;) {
      args.push(parseArg(lp, st));
      if (lp.isPunct(',')) {
        lp.next();
        continue;
      }
      break;
    }
  }
  const close = lp.peek();
  if (!(close.kind === 'punct' && close.text === ')')) {
    lp.fail(close, `expected ',' or ')' in the arguments of ${name}, found ${describe(close)}`);
  }
  if (args.length !== spec.args.length) {
    lp.fail(nameTok, `${name} takes ${spec.args.length} argument${spec.args.length === 1 ? '' : 's'} (${spec.argNames.join(', ')}), found ${args.length}`);
  }
  lp.next();
  let expect: Result | undefined;
  if (lp.isPunct('=')) {
    lp.next();
    expect = parseExpect(lp);
  }
  let note: string | undefined;
  const c = lp.peek();
  if (c.kind === 'comment') {
    note = c.text;
    lp.next();
  }
  const end = lp.next();
  if (end.kind !== 'end') lp.fail(end, `unexpected ${describe(end)} after the op`);
  if (bind !== undefined) st.bound.add(bind);
  if (name === 'fork') st.procs++;
  const op: { -readonly [K in keyof Op]: Op[K] } = { name, proc, args };
  if (bind !== undefined) op.bind = bind;
  if (expect !== undefined) op.expect = expect;
  if (lead.length) op.lead = lead;
  if (note !== undefined) op.note = note;
  return op;
}

const MACHINE_PARSERS: Record<string, (v: string) => unknown> = {
  profile: (v) => (v === '6.18' || v === '6.10' ? v : undefined),
  pku: (v) => (v === '1' ? true : v === '0' ? false : undefined),
  shstk: (v) => (v === '1' ? true : v === '0' ? false : undefined),
  mmapBase: (v) => (/^0x[0-9a-f]+$/i.test(v) ? BigInt(v) : undefined),
  mmapMinAddr: (v) => (/^0x[0-9a-f]+$/i.test(v) ? BigInt(v) : undefined),
  brkStart: (v) => (/^0x[0-9a-f]+$/i.test(v) ? BigInt(v) : undefined),
  maxMapCount: (v) => (/^[0-9]+$/.test(v) && Number(v) >= 1 && Number(v) <= 1 << 24 ? Number(v) : undefined),
};

function parseMachine(body: string, line: number, col: number): Partial<MachineConfig> {
  const m: Record<string, unknown> = {};
  const re = /\S+/g;
  let w: RegExpExecArray | null;
  while ((w = re.exec(body))) {
    const at = col + w.index;
    const eq = w[0].indexOf('=');
    if (eq < 0) throw new ParseError(line, at, `expected key=value in '# machine', found '${w[0]}'`);
    const k = w[0].slice(0, eq);
    const v = w[0].slice(eq + 1);
    const parse = MACHINE_PARSERS[k];
    if (!parse) throw new ParseError(line, at, `unknown machine parameter '${k}' (${Object.keys(MACHINE_PARSERS).join(', ')})`);
    const val = parse(v);
    if (val === undefined) throw new ParseError(line, at + eq + 1, `bad value '${v}' for machine parameter ${k}`);
    m[k] = val;
  }
  return m as Partial<MachineConfig>;
}

/**
 * Parse a `.mm` text. Throws ParseError (with line and column) on any malformed input.
 * `where.lines`, if given, receives the 1-based line of each op.
 */
export function parse(text: string, where?: { lines: number[] }): Program {
  const lines = text.split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  const st: ParseState = { bound: new Set(), procs: 1 };
  const ops: Op[] = [];
  let lead: string[] = [];
  let machine: Partial<MachineConfig> | undefined;
  lines.forEach((raw, idx) => {
    const line = idx + 1;
    const trimmed = raw.trimStart();
    const indent = raw.length - trimmed.length;
    if (trimmed === '' || trimmed === '\r') return;
    if (trimmed.startsWith('#')) {
      const body = trimmed.slice(1).replace(/\r$/, '');
      const hdr = /^ mmdiff(?: (.*))?$/.exec(body);
      if (hdr) {
        if (ops.length || lead.length || machine) throw new ParseError(line, indent + 1, "'# mmdiff' header must be the first line");
        if (hdr[1] !== '1') throw new ParseError(line, indent + 10, `unsupported format version '${hdr[1] ?? ''}' (this mmdiff reads version 1)`);
        return;
      }
      const mach = /^ machine(\s.*)?$/.exec(body);
      if (mach) {
        if (ops.length) throw new ParseError(line, indent + 1, "'# machine' must come before the first op");
        machine = { ...machine, ...parseMachine(mach[1] ?? '', line, indent + 10) };
        return;
      }
      lead.push(body);
      return;
    }
    const lp = new LineParser(lexLine(raw.replace(/\r$/, ''), line), line);
    ops.push(parseOpLine(lp, st, lead));
    where?.lines.push(line);
    lead = [];
  });
  const prog: { ops: Op[]; machine?: Partial<MachineConfig>; trailer?: string[] } = { ops };
  if (machine) prog.machine = machine;
  if (lead.length) prog.trailer = lead;
  return prog;
}
