// compare(): the first divergence, its class and signature; canonicalize(): frame
// numbering by first appearance, so allocators that share alike compare equal.

import { describe, expect, it } from 'vitest';
import {
  canonicalize,
  compare,
  parse,
  VMF,
  type ProcState,
  type PteState,
  type RawState,
  type Trace,
  type VmaState,
} from '../abi/index.js';
import { stateDiff } from '../fuzz/statediff.js';

const P = 1n, RW = 2n, US = 4n, A = 32n, D = 64n, NX = 1n << 63n, SD = 1n << 58n;

function proc(over: Partial<ProcState> = {}): ProcState {
  return { pid: 0, alive: true, vmas: [], ptes: [], brk: 0x4c9000n, pkru: 0x55555554, pkeys: 1, ssp: 0n, shstk: 0, ...over };
}
const vma = (start: bigint, end: bigint, prot: number, flags = 0, pkey = 0): VmaState => ({ start, end, prot, flags, pkey });
const pte = (addr: bigint, bits: bigint, frame: PteState['frame']): PteState => ({ addr, bits, frame });
function trace(results: Trace['results'], procs: ProcState[], contents: Trace['state']['contents'] = [], crash?: Trace['crash']): Trace {
  return { results, state: { processes: procs, contents }, ...(crash ? { crash } : {}) };
}
const prog = parse('r0 = mmap(NULL, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)\nmprotect(r0, 0x2000, PROT_READ)\nwrite(r0, 1)\n');

describe('compare', () => {
  const base = trace([0x7ffff7ffd000n, 0n, 0n], [proc({ vmas: [vma(0x7ffff7ffd000n, 0x7ffff7fff000n, 3, VMF.ACCOUNT)], ptes: [pte(0x7ffff7ffd000n, P | RW | US | A | D | NX, 0)] })], [{ frame: 0, words: [[0, 1n]] }]);

  it('finds nothing in equal traces', () => {
    expect(compare(base, structuredClone(base), prog)).toBeNull();
  });

  it('reports a PTE table one side kept, after the PTEs, and not when a side does not report tables', () => {
    const withTables = (t: Trace, tables: bigint[]): Trace => ({ ...t, state: { ...t.state, processes: t.state.processes.map((p) => ({ ...p, ptTables: tables })) } });
    const a = withTables(base, [0x7ffff7e00000n]);
    expect(compare(a, withTables(base, [0x7ffff7e00000n]), prog)).toBeNull();
    expect(compare(a, withTables(base, []), prog)).toMatchObject({ class: 'pte', signature: 'end pte.table 1/0', shows: 'pte.table 1/0 (p0 0x7ffff7e00000)' });
    expect(compare(withTables(base, [0x7ffff7e00000n]), withTables(base, [0x7ffff7c00000n, 0x7ffff7e00000n]), prog)).toMatchObject({ shows: 'pte.table 0/1 (p0 0x7ffff7c00000)' });
    // the kernel reports no tables: nothing to compare
    expect(compare(a, base, prog)).toBeNull();
    // a PTE difference is reported first
    const b = withTables(trace(base.results, [proc({ vmas: base.state.processes[0].vmas })], base.state.contents), []);
    expect(compare(a, b, prog)?.signature).toBe('end pte.exists 1/0');
    // repro's list of every difference names the table too
    expect(stateDiff(a, withTables(base, []), ['model', 'impl'])).toEqual(['p0 PTE table of the 2 MiB block 0x7ffff7e00000: only in model']);
  });

  it('reports the first differing result with both kinds', () => {
    const b = { ...base, results: [0x7ffff7ffd000n, '-EPERM', 'fault SIGSEGV SEGV_ACCERR'] };
    expect(compare(base, b, prog)).toMatchObject({ class: 'result', op: 1, signature: 'mprotect result 0/-EPERM' });
    const c = { ...base, results: [0x7ffff7ffd000n, 0n, 'fault SIGSEGV SEGV_ACCERR'] };
    expect(compare(base, c, prog)).toMatchObject({ class: 'result', op: 2, signature: 'write result 0/SEGV_ACCERR' });
    const d = { ...base, results: [0x7ffff7ffc000n, 0n, 0n] };
    expect(compare(base, d, prog)?.signature).toBe('mmap result val/val');
  });

  it('reports a crash after the results that both sides produced', () => {
    const b = trace([0x7ffff7ffd000n], [], [], { op: 1, message: 'TypeError: x' });
    expect(compare(base, b, prog)).toMatchObject({ class: 'crash', op: 1, signature: 'mprotect crash 0/throw' });
  });

  it('classes a seal difference apart from layout', () => {
    const b = trace(base.results, [proc({ vmas: [vma(0x7ffff7ffd000n, 0x7ffff7fff000n, 3, VMF.ACCOUNT | VMF.SEALED)], ptes: base.state.processes[0].ptes })], base.state.contents);
    expect(compare(base, b)).toMatchObject({ class: 'seal', op: null, signature: 'end seal 0/1' });
    const c = trace(base.results, [proc({ vmas: [vma(0x7ffff7ffd000n, 0x7ffff7fff000n, 1, VMF.ACCOUNT | VMF.SEALED)] })]);
    expect(compare(base, c)?.signature).toBe('end vma.prot');
    expect(compare(base, c)?.detail).toMatch(/rw- .* vs .* r--/);
    expect(compare(base, c)?.shows).toBe('vma.prot rw-/r-- (p0 0x7ffff7ffd000)');
    // every VM flag is one kind of difference; which flag, in what is shown
    const d = trace(base.results, [proc({ vmas: [vma(0x7ffff7ffd000n, 0x7ffff7fff000n, 3)] })]);
    expect(compare(base, d)).toMatchObject({ signature: 'end vma.flags', shows: 'vma.account 1/0 (p0 0x7ffff7ffd000)' });
    // count and bounds are one kind: the layout
    const e = trace(base.results, [proc({ vmas: [vma(0x7ffff7ffd000n, 0x7ffff7ffe000n, 3, VMF.ACCOUNT), vma(0x7ffff7ffe000n, 0x7ffff7fff000n, 3, VMF.ACCOUNT)] })]);
    expect(compare(base, e)).toMatchObject({ signature: 'end vma.layout', shows: 'vma.bounds 0x7ffff7ffd000-0x7ffff7fff000/0x7ffff7ffd000-0x7ffff7ffe000 (p0 #0)' });
  });

  it('names the first differing PTE bit, then frames', () => {
    const withPte = (p: PteState) => trace(base.results, [proc({ vmas: base.state.processes[0].vmas, ptes: [p] })], base.state.contents);
    expect(compare(base, withPte(pte(0x7ffff7ffd000n, P | US | A | SD | NX, 0)))?.signature).toBe('end pte.RW 1/0');
    expect(compare(base, withPte(pte(0x7ffff7ffd000n, P | RW | US | A | D | NX, 'Z')))).toMatchObject({ signature: 'end pte.frame private/Z', shows: 'pte.frame 0/Z (p0 0x7ffff7ffd000)' });
    expect(compare(base, withPte(pte(0x7ffff7ffe000n, P | RW | US | A | D | NX, 0)))?.signature).toBe('end pte.exists 1/0');
  });

  it('compares contents word by word', () => {
    const b = { ...base, state: { ...base.state, contents: [{ frame: 0, words: [[0, 2n]] as const }] } };
    expect(compare(base, b)).toMatchObject({ class: 'content', signature: 'end content', shows: 'content frame 0+0x0 0x1/0x2' });
  });

  it('compares per-process registers', () => {
    const b = trace(base.results, [proc({ ...base.state.processes[0], pkru: 0x55555550 })], base.state.contents);
    expect(compare(base, b)).toMatchObject({ class: 'proc', signature: 'end proc.pkru' });
  });
});

