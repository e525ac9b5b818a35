// The report's numbers, in-process (milliseconds): the rate chart smoothed over a window
// of batch arrivals (no sawtooth), the coverage section's per-family and per-op figures,
// and the settings table in words. The page itself is checked in Chromium by report.test.ts.

import { describe, expect, it } from 'vitest';
import type { Snapshot, Summary } from '../fuzz/campaign.js';
import { chartData, rateWindowMs, recentRates } from '../fuzz/report/charts.js';
import { coverageOf } from '../fuzz/report/coverage.js';
import { settingRows } from '../fuzz/report/settings.js';

/** One snapshot a second; `arrived(t)` programs merged by second t. */
function timeline(seconds: number, arrived: (t: number) => number): Snapshot[] {
  return Array.from({ length: seconds }, (_, i) => {
    const t = i + 1;
    return { elapsedMs: t * 1000, programs: arrived(t), features: 0, buckets: 0, minimized: 0, corpus: 0, rate: 0, rss: 0 };
  });
}

describe('the rate chart', () => {
  // two workers, each merging a batch of 1,000 every 4 s, half a period apart: 500 programs/s
  const batches = (t: number) => 1000 * (Math.floor(t / 4) + Math.floor((t + 2) / 4));

  it('a window of one second would be a sawtooth; the chart is smooth', () => {
    const tl = timeline(120, batches);
    // what the chart drew before: the programs merged in each second
    const perSecond = tl.slice(10).map((s, i) => s.programs - tl[i + 9].programs);
    expect(Math.max(...perSecond)).toBe(1000);
    expect(Math.min(...perSecond)).toBe(0);
    const w = rateWindowMs(tl);
    expect(w).toBeGreaterThanOrEqual(8000); // four gaps of 2 s at least
    const smooth = recentRates(tl, w).slice(Math.ceil(w / 1000) + 2);
    for (const r of smooth) expect(r).toBeGreaterThanOrEqual(450), expect(r).toBeLessThanOrEqual(550);
    const chart = chartData(tl).charts.find((c) => c.id === 'chart-rate')!;
    expect(chart.series.map((s) => s.label)).toEqual(['average since start', `over the last ${Math.round(w / 1000)} s`]);
  });

  it('a stall shows: a whole window without an arrival is a rate of 0', () => {
    const tl = timeline(100, (t) => batches(Math.min(t, 60)));
    const w = rateWindowMs(tl);
    const rates = recentRates(tl, w);
    expect(rates[55]).toBeGreaterThan(400);
    expect(rates[99]).toBe(0);
  });
});

const summary = (over: Partial<Summary>): Summary => ({
  settings: { targets: 'model,impl' }, stopped: 'done', programs: 10, unsupported: 0, flaky: 0, elapsedMs: 1000, features: [], timeline: [], buckets: [], corpusRetriage: [], ...over,
});

describe('coverage', () => {
  const rules = ['fault:cow-copy', 'fault:zero', 'mprotect:split', 'mprotect:sealed-EPERM', 'mseal:gap-ENOMEM'];

  it('rules reached per family, the ones never reached named; divergence kinds are not coverage', () => {
    const c = coverageOf(summary({ features: ['fault:cow-copy+pkey', 'mprotect:split', 'mprotect=0', 'diverge:mprotect result -EPERM/0', 'diverge:end vma.prot'] }), rules);
    expect(c.families).toEqual([
      { family: 'fault', reached: 1, total: 2, unreached: ['zero'] },
      { family: 'mprotect', reached: 1, total: 2, unreached: ['sealed-EPERM'] },
      { family: 'mseal', reached: 0, total: 1, unreached: ['gap-ENOMEM'] },
    ]);
    expect([c.rulesReached, c.rulesTotal, c.otherFeatures, c.divergeKinds]).toEqual([2, 5, 1, 2]);
  });

  it('per op: ops run and programs diverged, most run first; none for an older summary', () => {
    const c = coverageOf(summary({ ops: { write: { ran: 10, diverged: 0 }, mmap: { ran: 30, diverged: 2 }, '(final state)': { ran: 0, diverged: 1 } } }), rules);
    expect(c.ops).toEqual([
      { op: 'mmap', ran: 30, diverged: 2 },
      { op: 'write', ran: 10, diverged: 0 },
      { op: '(final state)', ran: null, diverged: 1 },
    ]);
    expect(c.opsRan).toBe(40);
    expect(coverageOf(summary({}), rules).ops).toBeNull();
    // resumed: the counts are of the last run's programs
    expect(coverageOf(summary({ programs: 300, resumed: { programs: 100, elapsedMs: 1, batches: 1 }, ops: {} }), rules).opsSinceResume).toBe(200);
    expect(c.opsSinceResume).toBeNull();
  });

  it('no model among the targets: no rules counted', () => {
    expect(coverageOf(summary({ settings: { targets: 'impl,kernel' }, features: ['mprotect:split'] }), rules).families).toBeNull();
  });
});

describe('the settings table', () => {
  it('labels a person reads, with the option that sets each; values in words', () => {
    const rows = settingRows({ targets: 'model,impl', inject: '', host: 'box (Linux 6.8 x86_64)', maxCorpus: 2048, durationMs: 90_000, exclude: [], blind: true, runs: undefined, someNewKnob: 3 });
    const by = Object.fromEntries(rows.map((r) => [r.key, r]));
    expect(by.maxCorpus).toEqual({ key: 'maxCorpus', label: 'In-memory corpus, at most', option: '--max-corpus', value: '2,048' });
    expect(by.inject.value).toBe('none (the impl as it is)');
    expect(by.durationMs.value).toBe('1.5 min');
    expect(by.exclude.value).toBe('none');
    expect(by.blind.value).toBe('yes');
    expect(by.someNewKnob.label).toBe('Some new knob');
    expect(by.runs).toBeUndefined();
    // no label is a raw key
    for (const r of rows) expect(r.label).not.toMatch(/^[a-z]+[A-Z]/);
  });
});
