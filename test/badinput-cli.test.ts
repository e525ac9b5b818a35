// Bad input never crashes the `mmdiff` command line (issue 8). Every command, given
// malformed cases, missing/unreadable/odd paths, unknown options, missing or bad
// option values, unknown targets or bad output locations, exits non-zero with exactly
// one line on stderr — `mmdiff: reason`, with `file:line:col:` for a case that does
// not parse — nothing on stdout, no stack trace, and no file written or left behind.
//
// Volume runs in-process through runCli() (cheap); a representative set runs as real
// processes. `npx vitest run test/badinput-cli.test.ts` prints the number of inputs.

import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, ParseError } from '../abi/index.js';
import { COMMANDS, runCli } from '../cli/main.js';
import { writeOutput } from '../cli/options.js';
import { findCases } from '../fuzz/load.js';
import { CLI } from './helpers/cli.js';

interface Outcome {
  code: number | null;
  out: string;
  err: string;
}

let inProcess = 0;
let spawned = 0;
afterAll(() => {
  console.log(`badinput-cli: ${inProcess + spawned} command lines tried (${inProcess} in-process, ${spawned} as processes)`);
  rmSync(root, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------
// The sandbox: inputs under in/, outputs the commands are pointed at under out/.

const root = mkdtempSync(join(tmpdir(), 'mmdiff-badinput-'));
const IN = join(root, 'in');
const OUT = join(root, 'out');
mkdirSync(IN);
mkdirSync(OUT);
const at = (...p: string[]) => join(IN, ...p);
const outPath = (name: string) => join(OUT, name);
const put = (name: string, text: string | Uint8Array) => {
  writeFileSync(at(name), text);
  return at(name);
};

const ok = put('ok.mm', '# mmdiff 1\nr0 = mmap(NULL, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)\nread(r0) = 0\n');
const bad = put('bad.mm', 'fork()\nmunmap(0x1000, PROT_FOO)\n');
mkdirSync(at('dir'));
put('dir/fine.mm', 'fork()\n');
mkdirSync(at('empty'));
symlinkSync(at('nowhere.mm'), at('dangling.mm'));
symlinkSync(at('loop-b.mm'), at('loop-a.mm'));
symlinkSync(at('loop-a.mm'), at('loop-b.mm'));
const sparse = put('huge.mm', '');
truncateSync(sparse, 100 << 20); // 100 MB of holes: too large for a case, and never read
const binary = put('binary.mm', new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24)));
const newline = put('two\nlines.mm', 'fork(\n');
const longName = join(IN, 'x'.repeat(300) + '.mm');

/** Paths that are not a readable .mm file, with what the one line must say. */
const badFiles: Array<[string, string, RegExp]> = [
  ['missing file', at('nope.mm'), /nope\.mm: no such file$/],
  ['directory', at('dir'), /dir: is a directory, expected a \.mm file$/],
  ['dangling symlink', at('dangling.mm'), /dangling\.mm: no such file$/],
  ['symlink loop', at('loop-a.mm'), /loop-a\.mm: too many levels of symbolic links$/],
  ['path through a file', join(ok, 'x.mm'), /ok\.mm\/x\.mm: not a directory \(part of the path is a file\)$/],
  ['name too long', longName, /: file name too long$/],
  ['empty path', '', /^mmdiff: : no such file$/],
  ['I/O error (/proc/self/mem)', '/proc/self/mem', /\/proc\/self\/mem: input\/output error$/],
  ['character device', '/dev/null', /\/dev\/null: not a regular file/],
  ['endless device', '/dev/zero', /\/dev\/zero: not a regular file/],
  ['100 MB file', sparse, /huge\.mm: 104857600 bytes is too large for a case/],
  ['binary garbage', binary, /binary\.mm:1:\d+: /],
  ['name with a newline', newline, /two\\u000alines\.mm:1:6: expected an argument/],
  ['malformed case', bad, /bad\.mm:2:16: unknown flag or constant 'PROT_FOO'$/],
];

/** Directories that are not a readable case directory. */
const badDirs: Array<[string, string, RegExp]> = [
  ['missing directory', at('nodir'), /nodir: no such directory$/],
  ['a file', ok, /ok\.mm: not a directory$/],
  ['dangling symlink', at('dangling.mm'), /dangling\.mm: no such directory$/],
  ['path through a file', join(ok, 'sub'), /ok\.mm\/sub: not a directory \(part of the path is a file\)$/],
  ['symlink loop', at('loop-a.mm'), /too many levels of symbolic links$/],
];

/** Places no output can go. */
const badOutDirs: Array<[string, string]> = [
  ['a regular file', ok],
  ['below a regular file', join(ok, 'sub')],
  ['a character device', '/dev/null'],
];

/** Every file and directory below the sandbox: a command on bad input must not change it. */
function listing(): string[] {
  return (readdirSync(root, { recursive: true }) as string[]).map(String).sort();
}

async function cli(...args: string[]): Promise<Outcome> {
  inProcess++;
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => void (out += s), stderr: (s) => void (err += s) });
  return { code, out, err };
}

