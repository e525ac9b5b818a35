// Scaling curves: how the cost of an op grows with the work a machine holds, impl against
// model, and how fast a campaign runs against program length. Run alone (never beside
// another benchmark: the machine has 2 shared cores):
//   npx tsx --expose-gc bench/scaling.ts [--only vmas|pages|campaign] [--budget MS]
//   npx tsx bench/scaling.ts --plot     (redraw docs/performance.svg from bench/results.json)
// Writes the `scaling` key of bench/results.json (the rest is bench/impl-vs-model.ts's)
// and docs/performance.svg (log-log, drawn here: no plotting package).
//
// Curves (rates are per CPU second of this process, worker threads included: wall time
// on a shared machine measures the neighbours too):
//   vmas      10^2..10^5 one-page VMAs (a page apart: they cannot merge), then the op mix of
//             bench/impl-vs-model.ts workload 2 at random pages of that arena: ops/s.
//   pages     one VMA of 10^3..10^6 pages, every page written once (fault-in ops/s), then
//             random reads and writes (of the word the fault-in wrote) over them with a
//             4-page mprotect or MADV_DONTNEED now and then (steady ops/s).
//   campaign  runCampaign (fuzz/campaign.ts), targets model,impl, one worker, a fixed number of
//             programs at maxOps 8..256: programs/s, the worker's start-up (a 1-program
//             campaign, measured first) subtracted.
// Each point runs its ops in chunks until --budget ms of CPU (default 1500) are spent, after
// a discarded warm-up point per target; the model is capped at 10^5 (pages: 4 KiB of
// ArrayBuffer each) and skipped where its last two points predict more than 20 s of set-up.

import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MACHINE, MADV, MAP, PROT, type Machine, type MachineFactory, type OpName } from '../abi/index.js';
import { ANON, B, cpuMs, PAGE, rng, RW } from './common.js';
import { runCampaign } from '../fuzz/campaign.js';
import { createImpl } from '../impl/index.js';
import { createModel } from '../model/index.js';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const only = opt('--only');
const BUDGET = Number(opt('--budget') ?? 1500);
const SETUP_CAP_MS = 20_000;

const here = dirname(fileURLToPath(import.meta.url));
const gc = (globalThis as { gc?: () => void }).gc;
const ARENA = 0x100000000;
const FD = 0xffffffffn;

interface Op {
  name: OpName;
  args: bigint[];
}

/** Runs ops from next() in chunks of 1000 until budget ms of CPU are spent; ops per CPU second. */
function rate(m: Machine, next: () => Op, budget = BUDGET): { ops: number; ms: number; opsPerSec: number } {
  let ops = 0;
  const t0 = cpuMs();
  let ms = 0;
  const chunk: Op[] = new Array(1000);
  while (ms < budget) {
    for (let i = 0; i < chunk.length; i++) chunk[i] = next(); // generated outside the clock
    const t1 = cpuMs();
    for (let i = 0; i < chunk.length; i++) m.exec(0, chunk[i].name, chunk[i].args);
    ms += cpuMs() - t1;
    ops += chunk.length;
    if (cpuMs() - t0 > 4 * budget) break; // generation is cheap; a guard all the same
  }
  return { ops, ms, opsPerSec: Math.round((ops / ms) * 1000) };
}

// ------------------------------------------------------------------ VMAs

const ADVICE = [MADV.DONTNEED, MADV.FREE, MADV.RANDOM, MADV.NORMAL, MADV.WILLNEED, MADV.DONTFORK, MADV.DOFORK];

/** bench/impl-vs-model.ts workload 2's mix over an arena of `pages` pages. */
function mixOver(pages: number, seed: number): () => Op {
  const r = rng(seed);
  return () => {
    const at = B(ARENA + (r() % pages) * PAGE);
    const len = B((1 + (r() % 3)) * PAGE);
    const pick = r() % 100;
    if (pick < 10) return { name: 'mmap', args: [at, len, RW, B(ANON | (r() & 1 ? MAP.FIXED : MAP.FIXED_NOREPLACE)), FD, 0n] };
    if (pick < 20) return { name: 'munmap', args: [at, len] };
    if (pick < 35) return { name: 'mprotect', args: [at, len, B(r() % 4)] };
    if (pick < 36) return { name: 'mseal', args: [at, B(PAGE), 0n] };
    if (pick < 46) return { name: 'madvise', args: [at, len, B(ADVICE[r() % ADVICE.length])] };
    if (pick < 73) return { name: 'write', args: [at + B((r() % 512) * 8), B(r())] };
    return { name: 'read', args: [at + B((r() % 512) * 8)] };
  };
}

