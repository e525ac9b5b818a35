// Writing cases: a minimized witness becomes a `.mm` file with the reference
// target's results as expectations and a header that says what it shows. Files are
// written atomically (temp file, fsync, rename), so a crash never leaves half a case.

import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { hostname, machine, release, type } from 'node:os';
import { dirname, join } from 'node:path';
import { print, type Op, type Program, type Trace } from '../abi/index.js';

export interface CaseHeader {
  readonly signature: string;
  readonly class: string;
  readonly targets: string;
  readonly detail: string;
  readonly seed?: number;
  readonly found?: string;
  readonly opsBefore?: number;
  /** The impl bugs (MMDIFF_INJECT names) switched on when it diverged; none: the impl as it is. */
  readonly inject?: readonly string[];
  /** The host it diverged on (thisHost()). */
  readonly host?: string;
}

/** What made a case diverge besides its program, as its header records it. */
export interface CaseOrigin {
  /** `# variant: MMDIFF_INJECT=a,b`: the impl bugs switched on; null when the header names none. */
  readonly inject: string[] | null;
  /** `# host: NAME (Linux 6.8.0 x86_64)`, or null. */
  readonly host: string | null;
  /** `# targets: a,b (...)`, or null. */
  readonly targets: string | null;
}

/** This machine as a case header and a summary name it: host name, kernel and architecture. */
export function thisHost(): string {
  return `${hostname()} (${type()} ${release()} ${machine()})`;
}

/** The header line that records the impl variant: the MMDIFF_INJECT setting it needs, as the user writes it. */
const VARIANT = /^\s*variant: MMDIFF_INJECT=(\S*)\s*$/;

/** The origin lines of a case's header (the comments before its first op, or its trailer when it has none). */
export function caseOrigin(prog: Program): CaseOrigin {
  const header = prog.ops.length ? (prog.ops[0].lead ?? []) : (prog.trailer ?? []);
  let inject: string[] | null = null;
  let host: string | null = null;
  let targets: string | null = null;
  for (const line of header) {
    const v = VARIANT.exec(line);
    if (v && inject === null) inject = v[1].split(',').map((x) => x.trim()).filter(Boolean);
    const h = /^\s*host: (.+?)\s*$/.exec(line);
    if (h && host === null) host = h[1];
    const t = /^\s*targets: ([^\s(]+)/.exec(line);
    if (t && targets === null) targets = t[1];
  }
  return { inject, host, targets };
}

/** The program with the reference trace's results written as expectations. */
export function withExpectations(prog: Program, ref: Trace): Program {
  const ops = prog.ops.map((op, i): Op => (i < ref.results.length ? { ...op, expect: ref.results[i] } : op));
  return { ...prog, ops };
}

export function caseText(prog: Program, h: CaseHeader): string {
  const lines = [
    ` divergence: ${h.signature}`,
    ` class: ${h.class}`,
    ` targets: ${h.targets} (expectations are ${h.targets.split(',')[0]}'s results)`,
    ` detail: ${h.detail.replace(/\n/g, ' ')}`,
  ];
  if (h.seed !== undefined) lines.push(` seed: ${h.seed}`);
  if (h.opsBefore !== undefined) lines.push(` minimized: ${h.opsBefore} -> ${prog.ops.length} ops`);
  if (h.found) lines.push(` found: ${h.found}`);
  if (h.inject?.length) lines.push(` variant: MMDIFF_INJECT=${h.inject.join(',')}`);
  if (h.host) lines.push(` host: ${h.host}`);
  const [first, ...rest] = prog.ops;
  if (!first) return print({ ...prog, trailer: [...lines, ...(prog.trailer ?? [])] });
  return print({ ...prog, ops: [{ ...first, lead: [...lines, ...(first.lead ?? [])] }, ...rest] });
}

/** A file name from a signature: `mprotect-result-EPERM-0.mm`. */
export function caseName(signature: string): string {
  return signature.replace(/[^A-Za-z0-9_.]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 100) + '.mm';
}

export function writeFileAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}.tmp`);
  const fd = openSync(tmp, 'w');
  try {
    try {
      // write(2) may write less than asked (a nearly full disk): loop, and never rename a short file
      const buf = Buffer.from(text, 'utf8');
      for (let off = 0; off < buf.length; ) {
        const n = writeSync(fd, buf, off, buf.length - off);
        if (n <= 0) throw Object.assign(new Error(`short write of ${path}`), { code: 'ENOSPC' });
        off += n;
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true }); // a failed write leaves nothing behind
    throw e;
  }
  try {
    const dfd = openSync(dirname(path), 'r');
    fsyncSync(dfd);
    closeSync(dfd);
  } catch {
    // directories cannot be fsynced on every file system; the rename is still atomic
  }
}
