// fuzzBatch in one thread for 10 s, in programs per CPU second, for the compiled tree in
// DIR (npm run build first) — to compare two trees back to back under one load:
//   git worktree add /tmp/old REV && (cd /tmp/old && ln -s $PWD/node_modules && npx tsc)
//   node bench/single-thread.mjs /tmp/old; node bench/single-thread.mjs $PWD
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = resolve(process.argv[2] ?? '.');
const { fuzzBatch } = await import(pathToFileURL(`${dir}/dist/fuzz/worker.js`).href);
const t0 = performance.now();
const c0 = process.cpuUsage();
let ran = 0;
for (let seed = 1; performance.now() - t0 < 10_000; seed++) {
  ran += (await fuzzBatch({ kind: 'fuzz', targets: 'model,impl', seed, count: 200, maxOps: 16, corpus: [], known: [] })).ran;
}
const c = process.cpuUsage(c0);
console.log(`${dir}: ${ran} programs, ${Math.round(ran / ((c.user + c.system) / 1e6))} per CPU second`);
