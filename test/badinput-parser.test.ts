// Bad input never crashes the `.mm` parser (issue 8). Every input either parses —
// and then printing and re-reading it is stable — or is rejected with a ParseError
// whose message is one line `line:col: reason` pointing into the text. Never another
// exception, never a hang: each input is timed. The inputs: random bytes and
// unicode, grammar-token soup, truncations and corruptions of every corpus case,
// huge numbers, very long lines and expressions, unknown names, `# machine` lines,
// rN before binding, CRLF, NUL bytes and byte order marks.
//
// `npx vitest run test/badinput-parser.test.ts` prints the number of inputs tried.

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { CONSTANTS, ERRNO, OPS, parse, ParseError, print, SI_CODE, SIGNAL, textLines } from '../abi/index.js';
import { findCases } from '../fuzz/load.js';

/**
 * A hang guard, not a timing: a parse of one input (the largest are a few MB) that takes
 * this long is quadratic or worse (linear parses take well under a second; on a loaded
 * machine a couple of seconds). Timings belong in bench/.
 */
const MAX_MS = 30_000;
let tried = 0;
let accepted = 0;

/** The property every input must meet; returns the error, if any, for sharper checks. */
function check(text: string): ParseError | null {
  tried++;
  const t0 = performance.now();
  let printed: string;
  try {
    printed = print(parse(text));
  } catch (e) {
    if (!(e instanceof ParseError)) throw new Error(`not a ParseError: ${String(e)} on ${JSON.stringify(text.slice(0, 200))}`, { cause: e });
    const ms = performance.now() - t0;
    if (ms > MAX_MS) throw new Error(`${ms.toFixed(0)} ms to reject ${JSON.stringify(text.slice(0, 100))}…`);
    const { line, col, reason, message } = e;
    if (message !== `${line}:${col}: ${reason}`) throw new Error(`message ${JSON.stringify(message)}`);
    // one short line: no line breaks or other control characters, user text cut short
    if (/[\p{Cc}\u2028\u2029]/u.test(message) || message.length > 300) throw new Error(`not one short line: ${JSON.stringify(message.slice(0, 400))}`);
    const lines = textLines(text); // LF, CRLF and a lone CR end a line
    if (!(Number.isInteger(line) && line >= 1 && line <= lines.length)) throw new Error(`line ${line} outside the text (${lines.length} lines): ${message}`);
    if (!(Number.isInteger(col) && col >= 1 && col <= lines[line - 1].length + 1)) throw new Error(`column ${col} outside line ${line}: ${message}`);
    return e;
  }
  let again: string;
  try {
    again = print(parse(printed));
  } catch (e) {
    throw new Error(`printed form does not read back: ${String(e)}\n${printed.slice(0, 500)}`, { cause: e });
  }
  if (again !== printed) throw new Error(`print/parse not stable:\n${printed.slice(0, 500)}\n---\n${again.slice(0, 500)}`);
  const ms = performance.now() - t0;
  if (ms > MAX_MS) throw new Error(`${ms.toFixed(0)} ms to read ${JSON.stringify(text.slice(0, 100))}…`);
  accepted++;
  return null;
}

afterAll(() => {
  console.log(`badinput-parser: ${tried} inputs tried (${accepted} parsed, ${tried - accepted} rejected with line:col)`);
});

const cases = findCases('corpus').map((f) => ({ file: f, text: readFileSync(f, 'utf8') }));
const anyCase = fc.constantFrom(...cases);

