// Fuzzing throughput: programs/s of 16-op programs with full end-state comparison,
// in one thread (fuzzBatch directly) and as campaigns of 1 and 2 workers.
// Run: npm run bench:fuzz   (writes bench/fuzz-throughput.json; compiled, as campaigns run)

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCampaign } from '../fuzz/campaign.js';
import { fuzzBatch } from '../fuzz/worker.js';

const TARGETS = process.env.MMDIFF_TARGETS ?? 'model,impl';
const SECONDS = Number(process.env.MMDIFF_BENCH_SECONDS ?? 10);

async function inThread(): Promise<number> {
  const t0 = performance.now();
  let ran = 0;
  let seed = 1;
  while (performance.now() - t0 < SECONDS * 1000) {
    ran += (await fuzzBatch({ kind: 'fuzz', targets: TARGETS, seed: seed++, count: 200, maxOps: 16, corpus: [], known: [] })).ran;
  }
  return (ran * 1000) / (performance.now() - t0);
}

async function campaign(workers: number): Promise<number> {
  const out = mkdtempSync(join(tmpdir(), 'mmdiff-bench-'));
  const s = await runCampaign({ targets: TARGETS, workers, seed: 7, durationMs: SECONDS * 1000, corpusDir: join(out, 'corpus'), outDir: out, maxOps: 16, batchSize: Number(process.env.MMDIFF_BATCH ?? 1000), batchTimeoutMs: 60_000 });
  return (s.programs * 1000) / s.elapsedMs;
}

const single = await inThread();
const w1 = await campaign(1);
const w2 = await campaign(2);
const rows = [
  ['in one thread (no pool)', single],
  ['campaign, 1 worker', w1],
  ['campaign, 2 workers', w2],
] as const;
console.log(`targets ${TARGETS}, 16-op programs, ${SECONDS} s each\n`);
for (const [name, v] of rows) console.log(`${name.padEnd(28)} ${Math.round(v).toLocaleString('en').padStart(8)} programs/s`);
console.log(`\nspeed-up 1 -> 2 workers: ${(w2 / w1).toFixed(2)}x`);
writeFileSync('bench/fuzz-throughput.json', JSON.stringify({ targets: TARGETS, seconds: SECONDS, single, workers1: w1, workers2: w2, speedup: w2 / w1, date: new Date().toISOString() }, null, 1) + '\n');
