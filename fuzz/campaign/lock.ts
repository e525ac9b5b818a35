// One campaign per output directory (and per sync instance): two campaigns on one
// --out would overwrite each other's checkpoint and cases. The lock is a file holding
// the owner's pid, created exclusively; a lock whose process is gone (kill -9) is taken
// over, so resuming after a crash needs nothing by hand.

import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../load.js';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Takes DIR/.lock for this process; `what` names the directory in the refusal. Returns the release. */
export function lockDir(dir: string, what: string): () => void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, '.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      let held = true;
      return () => {
        if (held) rmSync(path, { force: true });
        held = false;
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let pid = NaN;
    try {
      pid = Number(readFileSync(path, 'utf8').trim());
    } catch {
      // vanished meanwhile: try again
    }
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
      throw new UserError(`${what} ${dir} is in use by another campaign (pid ${pid}); give another ${what}`);
    }
    rmSync(path, { force: true }); // its owner is gone
  }
  throw new UserError(`${what} ${dir}: cannot take its lock`);
}
