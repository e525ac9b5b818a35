// The semantic suite (corpus/semantics) on the live kernel. A case runs on the kernel
// only where the kernel here can honour the machine it was written for (fuzz/honour.ts,
// the logic `mmdiff run --target kernel` uses); otherwise it is skipped with the reason
// in its title:
// - profile, shstk, maxMapCount, mmapBase, brkStart: the kernel's own (sysctls are
//   global; a 6.10 kernel is not this one);
// - ops the kernel target cannot run (shadow stacks, trampfd, close);
// - pku, mmapMinAddr and the helper's reserved memory: the case was written for its
//   pku and mmap_min_addr and for an address space with nothing in it; the kernel
//   honours it where its checks hold on the model with the kernel's values.
// Expectations (`= result`) must hold exactly; `#!` state assertions are checked
// through what the kernel can observe (its observer, abi/observe.ts): the assertion is
// projected like the state (PTE bits exact where the helper's BPF walker reads real
// PTEs, else present-or-not; no pkeys/ssp/shstk clauses).
// Where the kernel disagrees with a case, the case is listed in KNOWN_MISMATCHES with
// the kernel's behaviour: it runs as `it.fails`, so a fixed case shows up.

import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OP_NAMES, type Program } from '../abi/index.js';
import { checkAssertionsBatched } from '../fuzz/assertions.js';
import { checkExpectations } from '../fuzz/expect.js';
import { honour } from '../fuzz/honour.js';
import { findCases, loadProgram } from '../fuzz/load.js';
import { defaultHelperPath, OP_CODES, startKernelTarget, type KernelTarget } from '../kernel/index.js';

const files = findCases('corpus/semantics');
const built = existsSync(defaultHelperPath());

/**
 * Cases where the kernel here (6.18.44 x86-64, Firecracker config) disagrees with the
 * written expectation; each runs as it.fails (docs/kernel-differences.md).
 */
const KNOWN_MISMATCHES: Record<string, string> = {
  // none: the two the first conformance campaign found (MADV_COLLAPSE without an
  // anon_vma, MADV_HWPOISON without CONFIG_MEMORY_FAILURE) are a fixed model bug and a
  // machine parameter now (docs/kernel-differences.md)
};

/** The program as the kernel runs it, or why the kernel here cannot honour the case (fuzz/honour.ts). */
function honourOn(k: KernelTarget, prog: Program): { run: Program } | { skip: string } {
  return honour(k.layout(), OP_NAMES.filter((n) => OP_CODES[n] === undefined), prog, k.observe);
}

describe.skipIf(!built)('corpus/semantics on the kernel', () => {
  let k: KernelTarget;
  const skipped: string[] = [];
  beforeAll(async () => {
    k = await startKernelTarget();
  });
  afterAll(async () => {
    if (skipped.length) console.log(`kernel-semantics: ${skipped.length} cases skipped:\n  ${skipped.join('\n  ')}`);
    await k?.close();
  });

  it('has cases', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    const known = KNOWN_MISMATCHES[file];
    const test = known ? it.fails : it;
    test(known ? `${file} [known kernel mismatch: ${known}]` : file, async (ctx) => {
      const { prog, lines, assertLines } = loadProgram(file);
      const h = honourOn(k, prog);
      if ('skip' in h) {
        skipped.push(`${file}: ${h.skip}`);
        ctx.skip(h.skip);
        return;
      }
      const run = h.run;
      const check = async (): Promise<string[]> => {
        const trace = await k.run(run);
        const problems: string[] = [];
        if (trace.unsupported) problems.push(`${file}: the kernel target refused it: ${trace.unsupported}`);
        if (trace.crash) problems.push(`${file}:${lines[trace.crash.op] ?? 'end'}: kernel crashed: ${trace.crash.message}`);
        for (const mm of checkExpectations(prog, trace)) problems.push(`${file}:${lines[mm.op]}: ${prog.ops[mm.op].name}: expected ${mm.expected}, got ${mm.actual}`);
        const failures = await checkAssertionsBatched(run, async (ps) => (await k.runMany(ps)).map(k.observe), k.observe(trace));
        for (const f of failures) problems.push(`${file}:${assertLines[f.index]}: ${f.message}`);
        return problems;
      };
      // the live kernel's A bits are the hardware's, and DAMON may clear one between a fault
      // and the read (docs/kernel-differences.md): a case is rerun, and fails when no run of
      // three holds, as a campaign's re-triage treats a divergence seen once
      let problems = await check();
      for (let i = 1; i < 3 && problems.length; i++) problems = await check();
      expect(problems, problems.join('\n')).toEqual([]);
    });
  }
});

if (!built) {
  describe('corpus/semantics on the kernel', () => {
    it.skip(`kernel helper not built (${defaultHelperPath()} missing): run npm run build:helper`, () => {});
  });
}
