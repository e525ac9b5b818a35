// impl vs model throughput and memory: `npx tsx --expose-gc bench/impl-vs-model.ts`
// (or `npx tsx bench/impl-vs-model.ts`; without --expose-gc heap numbers are noisier).
//
// Workloads, both targets driven through the same Machine.exec interface:
//   1. small fuzz-shaped programs (<= 32 ops, <= 64 pages, a fork now and then);
//   2. a large address space: 10,000 VMAs, then 1,000,000 mixed ops at random places;
//   3. COW-heavy: 16,384 pages written, fork, writes from both sides, exit.
// Prints a table and writes bench/results.json. Options: --quick (smaller runs),
// --ops2 N (impl ops on workload 2), --model-ops2 N (model ops on workload 2),
// --no-model (impl alone), --only N (one workload; no results.json).

import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MACHINE, MADV, MAP, PROT, type Machine, type MachineFactory, type OpName } from '../abi/index.js';
import { createImpl } from '../impl/index.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const noModel = args.includes('--no-model');
const only = args.includes('--only') ? Number(args[args.indexOf('--only') + 1]) : 0;
const opt = (name: string, dflt: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};

const gc = (globalThis as { gc?: () => void }).gc;
const heap = (): { heap: number; ext: number } => {
  gc?.();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, ext: m.arrayBuffers };
};

/** xorshift32: deterministic, cheap. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}

const B = (n: number): bigint => BigInt(n);
const PAGE = 4096;
const RW = B(PROT.READ | PROT.WRITE);
const ANON = MAP.PRIVATE | MAP.ANONYMOUS;

interface Op {
  pid: number;
  name: OpName;
  args: bigint[];
}

// ------------------------------------------------------------------ workload 1

/** A fuzz-shaped program: addresses from earlier mmaps, <= 64 pages mapped, a fork now and then. */
function smallProgram(r: () => number): Op[] {
  const ops: Op[] = [];
  const n = 8 + (r() % 25);
  const maps: number[] = [];
  let procs = 1;
  const base = 0x7ffff7000000;
  for (let i = 0; i < n; i++) {
    const pid = r() % procs;
    const at = maps.length ? maps[r() % maps.length] + (r() % 4) * PAGE : base + (r() % 64) * PAGE;
    const len = B((1 + (r() % 4)) * PAGE);
    const pick = r() % 100;
    let op: Op;
    if (pick < 22 && maps.length < 16) {
      const fixed = r() % 3 === 0;
      const addr = fixed ? base + (r() % 60) * PAGE : 0;
      const flags = ANON | (fixed ? MAP.FIXED : 0) | (r() % 5 === 0 ? MAP.POPULATE : 0);
      op = { pid, name: 'mmap', args: [B(addr), len, B(r() % 4 === 0 ? PROT.READ : PROT.READ | PROT.WRITE), B(flags), -1n & 0xffffffffffffffffn, 0n] };
      maps.push(fixed ? addr : 0x7ffff7fff000 - (maps.length + 1) * 4 * PAGE);
    } else if (pick < 30) op = { pid, name: 'munmap', args: [B(at), len] };
    else if (pick < 40) op = { pid, name: 'mprotect', args: [B(at), len, B(r() % 8)] };
    else if (pick < 44) op = { pid, name: 'mseal', args: [B(at), len, 0n] };
    else if (pick < 52) op = { pid, name: 'madvise', args: [B(at), len, B([MADV.DONTNEED, MADV.FREE, MADV.DONTFORK, MADV.GUARD_INSTALL, MADV.NORMAL][r() % 5])] };
    else if (pick < 55 && procs < 4) {
      op = { pid, name: 'fork', args: [] };
      procs++;
    } else if (pick < 75) op = { pid, name: 'write', args: [B(at + (r() % 512) * 8), B(r())] };
    else op = { pid, name: 'read', args: [B(at + (r() % 512) * 8)] };
    ops.push(op);
  }
  return ops;
}

function runSmall(factory: MachineFactory, progs: Op[][]): { ops: number; ms: number } {
  let ops = 0;
  const t0 = performance.now();
  for (const p of progs) {
    const m = factory(DEFAULT_MACHINE);
    for (const o of p) {
      if (m.alive(o.pid)) m.exec(o.pid, o.name, o.args);
      ops++;
    }
    m.snapshot();
  }
  return { ops, ms: performance.now() - t0 };
}

// ------------------------------------------------------------------ workload 2

const ARENA = 0x100000000; // 4 GiB
const ARENA_PAGES = 40000;

