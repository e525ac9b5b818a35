// Transparent huge pages on the live kernel. The kernel target is both machines: a
// program whose `# machine` says thp=1 runs on a helper with THP allowed (the host's
// `madvise` mode), one with thp=0 on the PR_SET_THP_DISABLE helper, in any mix within one
// batch. The facts of docs/kernel-differences.md "THP on this host" are the programs in
// kernel/thp-facts/, checked here on the kernel itself (not through the model: they are
// what model and impl are being taught), their PTE assertions through the BPF walker (a
// page under a huge PMD reports that PMD, PSE set, and its own 4 KiB sub-frame).

import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { machineOf, parse, perProgramKeys, type Program } from '../abi/index.js';
import { checkAssertionsBatched } from '../fuzz/assertions.js';
import { checkExpectations } from '../fuzz/expect.js';
import { honour, projectProgram } from '../fuzz/honour.js';
import { loadProgram } from '../fuzz/load.js';
import { defaultHelperPath, OP_CODES, startKernelTarget } from '../kernel/index.js';
import { thpUnavailable } from '../kernel/machine-probe.js';
import { OP_NAMES } from '../abi/index.js';
import type { Summary } from '../fuzz/campaign.js';
import { mmdiff } from './helpers/cli.js';

const built = existsSync(defaultHelperPath());
const noThp = thpUnavailable();
const FACTS = 'kernel/thp-facts';
const facts = readdirSync(FACTS).filter((f) => f.endsWith('.mm')).sort().map((f) => join(FACTS, f));

describe.skipIf(!built)('THP on the kernel target', () => {
  let k: Awaited<ReturnType<typeof startKernelTarget>>;
  beforeAll(async () => {
    k = await startKernelTarget();
  });
  afterAll(async () => {
    await k?.close();
  });

  const collapse = (thp: boolean): Program => ({
    ...parse(`# mmdiff 1
r0 = mmap(0x40000000, 0x200000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
write(r0+0x1000, 0x1)
madvise(r0, 0x1000, MADV_COLLAPSE) = ${thp ? '0' : '-EINVAL'}
`),
    machine: { ...k.layout(), thp },
  });

  it('the default helper is thp=0 (PR_SET_THP_DISABLE); the layout says so and lets a program choose', () => {
    expect(k.hello.thpDisabled).toBe(true);
    expect(k.layout().thp).toBe(false);
    expect(perProgramKeys(k.layout())).toEqual(noThp ? [] : ['thp']);
    // a copy of the layout is one machine (what a campaign's programs carry)
    expect(perProgramKeys({ ...k.layout() })).toEqual([]);
  });

  it.skipIf(noThp)('runs thp=1 programs on a helper with THP allowed, thp=0 ones on the other, in one batch', async () => {
    // MADV_COLLAPSE of a range that holds no aligned block: 0 where THP is allowed,
    // EINVAL under PR_SET_THP_DISABLE (vma_thp_disabled)
    const ts = await k.runMany([collapse(true), collapse(false), collapse(true), collapse(false)]);
    expect(ts.map((t) => t.crash ?? t.unsupported ?? t.results[2])).toEqual([0n, '-EINVAL', 0n, '-EINVAL']);
    const other = await k.otherProcesses();
    expect(other).toHaveLength(1);
    expect(other[0].hello.thpDisabled).toBe(false);
    expect(k.processes.every((h) => h.hello.thpDisabled)).toBe(true);
  });

  it.skipIf(!noThp)(`refuses thp=1 programs where this host cannot be thp=1 (${noThp})`, async () => {
    const t = await k.run(collapse(true));
    expect(t.unsupported).toMatch(/machine thp=1, but the kernel here cannot be it/);
  });

  it.skipIf(noThp)('honour() keeps a case’s thp where the target takes it per program', () => {
    const ops = OP_NAMES.filter((n) => OP_CODES[n] === undefined);
    for (const thp of [true, false]) {
      const h = honour(k.layout(), ops, collapse(thp), k.observe);
      expect('run' in h && machineOf(h.run).thp).toBe(thp);
    }
    // a fixed machine (a copy of the layout) still honours thp=1 only where it holds at thp=0
    const fixed = honour({ ...k.layout() }, ops, collapse(true), k.observe);
    expect('skip' in fixed ? fixed.skip : 'run').toMatch(/needs thp=1 \(here 0\)/);
  });

  describe.skipIf(noThp)('kernel/thp-facts', () => {
    it('has facts', () => expect(facts.length).toBeGreaterThan(0));
    for (const file of facts) {
      it(file, async (ctx) => {
        const { prog, lines, assertLines } = loadProgram(file);
        const want = machineOf(prog);
        const here = k.layout();
        if (prog.machine?.zeroPage !== undefined && want.zeroPage !== here.zeroPage) {
          ctx.skip(`written for zeroPage=${want.zeroPage ? 1 : 0}, this host has ${here.zeroPage ? 1 : 0}`);
          return;
        }
        if (!k.hello.pteBits) console.log(`${file}: no PTE walker here (${k.hello.pteNote}): PTE assertions checked as present-or-not`);
        // this host's machine with the case's thp; assertions cut to what the target observes
        const run = projectProgram({ ...prog, machine: { ...here, thp: want.thp } }, k.observe);
        const trace = await k.run(run);
        const problems: string[] = [];
        if (trace.unsupported) problems.push(`refused: ${trace.unsupported}`);
        if (trace.crash) problems.push(`${file}:${lines[trace.crash.op] ?? 'end'}: crashed: ${trace.crash.message}`);
        for (const m of checkExpectations(run, trace)) problems.push(`${file}:${lines[m.op]}: ${run.ops[m.op].name}: expected ${m.expected}, got ${m.actual}`);
        const failed = await checkAssertionsBatched(run, async (ps) => (await k.runMany(ps)).map(k.observe), k.observe(trace));
        for (const f of failed) problems.push(`${file}:${assertLines[f.index]}: ${f.message}`);
        expect(problems, problems.join('\n')).toEqual([]);
      });
    }
  });

  it.skipIf(noThp)('every page of a THP reports the PMD leaf: PSE, one frame each, the walker’s PFN check passing', async () => {
    const p: Program = {
      ...parse(`# mmdiff 1
r0 = mmap(0x40000000, 0x400000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
madvise(r0, 0x200000, MADV_HUGEPAGE)
write(r0+0x1000, 0x41)
`),
      machine: { ...k.layout(), thp: true },
    };
    const t = await k.run(p);
    expect(t.crash).toBeUndefined();
    const ptes = t.state.processes[0].ptes;
    expect(ptes).toHaveLength(512);
    expect(ptes.map((e) => e.addr)).toEqual(Array.from({ length: 512 }, (_, i) => 0x40000000n + BigInt(i) * 0x1000n));
    // 512 distinct frames (the dump checked each against pagemap: the PMD's PFN + index)
    expect(new Set(ptes.map((e) => e.frame)).size).toBe(512);
    if (k.hello.pteBits) for (const e of ptes) expect(e.bits).toBe(0x80000000000000e7n); // P RW US A D PSE NX
  });
});

