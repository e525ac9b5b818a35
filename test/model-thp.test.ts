// Transparent huge pages in the model (model/thp.ts, model/khugepaged.ts): the cases still in
// test/thp-pending/ (seen on the live kernel, not yet run by the impl; the rest are in
// corpus/semantics/thp, run on every target) and a few properties stated directly.

import { describe, expect, it } from 'vitest';
import { parse, PTE_BIT, runProgram, type Program, type PteState, type Trace } from '../abi/index.js';
import { checkAssertions } from '../fuzz/assertions.js';
import { checkExpectations } from '../fuzz/expect.js';
import { findCases, loadProgram } from '../fuzz/load.js';
import { createModel } from '../model/index.js';

const PSE = 1n << BigInt(PTE_BIT.PSE);
const run = (p: Program): Trace => runProgram(createModel, p);

describe('thp-pending cases on the model', () => {
  const files = findCases('test/thp-pending');
  it('has cases', () => expect(files.length).toBeGreaterThan(0));
  it.for(files)('%s', (file) => {
    const { prog, lines, assertLines } = loadProgram(file);
    const trace = run(prog);
    const problems = checkExpectations(prog, trace).map((m) => `${file}:${lines[m.op]}: ${prog.ops[m.op].name}: expected ${m.expected}, got ${m.actual}`);
    if (trace.crash) problems.push(`${file}: model crashed: ${trace.crash.message}`);
    if (trace.unsupported) problems.push(`${file}: not run: ${trace.unsupported}`);
    for (const f of checkAssertions(prog, run, trace)) problems.push(`${file}:${assertLines[f.index]}: ${f.message}`);
    expect(problems, problems.join('\n')).toEqual([]);
  });
});

function ptesOf(t: Trace, pid = 0): readonly PteState[] {
  return t.state.processes.find((p) => p.pid === pid)!.ptes;
}

const HUGE = `# mmdiff 1
r0 = mmap(0x40000000, 0x400000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
madvise(r0, 0x400000, MADV_HUGEPAGE)
write(r0+0x1008, 0x41)
`;

describe('THP rules', () => {
  it('a write fault in a MADV_HUGEPAGE block maps 512 PSE pages with distinct frames', () => {
    const t = run(parse(HUGE));
    const ptes = ptesOf(t);
    expect(ptes).toHaveLength(512);
    expect(ptes.every((p) => (p.bits & PSE) !== 0n && p.addr >= 0x40000000n && p.addr < 0x40200000n)).toBe(true);
    expect(new Set(ptes.map((p) => p.frame)).size).toBe(512);
    // contents stay per 4K frame: only the written one has a non-zero word
    expect(t.state.contents).toHaveLength(1);
    expect(t.state.contents[0].words).toEqual([[8, 0x41n]]);
  });

  it('a partial munmap splits the PMD into PTEs without PSE, keeping frames and contents', () => {
    const t = run(parse(HUGE + 'munmap(r0+0x5000, 0x1000)\nread(r0+0x1008)\n'));
    expect(t.results.at(-1)).toBe(0x41n);
    const ptes = ptesOf(t);
    expect(ptes).toHaveLength(511);
    expect(ptes.some((p) => (p.bits & PSE) !== 0n)).toBe(false);
    expect(ptes.find((p) => p.addr === 0x40005000n)).toBeUndefined();
  });

  it('thp=0 keeps the 4K behaviour: the same program without MADV_HUGEPAGE gives the same trace', () => {
    const off = run(parse('# mmdiff 1\n# machine thp=0\n' + HUGE.slice('# mmdiff 1\n'.length)));
    const noAdvice = run(parse('# mmdiff 1\n# machine thp=0\n' + HUGE.slice('# mmdiff 1\n'.length).replace(/madvise\(r0, 0x400000, MADV_HUGEPAGE\)/, 'madvise(r0, 0x400000, MADV_NORMAL)')));
    expect(ptesOf(off)).toHaveLength(1);
    expect(ptesOf(off)[0].bits & PSE).toBe(0n);
    expect(ptesOf(off)).toEqual(ptesOf(noAdvice));
  });

  it('MADV_PAGEOUT of a MADV_FREE\'d THP is not modelled (the program is not run)', () => {
    const t = run(parse(HUGE + 'madvise(r0, 0x200000, MADV_FREE)\nmadvise(r0, 0x200000, MADV_PAGEOUT)\n'));
    expect(t.unsupported).toMatch(/not swap-backed/);
  });

  it('MADV_COLD of a THP mapped by 512 PTEs in one VMA makes every PTE old, the folio stays whole', () => {
    const t = run(parse(HUGE + 'mprotect(r0+0x5000, 0x1000, PROT_READ)\nmprotect(r0, 0x400000, PROT_READ|PROT_WRITE)\nmadvise(r0, 0x200000, MADV_COLD)\n'));
    const ptes = ptesOf(t);
    expect(ptes).toHaveLength(512);
    expect(ptes.every((p) => p.frame !== 'Z' && (p.bits & PSE) === 0n && (p.bits & (1n << BigInt(PTE_BIT.A))) === 0n)).toBe(true);
  });

  it('MADV_COLD of part of a THP splits the folio: its all-zero pages become the zero page', () => {
    const t = run(parse('# mmdiff 1\n# machine zeroPage=0\n' + HUGE.slice('# mmdiff 1\n'.length) + 'madvise(r0, 0x1000, MADV_COLD)\n'));
    const ptes = ptesOf(t);
    expect(ptes).toHaveLength(512);
    expect(ptes.filter((p) => p.frame === 'Z')).toHaveLength(511);
    expect(ptes.find((p) => p.addr === 0x40001000n)!.frame).not.toBe('Z');
  });

  it('exit drops the PMD and the folio: a fork child that exits leaves the parent the only mapping', () => {
    const t = run(parse(HUGE + 'r1 = fork()\np1: exit(0)\nwrite(r0+0x2008, 0x42)\n'));
    const ptes = ptesOf(t);
    expect(ptes).toHaveLength(512);
    // do_huge_pmd_wp_page reused the folio: still one PMD, writable again
    expect(ptes.every((p) => (p.bits & PSE) !== 0n && (p.bits & (1n << BigInt(PTE_BIT.RW))) !== 0n)).toBe(true);
  });

  it('a huge PMD mapped by two processes is never written in place', () => {
    const t = run(parse(HUGE + 'r1 = fork()\np1: write(r0+0x1008, 0x99)\nread(r0+0x1008)\n'));
    expect(t.results.at(-1)).toBe(0x41n);
  });
});