function setupLarge(m: Machine): void {
  // 10,000 one-page VMAs, one page apart (never adjacent, so they cannot merge)
  for (let i = 0; i < 10000; i++) {
    m.exec(0, 'mmap', [B(ARENA + i * 4 * PAGE), B(PAGE), RW, B(ANON | MAP.FIXED), 0xffffffffn, 0n]);
  }
}

function largeOps(n: number, seed: number): Op[] {
  const r = rng(seed);
  const ops: Op[] = new Array(n);
  const advice = [MADV.DONTNEED, MADV.FREE, MADV.RANDOM, MADV.NORMAL, MADV.WILLNEED, MADV.DONTFORK, MADV.DOFORK];
  for (let i = 0; i < n; i++) {
    const at = B(ARENA + (r() % ARENA_PAGES) * PAGE);
    const len = B((1 + (r() % 3)) * PAGE);
    const pick = r() % 100;
    let op: Op;
    if (pick < 10) op = { pid: 0, name: 'mmap', args: [at, len, RW, B(ANON | (r() & 1 ? MAP.FIXED : MAP.FIXED_NOREPLACE)), 0xffffffffn, 0n] };
    else if (pick < 20) op = { pid: 0, name: 'munmap', args: [at, len] };
    else if (pick < 35) op = { pid: 0, name: 'mprotect', args: [at, len, B(r() % 4)] };
    else if (pick < 36) op = { pid: 0, name: 'mseal', args: [at, B(PAGE), 0n] };
    else if (pick < 46) op = { pid: 0, name: 'madvise', args: [at, len, B(advice[r() % advice.length])] };
    else if (pick < 73) op = { pid: 0, name: 'write', args: [at + B((r() % 512) * 8), B(r())] };
    else op = { pid: 0, name: 'read', args: [at + B((r() % 512) * 8)] };
    ops[i] = op;
  }
  return ops;
}

function runLarge(factory: MachineFactory, n: number): { ops: number; ms: number; setupMs: number; heap: number } {
  const h0 = heap();
  const t0 = performance.now();
  const m = factory(DEFAULT_MACHINE);
  setupLarge(m);
  const setupMs = performance.now() - t0;
  const ops = largeOps(n, 12345);
  const t1 = performance.now();
  for (let i = 0; i < n; i++) m.exec(0, ops[i].name, ops[i].args);
  const ms = performance.now() - t1;
  const h1 = heap();
  void m;
  return { ops: n, ms, setupMs, heap: h1.heap + h1.ext - h0.heap - h0.ext };
}

// ------------------------------------------------------------------ workload 3

const COW_PAGES = 16384;

function cowRun(factory: MachineFactory, sample: () => void): number {
  let ops = 0;
  const m = factory(DEFAULT_MACHINE);
  const base = Number(m.exec(0, 'mmap', [0n, B(COW_PAGES * PAGE), RW, B(ANON), 0xffffffffn, 0n]));
  ops++;
  for (let i = 0; i < COW_PAGES; i++, ops++) m.exec(0, 'write', [B(base + i * PAGE), B(i + 1)]);
  sample();
  const child = Number(m.exec(0, 'fork', []));
  ops++;
  // both sides overwrite the word: the child's write copies, the parent's then reuses
  for (let i = 0; i < COW_PAGES; i++, ops++) m.exec(child, 'write', [B(base + i * PAGE), B(i + 2)]);
  for (let i = 0; i < COW_PAGES; i++, ops++) m.exec(0, 'write', [B(base + i * PAGE), B(i + 3)]);
  sample();
  m.exec(child, 'exit', [0n]);
  ops++;
  sample();
  return ops;
}

function runCow(factory: MachineFactory): { ops: number; ms: number; peakHeap: number; peakExt: number } {
  cowRun(factory, () => {}); // warm-up
  const t0 = performance.now();
  const ops = cowRun(factory, () => {});
  const ms = performance.now() - t0;
  // a second run, sampled for memory (gc at each sample when --expose-gc)
  const h0 = heap();
  let peakHeap = 0;
  let peakExt = 0;
  cowRun(factory, () => {
    const h = heap();
    peakHeap = Math.max(peakHeap, h.heap - h0.heap);
    peakExt = Math.max(peakExt, h.ext - h0.ext);
  });
  return { ops, ms, peakHeap, peakExt };
}

// ------------------------------------------------------------------ main

