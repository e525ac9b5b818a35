// impl vs model throughput and memory: `npm run bench` (tsx --expose-gc bench/impl-vs-model.ts).
// Without --expose-gc it refuses to measure memory (exit 2): a number taken without a
// collection first counts whatever garbage happens to be around.
//
// Workloads, both targets driven through the same Machine.exec interface:
//   1. small fuzz-shaped programs (<= 32 ops, <= 64 pages, a fork now and then);
//   2. a large address space: 10,000 VMAs, then 1,000,000 mixed ops at random places;
//   3. COW-heavy: 65,536 pages written, fork, writes from both sides, exit.
// Memory is what the process holds: V8 heap plus ArrayBuffers (the impl's typed arrays
// live outside the heap), after two full collections, with the machine kept reachable;
// for the impl also what its structures say they hold (ImplMachine.bytes(), impl/bytes.ts).
// Rates are ops per CPU second of this process (cpuMs below: the machine is shared).
// Exit 1 when a target (TARGET below) is missed. Prints a table and writes
// bench/results.json (its `scaling` key, from bench/scaling.ts, is kept). Options:
// --quick (smaller runs; targets not checked), --ops2 N (impl ops on workload 2),
// --model-ops2 N (model ops on workload 2), --cow-pages N, --no-model (impl alone),
// --only N (one workload; no results.json).

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MACHINE, MADV, MAP, PROT, type Machine, type MachineFactory, type OpName } from '../abi/index.js';
import { ANON, B, cpuMs, PAGE, rng, RW } from './common.js';
import { createImpl, ImplMachine } from '../impl/index.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const noModel = args.includes('--no-model');
const only = args.includes('--only') ? Number(args[args.indexOf('--only') + 1]) : 0;
const opt = (name: string, dflt: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  console.error('run with --expose-gc (npm run bench): memory is measured after full collections');
  process.exit(2);
}
/** Heap and ArrayBuffer bytes after two full collections (the second catches what finalizers freed). */
const heap = (): { heap: number; ext: number } => {
  gc();
  gc();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, ext: m.arrayBuffers };
};
/** Keeps what is being measured reachable while heap() runs (a local may be dead to the optimizer). */
const sink: unknown[] = [];
/** The impl's own count of its bytes, null for the model. */
const selfBytes = (m: Machine): number | null => (m instanceof ImplMachine ? m.bytes() : null);

/**
 * The targets main() checks (exit 1 on a miss), set from runs on the shared 2-core machine
 * (docs/performance.md has the numbers). Speed is held as impl/model ratios of CPU time:
 * both targets run in the same process under the same load, while absolute rates of the
 * same code moved from 0.6 to 1.5 M ops/s with the neighbours' load (reported, not checked).
 * Memory: a touched page of workload 3 is at its peak two PTEs (2 x 8 B) and two frames
 * (2 x 15 B) = 46 B; the impl's own count is 52.6 B (growth slack of its pools), the process
 * 52.8-53.1 B; up to 16 B more when a 1 MiB slab chunk starts inside the measured window.
 */
const TARGET = {
  w1Ratio: 1, // measured 1.1x (wall, loaded) .. 1.8x (CPU)
  w2Ratio: 50, // 65x .. 88x
  w3Ratio: 10, // 27x .. 29x at 65,536 pages
  cowSelf: 56, // B per touched page, the impl's own count: 52.6
  cowBytes: 72, // B per touched page, heap + ArrayBuffers: 52.8 .. 53.1 (+16 B chunk)
  selfTolerance: 0.15, // own count vs measured: 0.4% (workload 3), 5% (workload 2)
  cowVsModel: 100, // model 9,144 B per touched page (two 4 KiB buffers): 172x
};


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
  const t0 = cpuMs();
  for (const p of progs) {
    const m = factory(DEFAULT_MACHINE);
    for (const o of p) {
      if (m.alive(o.pid)) m.exec(o.pid, o.name, o.args);
      ops++;
    }
    m.snapshot();
  }
  return { ops, ms: cpuMs() - t0 };
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

interface LargeRun {
  ops: number;
  ms: number;
  setupMs: number;
  /** heap + ArrayBuffers the machine holds at the end (the op list dropped), measured. */
  bytes: number;
  /** ... and as the impl counts it (null: the model). */
  selfBytes: number | null;
  vmas: number;
}

