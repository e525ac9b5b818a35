// The live-kernel target's throughput: programs/s of 20-op generated programs with a
// full end-state dump, with one and with two helpers (pipelined batches), and the
// per-op cost on the kernel vs impl (and model) for the same op mix, and the cost of
// reading real PTE bits (the helper's BPF walker): one helper with and without it,
// alternated in rounds so a change in machine load hits both alike.
// Run: npm run bench:kernel   (writes bench/kernel.json)
//   MMDIFF_BENCH_PTE=0: every kernel run without the PTE read (as before the walker);
//   MMDIFF_BENCH_PTE=1: the with/without comparison only.
// MMDIFF_BENCH_PART=determinism MMDIFF_CASES=dir,dir… (default corpus/semantics): not a
// benchmark — every case the kernel here can honour runs 3 times (RUNS) on the kernel
// with real PTE bits, and the traces are compared: are the hardware-set bits (A, D) the
// same every time? Prints the counts (docs/kernel-differences.md records them).

import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { OP_NAMES, runProgram, type Program } from '../abi/index.js';
import { buildProgram, recipe } from '../fuzz/gen/program.js';
import { createImpl } from '../impl/index.js';
import { OP_CODES, startKernelTarget } from '../kernel/index.js';
import { honour } from '../fuzz/honour.js';
import { findCases, loadProgram } from '../fuzz/load.js';
import { compare as compareTraces, PTE_BIT_NAMES, type Trace } from '../abi/index.js';
import { createModel } from '../model/index.js';

const SECONDS = Number(process.env.MMDIFF_BENCH_SECONDS ?? 8);
const OPS = 20;
const BATCH = Number(process.env.MMDIFF_BATCH ?? 500);
const PTE_MODE = process.env.MMDIFF_BENCH_PTE ?? 'both';
const PTE = PTE_MODE !== '0';
const ROUNDS = 3;

if (process.env.MMDIFF_BENCH_PART === 'determinism') {
  await determinism();
  process.exit(0);
}

/** Which PTE bits differ between two traces of one program (names), or the first other difference. */
function pteDiff(a: Trace, b: Trace): string[] {
  const out = new Set<string>();
  a.state.processes.forEach((p, i) => {
    const q = b.state.processes[i];
    p.ptes.forEach((e, j) => {
      const f = q?.ptes[j];
      if (!f || f.addr !== e.addr) return;
      const x = e.bits ^ f.bits;
      for (const [n, bit] of PTE_BIT_NAMES) if ((x >> BigInt(bit)) & 1n) out.add(n);
    });
  });
  return [...out];
}

async function determinism(): Promise<void> {
  const RUNS = Number(process.env.RUNS ?? 3);
  const dirs = (process.env.MMDIFF_CASES ?? 'corpus/semantics').split(',');
  const k = await startKernelTarget();
  const unsupportedOps = OP_NAMES.filter((n) => OP_CODES[n] === undefined);
  const runs: Program[] = [];
  const names: string[] = [];
  for (const f of dirs.flatMap((d) => findCases(d))) {
    const { prog } = loadProgram(f);
    const h = honour(k.layout(), unsupportedOps, prog, k.observe);
    const run = 'run' in h ? h.run : { ...prog, machine: { ...prog.machine, ...k.layout() } };
    if (k.unsupported(run)) continue;
    runs.push(run);
    names.push(f);
  }
  const traces: Trace[][] = [];
  for (let r = 0; r < RUNS; r++) traces.push(await k.runMany(runs));
  let ran = 0;
  let same = 0;
  const bits = new Map<string, number>();
  const other: string[] = [];
  runs.forEach((p, i) => {
    if (traces.some((t) => t[i].unsupported || t[i].crash)) return;
    ran++;
    let ok = true;
    for (let r = 1; r < RUNS; r++) {
      const d = compareTraces(traces[0][i], traces[r][i], p);
      if (!d) continue;
      ok = false;
      const names2 = pteDiff(traces[0][i], traces[r][i]);
      for (const n of names2) bits.set(n, (bits.get(n) ?? 0) + 1);
      other.push(`${names[i]} (run ${r + 1} vs 1): ${d.signature}: ${d.detail}`);
    }
    if (ok) same++;
  });
  console.log(`kernel ${k.hello.kernel}, PTE bits ${k.hello.pteBits ? 'real' : 'NOT read (' + k.hello.pteNote + ')'}: ${ran} cases run ${RUNS} times each (${dirs.join(', ')})`);
  console.log(`identical every time: ${same}; differing: ${ran - same}`);
  for (const [n, c] of bits) console.log(`  PTE bit ${n} differed in ${c} rerun(s)`);
  for (const o of other) console.log(`  ${o}`);
  await k.close();
}