interface Point {
  n: number;
  impl: number | null;
  model: number | null;
  implSetupMs?: number;
  modelSetupMs?: number;
  /** a second rate (pages: steady state after the fault-in) */
  implSteady?: number | null;
  modelSteady?: number | null;
}

function vmaPoint(f: MachineFactory, n: number): { setupMs: number; opsPerSec: number } {
  gc?.();
  const m = f({ ...DEFAULT_MACHINE, maxMapCount: 4 * n + 65530 });
  const t0 = cpuMs();
  for (let i = 0; i < n; i++) m.exec(0, 'mmap', [B(ARENA + i * 2 * PAGE), B(PAGE), RW, B(ANON | MAP.FIXED), FD, 0n]);
  const setupMs = cpuMs() - t0;
  return { setupMs, opsPerSec: rate(m, mixOver(2 * n, 12345)).opsPerSec };
}

// ------------------------------------------------------------------ touched pages

function pagePoint(f: MachineFactory, n: number): { setupMs: number; faultIn: number; steady: number } {
  // fault-in: fresh machines written page by page until half the budget is spent (one at
  // least), so a small n is not a few milliseconds of the JIT's background threads
  let m: Machine;
  let base: number;
  let faulted = 0;
  let setupMs = 0;
  gc?.(); // once: a collection per machine would bill its background sweeping to the next timing
  do {
    m = f(DEFAULT_MACHINE);
    base = Number(m.exec(0, 'mmap', [0n, B(n * PAGE), RW, B(ANON | MAP.NORESERVE), FD, 0n]));
    const t0 = cpuMs();
    for (let i = 0; i < n; i++) m.exec(0, 'write', [B(base + i * PAGE), B(i + 1)]);
    setupMs += cpuMs() - t0;
    faulted += n;
  } while (setupMs < BUDGET / 2);
  const r = rng(99);
  const steady = rate(m, () => {
    const p = r() % n;
    const pick = r() % 100;
    const at = B(base + p * PAGE);
    if (pick < 2) return { name: 'mprotect', args: [B(base + (p & ~3) * PAGE), B(4 * PAGE), B(r() & 1 ? PROT.READ : PROT.READ | PROT.WRITE)] };
    if (pick < 4) return { name: 'madvise', args: [B(base + (p & ~3) * PAGE), B(4 * PAGE), B(MADV.DONTNEED)] };
    // writes go to the page's first word, which the fault-in wrote: a second non-zero word
    // would make the impl allocate a dense 4 KiB page, and this curve is about lookups
    if (pick < 50) return { name: 'write', args: [at, B(r())] };
    return { name: 'read', args: [at + B((r() % 512) * 8)] };
  });
  return { setupMs: (setupMs * n) / faulted, faultIn: Math.round((faulted / setupMs) * 1000), steady: steady.opsPerSec };
}

// ------------------------------------------------------------------ curves

const log = (s: string) => console.log(s);

