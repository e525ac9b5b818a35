// export-c: an exported case compiled with gcc and run on this machine prints, op by
// op, the same results the kernel target reports for the case.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { formatResult, OPS, parse, type Program } from '../abi/index.js';
import { openTarget, type Target } from '../fuzz/target.js';
import { exportC } from '../kernel/export-c.js';

const dir = mkdtempSync(join(tmpdir(), 'mmdiff-export-'));
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
  execFileSync('gcc', ['-O1', '-static', '-Wall', '-Werror', '-o', join(dir, 'repro'), c], { stdio: 'pipe' });
  const run = spawnSync(join(dir, 'repro'), { encoding: 'utf8', timeout: 20_000, killSignal: 'SIGKILL' });
  expect(run.status, run.stderr).toBe(0);
  const printed = parse(run.stdout);
  expect(printed.ops.map((o) => o.name)).toEqual(prog.ops.map((o) => o.name));
  const t = await kernel.run(prog);
  expect(t.unsupported).toBeUndefined();
  expect(t.crash).toBeUndefined();
  expect(resultsOf(printed)).toEqual(t.results.map((r, i) => formatResult(r, OPS[prog.ops[i].name].returns)));
}, 60_000);