// Grammar tokens, valid and almost valid, for inputs that get deep into the parser.
const names = [...Object.keys(OPS), ...[...CONSTANTS.keys()].filter((_, i) => i % 3 === 0), ...Object.keys(ERRNO).slice(0, 20), ...Object.keys(SIGNAL), ...Object.keys(SI_CODE)];
const token = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...names) },
  { weight: 6, arbitrary: fc.constantFrom('(', ')', ',', '=', ':', '+', '-', '|', '#', '#!', ' ', '\t', '\n', '\r\n', '\r', '\0', '\ufeff') },
  { weight: 3, arbitrary: fc.constantFrom('r0', 'r1', 'r2', 'r7', 'p0:', 'p1:', 'p2:', 'NULL', 'fault', 'jump', '-1', '0', '0x1000', '0x7ffff7fff000', 'fork()', 'r0 =') },
  { weight: 2, arbitrary: fc.constantFrom('# mmdiff 1', '# mmdiff 2', '# machine', 'pku=1', 'shstk=0', 'profile=6.10', 'mmapBase=0x10000', 'maxMapCount=0', 'brkStart=', 'colour=red', '=1') },
  { weight: 2, arbitrary: fc.bigInt({ min: 0n, max: 1n << 70n }).map((n) => (n % 2n ? '0x' + n.toString(16) : n.toString())) },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,12}$/) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
);
const soup = fc.array(token, { maxLength: 40 }).map((ts) => ts.join(''));
const spacedSoup = fc.array(token, { maxLength: 40 }).map((ts) => ts.join(' '));

/** UTF-16 code units, lone surrogates included. */
const utf16 = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 120 }).map((us) => String.fromCharCode(...us));

const interesting = ['\0', '\r', '\n', '\t', '\ufeff', '\ud800', '#', '(', ')', ',', '=', ':', '-', '|', '+', 'r', 'p', 'x', '9', 'f', 'Z', ' ', '\u2028', 'é'];
const char = fc.oneof(fc.constantFrom(...interesting), fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)));

describe('random text', () => {
  it('random bytes, read as UTF-8 and as Latin-1', () => {
    const utf8 = new TextDecoder('utf-8');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        check(utf8.decode(bytes));
        check(Buffer.from(bytes).toString('latin1'));
      }),
      { numRuns: 1500 },
    );
  });

  it('random unicode and UTF-16 (lone surrogates)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), utf16, (s, u) => {
        check(s);
        check(u);
      }),
      { numRuns: 1500 },
    );
  });

  it('grammar-token soup', () => {
    fc.assert(
      fc.property(soup, spacedSoup, (a, b) => {
        check(a);
        check(b);
      }),
      { numRuns: 4000 },
    );
  });
});

