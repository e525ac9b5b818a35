// A kill -9 between a new bucket's witness and the next checkpoint: the checkpoint does
// not know the bucket, but its witness is on disk, unminimized. The resumed campaign
// finds it in its corpus directory, takes it as its own (its seed, no `# minimized:`)
// and minimizes it, instead of keeping it as a case from outside.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Summary } from '../fuzz/campaign.js';
import { mmdiff } from './helpers/cli.js';

it('re-minimizes a witness written after the last checkpoint', async () => {
  const out = mkdtempSync(join(tmpdir(), 'mmdiff-rewitness-'));
  const env = { ...process.env, MMDIFF_INJECT: 'mseal-mprotect-last' };
  const first = await mmdiff(['fuzz', '--workers', '1', '--runs', '2000', '--seed', '5', '--out', out], { env });
  expect(first.code, first.err).toBe(0);
  const sum = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Summary;
  const b = sum.buckets.find((x) => !x.fromCorpus && x.minimized);
  expect(b, 'the campaign found and minimized a bucket').toBeDefined();
  // as a kill would leave it: the checkpoint without the bucket, its witness unminimized
  const state = JSON.parse(readFileSync(join(out, 'state.json'), 'utf8'));
  state.buckets = state.buckets.filter((x: { signature: string }) => x.signature !== b!.signature);
  writeFileSync(join(out, 'state.json'), JSON.stringify(state));
  const text = readFileSync(b!.file, 'utf8');
  writeFileSync(b!.file, text.replace(/^# minimized: .*\n/m, ''));

  const again = await mmdiff(['fuzz', '--workers', '1', '--runs', '1000', '--out', out], { env });
  expect(again.code, again.err).toBe(0);
  expect(again.err).toMatch(/re-minimizing .*: its witness was written after the last checkpoint/);
  const after = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Summary;
  const back = after.buckets.find((x) => x.signature === b!.signature);
  expect(back?.fromCorpus).toBeUndefined();
  expect(back?.minimized).toBeDefined();
  expect(readFileSync(b!.file, 'utf8')).toMatch(/^# minimized: /m);
}, 180_000);