function curve(
  name: string,
  sizes: number[],
  point: (f: MachineFactory, n: number) => { setupMs: number; rate: number; steady?: number },
  modelCap: number,
): Point[] {
  const out: Point[] = [];
  point(createImpl, sizes[0]); // warm-up: the first point would otherwise time the JIT
  point(createModel, sizes[0]);
  let modelSkip: string | null = null;
  let prevModelSetup = 0;
  let prevN = 0;
  let growth = 1; // set-up time ~ n^growth, from the model's last two points
  for (const n of sizes) {
    const i = point(createImpl, n);
    let m: ReturnType<typeof point> | null = null;
    if (!modelSkip && n > modelCap) modelSkip = `the model is capped at ${modelCap.toLocaleString('en')} (memory)`;
    const predicted = prevModelSetup * (n / prevN) ** growth;
    if (!modelSkip && prevN && predicted > SETUP_CAP_MS)
      modelSkip = `the model stops at ${prevN.toLocaleString('en')}: set-up took ${(prevModelSetup / 1000).toFixed(1)} s there, ~${(predicted / 1000).toFixed(0)} s predicted at ${n.toLocaleString('en')}`;
    if (!modelSkip) {
      m = point(createModel, n);
      if (prevN && prevModelSetup > 20) growth = Math.max(1, Math.log(m.setupMs / prevModelSetup) / Math.log(n / prevN));
      prevModelSetup = m.setupMs;
      prevN = n;
    }
    out.push({
      n,
      impl: i.rate,
      model: m ? m.rate : null,
      implSetupMs: Math.round(i.setupMs),
      ...(m ? { modelSetupMs: Math.round(m.setupMs) } : {}),
      ...(i.steady !== undefined ? { implSteady: i.steady, modelSteady: m?.steady ?? null } : {}),
    });
    log(
      `${name} ${n.toLocaleString('en').padStart(9)}: impl ${i.rate.toLocaleString('en')} ops/s` +
        (i.steady !== undefined ? ` (steady ${i.steady.toLocaleString('en')})` : '') +
        (m ? `, model ${m.rate.toLocaleString('en')} ops/s` + (m.steady !== undefined ? ` (steady ${m.steady.toLocaleString('en')})` : '') + `, impl/model ${(i.rate / m.rate).toFixed(1)}x` : `, model -`) +
        `  [set-up impl ${i.setupMs.toFixed(0)} ms${m ? `, model ${m.setupMs.toFixed(0)} ms` : ''}]`,
    );
  }
  if (modelSkip) log(`  (${modelSkip})`);
  return out;
}

