// The parser of the `.mm` text format (DESIGN.md). Every malformed input is rejected
// with a ParseError carrying the 1-based line and column of the offending token.

import { ERRNO, SI_CODE, SIGNAL } from './constants.js';
import { isOpName, OPS, type OpName } from './ops.js';
import { HUGE_PAGES_MAX, isProfile, RAM_SWAP_MIN, type Arg, type MachineConfig, type Op, type Program, type ReservedRange, type Term } from './program.js';
import { errNumber, jump, type Result, validateResultText } from './result.js';
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
const WORD_RE = /[A-Za-z0-9_]+/y;

/**
 * User text inside a message: quoted, control and invisible characters escaped, cut
 * to a readable length, so a message is always one short line.
 */
export function quote(s: string, max = 40): string {
  const cps = [...s.slice(0, 2 * max)];
  const cut = cps.length > max || s.length > 2 * max ? cps.slice(0, max).join('') + '…' : s;
  const esc = (c: string) => {
    const n = c.codePointAt(0)!;
    return n > 0xffff ? `\\u{${n.toString(16)}}` : `\\u${n.toString(16).padStart(4, '0')}`;
  };
  return `'${cut.replace(/\p{C}|(?! )\p{Z}/gu, esc)}'`;
}

/** A literal's value, or null when it does not fit in 64 bits (checked before BigInt reads a long word). */
function literal(word: string): bigint | null {
  const hex = /^0[xX]/.test(word);
  const digits = word.slice(hex ? 2 : 0).replace(/^0+(?=.)/, '');
  if (digits.length > (hex ? 16 : 20)) return null;
  const v = BigInt(hex ? '0x' + digits : digits);
  return v > MAX_U64 ? null : v;
}

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
    WORD_RE.lastIndex = i;
    const m = WORD_RE.exec(src);
    if (!m) throw new ParseError(line, col, `unexpected character ${quote(String.fromCodePoint(src.codePointAt(i)!))}`);
    const word = m[0];
    i += word.length;
    if (/^[0-9]/.test(word)) {
      if (!/^(0[xX][0-9a-fA-F]+|[0-9]+)$/.test(word)) throw new ParseError(line, col, `bad number ${quote(word)}`);
      const value = literal(word);
      if (value === null) throw new ParseError(line, col, `number ${quote(word)} does not fit in 64 bits`);
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
  return quote(t.text);
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
/** Largest N of rN and pN: their printed form must read back as the same number. */
const MAX_INDEX = 0x7fffffff;

function index(lp: LineParser, t: Tok, digits: string): number {
  const n = Number(digits);
  if (!(n <= MAX_INDEX)) lp.fail(t, `${t.text[0] === 'r' ? 'register' : 'process'} number ${quote(t.text)} is too large (at most ${MAX_INDEX})`);
  return n;
}

interface ParseState {
  bound: Set<number>;
  procs: number; // processes that exist before the current op
}

function parseArg(lp: LineParser, st: ParseState): Arg {
  const terms: Term[] = [];
  let sep: '|' | '+' | null = null;
  let neg = false;
  let hasRef = false;
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
        const n = index(lp, t, ref[1]);
        if (!st.bound.has(n)) lp.fail(t, `r${n} is used before it is bound`);
        if (sep === '|') lp.fail(t, `r${n} cannot be combined with '|'`);
        term = { neg: neg !== signed, ref: n };
        hasRef = true;
      } else if (t.text === 'NULL') {
        term = { neg: neg !== signed, lit: 0n };
      } else {
        const v = CONSTANTS.get(t.text);
        if (v === undefined) {
          lp.fail(t, /^[A-Z][A-Z0-9_]*$/.test(t.text) ? `unknown flag or constant ${quote(t.text)}` : `unexpected ${describe(t)} in an argument`);
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
      if (s === '|' && hasRef) lp.fail(p, "a result rN cannot be combined with '|'");
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
      const num = /^E([1-9][0-9]{0,3})$/.exec(u.text);
      if (num && Number(num[1]) <= 4095) {
        // an error value with no name; one that has a name is written by it
        const r = errNumber(Number(num[1]));
        if (r !== '-' + u.text) lp.fail(u, `write ${r}, not -${u.text}`);
        return r;
      }
      if (!Object.prototype.hasOwnProperty.call(ERRNO, u.text)) lp.fail(u, `unknown errno ${quote(u.text)}`);
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
    bind = index(lp, t, REF_RE.exec(t.text)![1]);
    if (st.bound.has(bind)) lp.fail(t, `r${bind} is already bound`);
    lp.next();
    lp.next();
    t = lp.peek();
  }
  if (t.kind === 'ident' && PROC_RE.test(t.text) && lp.isPunct(':', 1)) {
    proc = index(lp, t, PROC_RE.exec(t.text)![1]);
    if (proc >= st.procs) {
      lp.fail(t, `unknown process p${proc} (p0..p${st.procs - 1} exist at this point)`);
    }
    lp.next();
    lp.next();
    t = lp.peek();
  }
  const nameTok = lp.next();
  if (nameTok.kind !== 'ident') lp.fail(nameTok, `expected an op name, found ${describe(nameTok)}`);
  if (!isOpName(nameTok.text)) lp.fail(nameTok, `unknown op ${quote(nameTok.text)}`);
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

const address = (v: string) => (/^0x[0-9a-f]+$/i.test(v) ? (literal(v) ?? undefined) : undefined);

const MACHINE_PARSERS: Record<string, (v: string) => unknown> = {
  profile: (v) => (isProfile(v) ? v : undefined),
  pku: (v) => (v === '1' ? true : v === '0' ? false : undefined),
  shstk: (v) => (v === '1' ? true : v === '0' ? false : undefined),
  mmapBase: (v) => address(v),
  mmapMinAddr: (v) => address(v),
  brkStart: (v) => address(v),
  thp: (v) => (v === '1' ? true : v === '0' ? false : undefined),
  memoryFailure: (v) => (v === '1' ? true : v === '0' ? false : undefined),
  zeroPage: (v) => (v === '1' ? true : v === '0' ? false : undefined),
  maxMapCount: (v) => (/^[0-9]+$/.test(v) && Number(v) >= 1 && Number(v) <= 1 << 24 ? Number(v) : undefined),
  ramSwap: (v) => ramSwapValue(v),
  hugePages: (v) => (/^[0-9]+$/.test(v) && Number(v) <= HUGE_PAGES_MAX ? Number(v) : undefined),
  gbPages: (v) => (v === '1' ? true : v === '0' ? false : undefined),
  reserved: (v) => parseReserved(v),
};

/** What a machine parameter's value must be, said after "bad value" (parameters not here: their type says it). */
const MACHINE_VALUE_RULES: Record<string, string> = {
  ramSwap: `bytes, in hex or decimal: a multiple of 4096, at least ${RAM_SWAP_MIN} (16 MiB), below 2^64`,
  hugePages: `a count of free 2 MiB huge pages, 0 to ${HUGE_PAGES_MAX}`,
  maxMapCount: `1 to ${1 << 24}`,
};

/** `ramSwap=0x400000000` or `ramSwap=17179869184`: RAM + swap in bytes (abi/program.ts). */
function ramSwapValue(v: string): bigint | undefined {
  if (!/^(0x[0-9a-f]{1,16}|[0-9]{1,20})$/i.test(v)) return undefined;
  const n = BigInt(v);
  return n < 1n << 64n && n >= RAM_SWAP_MIN && (n & 0xfffn) === 0n ? n : undefined;
}

/** `reserved=0x400000-0x405000,0x7ffffffde000-0x7ffffffff000:growsdown` (abi/program.ts ReservedRange). */
function parseReserved(v: string): ReservedRange[] | undefined {
  const out: ReservedRange[] = [];
  for (const part of v.split(',')) {
    const m = /^(0x[0-9a-f]{1,16})-(0x[0-9a-f]{1,16})(:growsdown)?$/i.exec(part);
    if (!m) return undefined;
    const start = BigInt(m[1]);
    const end = BigInt(m[2]);
    if (end <= start || (start | end) & 0xfffn) return undefined;
    out.push(m[3] ? { start, end, growsdown: true } : { start, end });
  }
  return out;
}

function parseMachine(body: string, line: number, col: number): Partial<MachineConfig> {
  const m: Record<string, unknown> = {};
  const re = /\S+/g;
  let w: RegExpExecArray | null;
  while ((w = re.exec(body))) {
    const at = col + w.index;
    const eq = w[0].indexOf('=');
    if (eq < 0) throw new ParseError(line, at, `expected key=value in '# machine', found ${quote(w[0])}`);
    const k = w[0].slice(0, eq);
    const v = w[0].slice(eq + 1);
    const parse = Object.prototype.hasOwnProperty.call(MACHINE_PARSERS, k) ? MACHINE_PARSERS[k] : undefined;
    if (!parse) throw new ParseError(line, at, `unknown machine parameter ${quote(k)} (${Object.keys(MACHINE_PARSERS).join(', ')})`);
    const val = parse(v);
    if (val === undefined) {
      const rule = Object.prototype.hasOwnProperty.call(MACHINE_VALUE_RULES, k) ? ` (${MACHINE_VALUE_RULES[k]})` : '';
      throw new ParseError(line, at + eq + 1, `bad value ${quote(v)} for machine parameter ${k}${rule}`);
    }
    m[k] = val;
  }
  return m as Partial<MachineConfig>;
}

/**
 * Parse a `.mm` text. Throws ParseError (with line and column) on any malformed input.
 * `where.lines`, if given, receives the 1-based line of each op.
 */
/** The lines of a `.mm` text: LF, CRLF and a lone CR (old Mac files) all end a line. */
export function textLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

export function parse(text: string, where?: { lines: number[] }): Program {
  // a byte order mark (U+FEFF) some editors put at the start of a file is not text
  const lines = textLines(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
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
      const body = trimmed.slice(1).replace(/\r+$/, '');
      const hdr = /^ mmdiff(?: (.*))?$/.exec(body);
      if (hdr) {
        if (ops.length || lead.length || machine) throw new ParseError(line, indent + 1, "'# mmdiff' header must be the first line");
        if (hdr[1] !== '1') throw new ParseError(line, indent + (hdr[1] === undefined ? 9 : 10), `unsupported format version ${quote(hdr[1] ?? '')} (this mmdiff reads version 1)`);
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
    const lp = new LineParser(lexLine(raw.replace(/\r+$/, ''), line), line);
    ops.push(parseOpLine(lp, st, lead));
    where?.lines.push(line);
    lead = [];
  });
  const prog: { ops: Op[]; machine?: Partial<MachineConfig>; trailer?: string[] } = { ops };
  if (machine) prog.machine = machine;
  if (lead.length) prog.trailer = lead;
  return prog;
}
