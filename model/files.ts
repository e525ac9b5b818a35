// The descriptor table of a process (fs/file.c: alloc_fd, close_fd, dup_fd;
// docs/conventions.md "Trampoline fd").
//
//   0, 1, 2 are the runner's stdio files, open at start; close() closes them like any fd
//   a new file gets the lowest free descriptor >= 3, below RLIMIT_NOFILE (1024), else EMFILE
//   close(fd): not open                        -> EBADF
//   fork copies the table (both refer to the same files); exit closes every descriptor
// The only files a program can open are trampfds (model/trampfd.ts).

import { hit, type Errno, type Kernel, type OpenFile, type Process, type Trampfd } from './mm.js';

/** RLIMIT_NOFILE of the machines: descriptors 0..1023. */
export const NR_OPEN = 1024;
/** The first descriptor a new file may get: 0, 1 and 2 belong to the runner (stdio). */
const FIRST_FREE_FD = 3;

/** The table of a fresh process: stdin, stdout, stderr. */
export function newFileTable(): Map<number, OpenFile> {
  return new Map<number, OpenFile>([
    [0, 'stdio'],
    [1, 'stdio'],
    [2, 'stdio'],
  ]);
}

/** fs/file.c: dup_fd — fork copies the table; the files are shared. */
export function dupFileTable(files: ReadonlyMap<number, OpenFile>): Map<number, OpenFile> {
  return new Map(files);
}

/** fs/file.c: alloc_fd — the lowest free descriptor >= 3, or EMFILE. */
export function allocFd(k: Kernel, p: Process, file: Trampfd): number | Errno {
  for (let fd = FIRST_FREE_FD; fd < NR_OPEN; fd++) {
    if (!p.files.has(fd)) {
      p.files.set(fd, file);
      return fd;
    }
  }
  hit(k, 'files:EMFILE');
  return 'EMFILE';
}

/** fs/file.c: fget — the trampfd a descriptor refers to, null when it is not an open trampfd. */
export function fgetTrampfd(p: Process, fd: number): Trampfd | null {
  const f = p.files.get(fd);
  return f === undefined || f === 'stdio' ? null : f;
}

/** fs/open.c: SYSCALL_DEFINE1(close, unsigned int, fd). */
export function sysClose(k: Kernel, p: Process, fd: number): bigint | Errno {
  // fs/file.c: file_close_fd — not open
  if (!p.files.has(fd)) {
    hit(k, 'close:EBADF');
    return 'EBADF';
  }
  hit(k, p.files.get(fd) === 'stdio' ? 'close:stdio' : 'close:trampfd');
  p.files.delete(fd);
  return 0n;
}

/** kernel/exit.c: exit_files — every descriptor is closed. */
export function exitFiles(p: Process): void {
  p.files.clear();
}