/** The property: status 2, one `mmdiff: ` line on stderr, nothing on stdout, no trace. */
function expectOneLine(r: Outcome, args: readonly string[], line?: RegExp | string): void {
  const what = `mmdiff ${JSON.stringify(args).slice(0, 300)} → ${r.code} ${JSON.stringify(r.err.slice(0, 500))}`;
  expect(r.code, what).toBe(2);
  expect(r.out, what).toBe('');
  expect(r.err, what).toMatch(/^mmdiff: [^\n]*\n$/);
  expect(r.err, what).not.toMatch(/internal error|^\s+at |\b[A-Z][A-Za-z]*Error: |ERR_[A-Z_]{4,}|\bE[A-Z]{3,}: /m);
  expect(r.err, what).not.toMatch(/[\0-\x09\x0b-\x1f\x7f\u2028\u2029]/u);
  expect(r.err.length, what).toBeLessThan(1200);
  if (typeof line === 'string') expect(r.err, what).toBe(line.endsWith('\n') ? line : line + '\n');
  else if (line) expect(r.err.trimEnd(), what).toMatch(line);
}

/** Runs one bad command line in-process and checks the property, and that nothing was written. */
async function expectRejected(args: string[], line?: RegExp | string): Promise<Outcome> {
  const before = listing();
  const r = await cli(...args);
  expectOneLine(r, args, line);
  expect(listing(), `files written by mmdiff ${args.join(' ')}`).toEqual(before);
  return r;
}

// ---------------------------------------------------------------------------------