function runLarge(factory: MachineFactory, n: number): LargeRun {
  const h0 = heap();
  let ops: Op[] | null = largeOps(n, 12345);
  const t0 = cpuMs();
  const m = factory(DEFAULT_MACHINE);
  sink.push(m);
  setupLarge(m);
  const setupMs = cpuMs() - t0;
  const t1 = cpuMs();
  for (let i = 0; i < n; i++) m.exec(0, ops[i].name, ops[i].args);
  const ms = cpuMs() - t1;
  ops = null;
  const h1 = heap();
  const vmas = m.snapshot().processes[0].vmas.length;
  sink.length = 0;
  return { ops: n, ms, setupMs, bytes: h1.heap + h1.ext - h0.heap - h0.ext, selfBytes: selfBytes(m), vmas };
}

// ------------------------------------------------------------------ workload 3

const COW_PAGES = opt('--cow-pages', quick ? 16384 : 65536);

function cowRun(factory: MachineFactory, sample: (m: Machine) => void): number {
  let ops = 0;
  const m = factory(DEFAULT_MACHINE);
  sink.push(m);
  const base = Number(m.exec(0, 'mmap', [0n, B(COW_PAGES * PAGE), RW, B(ANON), 0xffffffffn, 0n]));
  ops++;
  for (let i = 0; i < COW_PAGES; i++, ops++) m.exec(0, 'write', [B(base + i * PAGE), B(i + 1)]);
  sample(m);
  const child = Number(m.exec(0, 'fork', []));
  ops++;
  // both sides overwrite the word: the child's write copies, the parent's then reuses
  for (let i = 0; i < COW_PAGES; i++, ops++) m.exec(child, 'write', [B(base + i * PAGE), B(i + 2)]);
  for (let i = 0; i < COW_PAGES; i++, ops++) m.exec(0, 'write', [B(base + i * PAGE), B(i + 3)]);
  sample(m);
  m.exec(child, 'exit', [0n]);
  ops++;
  sample(m);
  sink.length = 0;
  return ops;
}

interface CowRun {
  ops: number;
  ms: number;
  /** At the peak sample (heap + ArrayBuffers largest): heap and ArrayBuffer bytes over the baseline. */
  peakHeap: number;
  peakExt: number;
  /** The impl's own count at that sample (null: the model). */
  peakSelf: number | null;
}