describe(`corruptions of the ${cases.length} corpus cases`, () => {
  it('every case parses, and stays the same through CRLF line ends and a byte order mark', () => {
    expect(cases.length).toBeGreaterThan(10);
    for (const c of cases) {
      expect(check(c.text), c.file).toBeNull();
      const want = print(parse(c.text));
      for (const variant of [c.text.replace(/\n/g, '\r\n'), '\ufeff' + c.text, '\ufeff' + c.text.replace(/\n/g, '\r\n')]) {
        expect(check(variant), c.file).toBeNull();
        expect(print(parse(variant)), c.file).toBe(want);
      }
    }
  });

  it('truncations of every case: around each of its first 40 line ends, at every column of every tenth line, and in its last line', () => {
    // (every column of every line is quadratic in a case's size: minutes for the suite;
    // a cut deep in a long case is a cut of a shorter one after many whole lines)
    let n = 0;
    for (const c of cases) {
      const cuts = new Set<number>();
      let start = 0;
      const lines = c.text.split('\n');
      lines.forEach((line, k) => {
        if (k < 40) for (const d of [-1, 0, 1]) cuts.add(start + line.length + d);
        if (k % 10 === 0 && k < 80) for (let i = 0; i <= line.length; i++) cuts.add(start + i);
        start += line.length + 1;
      });
      for (let i = Math.max(0, c.text.length - 40); i < c.text.length; i++) cuts.add(i);
      for (const i of cuts) if (i >= 0 && i <= c.text.length) (check(c.text.slice(0, i)), n++);
    }
    expect(n).toBeGreaterThan(cases.length * 10);
  });

  it('single-character corruptions, deletions and insertions', () => {
    fc.assert(
      fc.property(anyCase, fc.nat(), char, fc.constantFrom('replace', 'delete', 'insert'), (c, n, ch, how) => {
        const i = n % (c.text.length + 1);
        const text = how === 'replace' ? c.text.slice(0, i) + ch + c.text.slice(i + 1) : how === 'delete' ? c.text.slice(0, i) + c.text.slice(i + 1) : c.text.slice(0, i) + ch + c.text.slice(i);
        check(text);
      }),
      { numRuns: 6000 },
    );
  });

  it('line-level mutations: drop, duplicate, swap, splice two cases', () => {
    fc.assert(
      fc.property(anyCase, anyCase, fc.nat(), fc.nat(), (a, b, x, y) => {
        const la = a.text.split('\n');
        const lb = b.text.split('\n');
        const i = x % la.length;
        const j = y % la.length;
        check([...la.slice(0, i), ...la.slice(i + 1)].join('\n'));
        check([...la.slice(0, i + 1), la[i], ...la.slice(i + 1)].join('\n'));
        const sw = [...la];
        [sw[i], sw[j]] = [sw[j], sw[i]];
        check(sw.join('\n'));
        check([...la.slice(0, i), ...lb.slice(y % lb.length)].join('\n'));
      }),
      { numRuns: 1000 },
    );
  });

  it('NUL bytes and stray carriage returns anywhere', () => {
    fc.assert(
      fc.property(anyCase, fc.nat(), fc.constantFrom('\0', '\r', '\r\r', '\0\n', '\ufeff'), (c, n, ins) => {
        const i = n % (c.text.length + 1);
        check(c.text.slice(0, i) + ins + c.text.slice(i));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('huge numbers', () => {
  const digits = (min: number, max: number, alphabet: string) =>
    fc.array(fc.constantFrom(...alphabet), { minLength: min, maxLength: max }).map((ds) => ds.join(''));
  const huge = fc.oneof(
    digits(19, 40, '0123456789'),
    digits(15, 40, '0123456789abcdefABCDEF').map((d) => '0x' + d),
    fc.bigInt({ min: (1n << 64n) - 2n, max: 1n << 66n }).map((n) => n.toString()),
    fc.bigInt({ min: (1n << 64n) - 2n, max: 1n << 66n }).map((n) => '0x' + n.toString(16)),
    fc.nat({ max: 30 }).map((z) => '0'.repeat(z) + '18446744073709551616'),
    fc.nat({ max: 30 }).map((z) => '0x' + '0'.repeat(z) + 'ffffffffffffffff'),
    fc.constant('9'.repeat(10_000)),
    fc.constant('0x' + 'f'.repeat(10_000)),
  );
  it('in arguments, results, jump targets, rN/pN indices and machine values', () => {
    fc.assert(
      fc.property(huge, (n) => {
        const fits = BigInt(n) < 1n << 64n;
        const inArgs = [`munmap(${n}, 0x1000)`, `munmap(0x1000, -${n})`, `munmap(0, 1+${n})`, `mprotect(0, 1, PROT_READ|${n})`, `munmap(0, 1) = ${n}`, `munmap(0, 1) = -${n}`, `munmap(0, 1) = jump ${n} 0`];
        const elsewhere = [`r${n} = fork()`, `r0 = fork()\nmunmap(r${n}, 1)`, `p${n}: fork()`, `# machine mmapBase=${n}`, `# machine maxMapCount=${n}`, `# mmdiff ${n}`];
        // a number that does not fit is an error, never silently wrapped; one that fits is read
        for (const text of inArgs) expect(check(text) === null, text).toBe(fits);
        for (const text of elsewhere) if (!fits) expect(check(text), text).toBeInstanceOf(ParseError);
        else check(text);
      }),
      { numRuns: 300 },
    );
  });

  it('the largest values that fit are read exactly', () => {
    expect(check('munmap(18446744073709551615, 0xffffffffffffffff)')).toBeNull();
    expect(check('munmap(000000000000000000000000000018446744073709551615, 0x00000000000000000000ffffffffffffffff)')).toBeNull();
    expect(parse('munmap(0x000000000000000000000000ffffffffffffffff, 0)').ops[0].args[0]).toBe((1n << 64n) - 1n);
    expect(check('munmap(18446744073709551616, 1)')?.col).toBe(8);
    expect(check('r2147483647 = fork()\nmunmap(r2147483647, 1)')).toBeNull();
    expect(check('r2147483648 = fork()')?.reason).toMatch(/register number 'r2147483648' is too large/);
  });
});

describe('long lines, long expressions and deep repetition', () => {
  const N = 100_000;
  const big: Array<[string, string]> = [
    ['100k-term sum', `munmap(0${'+1'.repeat(N)}, 1)`],
    ['100k-term difference', `munmap(0${'-1'.repeat(N)}, 1)`],
    ['100k-term flag union', `munmap(0${'|1'.repeat(N)}, 1)`],
    ['100k-term union of names', `mprotect(0, 1, PROT_READ${'|PROT_WRITE'.repeat(N)})`],
    ['100k rN terms', `r0 = fork()\nmunmap(r0${'+r0'.repeat(N)}, 1)`],
    ['r0 and 100k literals', `r0 = fork()\nmunmap(r0${'+1'.repeat(N)}, 1)`],
    ['100k arguments', `munmap(${'1,'.repeat(N)}1)`],
    ['10k-deep parentheses', `munmap(${'('.repeat(10_000)}1${')'.repeat(10_000)}, 1)`],
    ['10k signs', `munmap(${'-'.repeat(10_000)}1, 1)`],
    ['10k process prefixes', `${'p0: '.repeat(10_000)}fork()`],
    ['10k bindings on one line', `${'r0 = '.repeat(10_000)}fork()`],
    ['10k results', `fork()${' = 1'.repeat(10_000)}`],
    ['1 MB identifier', `munmap(${'A'.repeat(1 << 20)}, 1)`],
    ['1 MB op name', `${'a'.repeat(1 << 20)}(0, 1)`],
    ['1 MB comment', `fork() #${'x'.repeat(1 << 20)}`],
    ['1 MB header', `# mmdiff ${'1'.repeat(1 << 20)}`],
    ['1 MB machine line', `# machine ${'pku=1 '.repeat(1 << 17)}`],
    ['1 MB of spaces', `${' '.repeat(1 << 20)}fork()`],
    ['1 MB of NULs', '\0'.repeat(1 << 20)],
    ['100k lines', 'fork()\n'.repeat(N)],
    ['100k empty lines', '\n'.repeat(N) + 'fork(1)'],
    ['100k comment lines', '# c\n'.repeat(N)],
    ['10k processes', `${'fork()\n'.repeat(10_000)}p10000: munmap(0, 1)\np10001: munmap(0, 1)`],
    ['100k bindings', Array.from({ length: N }, (_, i) => `r${i} = fork()`).join('\n')],
  ];
  it.each(big)('%s', (_name, text) => {
    check(text);
  });
  it('errors in long inputs point at the right place', () => {
    expect(check(`munmap(0${'+1'.repeat(N)}+Q, 1)`)?.col).toBe(9 + 2 * N + 1);
    expect(check(`${'fork()\n'.repeat(N)}fork(`)?.line).toBe(N + 1);
    expect(check(`${'fork()\n'.repeat(10_000)}p10001: munmap(0, 1)`)?.reason).toMatch(/unknown process p10001/);
    expect(check(`munmap(${'A'.repeat(1 << 20)}, 1)`)?.message.length).toBeLessThan(120);
  });
});

describe('names the format does not know', () => {
  const ident = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,20}$/);
  it('unknown ops, flags, errnos, signals and si_codes are rejected at their column', () => {
    fc.assert(
      fc.property(ident, (w) => {
        const cases: Array<[string, number, boolean]> = [
          [`${w}(0, 1)`, 1, Object.hasOwn(OPS, w)],
          [`munmap(0, ${w})`, 11, CONSTANTS.has(w) || w === 'NULL' || /^r[0-9]+$/.test(w)],
          // E<n> (1..4095, no errno name) is an error value without a name: known
          [`munmap(0, 1) = -${w}`, 17, Object.hasOwn(ERRNO, w) || (/^E[1-9][0-9]{0,3}$/.test(w) && Number(w.slice(1)) <= 4095 && !Object.values(ERRNO).includes(Number(w.slice(1)) as never))],
          [`write(0, 1) = fault ${w} SEGV_ACCERR`, 21, Object.hasOwn(SIGNAL, w)],
          [`write(0, 1) = fault SIGSEGV ${w}`, 29, Object.hasOwn(SI_CODE, w)],
        ];
        for (const [text, col, known] of cases) {
          const e = check(text);
          if (!known) {
            expect(e, text).toBeInstanceOf(ParseError);
            expect(e!.col, text).toBe(col);
          }
        }
      }),
      { numRuns: 600 },
    );
  });
  it('names of Object.prototype are not names of the format', () => {
    for (const w of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'prototype']) {
      for (const text of [`${w}(0, 1)`, `munmap(0, ${w})`, `munmap(0, 1) = -${w}`, `write(0, 1) = fault ${w} SEGV_ACCERR`, `write(0, 1) = fault SIGSEGV ${w}`, `# machine ${w}=1`, `# machine ${w}=0x1000`]) {
        expect(check(text), text).toBeInstanceOf(ParseError);
      }
    }
  });
});

describe('# machine lines', () => {
  const key = fc.oneof(fc.constantFrom('profile', 'pku', 'shstk', 'mmapBase', 'mmapMinAddr', 'brkStart', 'maxMapCount', 'colour', '', 'PKU', 'toString', '__proto__'), fc.string({ maxLength: 8 }));
  const value = fc.oneof(
    fc.constantFrom('0', '1', '2', '6.18', '6.10', '5.4', '0x1000', '0x', '0xg', '-1', '', '=', '1e3', '0x' + 'f'.repeat(17), '16777216', '16777217', '00001'),
    fc.string({ maxLength: 8 }),
    fc.bigInt({ min: 0n, max: 1n << 70n }).map((n) => '0x' + n.toString(16)),
  );
  const word = fc.oneof({ weight: 5, arbitrary: fc.tuple(key, value).map(([k, v]) => `${k}=${v}`) }, { weight: 1, arbitrary: fc.string({ maxLength: 10 }) });
  it('bad keys and values are one error at their column; good ones read back', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 6 }), fc.constantFrom(' ', '  ', '\t', '\u00a0'), fc.boolean(), (ws, sep, late) => {
        const line = `# machine${sep}${ws.join(sep)}`;
        check(`# mmdiff 1\n${line}\nfork()\n`);
        check(late ? `fork()\n${line}\n` : `${line}\n${line}\nfork()\n`);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('rN and pN before they exist', () => {
  const line = fc.tuple(fc.nat({ max: 6 }), fc.nat({ max: 4 }), fc.nat({ max: 6 }), fc.constantFrom('fork()', 'munmap(rA, 0x1000)', 'mprotect(rA+0x1000, rA-rA, PROT_READ)', 'munmap(0, rA|1)')).map(
    ([b, p, a, op]) => `${b < 4 ? `r${b} = ` : ''}${p ? `p${p}: ` : ''}${op.replace(/rA/g, `r${a}`)}`,
  );
  it('a program of random bindings and uses: unbound names are rejected at their column', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), (ls) => {
        const text = ls.join('\n') + '\n';
        const e = check(text);
        if (e) {
          const src = ls[e.line - 1];
          const at = src.slice(e.col - 1);
          expect(at, `${e.message} in ${JSON.stringify(src)}`).toMatch(/^(r\d|p\d|\||munmap|mprotect|fork)/);
        }
      }),
      { numRuns: 1500 },
    );
  });
});
