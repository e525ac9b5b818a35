// Reading `.mm` files: one clear `file:line:col: reason` per bad file, never a throw
// that hides the other files.

import { readdirSync, readFileSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join } from 'node:path';
import { parse, ParseError, textLines, type Program } from '../abi/index.js';
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

/** Largest file read as a case: generated cases are a few KB, hand-written ones less. */
const MAX_CASE_BYTES = 64 << 20;

/** A file system error in a few words, without the path Node repeats in its message. */
export function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'not a directory (part of the path is a file)';
    case 'EISDIR':
      return 'is a directory';
    case 'EEXIST':
      return 'already exists';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'ENAMETOOLONG':
      return 'file name too long';
    case 'EIO':
      return 'input/output error';
    case 'ENOSPC':
      return 'no space left on device';
    case 'EROFS':
      return 'read-only file system';
    default: {
      // "EXDEV: cross-device link not permitted, rename 'a' -> 'b'" -> "cross-device link not permitted (EXDEV)"
      const msg = String((e as Error | undefined)?.message ?? e).split('\n')[0];
      const m = /^([A-Z][A-Z0-9_]+): (.*?)(?:, [a-z]+(?: '.*)?)?$/.exec(msg);
      return m ? `${m[2]} (${m[1]})` : msg;
    }
  }
}

export function loadProgram(file: string): Loaded {
  let text: string;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new UserError(`${file}: is a directory, expected a .mm file`);
    // a FIFO is read (mmdiff run /dev/stdin); a device or socket is not a case
    if (!st.isFile() && !st.isFIFO()) throw new UserError(`${file}: not a regular file, expected a .mm file`);
    if (st.size > MAX_CASE_BYTES) throw new UserError(`${file}: ${st.size} bytes is too large for a case (at most ${MAX_CASE_BYTES})`);
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`${file}: ${fsReason(e)}`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a byte order mark, as parse() skips it
  const where = { lines: [] as number[] };
  let prog: Program;
  try {
    prog = parse(text, where);
  } catch (e) {
    if (e instanceof ParseError) throw new UserError(e.format(file));
    throw e;
  }
  const assertLines: number[] = [];
  textLines(text).forEach((l, i) => {
    if (l.trimStart().startsWith('#!')) assertLines.push(i + 1);
  });
  try {
    assertionsOf(prog);
  } catch (e) {
    if (!(e instanceof AssertionSyntaxError)) throw e;
    // find the first `#!` line that fails on its own, for the position
    for (const line of assertLines) {
      const raw = textLines(text)[line - 1];
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

/** A FIFO, socket or device, directly or through a symbolic link: reading one may never end. */
function isSpecial(path: string, ent: Dirent): boolean {
  const special = (s: Dirent | Stats) => s.isFIFO() || s.isSocket() || s.isCharacterDevice() || s.isBlockDevice();
  if (special(ent)) return true;
  if (!ent.isSymbolicLink()) return false;
  try {
    return special(statSync(path));
  } catch {
    return false; // a dangling link is listed, and loadProgram says so
  }
}

/** All `.mm` files below a directory, sorted, recursively (not FIFOs, sockets or devices). */
export function findCases(dir: string): string[] {
  let isDir: boolean;
  try {
    isDir = statSync(dir).isDirectory();
  } catch (e) {
    throw new UserError(`${dir}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such directory' : fsReason(e)}`);
  }
  if (!isDir) throw new UserError(`${dir}: not a directory`);
  const out: string[] = [];
  const walk = (d: string) => {
    let ents;
    try {
      ents = readdirSync(d, { withFileTypes: true });
    } catch (e) {
      throw new UserError(`${d}: ${fsReason(e)}`);
    }
    for (const ent of ents.sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, ent.name);
      if (ent.isDirectory()) walk(p);
      else if (ent.name.endsWith('.mm') && !isSpecial(p, ent)) out.push(p);
    }
  };
  walk(dir);
  return out;
}
