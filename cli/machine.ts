// `mmdiff machine [--target T]`: the `# machine` line of a target — for the live kernel,
// this host's (its pkeys, mmap_min_addr, zero page, THP, the helper's memory): a case
// written with it runs here as written.

import { printMachine } from '../abi/index.js';
import { UserError } from '../fuzz/load.js';
import { openTarget } from '../fuzz/target.js';
import { TARGETS } from '../fuzz/targets.js';

export const MACHINE_HELP = `usage: mmdiff machine [--target T]

Prints the # machine line of target T (${Object.keys(TARGETS).join(', ')}; default kernel): for the
live kernel the machine this host is, which a case needs to run here as written; for
an in-process target the default machine (an empty line: nothing differs).`;

export const MACHINE_OPTIONS = { target: { type: 'string', short: 't' }, help: { type: 'boolean', short: 'h' } } as const;

export async function machineCommand(pos: string[], v: Record<string, unknown>): Promise<number> {
  if (pos.length) throw new UserError(`machine: takes no arguments, got ${pos.length}`);
  const t = await openTarget((v.target as string | undefined) ?? 'kernel');
  try {
    process.stdout.write(`${printMachine(t.layout ?? {}) ?? '# machine'}\n`);
    return 0;
  } finally {
    await t.close?.();
  }
}
