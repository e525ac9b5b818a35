// Reading `.mm` files: one clear `file:line:col: reason` per bad file, never a throw
// that hides the other files.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse, ParseError, type Program } from '../abi/index.js';
import { AssertionSyntaxError, assertionsOf } from './assertions.js';

export class UserError extends Error {
  override name = 'UserError';
}

export interface Loaded {
  readonly file: string;
  readonly prog: Program;
  /** 1-based line of each op. */
  readonly lines: number[];
  /** 1-based line of each `#!` state assertion, in file order. */
  readonly assertLines: number[];
}

export function loadProgram(file: string): Loaded {
  let text: string;
  try {
    if (statSync(file).isDirectory()) throw new UserError(`${file}: is a directory, expected a .mm file`);
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof UserError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(`${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (e as Error).message}`);
  }
  const where = { lines: [] as number[] };
  let prog: Program;
  try {
    prog = parse(text, where);
  } catch (e) {
    if (e instanceof ParseError) throw new UserError(e.format(file));
    throw e;
  }
  const assertLines: number[] = [];
  text.split('\n').forEach((l, i) => {
    if (l.trimStart().startsWith('#!')) assertLines.push(i + 1);
  });
  try {
    assertionsOf(prog);
  } catch (e) {
    if (!(e instanceof AssertionSyntaxError)) throw e;
    // find the first `#!` line that fails on its own, for the position
    for (const line of assertLines) {
      const raw = text.split('\n')[line - 1];
      try {
        assertionsOf({ ops: [], trailer: [raw.trimStart().slice(1)] });
      } catch (e2) {
        if (e2 instanceof AssertionSyntaxError) throw new UserError(`${file}:${line}:${raw.length - raw.trimStart().length + 1}: ${e2.message}`);
      }
    }
    throw new UserError(`${file}: ${(e as Error).message}`);
  }
  return { file, prog, lines: where.lines, assertLines };
}

/** All `.mm` files below a directory, sorted, recursively. */
export function findCases(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const ent of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, ent.name);
      if (ent.isDirectory()) walk(p);
      else if (ent.name.endsWith('.mm')) out.push(p);
    }
  };
  walk(dir);
  return out;
}
