// Replaying a case on this host: `mmdiff run CASE --target kernel` runs a case written
// for the default machine when the kernel can honour it (its expectations hold on this
// machine too, assertions cut to what /proc shows), and otherwise lists every mismatch
// at once with the `# machine` line of this host, exit 3.

import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectAssertion } from '../fuzz/honour.js';
import { defaultHelperPath } from '../kernel/index.js';
import { mmdiff } from './helpers/cli.js';

it('projects assertions onto what the kernel observes', () => {
  expect(projectAssertion(' p0 pte r0 P RW US A D NX f1')).toBe(' p0 pte r0 P f1');
  expect(projectAssertion(' p1 pte r0+0x1000 guard')).toBe(' p1 pte r0+0x1000 guard');
  expect(projectAssertion(' p0 vmas r0..r0+0x1000 rw- account sealed')).toBe(' p0 vmas r0..r0+0x1000 rw- account sealed');
  expect(projectAssertion(' p0 pkeys 0x3')).toBeNull();
  expect(projectAssertion(' p0 brk 0x4c9000 | pkeys 0x3')).toBe(' p0 brk 0x4c9000');
});

describe.skipIf(!existsSync(defaultHelperPath()))('mmdiff run --target kernel', () => {
  it('runs a case written for the default machine where the kernel honours it', async () => {
    // written for pku=1, mmap_min_addr 0x1000, …: nothing it expects depends on them
    const r = await mmdiff(['run', 'corpus/semantics/mmap/hugetlb_late_errors.mm', '--target', 'kernel']);
    expect(r.err).toBe('');
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
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });

  it('lists every mismatch and this host’s machine line when it cannot (exit 3)', async () => {
    const r = await mmdiff(['run', 'corpus/semantics/shstk/call_ret.mm', '--target', 'kernel']);
    expect(r.code).toBe(3);
    const lines = r.err.trimEnd().split('\n');
    expect(lines[0]).toMatch(/call_ret\.mm: not run on kernel: this machine cannot honour the case:$/);
    expect(lines).toContain('  machine shstk=1, here 0 (no user shadow stacks on this kernel)');
    expect(lines).toContain('  uses call, which the kernel target cannot run');
    expect(lines[lines.length - 1]).toMatch(/^ {2}a case written for this machine has: # machine .*reserved=/);
  });
});
