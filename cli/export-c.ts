// `mmdiff export-c FILE [--out FILE.c]`: a standalone C reproducer of a case for any
// Linux x86-64 machine (kernel/export-c.ts).

import { loadProgram, UserError } from '../fuzz/load.js';
import { exportC } from '../kernel/export-c.js';
import { checkOutFile, writeOutput } from './options.js';

export const EXPORT_C_HELP = `usage: mmdiff export-c FILE [--out FILE.c]

Writes a standalone C program (raw syscalls; libc and linux uapi headers only) that
replays the case on the Linux kernel of any x86-64 machine and prints every op with
that kernel's result in .mm expectation form. Without --out it goes to stdout.
  gcc -O1 -static -o repro repro.c && ./repro`;

export function exportCCommand(pos: string[], v: Record<string, unknown>): number {
  if (pos.length !== 1) throw new UserError(`export-c: expected one FILE, got ${pos.length}`);
  const out = v.out as string | undefined;
  if (out !== undefined) checkOutFile('--out', out);
  const { file, prog } = loadProgram(pos[0]);
  const c = exportC(prog, file);
  if (out === undefined) process.stdout.write(c);
  else {
    writeOutput(out, c);
    process.stderr.write(`${out}\n`);
  }
  return 0;
}
