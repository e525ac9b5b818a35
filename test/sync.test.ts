// Scale-out: three `mmdiff fuzz` instances share one sync directory (AFL++ layout).
// Buckets one instance finds appear in the others' summaries (and so their reports),
// queue entries flow between them, and a bucket another instance already minimized
// is never minimized again.

import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Summary } from '../fuzz/campaign.js';
import { CLI } from './helpers/cli.js';

const root = mkdtempSync(join(tmpdir(), 'mmdiff-sync-'));
const sync = join(root, 'sync');

function instance(name: string, bug: string | undefined, ...args: string[]): Promise<{ code: number | null; err: string }> {
  const env = { ...process.env };
  delete env.MMDIFF_INJECT;
  if (bug) env.MMDIFF_INJECT = bug;
  const child = spawn(CLI[0], [...CLI.slice(1), 'fuzz', '--workers', '1', '--sync-dir', sync, '--instance', name, '--sync-interval', '0.5', '--out', join(root, name), '--seed', String(name.charCodeAt(0)), ...args], { env });
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, err })));
}
const summary = (name: string): Summary => JSON.parse(readFileSync(join(root, name, 'summary.json'), 'utf8'));
const own = (s: Summary) => s.buckets.filter((b) => !b.importedFrom && !b.fromCorpus).map((b) => b.signature);

it('three instances share buckets and queues through one sync directory', async () => {
  // a and b run side by side, each with its own injected bug; c comes later with a's bug
  const [a, b] = await Promise.all([instance('a', 'mseal-mprotect-last', '--minutes', '0.2'), instance('b', 'madvise-hole-early', '--minutes', '0.2')]);
  expect(a.code, a.err).toBe(0);
  expect(b.code, b.err).toBe(0);
  const c = await instance('c', 'mseal-mprotect-last', '--runs', '3000');
  expect(c.code, c.err).toBe(0);

  const [sa, sb, sc] = ['a', 'b', 'c'].map(summary);
  expect(own(sa).length).toBeGreaterThan(0);
  expect(own(sb).length).toBeGreaterThan(0);
  const sigs = (s: Summary) => new Set(s.buckets.map((x) => x.signature));
  // a and b see each other's buckets — those found well before the other stopped
  // syncing (both run about as long; one found in the last moments may be missed)
  const early = (s: Summary) => s.buckets.filter((x) => !x.importedFrom && !x.fromCorpus && x.firstMs < s.elapsedMs - 4000).map((x) => x.signature);
  expect(early(sa).length + early(sb).length).toBeGreaterThan(0);
  for (const sig of early(sb)) expect(sigs(sa).has(sig), `a lacks b's ${sig}`).toBe(true);
  for (const sig of early(sa)) expect(sigs(sb).has(sig), `b lacks a's ${sig}`).toBe(true);
  // c, run after both, has every bucket of both
  for (const sig of [...own(sa), ...own(sb)]) expect(sigs(sc).has(sig), `c lacks ${sig}`).toBe(true);
  // c meets a's bug itself but leaves its minimization to a: no own file for it
  for (const x of sc.buckets.filter((x) => own(sa).includes(x.signature))) {
    expect(x.importedFrom).toBe('a');
    expect(x.minimizedBy).toBe('a');
    expect(x.minimized).toBeUndefined();
    expect(x.file.startsWith(join(sync, 'a', 'buckets'))).toBe(true);
  }
  // queues: a and b published, and c imported their entries
  // (c may find nothing new after importing the others' queues: then it publishes nothing)
  for (const n of ['a', 'b']) expect(readdirSync(join(sync, n, 'queue')).length).toBeGreaterThan(0);
  const state = JSON.parse(readFileSync(join(root, 'c', 'state.json'), 'utf8'));
  expect(state.synced.a.length).toBe(readdirSync(join(sync, 'a', 'queue')).length);
}, 300_000); // a limit, not a wait: c's 3,000 programs took over a minute on a loaded machine