describe('every command, from the table in cli/main.ts', () => {
  const names = Object.keys(COMMANDS);
  it('knows the commands of the README', () => {
    // every `mmdiff CMD` the README shows is a command of the table (and the table is tested below)
    const readme = readFileSync('README.md', 'utf8');
    const shown = new Set([...readme.matchAll(/^npx mmdiff ([a-z][a-z-]*)/gm)].map((m) => m[1]));
    shown.delete('help'); // `mmdiff help CMD` is the table's help, not a command of its own
    expect(shown.size).toBeGreaterThan(5);
    for (const n of shown) expect(names, `README shows 'npx mmdiff ${n}'`).toContain(n);
  });

  it('unknown options, options without their value, values for flags', async () => {
    for (const name of names) {
      const opts = COMMANDS[name].options ?? {};
      const shorts = new Set(Object.values(opts).map((o) => o.short));
      await expectRejected([name, '--no-such-option'], new RegExp(`^mmdiff: ${name}: unknown option '--no-such-option' \\(see mmdiff ${name} --help\\)$`));
      await expectRejected([name, '--'.padEnd(5000, 'z')], /unknown option '--zzzz.*…'/);
      await expectRejected([name, '--a\nb'], /unknown option '--a\\u000ab'/);
      for (const c of 'qyzQYZ') if (!shorts.has(c)) await expectRejected([name, `-${c}`], new RegExp(`unknown option '-${c}'`));
      for (const [opt, o] of Object.entries(opts)) {
        if (o.type === 'string') {
          await expectRejected([name, `--${opt}`], new RegExp(`^mmdiff: ${name}: option --${opt} needs a value`));
          if (o.short) await expectRejected([name, `-${o.short}`], new RegExp(`option --${opt} needs a value`));
          await expectRejected([name, `--${opt}`, '-1'], new RegExp(`option --${opt} needs a value; one starting with '-' is written --${opt}=VALUE`));
        } else {
          await expectRejected([name, `--${opt}=yes`], new RegExp(`^mmdiff: ${name}: option --${opt} takes no value`));
        }
      }
    }
  });

  it('a path that cannot exist as the only argument', async () => {
    for (const name of names) await expectRejected([name, join(ok, 'x')]);
  });

  it('--help still works', async () => {
    for (const name of names) {
      const r = await cli(name, '--help');
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^usage: mmdiff /);
      expect(r.err).toBe('');
    }
  });

  it('no command, an unknown command, names of Object.prototype', async () => {
    await expectRejected([], /^mmdiff: expected a command \(.*run.*\); see mmdiff --help$/);
    for (const c of ['frobnicate', 'toString', '__proto__', 'constructor', 'hasOwnProperty', 'RUN', '', '-x', '\x1b[31mred']) {
      await expectRejected([c], c === '-x' || c === '' ? undefined : /^mmdiff: unknown command '.*' \(commands: /);
    }
  });
});

describe('files that are not readable cases', () => {
  const fileCommands = (f: string): string[][] => [
    ['run', f, '--target', 'model'],
    ['run', f, '--target', 'impl', '--json'],
    ['repro', f],
    ['repro', f, '--targets', 'model,model@6.10'],
    ['minimize', f],
    ['minimize', f, '--out', join(OUT, 'min.mm')],
  ];
  it.each(badFiles)('%s', async (_what, f, line) => {
    for (const args of fileCommands(f)) await expectRejected(args, line);
  });

  it.each(badDirs)('case directory: %s', async (_what, d, line) => {
    for (const args of [
      ['corpus', 'ls', d],
      ['corpus', 'check', d],
      ['corpus', 'merge', join(OUT, 'merged'), d],
      ['corpus', 'merge', join(OUT, 'merged'), at('dir'), d],
      ['smoke', '--corpus', d, '--seconds', '0', '--out', join(OUT, 'smoke')],
    ]) {
      await expectRejected(args, line);
    }
    // fuzz creates its corpus directory when missing; anything else in the way is refused
    if (!d.endsWith('nodir')) await expectRejected(['fuzz', '--corpus', d, '--runs', '1', '--out', join(OUT, 'fuzz')], /^mmdiff: --corpus /);
  });

  it('corpus check names each bad file in one line and exits 1; corpus ls lists it as unreadable', async () => {
    const d = at('mixed');
    mkdirSync(d);
    writeFileSync(join(d, 'a.mm'), 'fork()\n');
    writeFileSync(join(d, 'b.mm'), 'fork()\nfork(1)\n');
    writeFileSync(join(d, 'c.mm'), 'r0 = fork()\n#! p0 vmas 0..1 rw- shiny\n');
    symlinkSync(join(d, 'gone.mm'), join(d, 'd.mm'));
    // a FIFO is not a case: reading one with no writer would never end
    execFileSync('mkfifo', [join(d, 'e.mm')]);
    symlinkSync(join(d, 'e.mm'), join(d, 'f.mm'));
    const before = listing();
    const r = await cli('corpus', 'check', d);
    expect(r.code).toBe(1);
    expect(r.err.split('\n')).toEqual([`${d}/b.mm:2:1: fork takes 0 arguments (), found 1`, `${d}/c.mm:2:1: unknown VMA flag 'shiny'`, `${d}/d.mm: no such file`, '']);
    expect(r.out).toBe('4 cases, 3 bad\n');
    const ls = await cli('corpus', 'ls', d, '--targets', 'model,model@6.10');
    expect(ls.code).toBe(0);
    expect(ls.out.split('\n').filter((l) => l.includes('unreadable: '))).toHaveLength(3);
    expect(listing()).toEqual(before);
    rmSync(d, { recursive: true });
  });
});

