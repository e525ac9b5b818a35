// `#!` state assertions: syntax, placement (before an op / at the end), rN addresses,
// and exact matching of VMA lists and PTE bits — against a tiny scripted machine.

import { describe, expect, it } from 'vitest';
import { parse, runProgram, VMF, type Machine, type MachineFactory, type Program } from '../abi/index.js';
import { AssertionSyntaxError, assertionsOf, checkAssertions } from '../fuzz/assertions.js';

// Each mmap adds a 2-page rw- VMA at 0x10000000 + n*0x10000 with one dirty PTE on its
// first page (frame n) and returns the address; mseal seals the last VMA.
const scripted: MachineFactory = () => {
  const vmas: Array<{ start: bigint; end: bigint; prot: number; flags: number; pkey: number }> = [];
  const m: Machine = {
    alive: (pid) => pid === 0,
    exec(_pid, op) {
      if (op === 'mmap') {
        const start = 0x10000000n + BigInt(vmas.length) * 0x10000n;
        vmas.push({ start, end: start + 0x2000n, prot: 3, flags: VMF.ACCOUNT, pkey: 0 });
        return start;
      }
      if (op === 'mseal') vmas[vmas.length - 1].flags |= VMF.SEALED;
      return 0n;
    },
    snapshot: () => ({
      processes: [
        {
          pid: 0, alive: true, brk: 0x4c9000n, pkru: 0x55555554, pkeys: 1, ssp: 0n, shstk: 0,
          vmas: vmas.map((v) => ({ ...v })),
          ptes: vmas.map((v, i) => ({ addr: v.start, bits: 0x8000000000000067n, frame: i })),
        },
      ],
      content: () => [],
    }),
  };
  return m;
};

const run = (p: Program) => runProgram(scripted, p);
const check = (text: string) => {
  const p = parse(text);
  return checkAssertions(p, run, run(p)).map((f) => f.message);
};

describe('state assertions', () => {
  it('pass when the state matches, before ops and at the end', () => {
    expect(check([
      '#! p0 vmas none',
      'r0 = mmap(NULL, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)',
      '#! p0 vmas r0..r0+0x2000 rw- account',
      'r1 = mmap(NULL, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)',
      'mseal(r1, 0x2000, 0)',
      '#! p0 vmas r0..r0+0x2000 rw- account | 0x10010000..0x10012000 rw- account sealed',
      '#! p0 pte r1 P RW US A D NX page',
      '#! p0 pte r1 P RW US A D NX f1',
      '#! p0 pte r1+0x1000 none',
      '#! p0 brk 0x4c9000 | pkru 0x55555554 | pkeys 1 | alive 1',
    ].join('\n'))).toEqual([]);
  });

  it('fail with both sides shown', () => {
    expect(check('r0 = mmap(NULL, 0x2000, 3, 0x22, -1, 0)\n#! p0 vmas r0..r0+0x1000 rw- account\n')).toEqual([
      'p0 vmas: expected 0x10000000..0x10001000 rw- account; got 0x10000000..0x10002000 rw- account',
    ]);
    expect(check('r0 = mmap(NULL, 0x2000, 3, 0x22, -1, 0)\n#! p0 pte r0 P US A NX Z\n')).toEqual([
      'p0 pte 0x10000000: expected P US A NX Z; got P RW US A D NX f0',
    ]);
    expect(check('r0 = mmap(NULL, 0x2000, 3, 0x22, -1, 0)\n#! p0 pkru 0\n')).toEqual(['p0 pkru: expected 0x0; got 0x55555554']);
    expect(check('#! p1 vmas none\nfork()\n')).toEqual(['p1 does not exist']);
  });

  it('reject malformed assertions', () => {
    for (const bad of ['! p0 frobs 1', '! vmas none', '! p0 vmas 0x1000 rw-', '! p0 vmas 0..0x1000 rwz', '! p0 vmas 0..0x1000 rw- shiny', '! p0 pte 0x1000 P XX page', '! p0 pte 0x1000 P frame9']) {
      expect(() => assertionsOf({ ops: [], trailer: [bad] }), bad).toThrow(AssertionSyntaxError);
    }
  });
});
