// A campaign killed (kill -9: what is on disk at a random moment) or interrupted
// (Ctrl-C) and then resumed runs exactly the campaign that was never stopped: --runs N
// stays N programs in all, and the same buckets and features come out.

import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCampaign, type Summary } from '../fuzz/campaign.js';

const RUNS = 8_000;
const BUG = 'munmap-first-vma-only';

const options = (dir: string) => ({
  targets: 'model,impl', workers: 2, seed: 5, runs: RUNS, maxOps: 16, batchSize: 400, batchTimeoutMs: 120_000, minimizeTimeoutMs: 120_000,
  corpusDir: join(dir, 'corpus'), outDir: dir, checkpointMs: 0,
});

/** The checkpoint's program count now (0 before the first). */
function checkpointed(dir: string): number {
  try {
    return JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')).programs;
  } catch {
    return 0;
  }
}

/** Runs a campaign in `dir` while watching its checkpoint; `mid` is called once, at the first checkpoint inside the run. */
async function watched(dir: string, mid: () => void, signal?: AbortSignal): Promise<Summary> {
  let done = false;
  const poll = setInterval(() => {
    const n = checkpointed(dir);
    if (!done && n > 0 && n < RUNS) {
      done = true;
      mid();
    }
  }, 10);
  try {
    return await runCampaign({ ...options(dir), ...(signal ? { signal } : {}) });
  } finally {
    clearInterval(poll);
  }
}

const outcome = (s: Summary) => ({ programs: s.programs, buckets: s.buckets.map((b) => b.signature).sort(), features: s.features });

let before: string | undefined;
beforeAll(() => {
  before = process.env.MMDIFF_INJECT;
  process.env.MMDIFF_INJECT = BUG; // the pool's workers copy the environment when they start
});
afterAll(() => {
  if (before === undefined) delete process.env.MMDIFF_INJECT;
  else process.env.MMDIFF_INJECT = before;
});

describe('a resumed --runs campaign is the campaign never stopped', () => {
  it('after kill -9 and after Ctrl-C', async () => {
    const root = mkdtempSync(join(tmpdir(), 'mmdiff-exact-'));
    const whole = join(root, 'whole');
    const killed = join(root, 'killed');
    // the uninterrupted campaign; a copy of its directory mid-run is what kill -9 leaves
    const a = await watched(whole, () => cpSync(whole, killed, { recursive: true }));
    expect(a.programs).toBe(RUNS);
    expect(a.buckets.length).toBeGreaterThan(0);
    const cut = checkpointed(killed);
    expect(cut).toBeGreaterThan(0);
    expect(cut).toBeLessThan(RUNS);

    const b = await runCampaign(options(killed));
    expect(b.resumed?.programs).toBe(cut);
    expect(outcome(b)).toEqual(outcome(a));

    const interrupted = join(root, 'interrupted');
    const ac = new AbortController();
    const c = await watched(interrupted, () => ac.abort(), ac.signal);
    expect(c.stopped).toBe('interrupted');
    expect(c.programs).toBeLessThan(RUNS);
    const d = await runCampaign(options(interrupted));
    expect(d.resumed?.programs).toBe(c.programs);
    expect(outcome(d)).toEqual(outcome(a));
  }, 170_000);
});
