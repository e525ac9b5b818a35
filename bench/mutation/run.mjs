// npm run bench:mutation: the mutation score of impl/ under a 10 s model,impl campaign,
// on a seeded sample of StrykerJS's mutants of impl/ (docs/mutation.md). Runs Stryker
// with stryker.config.mjs, then writes bench/mutation.json: the score, the sample, the
// time, and per mutant its status, what killed it and the programs its campaign ran.
//   MMDIFF_MUTATION_SAMPLE        mutants in the sample (default 120)
//   MMDIFF_MUTATION_SAMPLE_SEED   the sample's seed (default 17)
//   MMDIFF_MUTATION_RUNS          programs per campaign (default 8000: about 10 s uninstrumented)
//   MMDIFF_MUTATION_SECONDS       a wall-clock length per campaign instead
//   MMDIFF_MUTATION_CONCURRENCY   Stryker test runners at once (default 2)
//   MMDIFF_MUTATION_OUT           the JSON file written (default bench/mutation.json)

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Stryker } from '@stryker-mutator/core';
import { drawSample } from './sample.mjs';

const OUT = process.env.MMDIFF_MUTATION_OUT ?? 'bench/mutation.json';
const tmp = mkdtempSync(join(tmpdir(), 'mmdiff-mutation-log-'));
const logFile = join(tmp, 'runs.jsonl');
// every campaign (the dry run and one per mutant) appends a line: the Stryker test
// runner processes, and the commands they start, inherit the environment
process.env.MMDIFF_MUTATION_LOG = logFile;

const started = Date.now();
const load0 = Math.round(loadavg()[0] * 10) / 10;
let results;
try {
  results = await new Stryker({ configFile: 'stryker.config.mjs' }).runMutationTest();
} catch (e) {
  rmSync(tmp, { recursive: true, force: true });
  throw e;
}
const ms = Date.now() - started;
const sample = await drawSample();
let runs = [];
try {
  runs = readFileSync(logFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
} catch {
  // no campaign wrote a line
}
rmSync(tmp, { recursive: true, force: true });
const runOf = new Map(runs.map((r) => [r.mutant, r]));

const tested = results.filter((r) => r.status !== 'Ignored');
const count = (s) => tested.filter((r) => r.status === s).length;
const killed = count('Killed');
const timeout = count('Timeout');
const survived = count('Survived');
const noCoverage = count('NoCoverage');
const errors = tested.length - killed - timeout - survived - noCoverage;
const valid = killed + timeout + survived + noCoverage;
const score = valid ? (100 * (killed + timeout)) / valid : NaN;
// a kill is a divergence the campaign found, or the campaign failing outright (exit 2: the mutant broke loading)
const byDivergence = tested.filter((r) => r.status === 'Killed' && runOf.get(r.id)?.signature).length;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? null : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const survivorPrograms = tested.filter((r) => r.status === 'Survived').map((r) => runOf.get(r.id)?.programs).filter((n) => n !== undefined);
const dry = runOf.get('-');
const git = (...a) => {
  try {
    return execFileSync('git', a, { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
};
const pkg = JSON.parse(readFileSync('node_modules/@stryker-mutator/core/package.json', 'utf8'));

const report = {
  what: 'mutation score of impl/ under a one-worker model,impl campaign per mutant (bench/mutation/campaign.ts), on a seeded sample of StrykerJS mutants of impl/*.ts',
  score: Math.round(score * 100) / 100,
  sample: {
    seed: sample.seed,
    requested: sample.size,
    locations: sample.locations.length,
    mutantsAtLocations: sample.mutants,
    tested: tested.length,
    ignoredNested: results.length - tested.length,
    ofAllMutants: sample.totalMutants,
    ofAllLocations: sample.totalLocations,
  },
  counts: { killed, killedByDivergence: byDivergence, timeout, survived, noCoverage, errors },
  seconds: Math.round(ms / 1000),
  // the machines are shared: the load when the bench started and ended (1-minute average, 2 cores)
  load: { start: load0, end: Math.round(loadavg()[0] * 10) / 10 },
  campaign: {
    targets: 'model,impl',
    workers: 1,
    ...(process.env.MMDIFF_MUTATION_SECONDS ? { seconds: Number(process.env.MMDIFF_MUTATION_SECONDS) } : { runs: Number(process.env.MMDIFF_MUTATION_RUNS || 8000) }),
    seed: Number(process.env.MMDIFF_MUTATION_SEED ?? 1),
    maxOps: 32,
    batchSize: 1000,
    seeds: 'corpus/semantics',
    stopOnDivergence: true,
    dryRunPrograms: dry?.programs ?? null,
    medianProgramsOfSurvivors: median(survivorPrograms),
  },
  stryker: { version: pkg.version, testRunner: 'command', concurrency: Number(process.env.MMDIFF_MUTATION_CONCURRENCY ?? 2), coverageAnalysis: 'off', timeoutMS: 30000, timeoutFactor: 2.5 },
  commit: git('rev-parse', 'HEAD'),
  node: process.version,
  date: new Date().toISOString(),
  mutants: tested
    .map((r) => {
      const run = runOf.get(r.id);
      return {
        id: r.id,
        file: r.fileName.replace(`${process.cwd()}/`, ''),
        line: r.location.start.line + 1,
        column: r.location.start.column,
        mutator: r.mutatorName,
        replacement: r.replacement.length > 80 ? `${r.replacement.slice(0, 77)}...` : r.replacement,
        status: r.status,
        ...(run ? { programs: run.programs, ms: run.ms } : {}),
        ...(run?.signature ? { killedBy: run.signature, atProgram: run.firstAt } : {}),
      };
    })
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.mutator.localeCompare(b.mutator)),
};
writeFileSync(OUT, JSON.stringify(report, null, 1) + '\n');
console.log(
  `\nmutation score ${report.score.toFixed(1)} % of ${valid} mutants (${killed} killed, ${timeout} timed out, ${survived} survived${errors ? `, ${errors} errors` : ''}) ` +
    `in ${Math.round(ms / 60000)} min; sample of ${tested.length} (seed ${sample.seed}) of ${sample.totalMutants} mutants of impl/: ${OUT}`,
);
