// The model-based property: random memory-manager programs (all ops, several
// processes, forks) give identical traces on every pair of in-process targets —
// full compare(): results, VMAs, seals, PTE bits, frames and contents.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare, print, runProgram } from '../abi/index.js';
import { mmProgram } from '../fuzz/gen/program.js';
import { TARGETS } from '../fuzz/targets.js';

const names = Object.keys(TARGETS).filter((t) => TARGETS[t].factory);
const pairs = names.flatMap((a, i) => names.slice(i + 1).map((b) => [a, b] as const));

describe.runIf(pairs.length > 0)('targets agree', () => {
  it.each(pairs)('%s vs %s on random programs', (a, b) => {
    fc.assert(
      fc.property(mmProgram({ maxOps: 24 }), (prog) => {
        const d = compare(runProgram(TARGETS[a].factory!, prog), runProgram(TARGETS[b].factory!, prog), prog);
        if (d) throw new Error(`${d.signature}: ${d.detail}\n${print(prog)}`);
      }),
      { numRuns: Number(process.env.MMDIFF_PROPERTY_RUNS ?? 300), seed: Number(process.env.MMDIFF_SEED ?? 20261122) },
    );
  });
});
