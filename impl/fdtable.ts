// A process's file descriptor table (docs/conventions.md "Trampoline fd"): 0, 1, 2 are
// stdio, a new file gets the lowest free number >= 3, the table holds 1024 entries.
// The only files are trampfds. Kept as null until the first trampfd is created, since
// most programs never open one. fork copies the table; exit drops it.

import type { Proc } from './kernel.js';

/** RLIMIT_NOFILE: descriptors 0 .. 1023. */
export const FD_MAX = 1024;
const STDIO = -1;
const FIRST = 3;

function table(mm: Proc): number[] {
  return (mm.fds ??= [STDIO, STDIO, STDIO]);
}

/** The trampfd id behind fd (an unsigned int), or 0 when fd is not an open trampfd. */
export function fdGet(mm: Proc, fd: number): number {
  const t = mm.fds;
  if (t === null || fd >= t.length) return 0;
  const id = t[fd];
  return id > 0 ? id : 0;
}

/** Install trampfd id at the lowest free number >= 3; -1 when the table is full (EMFILE). */
export function fdAlloc(mm: Proc, id: number): number {
  const t = table(mm);
  let fd = FIRST;
  while (fd < t.length && t[fd] !== 0) fd++;
  if (fd >= FD_MAX) return -1;
  while (t.length <= fd) t.push(0);
  t[fd] = id;
  return fd;
}

/** close(): false when fd is not open (EBADF). Stdio counts as open. */
export function fdClose(mm: Proc, fd: number): boolean {
  const t = table(mm);
  if (fd >= t.length || t[fd] === 0) return false;
  t[fd] = 0;
  return true;
}

/** dup_fd() at fork: the child refers to the same files. */
export function fdFork(parent: Proc, child: Proc): void {
  child.fds = parent.fds === null ? null : parent.fds.slice();
}
