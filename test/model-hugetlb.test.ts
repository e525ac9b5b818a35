// hugetlb VMAs in the model (model/mmap.ts doMmapHugetlb and the hugetlb rules it leads to): the
// corpus cases of corpus/semantics/hugetlb exist (test/semantics.test.ts runs them on every
// target), and what stays NotModelled ("not run").
// Modelled: an anonymous MAP_HUGETLB|MAP_NORESERVE mapping (private or shared) while the pool is empty
// (machine hugePages=0), where every fault is SIGBUS and nothing is ever mapped.

import { describe, expect, it } from 'vitest';
import { parse, runProgram, VMF, type Program, type Trace } from '../abi/index.js';
import { checkExpectations } from '../fuzz/expect.js';
import { findCases } from '../fuzz/load.js';
import { createModel } from '../model/index.js';

const run = (p: Program): Trace => runProgram(createModel, p);

describe('corpus/semantics/hugetlb', () => {
  // test/semantics.test.ts runs them on every target; here: they are there
  it('has the noreserve cases', () => expect(findCases('corpus/semantics/hugetlb').filter((f) => f.includes('noreserve_')).length).toBeGreaterThanOrEqual(4));
});

const MAP = 'r0 = mmap(NULL, 0x400000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|MAP_NORESERVE, -1, 0)\n';

function prog(body: string, machine = ''): Program {
  return parse(`# mmdiff 1\n${machine}${body}`);
}

describe('hugetlb rules (empty pool)', () => {
  it('a touch is SIGBUS and maps nothing; the VMA is hugetlb noreserve without account', () => {
    const p = prog(MAP + 'write(r0+0x200008, 1) = fault SIGBUS BUS_ADRERR\nread(r0) = fault SIGBUS BUS_ADRERR\nmem_write(r0, 1) = -EIO\n');
    const t = run(p);
    expect(t.unsupported).toBeUndefined();
    expect(checkExpectations(p, t)).toEqual([]);
    const p0 = t.state.processes[0];
    expect(p0.ptes).toHaveLength(0);
    const v = p0.vmas.find((x) => x.end - x.start === 0x400000n)!;
    expect(v).toBeDefined();
    expect(v.start % 0x200000n).toBe(0n);
    expect(v.flags).toBe(VMF.HUGETLB | VMF.NORESERVE);
  });

  it('two adjacent hugetlb mappings never merge (VM_DONTEXPAND)', () => {
    const t = run(prog(MAP + 'mmap(r0+0x400000, 0x200000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|MAP_NORESERVE|MAP_FIXED, -1, 0)\n'));
    expect(t.unsupported).toBeUndefined();
    expect(t.state.processes[0].vmas.filter((v) => v.start >= 0x200000n && v.end - v.start >= 0x200000n)).toHaveLength(2);
  });

  it.for([
    ['a pool with pages', MAP, '# machine hugePages=4\n'],
    ['a hugetlb mapping under the 6.10 profile', MAP, '# machine profile=6.10\n'],
    ['mremap of a hugetlb VMA', MAP + 'mremap(r0, 0x400000, 0x200000, 0, NULL)\n', ''],
  ] as const)('%s is not run (NotModelled)', ([, body, machine]) => {
    const t = run(prog(body, machine));
    expect(t.unsupported).toBeTruthy();
  });
});
