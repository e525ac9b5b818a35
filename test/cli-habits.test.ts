// Habits users bring from libFuzzer, AFL++ and other command lines: --version, `help
// CMD`, a suggestion for a mistyped command or option, an answer to a libFuzzer flag,
// and a refusal of an option given twice (node's parser keeps the last one silently).
// Every refusal is one line on stderr, exit 2. In-process through runCli(), with a few
// real processes for the exit status a shell sees.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS, runCli } from '../cli/main.js';
import { closest, editDistance } from '../cli/suggest.js';
import { findCases } from '../fuzz/load.js';
import { mmdiff } from './helpers/cli.js';

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => void (out += s), stderr: (s) => void (err += s) });
  return { code, out, err };
}

/** Refused in one line: exit 2, nothing on stdout, exactly `line` on stderr. */
async function refused(args: string[], line: string | RegExp) {
  const r = await cli(...args);
  expect(r.code, JSON.stringify(r)).toBe(2);
  expect(r.out).toBe('');
  expect(r.err).toMatch(/^mmdiff: [^\n]*\n$/);
  if (typeof line === 'string') expect(r.err).toBe(`mmdiff: ${line}\n`);
  else expect(r.err.trimEnd()).toMatch(line);
}

const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

describe('--version', () => {
  it('prints the version of package.json, exit 0', async () => {
    expect(version).toBe('0.1.0');
    for (const flag of ['--version', '-V']) expect(await cli(flag)).toEqual({ code: 0, out: `mmdiff ${version}\n`, err: '' });
  });
  it('as a process', async () => {
    const r = await mmdiff(['--version']);
    expect(r).toMatchObject({ code: 0, out: 'mmdiff 0.1.0\n', err: '' });
  });
});

