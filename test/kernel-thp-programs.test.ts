// A model,kernel campaign generates for both THP machines of the kernel target: every
// program says its thp (the layout's usual value mostly, the other one in five), and a
// program that says nothing is the default machine's (thp=1) on both sides, as its
// printed form is — so a witness replays as found, without the campaign's environment.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { machineOf, parse, perProgramKeys, type Program } from '../abi/index.js';
import { chooseMachine } from '../fuzz/gen/machine.js';
import { openPair, type TargetPair } from '../fuzz/pair.js';
import { Rng } from '../fuzz/rng.js';
import { defaultHelperPath } from '../kernel/index.js';
import { existsSync } from 'node:fs';

const built = existsSync(defaultHelperPath());
let pair: TargetPair;
let free = false;

beforeAll(async () => {
  if (!built) return;
  pair = await openPair('model,kernel');
  free = perProgramKeys(pair.b.layout ?? {}).includes('thp');
});
afterAll(async () => {
  await pair?.close();
});

describe.skipIf(!built)('THP per program on the kernel target', () => {
  it('each generated program names its thp, both settings appear, the layout\'s mostly', (ctx) => {
    if (!free) return ctx.skip('this host runs no THP helper (transparent_hugepage is not in madvise mode)');
    const space = pair.machineSpace();
    expect(space.thp).toBe(pair.fixedLayout.thp);
    const rng = new Rng(9);
    const thps = Array.from({ length: 400 }, () => chooseMachine(rng, space)?.thp);
    expect(thps.every((t) => typeof t === 'boolean')).toBe(true);
    const usual = thps.filter((t) => t === space.thp).length;
    expect(usual).toBeGreaterThan(250);
    expect(usual).toBeLessThan(400);
  });

  it('a program without a thp runs as the default machine (thp=1) on both sides; one with it as written', (ctx) => {
    if (!free) return ctx.skip('this host runs no THP helper (transparent_hugepage is not in madvise mode)');
    const bare: Program = parse('# mmdiff 1\nr0 = mmap(NULL, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)\n');
    expect(machineOf(pair.adapt(bare)).thp).toBe(true);
    const off = parse('# mmdiff 1\n# machine thp=0\nr0 = mmap(NULL, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)\n');
    expect(machineOf(pair.adapt(off)).thp).toBe(false);
    // what the layout fixes still fills the rest (the kernel's mmap base, …)
    expect(machineOf(pair.adapt(bare)).mmapBase).toBe(pair.fixedLayout.mmapBase);
  });
});
