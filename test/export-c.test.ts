// export-c: an exported case compiled with gcc and run on this machine prints, op by
// op, the same results the kernel target reports for the case.

import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatResult, OPS, parse, type Program } from '../abi/index.js';
import { openTarget, type Target } from '../fuzz/target.js';
import { exportC } from '../kernel/export-c.js';

const dir = mkdtempSync(join(tmpdir(), 'mmdiff-export-'));

/** A child process run without blocking the test worker (gcc on a 130k-op case takes a while under load). */
function run(argv: string[], timeoutMs = 150_000): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(argv[0], argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    const t = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('close', (status) => {
      clearTimeout(t);
      resolve({ status, stdout, stderr });
    });
  });
}
let kernel: Target;
beforeAll(async () => {
  kernel = await openTarget('kernel');
});
afterAll(async () => {
  await kernel?.close?.();
});

// every process and result kind the kernel target runs: values, errnos, faults with
// si_code, fork and COW, seals, guards, exit and an op of an exited process
const CASE = `# mmdiff 1
r0 = mmap(NULL, 0x4000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
write(r0, 0x41)
mseal(r0+0x1000, 0x1000, 0)
mprotect(r0, 0x3000, PROT_READ)
madvise(r0+0x3000, 0x1000, MADV_GUARD_INSTALL)
read(r0+0x3000)
r1 = fork()
p1: write(r0, 0x42)
p1: read(r0)
read(r0+0x8)
exec(r0)
r2 = mremap(r0+0x2000, 0x1000, 0x2000, MREMAP_MAYMOVE, 0)
munmap(r0+0x1000, 0x1000)
r3 = mmap(r2, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE, -1, 0)
p1: exit(0)
p1: read(r0)
write(0x10, 1)
`;

function resultsOf(prog: Program): string[] {
  return prog.ops.map((op) => (op.expect === undefined ? '(none)' : formatResult(op.expect, OPS[op.name].returns)));
}

it('the exported program, compiled and run, prints the kernel target\'s results', async () => {
  const prog = kernel.layout ? { ...parse(CASE), machine: { ...kernel.layout, ...parse(CASE).machine } } : parse(CASE);
  const c = join(dir, 'repro.c');
  writeFileSync(c, exportC(parse(CASE), 'test case'));
  await run(['gcc', '-O1', '-static', '-Wall', '-Werror', '-o', join(dir, 'repro'), c]);
  const ran = await run([join(dir, 'repro')]);
  expect(ran.status, ran.stderr).toBe(0);
  const printed = parse(ran.stdout);
  expect(printed.ops.map((o) => o.name)).toEqual(prog.ops.map((o) => o.name));
  const t = await kernel.run(prog);
  expect(t.unsupported).toBeUndefined();
  expect(t.crash).toBeUndefined();
  expect(resultsOf(printed)).toEqual(t.results.map((r, i) => formatResult(r, OPS[prog.ops[i].name].returns)));
}, 60_000);

/** Exports, compiles and runs a case; the reproducer's status, output and errors. */
async function reproduce(name: string, text: string, opt = '-O1') {
  const c = join(dir, `${name}.c`);
  writeFileSync(c, exportC(parse(text), name));
  const cc = await run(['gcc', opt, '-static', '-Wall', '-Werror', '-o', join(dir, name), c]);
  if (cc.status !== 0) throw new Error(`gcc failed: ${cc.stderr}`);
  const r = await run([join(dir, name)]);
  return { status: r.status, out: r.stdout, err: r.stderr };
}

// side by side: each case is a gcc run and a short process, independent of the others
describe.concurrent('a case from somebody else cannot take over the reproducer', () => {
  // the static reproducer's text starts at 0x401000, its data and heap follow; each case
  // tries to change that memory (the first writes a payload into its code: int3 … )
  const attacks: Array<[string, string]> = [
    ['patch its own text', 'mprotect(0x401000, 0x1000, PROT_READ|PROT_WRITE|PROT_EXEC)\nwrite(0x401000, 0xcccccccccccccccc)'],
    ['write into its own text', 'write(0x401000, 0xcccccccccccccccc)'],
    ['MAP_FIXED over its own text', 'mmap(0x400000, 0x10000, PROT_READ|PROT_WRITE|PROT_EXEC, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)'],
    ['unmap everything', 'munmap(0x0, 0x7ffffffff000)'],
    ['mremap its own text away', 'mremap(0x401000, 0x1000, 0x1000, MREMAP_MAYMOVE|MREMAP_FIXED, 0x10000000)'],
    ['mremap onto its own text', 'r0 = mmap(NULL, 0x1000, PROT_READ|PROT_WRITE|PROT_EXEC, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)\nwrite(r0, 0xcccccccccccccccc)\nmremap(r0, 0x1000, 0x1000, MREMAP_MAYMOVE|MREMAP_FIXED, 0x401000)'],
    ['discard its own data', 'madvise(0x400000, 0x7fff00000000, MADV_DONTNEED)'],
    ['shrink its heap', 'brk(0x400000)'],
    ['move its TLS base', 'arch_prctl(0x1002, 0x10000000)'],
    ['close its pipes', 'close(3)'],
  ];
  it.each(attacks)('%s: refused, exit 3, nothing run after it', async (name, body) => {
    const r = await reproduce(`attack-${name.replace(/\W+/g, '-')}`, `# mmdiff 1\n${body}\nr9 = mmap(NULL, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)\n`);
    expect(r.status, r.err).toBe(3);
    expect(r.out).toMatch(/# refused: /);
    expect(r.out).not.toMatch(/^r9 = /m); // nothing after the refusal ran
    expect(r.err.trim().split('\n')).toHaveLength(1);
  }, 60_000);

  it('program processes run under seccomp; expectations are checked (exit 1, expected X, got Y)', async () => {
    const ok = await reproduce('expect', '# mmdiff 1\nr0 = mmap(NULL, 0x2000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)\nmunmap(r0, 0) = -EINVAL\nmprotect(r0, 0x1000, PROT_NONE) = -EPERM\nr1 = fork() = 1\n');
    expect(ok.status).toBe(1);
    expect(ok.err).toMatch(/^repro: op 2 mprotect\(r0, 0x1000, PROT_NONE\): expected -EPERM, got 0$/m);
    expect(ok.err).not.toMatch(/munmap/);
    expect(ok.out).toMatch(/^# end p0 seccomp filter$/m);
    expect(ok.out).toMatch(/^# end p1 seccomp filter$/m);
    expect(ok.out).toMatch(/^# end p0 vma 0x[0-9a-f]+-0x[0-9a-f]+ ---p$/m);
  }, 60_000);

  it('a case of 130,000 ops compiles and runs (the ops are a table, not code)', async () => {
    const ops = Array.from({ length: 130_000 }, (_, i) => `read(r0+0x${((i % 512) * 8).toString(16)})`);
    const r = await reproduce('long', `# mmdiff 1\nr0 = mmap(NULL, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)\n${ops.join('\n')}\n`, '-O0');
    expect(r.status, r.err).toBe(0);
    expect(parse(r.out).ops).toHaveLength(130_001);
  }, 180_000);
});
