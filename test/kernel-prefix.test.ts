// An op the live kernel refuses because its range reaches the helper's own memory does not
// cost the whole program: both targets run and compare the ops before it.

import { existsSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parse } from '../abi/index.js';
import { execute } from '../fuzz/execute.js';
import { openPair, type TargetPair } from '../fuzz/pair.js';
import { defaultHelperPath } from '../kernel/index.js';

const built = existsSync(defaultHelperPath());
let pair: TargetPair;
beforeAll(async () => {
  if (built) pair = await openPair('model,kernel');
});
afterAll(async () => {
  await pair?.close();
});

const MAP = 'r0 = mmap(NULL, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)\nwrite(r0, 7)\n';

it.skipIf(!built)('compares the ops before the refused one', async () => {
  const o = await execute(parse(`# mmdiff 1\n${MAP}mprotect(r0, 0x800000000000, PROT_READ)\nread(r0)\n`), pair);
  expect(o.unsupported).toBeUndefined();
  expect(o.prog.ops.map((op) => op.name)).toEqual(['mmap', 'write']);
  expect(o.b.results).toHaveLength(2);
  expect(o.full).toBeNull();
  expect(o.features.has('fault:anon-alloc')).toBe(true);
});

it.skipIf(!built)('a program refused at its first op stays not run', async () => {
  const o = await execute(parse('# mmdiff 1\nmprotect(0x10000000, 0x800000000000, PROT_READ)\n'), pair);
  expect(o.unsupported).toMatch(/^op 0: .*helper's memory/);
});
