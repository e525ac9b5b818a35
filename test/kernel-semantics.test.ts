// The semantic suite (corpus/semantics) on the live kernel. A case runs on the kernel
// only where the kernel here can honour the machine it was written for; otherwise it
// is skipped with the reason in its title:
// - profile, shstk, maxMapCount, mmapBase, brkStart: the kernel's own (sysctls are
//   global; a 6.10 kernel is not this one);
// - ops the kernel target cannot run (shadow stacks, trampfd, close);
// - pku, mmapMinAddr and the helper's reserved memory: the case was written for its
//   pku and mmap_min_addr and for an address space with nothing in it; the kernel
//   honours it where its checks hold on the model with the kernel's values.
// Expectations (`= result`) must hold exactly; `#!` state assertions are checked
// through what the kernel can observe (abi/observe.ts): the assertion is projected
// like the state (PTE bits -> present, no pkeys/ssp/shstk clauses).
// Where the kernel disagrees with a case, the case is listed in KNOWN_MISMATCHES with
// the kernel's behaviour: it runs as `it.fails`, so a fixed case shows up.

import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hex, machineOf, runProgram, type MachineConfig, type Op, type Program } from '../abi/index.js';
import { observeTrace, KERNEL_VISIBLE_VMF } from '../abi/observe.js';
import { VMF_NAMES } from '../abi/vmflags.js';
import { checkAssertions, checkAssertionsBatched } from '../fuzz/assertions.js';
import { checkExpectations } from '../fuzz/expect.js';
import { findCases, loadProgram } from '../fuzz/load.js';
import { defaultHelperPath, OP_CODES, startKernelTarget, type KernelTarget } from '../kernel/index.js';
import { createModel } from '../model/index.js';

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

const INVISIBLE_VMA_FLAGS = new Set(VMF_NAMES.filter(([, b]) => !(b & KERNEL_VISIBLE_VMF)).map(([n]) => n));
const MASKED_SCALARS = /^(pkeys|ssp|shstk)\b/;

/** One `#!` assertion (text after `#!`) as the kernel can check it, or null if nothing of it is visible. */
export function projectAssertion(body: string): string | null {
  const m = /^(\s*p\d+\s+)(.*)$/.exec(body);
  if (!m) return body;
  const [, head, rest] = m;
  const words = rest.trim().split(/\s+/);
  if (words[0] === 'vmas') {
    // flags smaps cannot show are dropped from each VMA
    const specs = rest.trim().slice(4).split('|').map((s) => s.trim().split(/\s+/).filter((w) => !INVISIBLE_VMA_FLAGS.has(w)).join(' '));
    return `${head}vmas ${specs.join(' | ')}`;
  }
  if (words[0] === 'pte') {
    const frame = words[words.length - 1];
    if (frame === 'none' || frame === 'guard') return body;
    const bits = words.slice(2, -1);
    const present = bits.includes('P') || bits.includes('PROTNONE');
    return `${head}pte ${words[1]} ${present ? 'P ' : ''}${frame}`;
  }
  const clauses = rest.split('|').map((c) => c.trim()).filter((c) => !MASKED_SCALARS.test(c));
  return clauses.length ? `${head}${clauses.join(' | ')}` : null;
}

function projectComments(cs: readonly string[] | undefined): string[] | undefined {
  return cs?.map((c) => (c.startsWith('!') ? (projectAssertion(c.slice(1)) === null ? ' (masked assertion)' : '!' + projectAssertion(c.slice(1))) : c));
}

function projectProgram(p: Program): Program {
  return {
    ...p,
    ops: p.ops.map((op): Op => (op.lead ? { ...op, lead: projectComments(op.lead) } : op)),
    trailer: projectComments(p.trailer),
  };
}

/** The program as the kernel runs it, or why the kernel here cannot honour the case. */
function honour(k: KernelTarget, prog: Program): { run: Program } | { skip: string } {
  const m = machineOf(prog);
  const h = k.hello;
  const fixed: Array<[keyof MachineConfig, unknown, string]> = [
    ['profile', '6.18', 'the kernel here is 6.18'],
    ['shstk', false, 'no user shadow stacks on this kernel'],
    ['maxMapCount', h.maxMapCount, 'vm.max_map_count is a global sysctl'],
    ['mmapBase', h.mmapBase, 'the helper has its own mmap_base'],
    ['brkStart', h.brk, 'the helper has its own brk start'],
  ];
  for (const [key, have, why] of fixed) {
    if (m[key] !== have) return { skip: `machine ${key}=${String(m[key])} (${why})` };
  }
  const op = prog.ops.find((o) => OP_CODES[o.name] === undefined);
  if (op) return { skip: `uses ${op.name}, which the kernel target cannot run` };
  // The case was written for its own pku and an empty address space; the kernel honours
  // it where its checks hold just as well on the kernel's machine (checked on the model).
  const run = projectProgram({ ...prog, machine: { ...m, ...k.layout() } });
  const needs: string[] = [];
  if (m.pku !== h.pku) needs.push(`pku=${m.pku ? 1 : 0} (this CPU ${h.pku ? 'has' : 'has no'} protection keys)`);
  const zeroPage = k.layout().zeroPage;
  if (zeroPage !== undefined && m.zeroPage !== zeroPage) needs.push(`zeroPage=${m.zeroPage ? 1 : 0} (this kernel ${zeroPage ? 'maps' : 'forbids'} the zero page)`);
  if (m.mmapMinAddr !== h.mmapMinAddr) needs.push(`mmapMinAddr=${hex(m.mmapMinAddr)} (here ${hex(h.mmapMinAddr)}: CONFIG_LSM_MMAP_MIN_ADDR)`);
  const why = needs.length ? `needs ${needs.join(', ')}` : "depends on the helper's reserved memory";
  const model = (p: Program) => observeTrace(runProgram(createModel, p));
  const t = model(run);
  const bad = checkExpectations(prog, t)[0];
  if (bad) return { skip: `${why}: on the kernel's machine op ${bad.op} ${prog.ops[bad.op].name} gives ${bad.actual}, not ${bad.expected}` };
  const fail = checkAssertions(run, model, t)[0];
  if (fail) return { skip: `${why}: on the kernel's machine ${fail.message}` };
  return { run };
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
      const h = honour(k, prog);
      if ('skip' in h) {
        skipped.push(`${file}: ${h.skip}`);
        ctx.skip(h.skip);
        return;
      }
      const run = h.run;
      const trace = await k.run(run);
      const problems: string[] = [];
      if (trace.unsupported) problems.push(`${file}: the kernel target refused it: ${trace.unsupported}`);
      if (trace.crash) problems.push(`${file}:${lines[trace.crash.op] ?? 'end'}: kernel crashed: ${trace.crash.message}`);
      for (const mm of checkExpectations(prog, trace)) problems.push(`${file}:${lines[mm.op]}: ${prog.ops[mm.op].name}: expected ${mm.expected}, got ${mm.actual}`);
      const failures = await checkAssertionsBatched(run, async (ps) => (await k.runMany(ps)).map(observeTrace), observeTrace(trace));
      for (const f of failures) problems.push(`${file}:${assertLines[f.index]}: ${f.message}`);
      expect(problems, problems.join('\n')).toEqual([]);
    });
  }
});

if (!built) {
  describe('corpus/semantics on the kernel', () => {
    it.skip(`kernel helper not built (${defaultHelperPath()} missing): run npm run build:helper`, () => {});
  });
}