describe('malformed cases, fuzzed', () => {
  const cases = findCases('corpus').map((f) => readFileSync(f, 'utf8'));
  const corrupted = fc
    .tuple(fc.constantFrom(...cases), fc.nat(), fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }), fc.constantFrom('replace', 'insert', 'truncate'))
    .map(([t, n, s, how]) => {
      const i = n % (t.length + 1);
      return how === 'replace' ? t.slice(0, i) + s + t.slice(i + s.length) : how === 'insert' ? t.slice(0, i) + s + t.slice(i) : t.slice(0, i);
    });
  const garbage = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('latin1')));
  const text = fc.oneof({ weight: 3, arbitrary: corrupted }, { weight: 1, arbitrary: garbage });

  it('every file command gives the parser’s file:line:col: reason, and writes nothing', async () => {
    const dir = at('fuzzed');
    mkdirSync(dir);
    const f = join(dir, 'case.mm');
    let rejected = 0;
    await fc.assert(
      fc.asyncProperty(text, async (t) => {
        writeFileSync(f, t);
        const onDisk = readFileSync(f, 'utf8').replace(/^\ufeff/, '');
        let e: ParseError;
        try {
          parse(onDisk);
          return; // a case that parses is not bad input (it may still run for a while)
        } catch (x) {
          expect(x).toBeInstanceOf(ParseError);
          e = x as ParseError;
        }
        rejected++;
        const line = `mmdiff: ${f}:${e.line}:${e.col}: ${e.reason}`;
        for (const args of [
          ['run', f, '--target', 'model'],
          ['run', f, '--target', 'impl', '--json'],
          ['repro', f],
          ['minimize', f],
          ['minimize', f, '--out', join(OUT, 'min.mm')],
          ['corpus', 'merge', join(OUT, 'merged'), dir],
          ['smoke', '--corpus', dir, '--seconds', '0', '--out', join(OUT, 'smoke')],
        ]) {
          await expectRejected(args, line);
        }
        const check = await cli('corpus', 'check', dir);
        expect([check.code, check.err, check.out]).toEqual([1, `${f}:${e.line}:${e.col}: ${e.reason}\n`, '1 cases, 1 bad\n']);
      }),
      { numRuns: 300 },
    );
    expect(rejected).toBeGreaterThan(100);
    rmSync(dir, { recursive: true });
  });
});

