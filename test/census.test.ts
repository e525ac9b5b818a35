// The census names what generated programs cover; the generator reaches every size
// class, every machine parameter the pair can vary, and all but a few model rules.

import { expect, it } from 'vitest';
import { batchPrograms } from '../fuzz/batch.js';
import { census, censusText, lengthClass, modelRules } from '../fuzz/census.js';
import { openPair } from '../fuzz/pair.js';

it('classes lengths by size', () => {
  expect([0n, 0x800n, 0x3000n, 0x20000n, 0x200000n, 0x201000n, 0x400000n, 0x500000n, 1n << 40n, 1n << 63n].map(lengthClass)).toEqual([
    '0', 'under a page', '1-16 pages', '17-511 pages', '2 MiB', '2 MiB ± 1 page', 'multiple of 2 MiB', 'over 2 MiB, not a multiple', 'huge (≥ 1 GiB)', 'wrapping (≥ 2^63)',
  ]);
});

it('finds the rules the model names, and the generator reaches every size class and machine parameter', async () => {
  const rules = modelRules();
  expect(rules).toContain('mprotect:sealed-EPERM');
  expect(rules.length).toBeGreaterThan(200);
  const pair = await openPair('model,impl');
  const c = census(batchPrograms({ seed: 7, count: 2000, maxOps: 32, corpus: [], space: pair.machineSpace() }));
  await pair.close();
  for (const cls of ['1-16 pages', '17-511 pages', '2 MiB', '2 MiB ± 1 page', 'multiple of 2 MiB', 'over 2 MiB, not a multiple', 'huge (≥ 1 GiB)', 'wrapping (≥ 2^63)', 'unaligned', '0']) {
    expect(c.lengths[cls], cls).toBeGreaterThan(0);
  }
  for (const m of ['maxMapCount=8-16', 'pku=false', 'thp=false', 'memoryFailure=false', 'profile=6.10', 'shstk=true']) expect(c.machine[m], m).toBeGreaterThan(0);
  // reached and never reached partition the rules the model names
  expect(c.unreached.every((r) => !(r in c.rules))).toBe(true);
  expect(c.unreached.length).toBeLessThan(c.named / 4);
  expect(censusText(c)).toMatch(/^census of 2,000 programs/);
});