async function campaignCurve(lengths: number[]): Promise<{ startupMs: number; points: Array<{ maxOps: number; runs: number; programsPerSec: number; opsPerProgram: number; ms: number }> }> {
  const one = async (maxOps: number, runs: number) => {
    const dir = mkdtempSync(join(tmpdir(), 'mmdiff-scaling-'));
    const t0 = cpuMs();
    const w0 = performance.now();
    try {
      const s = await runCampaign({
        targets: 'model,impl', workers: 1, seed: 7, runs, corpusDir: join(dir, 'corpus'), outDir: dir, maxOps,
        batchSize: Math.min(runs, 500), batchTimeoutMs: 120_000, minimizeTimeoutMs: 5_000,
      });
      const ran = Object.values(s.ops ?? {}).reduce((a, o) => a + o.ran, 0);
      return { ms: cpuMs() - t0, wallMs: performance.now() - w0, programs: s.programs, ops: ran, buckets: s.buckets.length };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const start = await one(8, 1);
  log(`campaign start-up (1 program): ${start.ms.toFixed(0)} ms CPU, ${start.wallMs.toFixed(0)} ms wall`);
  const points = [];
  for (const L of lengths) {
    const runs = Math.round(240_000 / L);
    const r = await one(L, runs);
    const ms = r.ms - start.ms;
    const p = { maxOps: L, runs: r.programs, programsPerSec: Math.round((r.programs / ms) * 1000), opsPerProgram: +(r.ops / r.programs).toFixed(1), ms: Math.round(ms) };
    points.push(p);
    log(`campaign maxOps ${String(L).padStart(3)}: ${p.programsPerSec.toLocaleString('en')} programs/s (${p.opsPerProgram} ops a program, ${r.programs} programs, ${ms.toFixed(0)} ms CPU after start-up, ${r.buckets} buckets)`);
  }
  return { startupMs: Math.round(start.ms), points };
}

// ------------------------------------------------------------------ SVG

interface Series {
  label: string;
  color: string;
  dash?: string;
  pts: Array<[number, number]>;
}

/** One log-log panel at (x0, y0), w x h: decade grid, axes, series as lines with dots. */
function panel(x0: number, y0: number, w: number, h: number, title: string, xLabel: string, yLabel: string, series: Series[], legendTop = 3): string {
  const all = series.flatMap((s) => s.pts).filter(([x, y]) => x > 0 && y > 0);
  const lx = all.map(([x]) => Math.log10(x));
  const ly = all.map(([, y]) => Math.log10(y));
  const xMin = Math.floor(Math.min(...lx));
  const xMax = Math.ceil(Math.max(...lx));
  const yMin = Math.floor(Math.min(...ly));
  const yMax = Math.ceil(Math.max(...ly));
  const X = (x: number) => x0 + ((Math.log10(x) - xMin) / (xMax - xMin || 1)) * w;
  const Y = (y: number) => y0 + h - ((Math.log10(y) - yMin) / (yMax - yMin || 1)) * h;
  const sup = (e: number) => `10<tspan dy="-5" font-size="9">${e}</tspan>`;
  const o: string[] = [];
  o.push(`<text x="${x0 + w / 2}" y="${y0 - 12}" text-anchor="middle" font-weight="bold">${title}</text>`);
  for (let e = xMin; e <= xMax; e++) {
    const x = X(10 ** e);
    o.push(`<line x1="${x}" y1="${y0}" x2="${x}" y2="${y0 + h}" stroke="#ddd"/>`);
    o.push(`<text x="${x}" y="${y0 + h + 16}" text-anchor="middle" font-size="11">${sup(e)}</text>`);
  }
  for (let e = yMin; e <= yMax; e++) {
    const y = Y(10 ** e);
    o.push(`<line x1="${x0}" y1="${y}" x2="${x0 + w}" y2="${y}" stroke="#ddd"/>`);
    o.push(`<text x="${x0 - 6}" y="${y + 4}" text-anchor="end" font-size="11">${sup(e)}</text>`);
  }
  o.push(`<rect x="${x0}" y="${y0}" width="${w}" height="${h}" fill="none" stroke="#444"/>`);
  o.push(`<text x="${x0 + w / 2}" y="${y0 + h + 34}" text-anchor="middle" font-size="12">${xLabel}</text>`);
  o.push(`<text transform="translate(${x0 - 40} ${y0 + h / 2}) rotate(-90)" text-anchor="middle" font-size="12">${yLabel}</text>`);
  const lw = 132;
  const legY = y0 + legendTop;
  o.push(`<rect x="${x0 + w - lw - 4}" y="${legY}" width="${lw}" height="${series.length * 16 + 6}" fill="white" fill-opacity="0.85" stroke="#ccc"/>`);
  series.forEach((s, k) => {
    const pts = s.pts.filter(([x, y]) => x > 0 && y > 0);
    if (pts.length) {
      o.push(`<polyline fill="none" stroke="${s.color}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''} points="${pts.map(([x, y]) => `${X(x).toFixed(1)},${Y(y).toFixed(1)}`).join(' ')}"/>`);
      for (const [x, y] of pts) o.push(`<circle cx="${X(x).toFixed(1)}" cy="${Y(y).toFixed(1)}" r="3" fill="${s.color}"/>`);
    }
    const ly0 = legY + 14 + k * 16;
    o.push(`<line x1="${x0 + w - lw}" y1="${ly0 - 4}" x2="${x0 + w - lw + 20}" y2="${ly0 - 4}" stroke="${s.color}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`);
    o.push(`<text x="${x0 + w - lw + 25}" y="${ly0}" font-size="11">${s.label}</text>`);
  });
  return o.join('\n');
}

function svg(scaling: Scaling): string {
  const W = 1080;
  const H = 380;
  const pw = 260;
  const ph = 250;
  const ser = (pts: Point[], key: 'impl' | 'model' | 'implSteady' | 'modelSteady'): Array<[number, number]> =>
    pts.filter((p) => p[key] != null).map((p) => [p.n, p[key] as number]);
  const parts: string[] = [];
  if (scaling.vmas)
    parts.push(panel(80, 50, pw, ph, 'ops/s against VMAs', 'VMAs in the address space', 'ops per CPU second', [
      { label: 'impl', color: '#1f77b4', pts: ser(scaling.vmas, 'impl') },
      { label: 'model', color: '#d62728', pts: ser(scaling.vmas, 'model') },
    ]));
  if (scaling.pages)
    parts.push(panel(440, 50, pw, ph, 'ops/s against touched pages', 'pages written', 'ops per CPU second', [
      { label: 'impl fault-in', color: '#1f77b4', pts: ser(scaling.pages, 'impl') },
      { label: 'impl steady', color: '#1f77b4', dash: '5,3', pts: ser(scaling.pages, 'implSteady') },
      { label: 'model fault-in', color: '#d62728', pts: ser(scaling.pages, 'model') },
      { label: 'model steady', color: '#d62728', dash: '5,3', pts: ser(scaling.pages, 'modelSteady') },
    ], 105));
  if (scaling.campaign)
    parts.push(panel(800, 50, pw, ph, 'campaign (model,impl, 1 worker)', 'maxOps (program length)', 'programs per CPU second', [
      { label: 'programs/s', color: '#2ca02c', pts: scaling.campaign.points.map((p) => [p.maxOps, p.programsPerSec] as [number, number]) },
      { label: 'ops/s', color: '#2ca02c', dash: '5,3', pts: scaling.campaign.points.map((p) => [p.maxOps, p.programsPerSec * p.opsPerProgram] as [number, number]) },
    ]));
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif">\n` +
    `<rect width="${W}" height="${H}" fill="white"/>\n${parts.join('\n')}\n` +
    `<text x="10" y="${H - 8}" font-size="10" fill="#666">bench/scaling.ts, ${scaling.date}, ${scaling.node}; log-log; rates per CPU second</text>\n</svg>\n`
  );
}

// ------------------------------------------------------------------ main

interface Scaling {
  date: string;
  node: string;
  /** 1-minute load average before and after each curve: the 2 cores are shared. */
  load: Record<string, [number, number]>;
  budgetMs: number;
  vmas?: Point[];
  pages?: Point[];
  campaign?: Awaited<ReturnType<typeof campaignCurve>>;
  notes: string[];
}

const resultsPath = join(here, 'results.json');
const results = existsSync(resultsPath) ? (JSON.parse(readFileSync(resultsPath, 'utf8')) as Record<string, unknown>) : {};
const prev = (results.scaling ?? {}) as Partial<Scaling>;
if (args.includes('--plot')) {
  writeFileSync(join(here, '..', 'docs', 'performance.svg'), svg(prev as Scaling));
  log('redrew docs/performance.svg from bench/results.json');
  process.exit(0);
}
const scaling: Scaling = { ...prev, date: new Date().toISOString(), node: process.version, budgetMs: BUDGET, notes: [] } as Scaling;
scaling.load = { ...(prev.load ?? {}) };
const loaded = async <T>(name: string, f: () => T | Promise<T>): Promise<T> => {
  const before = +loadavg()[0].toFixed(1);
  const r = await f();
  scaling.load[name] = [before, +loadavg()[0].toFixed(1)];
  log(`  (load average ${scaling.load[name].join(' -> ')} on ${(await import('node:os')).cpus().length} cores)`);
  return r;
};

if (!only || only === 'vmas') {
  scaling.vmas = await loaded('vmas', () => curve('vmas ', [100, 1000, 10_000, 100_000], (f, n) => {
    const r = vmaPoint(f, n);
    return { setupMs: r.setupMs, rate: r.opsPerSec };
  }, 100_000));
}
if (!only || only === 'pages') {
  scaling.pages = await loaded('pages', () => curve('pages', [1000, 10_000, 100_000, 1_000_000], (f, n) => {
    const r = pagePoint(f, n);
    return { setupMs: r.setupMs, rate: r.faultIn, steady: r.steady };
  }, 100_000));
}
if (!only || only === 'campaign') scaling.campaign = await loaded('campaign', () => campaignCurve([8, 16, 32, 64, 128, 256]));

scaling.notes = [
  'vmas: n one-page VMAs a page apart, then workload 2 ops (mmap/munmap/mprotect/mseal/madvise/read/write) at random pages of the 2n-page arena; ops per CPU second',
  'pages: one n-page VMA written page by page (fault-in rate), then random reads (any word) and writes (the first word: no new page contents) with 2% 4-page mprotect and 2% 4-page MADV_DONTNEED (steady rate)',
  'the model is capped at 10^5 touched pages (a 4 KiB ArrayBuffer per page: 10^6 would be 4 GiB) and wherever its set-up would pass 20 s',
  'campaign: runCampaign targets model,impl, 1 worker, runs = 240000/maxOps, the 1-program start-up subtracted; CPU time of the process (main thread + worker)',
];
results.scaling = scaling;
writeFileSync(resultsPath, JSON.stringify(results, null, 2) + '\n');
writeFileSync(join(here, '..', 'docs', 'performance.svg'), svg(scaling));
log('wrote bench/results.json (scaling) and docs/performance.svg');