describe('canonicalize', () => {
  it('numbers frames by first appearance across processes and pages', () => {
    const raw = (f: [number, number, number]): RawState => ({
      processes: [
        proc({ pid: 1, ptes: [pte(0x2000n, P, f[2]), pte(0x1000n, P, f[0])] }),
        proc({ pid: 0, ptes: [pte(0x3000n, P, 'Z'), pte(0x1000n, P, f[0]), pte(0x2000n, P, f[1])] }),
      ],
      content: (fr) => (fr === f[1] ? [[8, 7n]] : []),
    });
    const a = canonicalize(raw([10, 20, 30]));
    const b = canonicalize(raw([3, 1, 2]));
    expect(a).toEqual(b);
    expect(a.processes.map((p) => p.ptes.map((e) => e.frame))).toEqual([[0, 1, 'Z'], [0, 2]]);
    expect(a.contents).toEqual([{ frame: 1, words: [[8, 7n]] }]);
    // a target that already numbers them so (FrameNumbering) keeps its lists; one that does
    // only in part is renumbered from the first page that differs
    const c = canonicalize(raw([0, 1, 2]));
    expect(c).toEqual(a);
    const d = canonicalize(raw([0, 2, 1]));
    expect(d.processes.map((p) => p.ptes.map((e) => e.frame))).toEqual([[0, 1, 'Z'], [0, 2]]);
    expect(d.contents).toEqual([{ frame: 1, words: [[8, 7n]] }]);
    const sorted: RawState = { processes: [proc({ ptes: [pte(0x1000n, P, 0), pte(0x2000n, P, 1)] })], content: () => [] };
    expect(canonicalize(sorted).processes[0]).toBe(sorted.processes[0]);
  });
});
