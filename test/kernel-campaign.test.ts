// A model,kernel campaign run from sources (tsx, as the tests and `npx tsx` run it): its
// workers open the kernel target by a dynamic import, which tsx's loader does not see
// in a worker thread; every batch then killed its worker and the campaign reported one
// "worker crash" bucket for hundreds of programs.

import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Summary } from '../fuzz/campaign.js';
import { defaultHelperPath } from '../kernel/index.js';
import { mmdiff } from './helpers/cli.js';

describe.skipIf(!existsSync(defaultHelperPath()) || process.getuid?.() !== 0)('a model,kernel campaign from sources', () => {
  it('runs its programs on the kernel in worker threads', async () => {
    const out = mkdtempSync(join(tmpdir(), 'mmdiff-kcamp-'));
    const r = await mmdiff(['fuzz', '--targets', 'model,kernel', '--runs', '200', '--workers', '1', '--seed', '2', '--out', out]);
    expect(r.code, r.err).toBe(0);
    const s = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Summary;
    expect(s.programs).toBe(200);
    expect(s.buckets.filter((b) => b.signature.startsWith('worker ')).map((b) => b.detail)).toEqual([]);
    expect(s.features.length).toBeGreaterThan(50);
  }, 150_000);
});
