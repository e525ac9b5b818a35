// The machine parameters of issue 14: ramSwap (RAM + swap: heuristic overcommit), hugePages
// (the hugetlb pool) and gbPages (a 1 GiB hstate) in the `# machine` line — read, printed back, refused with a reason — the
// kernel target's probe of this host's values from /proc/meminfo, and the generator reaching
// lengths at the overcommit limit of the machine it generates for.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MACHINE, machineOf, parse, ParseError, print, runProgram, type Program } from '../abi/index.js';
import { mmProgram } from '../fuzz/gen/program.js';
import { parseMeminfo, probeMachine } from '../kernel/machine-probe.js';
import { createImpl } from '../impl/index.js';
import { createModel } from '../model/index.js';

function parseError(text: string): ParseError {
  try {
    parse(text);
  } catch (e) {
    if (e instanceof ParseError) return e;
    throw e;
  }
  throw new Error('parsed');
}

describe('# machine ramSwap, hugePages, gbPages', () => {
  it('reads hex and decimal, prints hex, and keeps the default out of the line', () => {
    const p = parse('# mmdiff 1\n# machine ramSwap=0x1000000 hugePages=3 gbPages=0\nbrk(NULL)\n');
    expect(machineOf(p).ramSwap).toBe(0x1000000n);
    expect(machineOf(p).hugePages).toBe(3);
    expect(machineOf(p).gbPages).toBe(false);
    expect(print(p)).toBe('# mmdiff 1\n# machine ramSwap=0x1000000 hugePages=3 gbPages=0\nbrk(NULL)\n');
    expect(machineOf(parse('# machine ramSwap=17179869184\nbrk(0)\n')).ramSwap).toBe(16n << 30n);
    expect(print({ ops: [], machine: { ramSwap: DEFAULT_MACHINE.ramSwap, hugePages: 0 } })).toBe('# mmdiff 1\n');
    expect(DEFAULT_MACHINE.ramSwap).toBe(16n << 30n);
    expect(DEFAULT_MACHINE.hugePages).toBe(0);
  });

  it('refuses a value that is no machine with line, column and what it must be', () => {
    for (const [v, col] of [['0x1000001', 19], ['0xfff000', 19], ['16G', 19], ['0x10000000000000000', 19], ['-4096', 19]] as const) {
      const e = parseError(`# mmdiff 1\n# machine ramSwap=${v}\n`);
      expect([e.line, e.col], v).toEqual([2, col]);
      expect(e.reason).toMatch(/^bad value '.*' for machine parameter ramSwap \(bytes, in hex or decimal: a multiple of 4096, at least 16777216/);
    }
    const h = parseError('# machine pku=1 hugePages=x\n');
    expect([h.line, h.col, h.reason]).toEqual([1, 27, "bad value 'x' for machine parameter hugePages (a count of free 2 MiB huge pages, 0 to 524288)"]);
  });

  it('round-trips any allowed value', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0x1000n, max: (1n << 52n) - 1n }), fc.integer({ min: 0, max: 1 << 19 }), (pages, huge) => {
        const prog: Program = { ops: [], machine: { ramSwap: pages << 12n, hugePages: huge } };
        const back = parse(print(prog));
        expect(machineOf(back).ramSwap).toBe(pages << 12n);
        expect(machineOf(back).hugePages).toBe(huge);
      }),
    );
  });
});

describe('kernel/machine-probe.ts', () => {
  it('adds MemTotal and SwapTotal, counts free unreserved 2 MiB huge pages', () => {
    const text = 'MemTotal:       24683748 kB\nMemFree:         1000 kB\nSwapTotal:       1048576 kB\nHugePages_Total:      8\nHugePages_Free:       5\nHugePages_Rsvd:       2\nHugepagesize:       2048 kB\n';
    expect(parseMeminfo(text)).toEqual({ ramSwap: (24683748n + 1048576n) * 1024n, hugePages: 3, gbPages: true });
    expect(parseMeminfo(text.replace('2048 kB', '1048576 kB')).hugePages).toBe(0);
    expect(() => parseMeminfo('MemTotal: 1 kB\n')).toThrow(/SwapTotal/);
  });

  it("reads this host's values: a machine line the parser takes", () => {
    const m = probeMachine();
    expect(m.ramSwap % 4096n).toBe(0n);
    expect(machineOf(parse(`# machine ramSwap=${m.ramSwap} hugePages=${m.hugePages} gbPages=${m.gbPages ? 1 : 0}\n`))).toMatchObject(m);
    expect(probeMachine('/proc/meminfo', '/nonexistent').gbPages).toBe(false);
  });
});