describe('bad option values', () => {
  const notWhole = ['-1', 'abc', '', ' ', '1.5', '1e3', '0x10', '+1', '١', 'NaN', 'Infinity', '9'.repeat(400), '1_000', '٣', '1 2', '\n'];
  const notNumber = ['-1', 'abc', '', ' ', '1e3', '0x10', '.5', '5.', 'NaN', 'Infinity', '9'.repeat(400), '1,5', '\t'];
  const badTargets = ['', ',', 'model', 'model,', 'model,model', 'model,impl,impl', 'model,qemu', 'toString,impl', '__proto__,impl', 'model,constructor', 'model@5.4,impl', 'model@6.10@6.18,impl', 'model@,impl', 'MODEL,impl', 'model;impl'];
  const badTarget = ['', 'qemu', 'toString', '__proto__', 'hasOwnProperty', 'model@5.4', 'model@6.10@x', 'model,impl', 'MODEL'];

  it('numbers: seeds, workers, minutes, runs, sizes and timeouts', async () => {
    const fuzz = ['fuzz', '--out', outPath('fuzz')];
    for (const v of notWhole) {
      for (const opt of ['seed', 'workers', 'runs', 'max-ops', 'max-corpus']) await expectRejected([...fuzz, `--${opt}=${v}`], new RegExp(`--${opt} (takes a whole number|must be between)`));
      await expectRejected(['smoke', '--out', outPath('smoke'), `--seed=${v}`], /--seed (takes a whole number|must be between)/);
    }
    for (const v of notNumber) {
      for (const opt of ['minutes', 'batch-timeout']) await expectRejected([...fuzz, `--${opt}=${v}`], new RegExp(`--${opt} (takes a number|must be between)`));
      await expectRejected(['smoke', '--out', outPath('smoke'), `--seconds=${v}`], /--seconds (takes a number|must be between)/);
    }
    const range: Array<[string[], RegExp]> = [
      [[...fuzz, '--workers', '0'], /--workers must be between 1 and 256, got 0$/],
      [[...fuzz, '--workers', '257'], /--workers must be between 1 and 256/],
      [[...fuzz, '--runs', '0'], /--runs must be between/],
      [[...fuzz, '--seed', '4294967296'], /--seed must be between 0 and 4294967295, got 4294967296$/],
      [[...fuzz, '--seed', '9'.repeat(10_000)], /--seed must be between 0 and 4294967295, got 9{30}…$/],
      [[...fuzz, '--minutes', '0'], /--minutes must be between/],
      [[...fuzz, '--minutes', '100000000'], /--minutes must be between/],
      [[...fuzz, '--max-ops', '0'], /--max-ops must be between 1 and 1000/],
      [[...fuzz, '--max-ops', '1001'], /--max-ops must be between 1 and 1000/],
      [[...fuzz, '--batch-timeout', '0'], /--batch-timeout must be between/],
      [[...fuzz, '--max-corpus', '0'], /--max-corpus must be between/],
      [[...fuzz, '--minutes', '1', '--runs', '5'], /give --minutes or --runs, not both/],
      [['smoke', '--out', outPath('smoke'), '--seconds', '3601'], /--seconds must be between 0 and 3600/],
    ];
    for (const [args, line] of range) await expectRejected(args, line);
  });

  it('targets', async () => {
    for (const t of badTargets) {
      await expectRejected(['fuzz', '--runs', '1', '--out', outPath('fuzz'), '--targets', t], /--targets|target|profile/);
      await expectRejected(['smoke', '--seconds', '0', '--out', outPath('smoke'), '--targets', t], /--targets|target|profile/);
      await expectRejected(['repro', ok, '--targets', t], /--targets|target|profile/);
      await expectRejected(['minimize', ok, '--targets', t], /--targets|target|profile/);
      await expectRejected(['corpus', 'ls', at('dir'), '--targets', t], /--targets|target|profile/);
      await expectRejected(['corpus', 'merge', outPath('merged'), at('dir'), '--targets', t], /--targets|target|profile/);
    }
    for (const t of badTarget) await expectRejected(['run', ok, '--target', t], /target|profile/);
  });

  it('one bad option among good ones, in any order', async () => {
    type Opt = [string, string];
    const good: Record<string, Opt[]> = {
      fuzz: [['--seed', '7'], ['--workers', '1'], ['--runs', '1'], ['--max-ops', '4'], ['--targets', 'model,impl'], ['--out', outPath('fuzz')], ['--batch-timeout', '5'], ['--max-corpus', '10']],
      smoke: [['--seed', '3'], ['--seconds', '0'], ['--targets', 'model,model@6.10'], ['--corpus', at('dir')], ['--out', outPath('smoke')]],
      repro: [['--targets', 'model,impl']],
      minimize: [['--targets', 'model,impl'], ['--out', outPath('min.mm')]],
      run: [['--target', 'model'], ['--json', '']],
    };
    const badFor: Record<string, Opt[]> = {
      fuzz: [['--seed', '-5'], ['--workers', '0'], ['--runs', 'x'], ['--max-ops', '0'], ['--targets', 'model'], ['--out', ok], ['--batch-timeout', '0'], ['--max-corpus', '1e9'], ['--minutes', '1'], ['--corpus', join(ok, 'x')], ['--colour', 'red']],
      smoke: [['--seed', '0x1'], ['--seconds', '-1'], ['--targets', 'impl,impl'], ['--corpus', at('nodir')], ['--out', '/dev/null'], ['--minutes', '1']],
      repro: [['--targets', 'model@6.9,impl'], ['--out', 'x']],
      minimize: [['--targets', ',,'], ['--out', at('dir')]],
      run: [['--target', 'impl@'], ['--targets', 'model,impl']],
    };
    const file = (cmd: string) => (cmd === 'fuzz' || cmd === 'smoke' ? [] : [cmd === 'minimize' ? ok : fc.sample(fc.constantFrom(ok, bad), 1)[0]]);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.keys(good)), fc.nat(), fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), fc.nat(), async (cmd, b, pick, pos) => {
        const worst = badFor[cmd][b % badFor[cmd].length];
        // the bad one is never overridden by a good one of the same name; --minutes is bad only beside --runs
        const opts = good[cmd].filter(([n], i) => (pick[i] || (n === '--runs' && worst[0] === '--minutes')) && n !== worst[0]);
        const parts = [...opts];
        parts.splice(pos % (parts.length + 1), 0, worst);
        const args = [cmd, ...file(cmd), ...parts.flatMap(([n, v]) => (v === '' ? [n] : [n, v]))];
        await expectRejected(args);
      }),
      { numRuns: 250 },
    );
  });

  it('arguments: missing, extra, unknown', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['run', ok], /run: --target is required/],
      [['run', '--target', 'model'], /run: expected one FILE, got 0/],
      [['run', ok, ok, '--target', 'model'], /run: expected one FILE, got 2/],
      [['repro'], /repro: expected one FILE, got 0/],
      [['repro', ok, ok], /repro: expected one FILE, got 2/],
      [['minimize'], /minimize: expected one FILE, got 0/],
      [['corpus'], /corpus: expected ls, check or merge$/],
      [['corpus', 'frob'], /corpus: expected ls, check or merge, got 'frob'/],
      [['corpus', 'ls', at('dir'), at('dir')], /corpus ls: expected at most one DIR, got 2/],
      [['corpus', 'check', at('dir'), at('dir')], /corpus check: expected at most one DIR, got 2/],
      [['corpus', 'merge'], /corpus merge: expected OUT and at least one DIR/],
      [['corpus', 'merge', outPath('merged')], /corpus merge: expected OUT and at least one DIR/],
      [['fuzz', 'extra', '--out', outPath('fuzz')], /fuzz: seed directory extra: not a directory/],
      [['smoke', 'extra', '--out', outPath('smoke')], /smoke: unexpected argument 'extra'/],
      [['fuzz', '--instance', 'a', '--out', outPath('fuzz')], /--instance needs --sync-dir/],
      [['fuzz', '--instance', '.hidden', '--sync-dir', outPath('sync'), '--out', outPath('fuzz')], /--instance '\.hidden' must be/],
      [['fuzz', '--instance', 'a/b', '--sync-dir', outPath('sync'), '--out', outPath('fuzz')], /--instance 'a\/b' must be/],
    ];
    if (Object.hasOwn(COMMANDS, 'report')) cases.push([['report'], /report: expected one DIR, got 0/], [['report', at('empty'), at('empty')], /report: expected one DIR, got 2/]);
    for (const [args, line] of cases) await expectRejected(args, line);
  });
});

