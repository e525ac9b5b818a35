// Reading a file another instance (or anybody) put in a shared directory: only a
// regular file, never through a symbolic link, never blocking (a FIFO), never more
// than a size cap. Anything else is skipped with a reason, never a crash or a hang.

import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { fsReason } from '../load.js';

/** Largest shared file read: a queue entry or a bucket case is a few KB. */
export const SHARED_MAX_BYTES = 1 << 20;

export type SharedRead = { readonly text: string } | { readonly skip: string };

export function readShared(path: string, maxBytes = SHARED_MAX_BYTES): SharedRead {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (e) {
    return { skip: (e as NodeJS.ErrnoException).code === 'ELOOP' ? 'a symbolic link' : fsReason(e) };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { skip: st.isDirectory() ? 'a directory' : 'not a regular file' };
    if (st.size > maxBytes) return { skip: `${st.size} bytes, more than ${maxBytes}` };
    const buf = Buffer.alloc(st.size);
    let off = 0;
    while (off < buf.length) {
      const n = readSync(fd, buf, off, buf.length - off, off);
      if (n === 0) break;
      off += n;
    }
    return { text: buf.subarray(0, off).toString('utf8') };
  } catch (e) {
    return { skip: fsReason(e) };
  } finally {
    closeSync(fd);
  }
}
