// `mmdiff corpus merge`: several corpora deduplicated by divergence signature, the
// smallest witness of each kept; cases on which the targets agree kept once per name.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parse } from '../abi/index.js';
import { CLI } from './helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'mmdiff-merge-'));
function put(sub: string, name: string, lines: string[]) {
  mkdirSync(join(dir, sub), { recursive: true });
  writeFileSync(join(dir, sub, name), ['# mmdiff 1', ...lines, ''].join('\n'));
}

it('keeps the smallest witness per signature', () => {
  const sealed = ['r0 = mmap(NULL, 0x4000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)', 'mseal(r0, 0x1000, 0)'];
  // the same divergence (with the injected bug) three ways: 5, 3 and 4 ops
  put('x', 'long.mm', [...sealed, 'write(r0+0x2000, 1)', 'read(r0+0x3000)', 'mprotect(r0, 0x1000, PROT_READ)']);
  put('y', 'short.mm', [...sealed, 'mprotect(r0, 0x1000, PROT_READ)']);
  put('y', 'mid.mm', [...sealed, 'read(r0+0x3000)', 'mprotect(r0, 0x1000, PROT_READ)']);
  put('y', 'agrees.mm', ['munmap(0x1000, 0)']);
  put('x', 'agrees.mm', ['munmap(0x2000, 0)', 'munmap(0x3000, 0)']);
  const r = spawnSync(CLI[0], [...CLI.slice(1), 'corpus', 'merge', join(dir, 'out'), join(dir, 'x'), join(dir, 'y')], {
    encoding: 'utf8',
    env: { ...process.env, MMDIFF_INJECT: 'mseal-mprotect-last' },
  });
  expect(r.status, r.stderr).toBe(0);
  const out = readdirSync(join(dir, 'out')).sort();
  expect(out).toEqual(['agrees.mm', 'short.mm']);
  expect(parse(readFileSync(join(dir, 'out', 'short.mm'), 'utf8')).ops).toHaveLength(3);
  expect(parse(readFileSync(join(dir, 'out', 'agrees.mm'), 'utf8')).ops).toHaveLength(1);
});
