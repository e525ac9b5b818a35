// A program asking more memory of a target than abi/budget.ts allows is "not run" on
// every in-process target — never a divergence, a hang or a worker out of memory.

import { expect, it } from 'vitest';
import { GUP_PAGE_BUDGET, parse, runProgram } from '../abi/index.js';
import { TARGETS } from '../fuzz/targets.js';

const local = Object.keys(TARGETS).filter((t) => TARGETS[t].factory);
const populate = (bytes: bigint) => parse(`# mmdiff 1\nr0 = mmap(NULL, 0x${bytes.toString(16)}, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_POPULATE, -1, 0)\nread(r0)\n`);

it.each(local)('%s refuses a 128 TiB MAP_POPULATE as unsupported, at once', (name) => {
  const t = runProgram(TARGETS[name].factory!, populate(0x7ffff77ed000n));
  expect(t.crash).toBeUndefined();
  expect(t.unsupported).toMatch(/^op 1 populates or guards more than/);
});

it.each(local)('%s runs a populate of exactly the budget', (name) => {
  const t = runProgram(TARGETS[name].factory!, populate(BigInt(GUP_PAGE_BUDGET) * 0x1000n));
  expect(t.unsupported).toBeUndefined();
  expect(t.results).toHaveLength(2);
});

it.each(local)('%s refuses guard markers over 128 TiB as unsupported, at once (a worker hung on it)', (name) => {
  const t = runProgram(TARGETS[name].factory!, parse(`# mmdiff 1
r0 = mmap(0x100000000, 0x7ffef7ffe000, PROT_NONE, MAP_PRIVATE|MAP_FIXED|MAP_ANONYMOUS|MAP_NORESERVE, -1, 0)
madvise(r0, 0x7ffef7ffe000, MADV_GUARD_INSTALL)
`));
  expect(t.crash).toBeUndefined();
  expect(t.unsupported).toMatch(/^op 2 populates or guards more than/);
});
