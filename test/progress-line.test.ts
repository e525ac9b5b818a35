// The progress line of `mmdiff fuzz`: the rate now and on average, how long since the
// last new feature and bucket, programs a target could not run, memory; the time never
// past its end; and a resumed campaign shown on one consistent clock under its own seed.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { progressLine } from '../cli/fuzz.js';
import { RecentRate } from '../fuzz/campaign/rate.js';
import type { Snapshot, Summary } from '../fuzz/campaign.js';
import { mmdiff } from './helpers/cli.js';

const root = mkdtempSync(join(tmpdir(), 'mmdiff-progress-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const snap: Snapshot = {
  elapsedMs: 31_000, durationMs: 60_000, programs: 41_230, features: 812, buckets: 3, minimized: 2, corpus: 310,
  rate: 1290, recentRate: 1320, unsupported: 12, sinceFeatureMs: 4_000, sinceBucketMs: 20_000, rss: 245 * 2 ** 20,
};

describe('progressLine', () => {
  it('has both rates, the time since the last finds, unsupported programs and RSS in MiB', () => {
    expect(progressLine(snap)).toBe(
      '[00:31/01:00] 41,230 programs · 1,320/s (avg 1,290/s) · 812 features (new 00:04 ago) · 3 buckets (2 minimized, new 00:20 ago) · corpus 310 · 12 unsupported · 245 MiB',
    );
  });
  it('says when nothing new was found yet', () => {
    const line = progressLine({ ...snap, buckets: 0, minimized: 0, sinceFeatureMs: undefined, sinceBucketMs: undefined });
    expect(line).toContain('812 features (none new yet)');
    expect(line).toContain('0 buckets (0 minimized)');
  });
  it('never shows the time past the end, nor more than 100% of --runs', () => {
    expect(progressLine({ ...snap, elapsedMs: 31_000, durationMs: 24_000 })).toMatch(/^\[00:24\/00:24\] /);
    const runs = { ...snap, durationMs: undefined, runs: 1000, programs: 1500 };
    expect(progressLine(runs)).toMatch(/^\[00:31 100%\] /);
    expect(progressLine({ ...runs, programs: 999 })).toMatch(/^\[00:31 99%\] /);
  });
  it('takes a snapshot of an older checkpoint (no recent rate, no unsupported)', () => {
    const old = { elapsedMs: 1000, programs: 5, features: 1, buckets: 0, minimized: 0, corpus: 1, rate: 5, rss: 2 ** 20 } as Snapshot;
    expect(progressLine(old)).toBe('[00:01] 5 programs · 5/s (avg 5/s) · 1 features (none new yet) · 0 buckets (0 minimized) · corpus 1 · 0 unsupported · 1 MiB');
  });
});

describe('RecentRate', () => {
  it('is the rate over about the last window, not since the start', () => {
    const r = new RecentRate(10_000);
    expect(r.at(0, 0)).toBe(0);
    for (let t = 1000; t <= 20_000; t += 1000) r.at(t, t < 10_000 ? t * 10 : 90_000 + (t - 10_000)); // 10,000/s, then 1,000/s
    expect(r.at(21_000, 101_000)).toBe(1000);
  });
});

describe('a resumed campaign', () => {
  it('prints its own seed (not a fresh one) and keeps elapsed and totals on one clock', async () => {
    const out = join(root, 'resumed');
    const first = await mmdiff(['fuzz', '--runs', '1000', '--workers', '1', '--seed', '9', '--out', out]);
    expect(first.code, first.err).toBe(0);
    const again = await mmdiff(['fuzz', '--runs', '1000', '--workers', '1', '--out', out]);
    expect(again.code, again.err).toBe(0);
    const lines = again.err.split('\n');
    expect(lines[0]).toMatch(/^mmdiff fuzz --targets model,impl --seed 9 --workers 1 --runs 1000$/);
    expect(lines[1]).toMatch(/^resuming the campaign in .* \(seed 9\): 1,000 programs/);
    expect(again.err.match(/--seed \d+/g)).toEqual(['--seed 9']);
    const sum = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Summary;
    expect(sum.programs).toBe(2000);
    // the resumed run's snapshots count to 2,000 programs, on the clock that includes the first run
    const later = sum.timeline.filter((s) => s.elapsedMs > sum.resumed!.elapsedMs);
    expect(later.length).toBeGreaterThan(0);
    for (const s of later) {
      expect(s.runs).toBe(2000);
      expect(s.programs).toBeLessThanOrEqual(2000);
      expect(progressLine(s)).toMatch(/^\[\d\d:\d\d \d+%\] /);
    }
  }, 120_000);

  it('with --minutes: the total is the earlier time plus this run, and elapsed never exceeds it', async () => {
    const out = join(root, 'minutes');
    for (const _ of [1, 2]) {
      const r = await mmdiff(['fuzz', '--minutes', '0.1', '--workers', '1', '--seed', '4', '--out', out]);
      expect(r.code, r.err).toBe(0);
    }
    const sum = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Summary;
    const before = sum.resumed!.elapsedMs;
    const later = sum.timeline.filter((s) => s.elapsedMs > before);
    expect(later.length).toBeGreaterThan(0);
    for (const s of later) {
      expect(s.durationMs).toBe(before + 6000);
      const [, at, total] = /^\[(\d\d:\d\d)\/(\d\d:\d\d)\]/.exec(progressLine(s))!;
      expect(at <= total, progressLine(s)).toBe(true);
    }
  }, 120_000);
});
