// The model-based property: random memory-manager programs (all ops, several
// processes, forks) give identical traces on every pair of in-process targets, under
// every kernel profile both targets of the pair offer (model,impl: 6.18 and 6.10) —
// full compare(): results, VMAs, seals, PTE bits, frames and contents.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare, print } from '../abi/index.js';
import { mmProgram } from '../fuzz/arbitrary/program.js';
import { localTargetOf, pairSpecs } from '../fuzz/target.js';
import { profilePairs, TARGETS } from '../fuzz/targets.js';

const names = Object.keys(TARGETS).filter((t) => TARGETS[t].factory);
const pairs = names.flatMap((a, i) => names.slice(i + 1).flatMap((b) => profilePairs(a, b)));

describe.runIf(pairs.length > 0)('targets agree', () => {
  it.each(pairs)('%s on random programs', (spec) => {
    const [a, b] = pairSpecs(spec).map(localTargetOf);
    fc.assert(
      fc.property(mmProgram({ maxOps: 24 }), (prog) => {
        const d = compare(a.runSync(prog), b.runSync(prog), prog);
        if (d) throw new Error(`${d.signature}: ${d.detail}\n${print(prog)}`);
      }),
      { numRuns: Number(process.env.MMDIFF_PROPERTY_RUNS ?? 300), seed: Number(process.env.MMDIFF_SEED ?? 20261122) },
    );
  });
});

describe('profilePairs (the property above and `mmdiff smoke` run each)', () => {
  it('gives one pair per profile both targets offer, the default profile as the plain pair', () => {
    expect(profilePairs('model', 'impl')).toEqual(['model,impl', 'model@6.10,impl@6.10']);
    expect(profilePairs('impl', 'model')).toEqual(['impl,model', 'impl@6.10,model@6.10']);
  });
  it('keeps a pair that names a profile, or has none in common, as it is', () => {
    expect(profilePairs('model', 'model@6.10')).toEqual(['model,model@6.10']);
    expect(profilePairs('model', 'kernel')).toEqual(['model,kernel']);
  });
});