function runCow(factory: MachineFactory): CowRun {
  cowRun(factory, () => {}); // warm-up
  const t0 = cpuMs();
  const ops = cowRun(factory, () => {});
  const ms = cpuMs() - t0;
  // another run, sampled for memory: after the first writes, after both sides wrote, after exit
  const h0 = heap();
  let peak = { heap: 0, ext: 0, self: null as number | null };
  cowRun(factory, (m) => {
    const h = heap();
    const d = { heap: h.heap - h0.heap, ext: h.ext - h0.ext, self: selfBytes(m) };
    if (d.heap + d.ext > peak.heap + peak.ext) peak = d;
  });
  return { ops, ms, peakHeap: peak.heap, peakExt: peak.ext, peakSelf: peak.self };
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

  let i3: CowRun | null = null;
  let m3: CowRun | null = null;
  const perPage = (b: number) => b / COW_PAGES;
  if (want(3)) {
    i3 = runCow(createImpl);
    if (model) m3 = runCow(model);
    const fmt = (r: CowRun) => `${perPage(r.peakHeap + r.peakExt).toFixed(1)} B (heap ${perPage(r.peakHeap).toFixed(1)} + buffers ${perPage(r.peakExt).toFixed(1)})`;
    row(
      '3 COW-heavy',
      i3,
      m3,
      `${COW_PAGES} pages; peak per touched page: impl ${fmt(i3)}, its own count ${perPage(i3.peakSelf!).toFixed(1)} B` + (m3 ? `; model ${fmt(m3)}` : ''),
    );
  }
  const MiB = (b: number) => `${(b / 2 ** 20).toFixed(1)} MiB`;
  if (i2) {
    console.log(
      `workload 2 memory at the end: impl ${MiB(i2.bytes)} measured, ${MiB(i2.selfBytes!)} its own count (${i2.vmas} VMAs after ${i2.ops} ops)` +
        (m2 ? `; model ${MiB(m2.bytes)} (${m2.vmas} VMAs after ${m2.ops} ops)` : ''),
    );
  }

  const table = [
    ['workload', 'impl ops/cpu-s', 'model ops/cpu-s', 'impl/model', 'notes'],
    ...rows.map((r) => [String(r.workload), String(r.implOps), r.modelOps === null ? '-' : String(r.modelOps), r.ratio === null ? '-' : `${r.ratio}x`, String(r.note)]),
  ];
  const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)));
  for (const row of table) console.log(row.map((cell, c) => (c === 4 ? cell : cell.padEnd(widths[c]))).join('  '));

  // Targets, from measurements on the 2-core development machine (docs/performance.md):
  // each is missed only when a change costs real speed or memory, not by run-to-run noise.
  const ratio = (n: string): number | null => (rows.find((r) => String(r.workload).startsWith(n))?.ratio as number | null | undefined) ?? null;
  const atLeast = (v: number | null, t: number): boolean | null => (v === null ? null : v >= t);
  const i3Total = i3 ? perPage(i3.peakHeap + i3.peakExt) : null;
  const i3Self = i3 ? perPage(i3.peakSelf!) : null;
  const targets: Record<string, boolean | null> = {
    [`impl >= ${TARGET.w1Ratio}x model on workload 1`]: atLeast(ratio('1'), TARGET.w1Ratio),
    [`impl >= ${TARGET.w2Ratio}x model on workload 2`]: atLeast(ratio('2'), TARGET.w2Ratio),
    [`impl >= ${TARGET.w3Ratio}x model on workload 3`]: atLeast(ratio('3'), TARGET.w3Ratio),
    [`impl <= ${TARGET.cowSelf} B per touched page on workload 3 (its own count, peak)`]: i3Self === null ? null : i3Self <= TARGET.cowSelf,
    [`impl <= ${TARGET.cowBytes} B per touched page on workload 3 (heap + ArrayBuffers, peak)`]: i3Total === null ? null : i3Total <= TARGET.cowBytes,
    [`impl's own count within ${TARGET.selfTolerance * 100}% of the measured peak on workload 3`]:
      i3Total === null ? null : Math.abs(i3Self! - i3Total) <= TARGET.selfTolerance * i3Total,
    [`impl's own count within ${TARGET.selfTolerance * 100}% of the measured memory at the end of workload 2`]:
      i2 ? Math.abs(i2.selfBytes! - i2.bytes) <= TARGET.selfTolerance * i2.bytes : null,
    [`impl uses <= 1/${TARGET.cowVsModel} of the model's memory per touched page on workload 3`]:
      i3 && m3 ? (i3.peakHeap + i3.peakExt) * TARGET.cowVsModel <= m3.peakHeap + m3.peakExt : null,
  };
  // --quick runs are too small to hold the targets (fixed costs dominate): shown, not checked
  const checked = !quick && !only && !args.includes('--ops2') && !args.includes('--cow-pages');
  let missed = 0;
  for (const [k, v] of Object.entries(targets)) {
    console.log(`${v === null ? '?   ' : v ? 'ok  ' : 'MISS'} ${k}`);
    if (v === false) missed++;
  }
  const path = join(dirname(fileURLToPath(import.meta.url)), 'results.json');
  const prev = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>) : {};
  const out = {
    date: new Date().toISOString(),
    node: process.version,
    gc: true,
    model: !!model,
    memory: 'heap + ArrayBuffers after two full collections, machine reachable; impl also its own count (ImplMachine.bytes())',
    workloads: rows,
    cow: { impl: i3, model: m3, touchedPages: COW_PAGES, implPerPage: i3Total, implSelfPerPage: i3Self },
    large: { impl: i2, model: m2 },
    targets,
    ...(prev.scaling ? { scaling: prev.scaling } : {}),
  };
  if (!only) writeFileSync(path, JSON.stringify(out, null, 2) + '\n');
  if (checked && missed) {
    console.error(`${missed} target(s) missed`);
    process.exitCode = 1;
  } else if (!checked) console.log('(targets not checked: --quick, --only, --ops2 or --cow-pages)');
}

void main();
