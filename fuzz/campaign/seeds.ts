// Read-only seed corpora: every `.mm` case below the given directories (the semantic
// suite, minimized witnesses of earlier campaigns) joins the queue at the start with
// what its run reached, so campaigns mutate the cases people wrote and the bugs found
// before, not only their own programs. A case that does not load is skipped with its
// reason; a case one target cannot run is skipped silently.

import type { Program } from '../../abi/index.js';
import { executeMany } from '../execute.js';
import { findCases, loadProgram, UserError } from '../load.js';
import type { TargetPair } from '../pair.js';
import { bareProgram, knownOf, type Seed } from '../seed.js';

export function readSeedPrograms(dirs: readonly string[], notice: (line: string) => void): Program[] {
  const out: Program[] = [];
  for (const dir of dirs) {
    for (const file of findCases(dir)) {
      try {
        out.push(bareProgram(loadProgram(file).prog));
      } catch (e) {
        if (!(e instanceof UserError)) throw e;
        notice(`seed skipped: ${e.message}`);
      }
    }
  }
  return out;
}

/** Runs programs (in chunks) and returns them as seeds with their features; unsupported ones are left out. */
export async function asSeeds(progs: readonly Program[], pair: TargetPair): Promise<Seed[]> {
  const out: Seed[] = [];
  for (let i = 0; i < progs.length; i += 256) {
    const chunk = progs.slice(i, i + 256);
    (await executeMany(chunk, pair)).forEach((o, k) => {
      // the program as written: the targets' layout is added when it runs
      if (!o.unsupported) out.push({ prog: chunk[k], known: knownOf(o.prog, o.a), features: [...o.features] });
    });
  }
  return out;
}
