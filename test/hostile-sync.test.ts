// A sync directory is shared with others, so what is in it is not trusted: a FIFO, a
// directory named *.mm, links (dangling, or to a file outside), a huge file and a
// malformed case in another instance's queue or buckets are each skipped with one line,
// never followed, never read whole, never fatal; the good entries still come through.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

import { mmdiff } from './helpers/cli.js';

it('skips every hostile file of another instance with one line each and imports the good ones', async () => {
  const root = mkdtempSync(join(tmpdir(), 'mmdiff-hostile-'));
  const sync = join(root, 'sync');
  const q = join(sync, 'evil', 'queue');
  const b = join(sync, 'evil', 'buckets');
  mkdirSync(q, { recursive: true });
  mkdirSync(b, { recursive: true });
  const secret = join(root, 'secret.txt');
  writeFileSync(secret, 'TOP-SECRET-CONTENTS\n');
  expect(spawnSync('mkfifo', [join(q, 'fifo.mm')]).status).toBe(0);
  mkdirSync(join(q, 'dir.mm'));
  symlinkSync(join(root, 'nowhere'), join(q, 'dangling.mm'));
  symlinkSync(secret, join(q, 'outside.mm'));
  writeFileSync(join(q, 'huge.mm'), '');
  truncateSync(join(q, 'huge.mm'), 100 << 20);
  writeFileSync(join(q, 'bad.mm'), 'r0 = mmap(NULL, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)\nfrobnicate(r0)\n');
  writeFileSync(join(q, 'good.mm'), 'r0 = mmap(NULL, 0x3000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)\nmseal(r0+0x1000, 0x1000, 0)\n');
  symlinkSync(secret, join(b, 'leak.mm'));
  expect(spawnSync('mkfifo', [join(b, 'fifo.mm')]).status).toBe(0);

  const out = join(root, 'out');
  const r = await mmdiff(['fuzz', '--workers', '1', '--runs', '2000', '--seed', '4', '--sync-dir', sync, '--instance', 'me', '--sync-interval', '0.2', '--out', out]);
  expect(r.code, r.err).toBe(0);
  const skipped = r.err.split('\n').filter((l) => l.startsWith('sync: skipped'));
  const names = ['fifo.mm', 'dir.mm', 'dangling.mm', 'outside.mm', 'huge.mm', 'bad.mm'].map((n) => join(q, n)).concat([join(b, 'leak.mm'), join(b, 'fifo.mm')]);
  for (const n of names) expect(skipped.filter((l) => l.startsWith(`sync: skipped ${n}:`)), n).toHaveLength(1);
  expect(skipped).toHaveLength(names.length);
  // the good entry was imported; nothing of the linked file reached any output
  const state = JSON.parse(readFileSync(join(out, 'state.json'), 'utf8'));
  expect(state.synced.evil).toContain('good.mm');
  for (const f of ['summary.json', 'state.json', 'report.html']) expect(readFileSync(join(out, f), 'utf8')).not.toContain('TOP-SECRET');
}, 150_000);
