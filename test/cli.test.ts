// The command line as a user meets it: real processes, exit codes, one-line errors
// without stack traces.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mmdiff as run } from './helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'mmdiff-cli-'));
function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}
/** Each test a real process; run side by side (describe.concurrent), they do not block the worker. */
async function mmdiff(...args: string[]) {
  const r = await run(args);
  return { code: r.code, out: r.out, err: r.err };
}

const ok = file('ok.mm', [
  '# mmdiff 1',
  'r0 = mmap(NULL, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7ffff7ffd000',
  'write(r0, 0x41) = 0',
  'read(r0) = 0x41',
  'munmap(r0, 0) = -EINVAL',
  '',
].join('\n'));

describe.concurrent('mmdiff run', () => {
  it('prints results and state as JSON and exits 0 when expectations hold', async () => {
    const r = await mmdiff('run', ok, '--target', 'model', '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.results).toEqual(['0x7ffff7ffd000', '0', '0x41', '-EINVAL']);
    expect(j.state.processes[0].vmas[0]).toMatchObject({ start: '0x7ffff7ffd000', end: '0x7ffff7fff000', prot: 'rw-' });
  });

  it('exits 1 naming file:line when an expectation fails', async () => {
    const f = file('wrong.mm', 'r0 = mmap(NULL, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)\nwrite(r0, 1) = 0\n');
    const r = await mmdiff('run', f, '--target', 'model');
    expect(r.code).toBe(1);
    expect(r.err).toBe(`${f}:2: write: expected 0, got fault SIGSEGV SEGV_ACCERR\n`);
  });

  const bad: Array<[string, string[], RegExp]> = [
    ['malformed case', [file('bad.mm', 'fork()\nmunmap(0x1000, PROT_FOO)\n'), '--target', 'model'], /bad\.mm:2:16: unknown flag or constant 'PROT_FOO'$/],
    ['bad assertion', [file('bada.mm', 'fork()\n#! p0 vmas 0..1 rw- shiny\n'), '--target', 'model'], /bada\.mm:2:1: unknown VMA flag 'shiny'$/],
    ['missing file', [join(dir, 'nope.mm'), '--target', 'model'], /nope\.mm: no such file$/],
    ['directory', [dir, '--target', 'model'], /is a directory/],
    ['unknown target', [ok, '--target', 'qemu'], /unknown target 'qemu'/],
    ['missing target', [ok], /--target is required/],
    ['unknown option', [ok, '--target', 'model', '--colour'], /unknown option '--colour'/],
    ['two files', [ok, ok, '--target', 'model'], /expected one FILE, got 2/],
  ];
  it.each(bad)('%s: one line, exit 2, no stack trace', async (_name, args, msg) => {
    const r = await mmdiff('run', ...args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    expect(r.err.trimEnd()).toMatch(msg);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});

describe.concurrent('other commands reject bad input in one line', () => {
  const bad: Array<[string[], RegExp]> = [
    [['fuzz', '--workers', '0'], /--workers must be between 1 and 256, got 0/],
    [['fuzz', '--minutes', 'soon'], /--minutes takes a number, got 'soon'/],
    [['fuzz', '--minutes', '1', '--runs', '5'], /give --minutes or --runs, not both/],
    [['fuzz', '--targets', 'model,qemu'], /unknown target 'qemu'/],
    [['fuzz', '--targets', 'model'], /--targets needs two targets/],
    [['fuzz', '--targets', 'model@5.4,impl'], /unknown profile '5.4'/],
    [['fuzz', '--seed'], /option --seed needs a value/],
    [['smoke', '--seconds', 'abc'], /--seconds takes a number, got 'abc'/],
    [['repro'], /expected one FILE, got 0/],
    [['minimize', join(dir, 'nope.mm')], /nope\.mm: no such file$/],
    [['corpus', 'frob'], /expected ls, check or merge, got 'frob'/],
  ];
  it.each(bad)('%j', async (args, msg) => {
    const r = await mmdiff(...args);
    expect(r.code).toBe(2);
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    expect(r.err.trimEnd()).toMatch(msg);
  });
});

describe('mmdiff', () => {
  it('rejects an unknown command', async () => {
    const r = await mmdiff('frobnicate');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^mmdiff: unknown command 'frobnicate'/);
  });
  it('prints help', async () => {
    expect(await mmdiff('--help')).toMatchObject({ code: 0 });
    expect((await mmdiff('run', '--help')).out).toMatch(/usage: mmdiff run FILE --target T/);
  });
});
