// StrykerJS for `npm run bench:mutation` (docs/mutation.md): the mutation score of impl/
// under a 10 s model,impl campaign (8,000 programs, bench/mutation/campaign.ts), on a
// seeded sample of Stryker's mutants of impl/ (bench/mutation/sample.mjs).
// Stryker copies the project into .stryker-tmp/sandbox-*, instruments the sampled
// mutants into impl/ there (all at once, behind `__STRYKER_ACTIVE_MUTANT__` switches)
// and, with the command runner, runs the command in the sandbox once per mutant with
// that variable set: exit 0 is a survivor, anything else a kill.
// `npx stryker run` works too; bench/mutation/run.mjs also writes bench/mutation.json.

import { drawSample } from './bench/mutation/sample.mjs';

const sample = await drawSample();

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'command',
  commandRunner: { command: 'node --import tsx bench/mutation/campaign.ts' },
  // one range per drawn location of impl/ (bench/mutation/sample.mjs)
  mutate: sample.mutate,
  plugins: ['./bench/mutation/sample.mjs'],
  ignorers: ['mmdiff-sample'],
  // the command runner has no per-test coverage: every mutant runs the whole campaign
  coverageAnalysis: 'off',
  // a campaign is one worker thread and the main thread: two at once on the 2-core machines
  concurrency: Number(process.env.MMDIFF_MUTATION_CONCURRENCY ?? 2),
  // a mutant's campaign is stopped after (the clean campaign's time) x 2.5 + 30 s, a
  // Timeout, which Stryker counts as detected: a mutant that makes impl loop forever is
  // a hang bucket of the campaign after 60 s or that; generous, as the machines are shared
  timeoutMS: 30_000,
  timeoutFactor: 2.5,
  // what the sandbox needs is the sources, corpus/semantics (the seeds) and node_modules (a symlink)
  ignorePatterns: ['dist', 'reports', 'kernel/build', '.jsfuzz', '.scratch', 'tmp', 'bench/scratch', 'docs'],
  reporters: ['json', 'progress', 'clear-text'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { reportTests: false, reportMutants: false, logTests: false },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
