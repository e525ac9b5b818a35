// Replaying a case on this host: `mmdiff run CASE --target kernel` runs a case written
// for the default machine when the kernel can honour it (its expectations hold on this
// machine too, assertions cut to what /proc shows), and otherwise lists every mismatch
// at once with the `# machine` line of this host, exit 3. PTE assertions are compared
// exactly where the helper reads real PTEs, present-or-not elsewhere (one notice).

import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { observeTraceWithPtes } from '../abi/observe.js';
import { projectAssertion } from '../fuzz/honour.js';
import { defaultHelperPath, startKernelTarget } from '../kernel/index.js';
import { mmdiff } from './helpers/cli.js';

it('projects assertions onto what the kernel observes', () => {
  expect(projectAssertion(' p0 pte r0 P RW US A D NX f1')).toBe(' p0 pte r0 P f1');
  expect(projectAssertion(' p1 pte r0+0x1000 guard')).toBe(' p1 pte r0+0x1000 guard');
  expect(projectAssertion(' p0 vmas r0..r0+0x1000 rw- account sealed')).toBe(' p0 vmas r0..r0+0x1000 rw- account sealed');
  expect(projectAssertion(' p0 pkeys 0x3')).toBeNull();
  expect(projectAssertion(' p0 brk 0x4c9000 | pkeys 0x3')).toBe(' p0 brk 0x4c9000');
  expect(projectAssertion(' p0 pte r0 A PROTNONE SavedDirty PKEY=3 f0')).toBe(' p0 pte r0 P f0');
  // with the PTE walker's observer every bit stays
  expect(projectAssertion(' p0 pte r0 P RW US A D NX f1', observeTraceWithPtes)).toBe(' p0 pte r0 P RW US A D NX f1');
  expect(projectAssertion(' p0 pte r0 A PROTNONE SavedDirty PKEY=3 f0', observeTraceWithPtes)).toBe(' p0 pte r0 A PROTNONE SavedDirty PKEY=3 f0');
});

/** stderr without the kernel target's one notice (no PTE walker on this machine). */
const quiet = (err: string) => err.replace(/^mmdiff: notice: the kernel target cannot read PTE bits.*\n/m, '');

describe.skipIf(!existsSync(defaultHelperPath()))('mmdiff run --target kernel', () => {
  it('runs a case written for the default machine where the kernel honours it', async () => {
    // written for pku=1, mmap_min_addr 0x1000, …: nothing it expects depends on them
    const r = await mmdiff(['run', 'corpus/semantics/mmap/hugetlb_late_errors.mm', '--target', 'kernel']);
    expect(quiet(r.err)).toBe('');
    expect(r.code).toBe(0);
  });

  it('mmdiff machine prints this host’s machine line; a case with it runs here as written', async () => {
    const m = await mmdiff(['machine', '--target', 'kernel']);
    expect(m.code, m.err).toBe(0);
    expect(m.out).toMatch(/^# machine .*reserved=0x/);
    const dir = mkdtempSync(join(tmpdir(), 'mmdiff-machine-'));
    const file = join(dir, 'here.mm');
    writeFileSync(file, `# mmdiff 1\n${m.out}r0 = mmap(NULL, 0x2000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)\nmunmap(r0, 0x1000) = 0\n#! p0 vmas r0+0x1000..r0+0x2000 r--\n`);
    const r = await mmdiff(['run', file, '--target', 'kernel']);
    expect(quiet(r.err)).toBe('');
    expect(r.code).toBe(0);
  });

  it('checks PTE assertions exactly with the walker, as present-or-not without it (one notice)', async () => {
    const probe = await startKernelTarget();
    const walker = probe.hello.pteBits;
    await probe.close();
    const m = await mmdiff(['machine', '--target', 'kernel']);
    expect(m.code, m.err).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'mmdiff-pte-'));
    const body = `# mmdiff 1\n${m.out}r0 = mmap(NULL, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)\nwrite(r0, 0x1) = 0\n`;
    const right = join(dir, 'right.mm');
    const wrong = join(dir, 'wrong.mm');
    writeFileSync(right, `${body}#! p0 pte r0 P RW US A D NX f0\n`);
    writeFileSync(wrong, `${body}#! p0 pte r0 P US A NX f0\n`);
    const off = { ...process.env, MMDIFF_KERNEL_BPF: '0' };
    const [r1, r2, r3, r4] = await Promise.all([
      mmdiff(['run', right, '--target', 'kernel']),
      mmdiff(['run', wrong, '--target', 'kernel']),
      mmdiff(['run', right, '--target', 'kernel'], { env: off }),
      mmdiff(['run', wrong, '--target', 'kernel'], { env: off }),
    ]);
    expect(r1.code, r1.err).toBe(0);
    // the written page is RW D: only real bits tell the wrong assertion apart (honour()
    // checks it on the model with this machine first: not honoured, exit 3)
    expect(r2.code, r2.err).toBe(walker ? 3 : 0);
    if (walker) expect(r2.err).toMatch(/p0 pte 0x[0-9a-f]+: expected P US A NX f0; got P RW US A D NX f0/);
    for (const r of [r3, r4]) {
      expect(r.code, r.err).toBe(0);
      expect(r.err.match(/mmdiff: notice: the kernel target cannot read PTE bits here \(disabled/g)).toHaveLength(1);
    }
  });

  it('lists every mismatch and this host’s machine line when it cannot (exit 3)', async () => {
    const r = await mmdiff(['run', 'corpus/semantics/shstk/call_ret.mm', '--target', 'kernel']);
    expect(r.code).toBe(3);
    const lines = quiet(r.err).trimEnd().split('\n');
    expect(lines[0]).toMatch(/call_ret\.mm: not run on kernel: this machine cannot honour the case:$/);
    expect(lines).toContain('  machine shstk=1, here 0 (no user shadow stacks on this kernel)');
    expect(lines).toContain('  uses call, which the kernel target cannot run');
    expect(lines[lines.length - 1]).toMatch(/^ {2}a case written for this machine has: # machine .*reserved=/);
  });
});
