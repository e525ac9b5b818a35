// The `.mm` text format: the printer/parser round trip over generated programs, and
// one exact `line:col: reason` for every kind of malformed input.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evalArg, machineOf, parse, ParseError, print, type Program } from '../abi/index.js';
import { anyProgram } from '../fuzz/arbitrary/syntax.js';

function values(p: Program): string[] {
  const regs = new Map<number, bigint>();
  let k = 1n;
  for (const op of p.ops) if (op.bind !== undefined) regs.set(op.bind, (k *= 0x1003n));
  return p.ops.map((op) => `${op.proc}:${op.name}(${op.args.map((a) => evalArg(a, regs)).join(',')})=${String(op.expect)}#${op.bind}`);
}

describe('print/parse round trip', () => {
  it('print(parse(print(p))) === print(p) and the parsed program means the same', () => {
    fc.assert(
      fc.property(anyProgram, (p) => {
        const text = print(p);
        const q = parse(text);
        expect(print(q)).toBe(text);
        expect(values(q)).toEqual(values(p));
        expect(machineOf(q)).toEqual(machineOf(p));
      }),
      { numRuns: 400 },
    );
  });

  it('keeps the DESIGN.md example byte for byte', () => {
    const text = [
      '# mmdiff 1',
      '# divergence: op 2 mprotect result: model=-EPERM impl=0',
      'r0 = mmap(NULL, 0x3000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)',
      'mseal(r0+0x1000, 0x1000, 0) = 0',
      'mprotect(r0, 0x3000, PROT_READ) = -EPERM',
      'r1 = fork()',
      'p1: write(r0, 0x41) = fault SIGSEGV SEGV_ACCERR',
      '',
    ].join('\n');
    expect(print(parse(text))).toBe(text);
  });

  it('reads numbers, names and expressions as u64 values', () => {
    const p = parse('r0 = mmap(NULL, 4096, 7, MAP_SHARED|MAP_ANON|0x40000000, -1, 0)\nmunmap(r0-0x1000+16, -1)\nmadvise(0, 0, 99)\n');
    expect(p.ops[0].args).toEqual([0n, 0x1000n, 7n, 0x40000021n, 0xffffffffffffffffn, 0n]);
    expect(evalArg(p.ops[1].args[0], new Map([[0, 0x5000n]]))).toBe(0x4010n);
    expect(p.ops[1].args[1]).toBe(0xffffffffffffffffn);
    expect(evalArg(p.ops[1].args[0], new Map([[0, 0n]]))).toBe((1n << 64n) - 0x1000n + 16n);
    expect(p.ops[2].args[2]).toBe(99n);
  });

  it('reads and prints mem_write, signal and sigreturn', () => {
    const text = '# mmdiff 1\nr0 = mem_write(0x7ffff7ffe000, 0x1122334455667788) = 8\nsignal(0x401000) = fault SIGSEGV SI_KERNEL\nsigreturn() = 0\n';
    const p = parse(text);
    expect(p.ops.map((o) => [o.name, o.args])).toEqual([['mem_write', [0x7ffff7ffe000n, 0x1122334455667788n]], ['signal', [0x401000n]], ['sigreturn', []]]);
    expect(print(p)).toBe(text);
  });

  it('applies # machine lines', () => {
    const p = parse('# mmdiff 1\n# machine pku=0 shstk=1 profile=6.10 maxMapCount=10 mmapBase=0x10000000\nfork()\n');
    expect(p.machine).toEqual({ pku: false, shstk: true, profile: '6.10', maxMapCount: 10, mmapBase: 0x10000000n });
    expect(print(p)).toBe('# mmdiff 1\n# machine profile=6.10 pku=0 shstk=1 mmapBase=0x10000000 maxMapCount=10\nfork()\n');
  });
});

describe('parse errors carry line, column and reason', () => {
  const cases: Array<[string, number, number, RegExp]> = [
    ['mmap(NULL, 0x1000)', 1, 1, /mmap takes 6 arguments .* found 2/],
    ['munmap(0, 1)\nfrobnicate(1)', 2, 1, /unknown op 'frobnicate'/],
    ['mprotect(0, 0x1000, PROT_READ|PROT_FOO)', 1, 31, /unknown flag or constant 'PROT_FOO'/],
    ['munmap(0x12z, 1)', 1, 8, /bad number '0x12z'/],
    ['munmap(0, 99999999999999999999999)', 1, 11, /does not fit in 64 bits/],
    ['munmap(r0, 1)', 1, 8, /r0 is used before it is bound/],
    ['r0 = fork()\nr0 = fork()', 2, 1, /r0 is already bound/],
    ['p1: fork()', 1, 1, /unknown process p1/],
    ['fork()\np2: fork()', 2, 1, /unknown process p2 \(p0..p1 exist/],
    ['munmap(0, 1) = -EFOO', 1, 17, /unknown errno 'EFOO'/],
    ['write(0, 1) = fault SIGFOO SEGV_ACCERR', 1, 21, /expected a signal name/],
    ['write(0, 1) = fault SIGSEGV SEGV_FOO', 1, 29, /expected an si_code name/],
    ['munmap(0 1)', 1, 10, /expected ',' or '\)'/],
    ['munmap(0, 1', 1, 12, /expected ',' or '\)' .* found end of line/],
    ['munmap(0, 1) extra', 1, 14, /unexpected 'extra' after the op/],
    ['munmap(0, 1) = ', 1, 16, /expected a result/],
    ['munmap(0, r0|1)', 1, 11, /r0 is used before it is bound/],
    ['r0 = fork()\nmunmap(r0|1, 1)', 2, 10, /cannot be combined with '\|'/],
    ['munmap(1|2+3, 1)', 1, 11, /cannot mix/],
    ['munmap(0, $)', 1, 11, /unexpected character '\$'/],
    ['munmap(,)', 1, 8, /expected an argument, found ','/],
    ['fork()\n# mmdiff 1', 2, 1, /header must be the first line/],
    ['# mmdiff 2\nfork()', 1, 10, /unsupported format version '2'/],
    ['# machine pku=2', 1, 15, /bad value '2' for machine parameter pku/],
    ['# machine colour=red', 1, 11, /unknown machine parameter 'colour'/],
    ['fork()\n# machine pku=0', 2, 1, /must come before the first op/],
    ['   munmap(0, 1)\n\tmunmap(0, zz)', 2, 12, /unexpected 'zz' in an argument/],
    ['mem_write(0x1000)', 1, 1, /mem_write takes 2 arguments \(addr, value\), found 1/],
    ['mem_write(0x1000, 1) = fault SIGSEGV', 1, 37, /expected an si_code name/],
    ['signal()', 1, 1, /signal takes 1 argument \(restorer\), found 0/],
    ['signal(r1)', 1, 8, /r1 is used before it is bound/],
    ['sigreturn(0)', 1, 1, /sigreturn takes 0 arguments/],
  ];
  it.each(cases)('%j → %i:%i', (text, line, col, reason) => {
    let err: unknown;
    try {
      parse(text);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ParseError);
    const pe = err as ParseError;
    expect(pe.reason).toMatch(reason);
    expect([pe.line, pe.col]).toEqual([line, col]);
    expect(pe.format('case.mm')).toBe(`case.mm:${line}:${col}: ${pe.reason}`);
  });

  it('never throws anything but ParseError on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        try {
          parse(s);
        } catch (e) {
          expect(e).toBeInstanceOf(ParseError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