describe('the generator at the overcommit limit', () => {
  it('makes mmap, mremap, mprotect and brk lengths at ramSwap, and both targets refuse the same ones', () => {
    const ramSwap = 0x1000000n;
    const progs = fc.sample(mmProgram({ machine: { ramSwap } }), { numRuns: 1500, seed: 14 });
    const near = new Set<string>();
    let refused = 0;
    for (const p of progs) {
      for (const op of p.ops) {
        const lens = op.name === 'mmap' || op.name === 'mprotect' ? [op.args[1]] : op.name === 'mremap' ? [op.args[1], op.args[2]] : [];
        if (lens.some((l) => typeof l === 'bigint' && l >= ramSwap - 0x1000n && l <= ramSwap + 0x6000n)) near.add(op.name);
        if (op.name === 'brk' && typeof op.args[0] === 'bigint' && op.args[0] - DEFAULT_MACHINE.brkStart >= ramSwap - 0x1000n) near.add('brk');
      }
      const a = runProgram(createModel, p);
      const b = runProgram(createImpl, p);
      // a program one side does not model is not run, as in a campaign (the model's mremap of a hugetlb VMA)
      if (a.unsupported || b.unsupported) continue;
      expect(b.results, print(p)).toEqual(a.results);
      refused += a.results.filter((r, i) => r === '-ENOMEM' && ['mmap', 'mremap', 'mprotect', 'fork'].includes(p.ops[i].name)).length;
    }
    expect([...near].sort()).toEqual(['brk', 'mmap', 'mprotect', 'mremap']);
    expect(refused).toBeGreaterThan(0);
  });
});

describe('MAP_HUGETLB and the hugetlb pool (hugePages)', () => {
  const mapped = (machine: string, flags: string, len = '0x400000') =>
    parse(`# mmdiff 1\n${machine}\nmmap(NULL, ${len}, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB${flags}, -1, 0)\nread(0x10000000)\n`);
  it('refuses a reservation larger than the free pool, and does not run a program that gets a hugetlb VMA with pages in the pool', () => {
    for (const factory of [createModel, createImpl]) {
      // two pages needed: a pool of one is short, a pool of two reserves them (a hugetlb VMA with pages: not modelled)
      expect(runProgram(factory, mapped('# machine hugePages=1', '')).results).toEqual(['-ENOMEM', 'fault SIGSEGV SEGV_MAPERR']);
      for (const [m, f] of [['# machine hugePages=2', ''], ['# machine hugePages=2', '|MAP_NORESERVE']] as const) {
        const t = runProgram(factory, mapped(m, f));
        expect(t.results).toEqual([]);
        expect(t.unsupported).toMatch(/^op 1 maps a hugetlb VMA/);
        expect(t.crash).toBeUndefined();
      }
      // MAP_NORESERVE with an empty pool maps a hugetlb VMA that is modelled (every touch SIGBUS)
      for (const m of ['', '# machine hugePages=0']) {
        const t = runProgram(factory, mapped(m, '|MAP_NORESERVE'));
        expect(t.unsupported).toBeUndefined();
        expect(t.results).toHaveLength(2);
        expect(typeof t.results[0]).toBe('bigint');
      }
    }
  });

  it('is varied by campaigns, and MAP_HUGETLB mappings are generated', () => {
    const progs = fc.sample(mmProgram({ machine: { hugePages: 1 } }), { numRuns: 1000, seed: 7 });
    const huge = progs.flatMap((p) => p.ops.filter((o) => o.name === 'mmap' && typeof o.args[3] === 'bigint' && (o.args[3] & 0x40000n) !== 0n));
    expect(huge.length).toBeGreaterThan(20);
  });
});
