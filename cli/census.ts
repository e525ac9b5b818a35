// `mmdiff census`: what the campaign generator and mutator produce, so a blind spot
// (an op, a size class, a machine parameter, a model rule never reached) is visible.

import { existsSync, statSync } from 'node:fs';
import { batchPrograms } from '../fuzz/batch.js';
import { census, censusText } from '../fuzz/census.js';
import { UserError } from '../fuzz/load.js';
import { openPair } from '../fuzz/pair.js';
import { deriveSeed } from '../fuzz/rng.js';
import { asSeeds, readSeedPrograms } from '../fuzz/campaign/seeds.js';
import { DEFAULT_SEEDS } from './fuzz.js';
import { intOption } from './options.js';

export const CENSUS_HELP = `usage: mmdiff census [SEEDS...] [--programs N] [--seed S] [--max-ops N] [--blind] [--json]

Generates N programs (default 10000) as a model,impl campaign's batches do — three in
four mutations of the seed cases (default: corpus/semantics), the rest fresh; --blind:
all fresh — and prints the share of each op, the classes of address and length
arguments, the machine parameters, and the model rules reached, listing by name each
rule the model's source names that no program reached.`;

export const CENSUS_OPTIONS = {
  programs: { type: 'string' },
  seed: { type: 'string' },
  'max-ops': { type: 'string' },
  blind: { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function censusCommand(pos: string[], v: Record<string, unknown>): Promise<number> {
  const n = intOption('programs', v.programs, 10_000, 1, 10_000_000);
  const seed = intOption('seed', v.seed, 1, 0, 0xffffffff);
  const maxOps = intOption('max-ops', v['max-ops'], 32, 1, 1000);
  const blind = v.blind === true;
  if (blind && pos.length) throw new UserError('census: --blind takes no seed directories');
  const dirs = blind ? [] : pos.length ? pos : [DEFAULT_SEEDS];
  for (const d of dirs) if (!existsSync(d) || !statSync(d).isDirectory()) throw new UserError(`census: seed directory ${d}: not a directory`);
  const pair = await openPair('model,impl');
  try {
    const seeds = await asSeeds(readSeedPrograms(dirs, (l) => process.stderr.write(l + '\n')), pair);
    const progs = [];
    for (let i = 0; progs.length < n; i++) {
      progs.push(...batchPrograms({ seed: deriveSeed(seed, i), count: Math.min(1000, n - progs.length), maxOps, corpus: seeds, space: pair.machineSpace(), layout: pair.fixedLayout }));
    }
    const c = census(progs);
    process.stdout.write(v.json === true ? JSON.stringify(c, null, 1) + '\n' : censusText(c));
    return 0;
  } finally {
    await pair.close();
  }
}
