// Writing cases: a minimized witness becomes a `.mm` file with the reference
// target's results as expectations and a header that says what it shows. Files are
// written atomically (temp file, fsync, rename), so a crash never leaves half a case.

import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
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