describe('outputs that cannot be written are refused before any work', () => {
  it.each(badOutDirs)('--out / OUT is %s', async (_what, d) => {
    await expectRejected(['fuzz', '--runs', '1', '--workers', '1', '--out', d], /^mmdiff: --out /);
    await expectRejected(['fuzz', '--runs', '1', '--workers', '1', '--out', outPath('fuzz'), '--corpus', d], /^mmdiff: --corpus /);
    await expectRejected(['fuzz', '--runs', '1', '--workers', '1', '--out', outPath('fuzz'), '--sync-dir', d], /^mmdiff: --sync-dir /);
    await expectRejected(['smoke', '--corpus', at('empty'), '--seconds', '1', '--out', d], /^mmdiff: --out /);
    await expectRejected(['corpus', 'merge', d, at('dir')], /^mmdiff: OUT /);
    // minimize --out must be a file: a directory (or a path below a file) is refused
    await expectRejected(['minimize', ok, '--out', d === ok ? at('dir') : join(d, 'x.mm')], /^mmdiff: --out /);
  });

  it('a campaign directory whose checkpoint is not one, or is another campaign’s', async () => {
    const d = join(OUT, 'campaign');
    mkdirSync(d);
    for (const [state, line] of [
      ['{"version":1,', /state\.json: not a campaign checkpoint \(.*\); remove it/],
      ['[]', /state\.json: not a campaign checkpoint of this mmdiff version/],
      ['{"version":2,"targets":"model,model@6.10","queue":[],"buckets":[],"hits":[]}', /holds a campaign of --targets model,model@6\.10; give another --out for model,impl$/],
    ] as const) {
      writeFileSync(join(d, 'state.json'), state);
      await expectRejected(['fuzz', '--runs', '1', '--workers', '1', '--out', d], line);
      await expectRejected(['smoke', '--corpus', at('empty'), '--seconds', '1', '--out', d], line);
    }
    rmSync(d, { recursive: true });
  });

  it('a write that fails leaves no temp file and says so in one line', () => {
    const d = join(OUT, 'taken');
    mkdirSync(join(d, 'case.mm'), { recursive: true });
    writeFileSync(join(d, 'case.mm', 'inside'), '');
    const before = listing();
    expect(() => writeOutput(join(d, 'case.mm'), 'fork()\n')).toThrow(/^.*case\.mm: cannot write: (is a directory|.*not empty.*)$/);
    expect(listing()).toEqual(before);
    rmSync(d, { recursive: true });
  });

  it('corpus merge writes nothing when a destination is taken by a directory', async () => {
    const outDir = join(OUT, 'merge-into');
    mkdirSync(join(outDir, 'fine.mm'), { recursive: true });
    await expectRejected(['corpus', 'merge', outDir, at('dir')], /^mmdiff: OUT .*fine\.mm: is a directory$/);
    rmSync(outDir, { recursive: true });
  });

  it('corpus merge keeps two cases with the same file name from different directories', async () => {
    const [d1, d2, merged] = [at('m1'), at('m2'), join(OUT, 'merged')];
    mkdirSync(d1);
    mkdirSync(d2);
    writeFileSync(join(d1, 'x.mm'), readFileSync('corpus/examples/mseal-partial-mprotect.mm')); // 6.18 and 6.10 differ
    writeFileSync(join(d2, 'x.mm'), 'fork()\n'); // they agree
    const r = await cli('corpus', 'merge', merged, d1, d2, '--targets', 'model,model@6.10');
    expect([r.code, r.err, r.out]).toEqual([0, '', `2 cases written to ${merged}\n`]);
    expect(readdirSync(merged).sort()).toEqual(['x-2.mm', 'x.mm']);
    expect(readFileSync(join(merged, 'x-2.mm'), 'utf8')).toBe('# mmdiff 1\nfork()\n');
    rmSync(merged, { recursive: true });
    rmSync(d1, { recursive: true });
    rmSync(d2, { recursive: true });
  });

  it('corpus merge stops at a bad case before writing any', async () => {
    const d = at('half');
    mkdirSync(d);
    writeFileSync(join(d, 'a.mm'), 'fork()\n');
    writeFileSync(join(d, 'b.mm'), 'fork(\n');
    await expectRejected(['corpus', 'merge', join(OUT, 'merged'), d], `mmdiff: ${d}/b.mm:1:6: expected an argument, found end of line`);
    await expectRejected(['corpus', 'merge', join(OUT, 'merged'), at('dir'), d, at('nodir')], /nodir: no such directory$/);
    rmSync(d, { recursive: true });
  });

  it('fuzz and smoke with bad options write nothing to their default reports/ directory', async () => {
    const seed = 3735928559;
    await expectRejected(['fuzz', '--seed', String(seed), '--workers', '0'], /--workers must be between/);
    await expectRejected(['smoke', '--seed', String(seed), '--seconds', 'x'], /--seconds takes a number/);
    expect(readdirSync('reports').filter((n) => n.includes(String(seed)))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------
// As real processes: what a user's shell sees, exit status included.

function mmdiffProcess(args: string[], opts: { headBytes?: number } = {}): Promise<Outcome> {
  spawned++;
  return new Promise((resolve) => {
    const p = spawn(CLI[0], [...CLI.slice(1), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      // like `| head -c N`: the reader goes away
      if (opts.headBytes !== undefined && out.length >= opts.headBytes) p.stdout.destroy();
    });
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('close', (code) => resolve({ code, out, err }));
  });
}

async function inPool<T>(jobs: Array<() => Promise<T>>, n: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < jobs.length) {
        const i = next++;
        results[i] = await jobs[i]();
      }
    }),
  );
  return results;
}

describe('as processes', () => {
  it('a representative set: status 2, one line, no trace, nothing written', async () => {
    const set: Array<[string[], RegExp]> = [
      [[], /^mmdiff: expected a command/],
      [['toString'], /^mmdiff: unknown command 'toString'/],
      [['run', bad, '--target', 'model'], /bad\.mm:2:16: unknown flag or constant 'PROT_FOO'$/],
      [['run', binary, '--target', 'impl', '--json'], /binary\.mm:1:\d+: /],
      [['run', newline, '--target', 'model'], /two\\u000alines\.mm:1:6: /],
      [['run', at('dangling.mm'), '--target', 'model'], /no such file$/],
      [['run', '/proc/self/mem', '--target', 'model'], /input\/output error$/],
      [['run', '/dev/zero', '--target', 'model'], /not a regular file/],
      [['run', ok, '--target', '__proto__'], /unknown target '__proto__'/],
      [['repro', join(ok, 'x')], /not a directory/],
      [['minimize', ok, '--out', at('dir')], /--out .*dir: is a directory$/],
      [['corpus', 'merge', ok, at('dir')], /OUT .*ok\.mm: not a directory$/],
      [['smoke', '--corpus', ok], /ok\.mm: not a directory$/],
      [['fuzz', '--seed', '-1'], /option --seed needs a value/],
      [['fuzz', '--workers', '0', '--out', outPath('f')], /--workers must be between 1 and 256/],
      [['fuzz', '--runs', '1', '--out', outPath('f'), '--corpus', ok], /--corpus .*ok\.mm: not a directory$/],
    ];
    if (Object.hasOwn(COMMANDS, 'report')) set.push([['report', at('empty')], /summary\.json/]);
    const before = listing();
    const results = await inPool(
      set.map(([args]) => () => mmdiffProcess(args)),
      2,
    );
    set.forEach(([args, line], i) => expectOneLine(results[i], args, line));
    expect(listing()).toEqual(before);
  });

  it('a reader that goes away (| head) ends it quietly, without a trace', async () => {
    const f = put('many-ptes.mm', 'r0 = mmap(NULL, 0x800000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_POPULATE, -1, 0)\n');
    const r = await mmdiffProcess(['run', f, '--target', 'model'], { headBytes: 100 });
    expect(r.err).toBe('');
    expect([0, 141]).toContain(r.code);
  });
});