const probe = await startKernelTarget();
const layout = probe.layout();
const hello = probe.hello;
const exclude = OP_NAMES.filter((n) => OP_CODES[n] === undefined);
const gen = fc.array(recipe, { minLength: OPS, maxLength: OPS }).map((rs) => buildProgram(rs, { exclude, machine: layout }));
const generated: Program[] = fc.sample(gen, { numRuns: 4000, seed: 42 });
// only programs the kernel runs to the end: a refused program stops early and is cheap
const first = await probe.runMany(generated);
await probe.close();
const programs = generated.filter((_, i) => !first[i].unsupported && !first[i].crash);
const refusedShare = 1 - programs.length / generated.length;

interface KernelRun {
  helpers: number;
  programs: number;
  unsupported: number;
  seconds: number;
  perSecond: number;
}

async function kernelRate(helpers: number, pteBits = PTE, seconds = SECONDS): Promise<KernelRun & { pteBits: boolean }> {
  const k = await startKernelTarget({ helpers, pteBits });
  // warm up
  await k.runMany(programs.slice(0, 200));
  let ran = 0;
  let unsupported = 0;
  let i = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) {
    const batch: Program[] = [];
    for (let j = 0; j < BATCH; j++) batch.push(programs[i++ % programs.length]);
    const ts = await k.runMany(batch);
    ran += ts.length;
    unsupported += ts.filter((t) => t.unsupported).length;
  }
  const took = (performance.now() - t0) / 1000;
  const pte = k.hello.pteBits;
  await k.close();
  return { helpers, pteBits: pte, programs: ran, unsupported, seconds: took, perSecond: ran / took };
}

/** One helper with and without the PTE read, alternated: the rates and their ratio. */
async function pteCost() {
  const on: number[] = [];
  const off: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    on.push((await kernelRate(1, true, SECONDS / 2)).perSecond);
    off.push((await kernelRate(1, false, SECONDS / 2)).perSecond);
  }
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return { rounds: ROUNDS, withPte: on, withoutPte: off, ratio: sum(on) / sum(off) };
}

function localRate(name: string, factory: typeof createImpl): { name: string; perSecond: number } {
  let ran = 0;
  let i = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < SECONDS * 1000) {
    runProgram(factory, programs[i++ % programs.length]);
    ran++;
  }
  return { name, perSecond: ran / ((performance.now() - t0) / 1000) };
}

const pte = PTE_MODE === '0' ? null : await pteCost();
if (pte) console.log(`PTE read: 1 helper ${Math.round(pte.withPte.reduce((a, b) => a + b) / ROUNDS)} programs/s with it, ${Math.round(pte.withoutPte.reduce((a, b) => a + b) / ROUNDS)} without: ${(pte.ratio * 100).toFixed(0)}% (rounds: ${pte.withPte.map(Math.round).join(' ')} / ${pte.withoutPte.map(Math.round).join(' ')})`);
if (PTE_MODE === '1') process.exit(0);
const one = await kernelRate(1);
const two = await kernelRate(2);
const impl = localRate('impl', createImpl);
const model = localRate('model', createModel);
const usPerOp = (perSecond: number) => 1e6 / (perSecond * OPS);

console.log(`kernel ${hello.kernel}, ${OPS}-op generated programs the kernel runs to the end, full end-state dump, batches of ${BATCH}, ${SECONDS} s each\n`);
const rows: Array<[string, number]> = [
  ['kernel, 1 helper', one.perSecond],
  ['kernel, 2 helpers', two.perSecond],
  ['impl (in process)', impl.perSecond],
  ['model (in process)', model.perSecond],
];
for (const [name, v] of rows) {
  console.log(`${name.padEnd(22)} ${Math.round(v).toLocaleString('en').padStart(8)} programs/s   ${usPerOp(v).toFixed(2).padStart(8)} µs/op (program incl. state)`);
}
console.log(`\nkernel / impl cost per op: ${(usPerOp(one.perSecond) / usPerOp(impl.perSecond)).toFixed(1)}x (1 helper)`);
console.log(`generated programs the kernel target refuses (left out above): ${(refusedShare * 100).toFixed(1)}%`);
writeFileSync(
  'bench/kernel.json',
  JSON.stringify(
    {
      kernel: hello.kernel,
      opsPerProgram: OPS,
      refusedShare,
      batch: BATCH,
      seconds: SECONDS,
      pteBits: one.pteBits,
      pteCost: pte,
      loadAverage: (await import('node:os')).loadavg(),
      helpers1: one,
      helpers2: two,
      implPerSecond: impl.perSecond,
      modelPerSecond: model.perSecond,
      usPerOp: { kernel1: usPerOp(one.perSecond), kernel2: usPerOp(two.perSecond), impl: usPerOp(impl.perSecond), model: usPerOp(model.perSecond) },
      date: new Date().toISOString(),
    },
    null,
    1,
  ) + '\n',
);
