// Parsing option values: one clear error per bad value. Output paths are checked
// before a command starts its work, so bad ones fail at once and write nothing.

import { lstatSync, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { quote } from '../abi/index.js';
import { writeFileAtomic } from '../fuzz/casefile.js';
import { fsReason, UserError } from '../fuzz/load.js';

/** The value as the user typed it, for a message: quoted, cut short. */
const shown = (s: string) => quote(s, 30);
/** A number as the user typed it (digits, so no quotes), cut short: 4294967296, not 1e+29. */
const digits = (s: string) => (s.length > 30 ? s.slice(0, 30) + '…' : s);

export function intOption(name: string, v: unknown, def: number, min: number, max: number): number {
  if (v === undefined) return def;
  const s = String(v);
  if (!/^[0-9]+$/.test(s)) throw new UserError(`--${name} takes a whole number, got ${shown(s)}`);
  const n = Number(s);
  if (n < min || n > max) throw new UserError(`--${name} must be between ${min} and ${max}, got ${digits(s)}`);
  return n;
}

export function numOption(name: string, v: unknown, def: number, min: number, max: number): number {
  if (v === undefined) return def;
  const s = String(v);
  if (!/^[0-9]+(\.[0-9]+)?$/.test(s)) throw new UserError(`--${name} takes a number, got ${shown(s)}`);
  const n = Number(s);
  if (n < min || n > max) throw new UserError(`--${name} must be between ${min} and ${max}, got ${digits(s)}`);
  return n;
}

export function duration(ms: number): string {
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (x: number) => String(x).padStart(2, '0');
  return h ? `${h}:${pad(m)}:${pad(s % 60)}` : `${pad(m)}:${pad(s % 60)}`;
}

/** The path's stats, null when nothing is there; a symbolic link to nowhere is in the way. */
function statOf(what: string, path: string): Stats | null {
  try {
    return statSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new UserError(`${what} ${path}: ${fsReason(e)}`);
  }
  let dangling = false;
  try {
    dangling = lstatSync(path).isSymbolicLink();
  } catch {
    // nothing there
  }
  if (dangling) throw new UserError(`${what} ${path}: a symbolic link to nothing`);
  return null;
}

/** The nearest existing ancestor of a path that does not exist must be a directory (mkdir -p will work). */
function checkCreatable(what: string, path: string): void {
  for (let p = dirname(resolve(path)); ; p = dirname(p)) {
    const st = statOf(what, p);
    if (st) {
      if (!st.isDirectory()) throw new UserError(`${what} ${path}: ${p} is not a directory`);
      return;
    }
    if (dirname(p) === p) return;
  }
}

/** Checks that `path` can be written as a directory of outputs: one, or creatable. */
export function checkOutDir(what: string, path: string): void {
  if (path === '') throw new UserError(`${what}: empty path`);
  const st = statOf(what, path);
  if (st && !st.isDirectory()) throw new UserError(`${what} ${path}: not a directory`);
  if (!st) checkCreatable(what, path);
}

/** Checks that `path` can be written as a file: a regular file to replace, or a new one. */
export function checkOutFile(what: string, path: string): void {
  if (path === '') throw new UserError(`${what}: empty path`);
  const st = statOf(what, path);
  if (st?.isDirectory()) throw new UserError(`${what} ${path}: is a directory`);
  if (st && !st.isFile()) throw new UserError(`${what} ${path}: not a regular file`);
  checkOutDir(what, dirname(path));
}

/** Writes an output file atomically; a failure is one line and leaves no file behind. */
export function writeOutput(path: string, text: string): void {
  try {
    writeFileAtomic(path, text);
  } catch (e) {
    throw new UserError(`${path}: cannot write: ${fsReason(e)}`);
  }
}
