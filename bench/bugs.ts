// Bug-finding power, over every mutant of bench/mutants/ (each switched on alone):
//  find:    programs each contender needs to the first divergence the bug caused
//           (engine, blind generation, a fast-check fc.commands harness; bugs/contenders.ts),
//           capped at MMDIFF_BENCH_CAP programs; a divergence the bug-free impl shows too
//           (latent) is passed over (bugs/judge.ts).
//  buckets: buckets per bug in a one-worker engine campaign of MMDIFF_BENCH_SECONDS,
//           latent buckets left out (the goal: median ≤ 2, max ≤ 5).
// Programs, not seconds, measure finding: the machines are shared.
// Run: npm run bench:bugs   (writes bench/bugs.json)
//   MMDIFF_BENCH_PART     find, buckets or both (default both)
//   MMDIFF_BENCH_SEEDS    seeds per bug and contender (default 3)
//   MMDIFF_BENCH_CAP      programs per find run (default 200000)
//   MMDIFF_BENCH_SECONDS  length of a buckets campaign (default 90)
//   MMDIFF_BENCH_RUNS     a buckets campaign of this many programs instead (robust to a
//                         loaded machine: a 90 s one-worker campaign ran ~245,000 here)
//   MMDIFF_BENCH_BUGS     comma-separated subset of bug names (default all)
//   MMDIFF_BENCH_WHO      comma-separated contenders (default engine,blind,fc)
//   MMDIFF_BENCH_OUT      the JSON file written (default bench/bugs.json)

import { writeFileSync } from 'node:fs';
import { mutants } from '../fuzz/mutants.js';
import { buckets, CONTENDERS, find, type Contender, type FindRun } from './bugs/contenders.js';

const CATALOGUE = Object.fromEntries(mutants());
const env = (k: string, d: string) => process.env[`MMDIFF_BENCH_${k}`] ?? d;
const PART = env('PART', 'both');
const SEEDS = Number(env('SEEDS', '3'));
const CAP = Number(env('CAP', '200000'));
const SECONDS = Number(env('SECONDS', '90'));
const RUNS = process.env.MMDIFF_BENCH_RUNS ? Number(process.env.MMDIFF_BENCH_RUNS) : undefined;
const ALL = Object.keys(CATALOGUE);
const BUGS = process.env.MMDIFF_BENCH_BUGS ? process.env.MMDIFF_BENCH_BUGS.split(',').map((s) => s.trim()) : ALL;
const WHO = env('WHO', CONTENDERS.join(',')).split(',').map((s) => s.trim()) as Contender[];
for (const b of BUGS) if (!ALL.includes(b)) throw new Error(`MMDIFF_BENCH_BUGS: unknown bug '${b}' (bench/mutants/ has ${ALL.join(', ')})`);
for (const w of WHO) if (!CONTENDERS.includes(w)) throw new Error(`MMDIFF_BENCH_WHO: unknown contender '${w}' (${CONTENDERS.join(', ')})`);
if (!['find', 'buckets', 'both'].includes(PART)) throw new Error(`MMDIFF_BENCH_PART: find, buckets or both, not '${PART}'`);

const log = (s: string) => process.stderr.write(s + '\n');
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const count = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en') : `> ${CAP.toLocaleString('en')}`);

const findRuns: Record<string, Record<string, FindRun[]>> = {};
if (PART !== 'buckets') {
  for (const bug of BUGS) {
    findRuns[bug] = {};
    for (const who of WHO) {
      const runs: FindRun[] = [];
      for (let seed = 1; seed <= SEEDS; seed++) {
        const r = await find(who, bug, seed, CAP);
        runs.push(r);
        log(`find ${bug} ${who} seed ${seed}: ${r.programs !== null ? `${r.programs} programs, ${r.signature}` : 'not found'}, ${r.cpuSeconds?.toFixed(1)} CPU s${r.latent.length ? ` (passed over latent: ${r.latent.join('; ')})` : ''}`);
      }
      findRuns[bug][who] = runs;
    }
  }
}

const bucketRuns: Record<string, { programs: number; own: string[]; latent: string[] }> = {};
if (PART !== 'find') {
  for (const bug of BUGS) {
    const r = await buckets(bug, 1, RUNS !== undefined ? { runs: RUNS } : { seconds: SECONDS });
    bucketRuns[bug] = r;
    log(`buckets ${bug}: ${r.own.length} in ${r.programs} programs: ${r.own.join(' | ')}${r.latent.length ? ` (latent: ${r.latent.join(' | ')})` : ''}`);
  }
}

const w = Math.max(...BUGS.map((b) => b.length), 3);
if (PART !== 'buckets') {
  console.log(`\nprograms to the first divergence the bug caused (median of ${SEEDS} seeds, found/seeds), model,impl, cap ${CAP.toLocaleString('en')}\n`);
  console.log(`${'bug'.padEnd(w)}  ${WHO.map((x) => x.padStart(16)).join('  ')}`);
  for (const bug of BUGS) {
    const cells = WHO.map((who) => {
      const rs = findRuns[bug][who];
      const found = rs.filter((r) => r.programs !== null).length;
      return `${count(median(rs.map((r) => r.programs ?? Infinity)))} ${found}/${rs.length}`.padStart(16);
    });
    console.log(`${bug.padEnd(w)}  ${cells.join('  ')}`);
  }
  // CPU seconds to the find (a run that found nothing: all it spent, marked >)
  console.log(`\nCPU seconds to the first divergence (median of ${SEEDS} seeds; > : not found within the cap)\n`);
  console.log(`${'bug'.padEnd(w)}  ${WHO.map((x) => x.padStart(16)).join('  ')}`);
  for (const bug of BUGS) {
    const cells = WHO.map((who) => {
      const rs = findRuns[bug][who];
      const m = median(rs.map((r) => (r.programs !== null ? r.cpuSeconds ?? NaN : Infinity)));
      const spent = Math.max(...rs.map((r) => r.cpuSeconds ?? 0));
      return (Number.isFinite(m) ? m.toFixed(1) : `> ${spent.toFixed(0)}`).padStart(16);
    });
    console.log(`${bug.padEnd(w)}  ${cells.join('  ')}`);
  }
  for (const who of WHO) {
    const rs = BUGS.flatMap((b) => findRuns[b][who]);
    console.log(`${who}: found ${rs.filter((r) => r.programs !== null).length}/${rs.length} runs, median ${count(median(rs.map((r) => r.programs ?? Infinity)))} programs`);
  }
}
if (PART !== 'find') {
  const ns = BUGS.map((b) => bucketRuns[b].own.length);
  console.log(`\nbuckets per bug, one-worker ${RUNS !== undefined ? `${RUNS.toLocaleString('en')}-program` : `${SECONDS} s`} campaign (latent buckets left out): median ${median(ns)}, max ${Math.max(...ns)}`);
  for (const bug of BUGS) console.log(`${bug.padEnd(w)}  ${String(bucketRuns[bug].own.length).padStart(3)}  ${bucketRuns[bug].own.join(' | ')}`);
}

writeFileSync(env('OUT', 'bench/bugs.json'), JSON.stringify({
  settings: { part: PART, seeds: SEEDS, cap: CAP, ...(RUNS !== undefined ? { runs: RUNS } : { seconds: SECONDS }), contenders: WHO, targets: 'model,impl', workers: 1 },
  bugs: BUGS.map((bug) => ({ bug, wrong: CATALOGUE[bug].wrong, rule: CATALOGUE[bug].rule, find: findRuns[bug] ?? null, buckets: bucketRuns[bug] ?? null })),
  date: new Date().toISOString(),
}, null, 1) + '\n');