async function loadModel(): Promise<MachineFactory | null> {
  try {
    const mod = (await import('../model/index.js')) as { createModel?: MachineFactory };
    return mod.createModel ?? null;
  } catch (e) {
    console.error(`model not available (${(e as Error).message.split('\n')[0]}): running impl alone`);
    return null;
  }
}

async function main(): Promise<void> {
  const model = noModel ? null : await loadModel();
  const rows: Array<Record<string, string | number | null>> = [];
  const rate = (ops: number, ms: number) => (ms > 0 ? Math.round((ops / ms) * 1000) : 0);

  const want = (n: number) => !only || only === n;
  const row = (workload: string, i: { ops: number; ms: number }, m: { ops: number; ms: number } | null, note: string) => {
    const implOps = rate(i.ops, i.ms);
    const modelOps = m ? rate(m.ops, m.ms) : null;
    rows.push({ workload, implOps, modelOps, ratio: modelOps ? +(implOps / modelOps).toFixed(1) : null, note });
  };

  if (want(1)) {
    const r1 = rng(7);
    const progs = Array.from({ length: quick ? 2000 : 20000 }, () => smallProgram(r1));
    runSmall(createImpl, progs.slice(0, 500)); // warm-up
    const i1 = runSmall(createImpl, progs);
    let m1: { ops: number; ms: number } | null = null;
    if (model) {
      runSmall(model, progs.slice(0, 500));
      m1 = runSmall(model, progs);
    }
    row('1 small programs', i1, m1, `${progs.length} programs, ${i1.ops} ops (machine creation and final snapshot included)`);
  }

  let i2: ReturnType<typeof runLarge> | null = null;
  let m2: ReturnType<typeof runLarge> | null = null;
  if (want(2)) {
    const n2 = opt('--ops2', quick ? 100000 : 1000000);
    const nm2 = opt('--model-ops2', quick ? 2000 : 20000);
    i2 = runLarge(createImpl, n2);
    if (model) m2 = runLarge(model, nm2);
    row(
      '2 large address space',
      i2,
      m2,
      `10,000 VMAs (setup impl ${i2.setupMs.toFixed(0)} ms${m2 ? `, model ${m2.setupMs.toFixed(0)} ms` : ''}); impl ${n2} ops${m2 ? `, model ${nm2} ops` : ''}`,
    );
  }

  let i3: ReturnType<typeof runCow> | null = null;
  let m3: ReturnType<typeof runCow> | null = null;
  if (want(3)) {
    i3 = runCow(createImpl);
    if (model) m3 = runCow(model);
    row(
      '3 COW-heavy',
      i3,
      m3,
      `peak per touched page: impl JS heap ${(i3.peakHeap / COW_PAGES).toFixed(1)} B + typed arrays ${(i3.peakExt / COW_PAGES).toFixed(1)} B` +
        (m3 ? `; model JS heap ${(m3.peakHeap / COW_PAGES).toFixed(1)} B + buffers ${(m3.peakExt / COW_PAGES).toFixed(1)} B` : ''),
    );
  }

  const table = [
    ['workload', 'impl ops/s', 'model ops/s', 'impl/model', 'notes'],
    ...rows.map((r) => [String(r.workload), String(r.implOps), r.modelOps === null ? '-' : String(r.modelOps), r.ratio === null ? '-' : `${r.ratio}x`, String(r.note)]),
  ];
  const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)));
  for (const row of table) console.log(row.map((cell, c) => (c === 4 ? cell : cell.padEnd(widths[c]))).join('  '));
  const w2 = rows.find((r) => String(r.workload).startsWith('2'));
  const targets = {
    'impl >= 50x model on workload 2': w2 && w2.ratio !== null ? (w2.ratio as number) >= 50 : null,
    'impl >= 1,000,000 ops/s on workload 2': w2 ? (w2.implOps as number) >= 1e6 : null,
    'impl <= 24 B heap per touched page on workload 3': i3 ? i3.peakHeap / COW_PAGES <= 24 : null,
  };
  for (const [k, v] of Object.entries(targets)) console.log(`${v === null ? '?' : v ? 'ok  ' : 'MISS'} ${k}`);
  const out = {
    date: new Date().toISOString(),
    node: process.version,
    gc: !!gc,
    model: !!model,
    workloads: rows,
    cow: { impl: i3, model: m3, touchedPages: COW_PAGES },
    large: { impl: i2, model: m2 },
    targets,
  };
  if (!only) writeFileSync(join(dirname(fileURLToPath(import.meta.url)), 'results.json'), JSON.stringify(out, null, 2) + '\n');
}

void main();
