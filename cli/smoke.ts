// `mmdiff smoke`: for CI. Replays the corpus on both targets, then fuzzes for a few
// seconds with a fixed seed under each profile both targets have; exit 1 with the
// minimized case's path on a divergence.

import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { runCampaign, type Bucket } from '../fuzz/campaign.js';
import { loadCheckpoint } from '../fuzz/campaign/checkpoint.js';
import { execute } from '../fuzz/execute.js';
import { checkExpectations } from '../fuzz/expect.js';
import { findCases, loadProgram, UserError } from '../fuzz/load.js';
import { withPair } from '../fuzz/pair.js';
import { pairSpecs } from '../fuzz/target.js';
import { profilePairs } from '../fuzz/targets.js';
import { printSummary } from './fuzz.js';
import { checkOutDir, intOption, numOption, writeOutput } from './options.js';
import { reportAfterCampaign } from './report.js';

export const SMOKE_HELP = `usage: mmdiff smoke [--seconds S] [--seed S] [--targets model,impl] [--corpus DIR] [--out DIR]

CI smoke fuzzing. 1) every .mm under --corpus (default corpus/) must give the same
trace on both targets and meet its expectations; 2) fuzz campaigns of --seconds in
all (default 60) with a fixed --seed (default 1), one per kernel profile both targets
offer (model,impl: 6.18 in --out, then 6.10 in --out/6.10). Exit 1, naming the
minimized case, on the first divergence; 0 otherwise.`;

export async function smokeCommand(pos: string[], v: Record<string, unknown>): Promise<number> {
  if (pos.length) throw new UserError(`smoke: unexpected argument '${pos[0]}'`);
  const seconds = numOption('seconds', v.seconds, 60, 0, 3600);
  const seed = intOption('seed', v.seed, 1, 0, 0xffffffff);
  const spec = (v.targets as string | undefined) ?? 'model,impl';
  const corpusRoot = (v.corpus as string | undefined) ?? 'corpus';
  const outDir = (v.out as string | undefined) ?? join('reports', `smoke-${seed}`);
  checkOutDir('--out', outDir);
  // what the campaign would refuse in --out, refused before the corpus is replayed
  const cp = loadCheckpoint(outDir);
  if (cp && cp.targets !== spec) throw new UserError(`${outDir} holds a campaign of --targets ${cp.targets}; give another --out for ${spec}`);
  let failed = 0;
  const files = findCases(corpusRoot);
  const names = await withPair(spec, async (pair) => {
    for (const file of files) {
      const { prog, lines } = loadProgram(file);
      const out = await execute(prog, pair);
      if (out.unsupported) {
        process.stderr.write(`${file}: not run: ${out.unsupported}\n`);
        continue;
      }
      if (out.divergence) {
        failed++;
        process.stderr.write(`${file}: ${out.divergence.signature}: ${out.divergence.detail}\n`);
      }
      for (const [name, tr] of [[pair.a.name, out.a], [pair.b.name, out.b]] as const) {
        for (const m of checkExpectations(prog, tr)) {
          failed++;
          process.stderr.write(`${file}:${lines[m.op]}: ${name}: ${prog.ops[m.op].name}: expected ${m.expected}, got ${m.actual}\n`);
        }
      }
    }
    return pair.names;
  });
  process.stderr.write(`corpus: ${files.length} cases replayed on ${names[0]} and ${names[1]}, ${failed} problems\n`);
  if (failed) return 1;
  if (seconds === 0) return 0;
  // one campaign per profile both targets offer (model,impl: 6.18, then 6.10), --seconds shared
  // between them; the default pair writes to --out, the others to --out/PROFILE
  const campaigns = profilePairs(...pairSpecs(spec));
  for (const [i, targets] of campaigns.entries()) {
    const out = i === 0 ? outDir : join(outDir, targets.split(',')[0].split('@')[1]);
    const found = await smokeCampaign(targets, seed, (seconds * 1000) / campaigns.length, out);
    if (found.length) {
      for (const x of found) process.stdout.write(`divergence: ${x.signature}\n${x.file}\n`);
      return 1;
    }
  }
  return 0;
}

/** A fuzz campaign that stops at the first divergence; the buckets it found (not the corpus's). */
async function smokeCampaign(targets: string, seed: number, durationMs: number, outDir: string): Promise<Bucket[]> {
  const sum = await runCampaign({
    targets,
    workers: Math.min(2, Math.max(1, availableParallelism())),
    seed,
    durationMs,
    corpusDir: join(outDir, 'corpus'),
    outDir,
    maxOps: 24,
    batchSize: 1000,
    batchTimeoutMs: 60_000,
    stopOnDivergence: true,
  });
  writeOutput(join(outDir, 'summary.json'), JSON.stringify(sum, null, 1) + '\n');
  printSummary(sum, outDir);
  await reportAfterCampaign(outDir);
  return sum.buckets.filter((x) => !x.fromCorpus);
}