describe('help', () => {
  it('`mmdiff help CMD` is `mmdiff CMD --help`, for every command', async () => {
    for (const name of Object.keys(COMMANDS)) {
      const a = await cli('help', name);
      expect(a.code).toBe(0);
      expect(a.err).toBe('');
      expect(a).toEqual(await cli(name, '--help'));
    }
  });
  it('`mmdiff help` is the usage, with --sync-interval among fuzz options', async () => {
    const r = await cli('help');
    expect(r).toEqual(await cli('--help'));
    expect(r.out).toMatch(/^usage: mmdiff <command>/);
    const fuzzLines = r.out.slice(r.out.indexOf('  fuzz '), r.out.indexOf('  census '));
    expect(fuzzLines).toContain('--sync-interval S');
    expect(fuzzLines).toContain('--sync-dir DIR');
  });
  it('refuses an unknown command or two of them', async () => {
    await refused(['help', 'fuz'], "unknown command 'fuz' (did you mean 'fuzz'?)");
    await refused(['help', 'frobnicate'], /^mmdiff: unknown command 'frobnicate' \(commands: run, /);
    await refused(['help', 'run', 'fuzz'], 'help: expected one command, got 2');
  });
});

describe('did you mean', () => {
  it('a command one or two edits away', async () => {
    await refused(['fuz'], "unknown command 'fuz' (did you mean 'fuzz'?)");
    await refused(['smoek'], "unknown command 'smoek' (did you mean 'smoke'?)");
    await refused(['reoprt'], "unknown command 'reoprt' (did you mean 'report'?)");
    await refused(['minimise'], "unknown command 'minimise' (did you mean 'minimize'?)");
    await refused(['export'], "unknown command 'export' (did you mean 'export-c'?)");
    await refused(['--verison'], "unknown command '--verison' (did you mean '--version'?)");
  });
  it('an option one or two edits away, as --name or --name=value', async () => {
    await refused(['fuzz', '--minuts', '1'], "fuzz: unknown option '--minuts' (did you mean '--minutes'?)");
    await refused(['fuzz', '--minuts=1'], "fuzz: unknown option '--minuts' (did you mean '--minutes'?)");
    await refused(['fuzz', '--wokers', '2'], "fuzz: unknown option '--wokers' (did you mean '--workers'?)");
    await refused(['fuzz', '--sync-intreval', '2'], "fuzz: unknown option '--sync-intreval' (did you mean '--sync-interval'?)");
    await refused(['smoke', '--sed', '3'], "smoke: unknown option '--sed' (did you mean '--seed'?)");
    await refused(['smoke', '--junti', 'x.xml'], "smoke: unknown option '--junti' (did you mean '--junit'?)");
    await refused(['run', 'x.mm', '--targte', 'model'], "run: unknown option '--targte' (did you mean '--target'?)");
  });
  it('nothing when no name is close, or two are equally close', async () => {
    await refused(['frobnicate'], /^mmdiff: unknown command 'frobnicate' \(commands: run, fuzz, /);
    await refused(['RUN'], /^mmdiff: unknown command 'RUN' \(commands: /);
    // one edit from both repro and report: a guess would mislead
    await refused(['reprot'], /^mmdiff: unknown command 'reprot' \(commands: /);
    await refused(['fuzz', '--colour', 'red'], "fuzz: unknown option '--colour' (see mmdiff fuzz --help)");
    await refused(['fuzz', '-q'], "fuzz: unknown option '-q' (see mmdiff fuzz --help)");
    expect(closest('ab', ['ax', 'ay'])).toBeUndefined();
    expect(closest('x'.repeat(5000), ['xxxx'])).toBeUndefined();
  });
  it('edit distance: insertions, deletions, substitutions, swaps; a bound', () => {
    expect(editDistance('fuz', 'fuzz', 2)).toBe(1);
    expect(editDistance('fzuz', 'fuzz', 2)).toBe(1);
    expect(editDistance('minuts', 'minutes', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('kitten', 'sitting', 2)).toBe(Infinity);
    expect(editDistance('', 'ab', 2)).toBe(2);
  });
  it('as a process: one line, exit 2', async () => {
    const r = await mmdiff(['fuz']);
    expect(r).toMatchObject({ code: 2, out: '', err: "mmdiff: unknown command 'fuz' (did you mean 'fuzz'?)\n" });
    const o = await mmdiff(['fuzz', '--minuts', '1']);
    expect(o).toMatchObject({ code: 2, out: '', err: "mmdiff: fuzz: unknown option '--minuts' (did you mean '--minutes'?)\n" });
  });
});

describe('libFuzzer flags', () => {
  it('are answered with the mmdiff option', async () => {
    await refused(['fuzz', '-runs=1000'], 'fuzz: -runs=1000 is a libFuzzer flag: use --runs 1000');
    await refused(['fuzz', '-max_total_time=120'], 'fuzz: -max_total_time=120 is a libFuzzer flag: use --minutes 2');
    await refused(['fuzz', '-max_total_time=90'], 'fuzz: -max_total_time=90 is a libFuzzer flag: use --minutes 1.5');
    await refused(['fuzz', '-max_total_time=1'], 'fuzz: -max_total_time=1 is a libFuzzer flag: use --minutes 0.02');
    await refused(['fuzz', '-seed=7'], 'fuzz: -seed=7 is a libFuzzer flag: use --seed 7');
    await refused(['fuzz', '-workers=4'], 'fuzz: -workers=4 is a libFuzzer flag: use --workers 4');
    await refused(['fuzz', '-jobs=8'], 'fuzz: -jobs=8 is a libFuzzer flag: use --workers 8');
    await refused(['fuzz', '-max_len=64'], 'fuzz: -max_len=64 is a libFuzzer flag: use --max-ops 64');
    await refused(['fuzz', '--workers', '2', 'corpus', '-runs=5'], 'fuzz: -runs=5 is a libFuzzer flag: use --runs 5');
  });
  it('by the command they are given to', async () => {
    await refused(['smoke', '-max_total_time=60'], 'smoke: -max_total_time=60 is a libFuzzer flag: use --seconds 60');
    await refused(['smoke', '-seed=2'], 'smoke: -seed=2 is a libFuzzer flag: use --seed 2');
    await refused(['-runs=10'], '-runs=10 is a libFuzzer flag: use mmdiff fuzz --runs 10');
  });
  it('any other gets the general hint', async () => {
    await refused(['fuzz', '-dict=mm.dict'], 'fuzz: -dict=mm.dict looks like a libFuzzer flag: mmdiff options are written --name VALUE (see mmdiff fuzz --help)');
    await refused(['run', 'x.mm', '-runs=3'], 'run: -runs=3 looks like a libFuzzer flag: mmdiff options are written --name VALUE (see mmdiff run --help)');
    await refused(['-close_fd_mask=3'], /^mmdiff: -close_fd_mask=3 looks like a libFuzzer flag: .*see mmdiff fuzz --help\)$/);
  });
  it('not after --, where arguments are positional', async () => {
    await refused(['fuzz', '--', '-runs=5'], /seed directory -runs=5: not a directory/);
  });
});

describe('an option given twice', () => {
  it('is refused, however it is written', async () => {
    await refused(['fuzz', '--seed', '1', '--seed', '2'], "fuzz: --seed given twice ('1' and '2'); give it once");
    await refused(['fuzz', '--seed=1', '--runs', '5', '--seed', '1'], "fuzz: --seed given twice ('1' and '1'); give it once");
    await refused(['run', 'x.mm', '-t', 'model', '--target', 'impl'], "run: --target given twice ('model' and 'impl'); give it once");
    await refused(['smoke', '--junit', 'a.xml', '--junit', 'b.xml'], "smoke: --junit given twice ('a.xml' and 'b.xml'); give it once");
  });
  it('as a process: one line, exit 2', async () => {
    const r = await mmdiff(['fuzz', '--seed', '1', '--seed', '2']);
    expect(r).toMatchObject({ code: 2, out: '', err: "mmdiff: fuzz: --seed given twice ('1' and '2'); give it once\n" });
  });
  it('a flag twice is harmless and accepted', async () => {
    const file = findCases('corpus/semantics')[0];
    const r = await cli('run', file, '--json', '--json', '--target', 'model');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(() => JSON.parse(r.out)).not.toThrow();
  });
});