describe.skipIf(!built || noThp)('THP through the CLI', () => {
  /** stderr without the kernel target's one notice (no PTE walker on this machine). */
  const quiet = (err: string) => err.replace(/^mmdiff: notice: the kernel target cannot read PTE bits.*\n/m, '');

  it('mmdiff run CASE --target kernel runs a thp=1 case on the THP helper, a thp=0 one on the other', async () => {
    const m = await mmdiff(['machine', '--target', 'kernel']);
    expect(m.code, m.err).toBe(0);
    expect(m.out).toMatch(/ thp=0 /);
    const dir = mkdtempSync(join(tmpdir(), 'mmdiff-thp-'));
    const body = (thp: 0 | 1) =>
      `# mmdiff 1\n${m.out.replace(/ thp=0 /, ` thp=${thp} `)}r0 = mmap(NULL, 0x400000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)\n` +
      `madvise(r0, 0x200000, MADV_HUGEPAGE) = 0\nwrite(r0+0x1000, 0x1) = 0\nwrite(r0+0x300000, 0x2) = 0\nmadvise(r0+0x200000, 0x1000, MADV_COLLAPSE) = ${thp ? '0' : '-EINVAL'}\n`;
    const on = join(dir, 'on.mm');
    const off = join(dir, 'off.mm');
    writeFileSync(on, body(1));
    writeFileSync(off, body(0));
    const [r1, r0] = await Promise.all([mmdiff(['run', on, '--target', 'kernel', '--json']), mmdiff(['run', off, '--target', 'kernel', '--json'])]);
    expect(quiet(r1.err)).toBe('');
    expect(r1.code).toBe(0);
    expect(quiet(r0.err)).toBe('');
    expect(r0.code).toBe(0);
    const ptes = (out: string) => (JSON.parse(out) as { state: { processes: Array<{ ptes: Array<{ bits: string }> }> } }).state.processes[0].ptes;
    expect(ptes(r0.out)).toHaveLength(2);
    const huge = ptes(r1.out);
    expect(huge).toHaveLength(513);
    const walker = !/cannot read PTE bits/.test(r1.err);
    if (walker) {
      // the THP's 512 pages report its PMD; the written page of the other VMA a 4 KiB PTE
      expect(huge.slice(0, 512).filter((e) => e.bits !== 'P RW US A D PSE NX')).toEqual([]);
      expect(huge[512].bits).toBe('P RW US A D NX');
    }
  });

  it('MMDIFF_KERNEL_THP=1 makes the kernel target (and a model,kernel campaign) a thp=1 machine', async () => {
    const env = { ...process.env, MMDIFF_KERNEL_THP: '1' };
    const m = await mmdiff(['machine', '--target', 'kernel'], { env });
    expect(m.code, m.err).toBe(0);
    expect(m.out).toMatch(/^# machine /);
    expect(m.out).not.toMatch(/thp=/); // thp=1 is the default machine's
    const out = mkdtempSync(join(tmpdir(), 'mmdiff-thpcamp-'));
    const r = await mmdiff(['fuzz', '--targets', 'model,kernel', '--runs', '100', '--workers', '1', '--seed', '3', '--out', out], { env });
    expect(r.code, r.err).toBe(0);
    const s = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Summary;
    expect(s.programs).toBe(100);
    expect(s.buckets.filter((b) => b.signature.startsWith('worker ')).map((b) => b.detail)).toEqual([]);
  }, 150_000);
});
