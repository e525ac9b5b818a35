// The fuzzer checks the shadow-stack PTE invariant (abi/invariants.ts) on both targets'
// states of every program, even when the two targets agree.

import { expect, it } from 'vitest';
import { parse, VMF, type Trace } from '../abi/index.js';
import { executeMany } from '../fuzz/execute.js';
import { TargetPair } from '../fuzz/pair.js';
import type { Target } from '../fuzz/target.js';

const P = 1n;
const D = 1n << 6n;

function fixed(name: string, trace: Trace): Target {
  return { name, run: async () => trace, runMany: async (ps) => ps.map(() => trace) };
}

function traceWith(bits: bigint, flags: number): Trace {
  return {
    results: [0x7ffff7fff000n],
    state: {
      processes: [{ pid: 0, alive: true, brk: 0x4c9000n, pkru: 0, pkeys: 1, ssp: 0n, shstk: 0, vmas: [{ start: 0x7ffff7fff000n, end: 0x7ffff7fff000n + 0x1000n, prot: 3, flags, pkey: 0 }], ptes: [{ addr: 0x7ffff7fff000n, bits, frame: 0 }] }],
      contents: [],
    },
  };
}

const prog = parse('mmap(NULL, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)\n');

it('a present RW=0 D=1 PTE outside a shadow-stack VMA is a bucket even when both targets agree', async () => {
  const bad = traceWith(P | D, 0);
  const [out] = await executeMany([prog], new TargetPair(fixed('a', bad), fixed('b', bad)));
  expect(out.divergence?.class).toBe('invariant');
  expect(out.divergence?.signature).toBe('invariant a pte RW=0,D=1 outside shadow stack');
});

it('the same PTE in a shadow-stack VMA, or a writable dirty PTE, is fine', async () => {
  for (const t of [traceWith(P | D, VMF.SHADOW_STACK), traceWith(P | 2n | D, 0)]) {
    const [out] = await executeMany([prog], new TargetPair(fixed('a', t), fixed('b', t)));
    expect(out.divergence).toBeNull();
  }
});
