// abi/invariants.ts: a present PTE with RW=0 and D=1 (a shadow-stack PTE) lies in a
// VM_SHADOW_STACK VMA of its process.

import { describe, expect, it } from 'vitest';
import { checkPteInvariants, parse, runProgram, VMF, type ProcState, type State } from '../abi/index.js';
import { createModel } from '../model/index.js';

const P = 1n;
const RW = 2n;
const US = 4n;
const A = 1n << 5n;
const D = 1n << 6n;
const SD = 1n << 58n;
const NX = 1n << 63n;

function proc(pid: number, vmaFlags: number, bits: bigint, addr = 0x10000000n): ProcState {
  return {
    pid,
    alive: true,
    vmas: [{ start: 0x10000000n, end: 0x10002000n, prot: 3, flags: vmaFlags, pkey: 0 }],
    ptes: [{ addr, bits, frame: 0 }],
    brk: 0x4c9000n,
    pkru: 0x55555554,
    pkeys: 1,
    ssp: 0n,
    shstk: 0,
  };
}

function state(...processes: ProcState[]): State {
  return { processes, contents: [] };
}

describe('checkPteInvariants', () => {
  it('accepts ordinary PTEs anywhere and shadow-stack PTEs in shadow-stack VMAs', () => {
    expect(checkPteInvariants(state(proc(0, VMF.ACCOUNT, P | RW | US | A | D | NX)))).toBeNull();
    expect(checkPteInvariants(state(proc(0, VMF.ACCOUNT, P | US | A | SD | NX)))).toBeNull();
    expect(checkPteInvariants(state(proc(0, VMF.SHADOW_STACK | VMF.ACCOUNT, P | US | A | D | SD | NX)))).toBeNull();
    // not present (PROT_NONE keeps D): not a shadow-stack PTE to the CPU
    expect(checkPteInvariants(state(proc(0, VMF.ACCOUNT, (1n << 8n) | A | D)))).toBeNull();
    expect(checkPteInvariants(state({ ...proc(0, 0, 0n), ptes: [{ addr: 0x10000000n, bits: 0n, frame: null, guard: true }] }))).toBeNull();
  });

  it('reports RW=0 D=1 outside a shadow-stack VMA, naming the process and page', () => {
    const msg = checkPteInvariants(state(proc(0, VMF.SHADOW_STACK, P | US | A | D), proc(1, VMF.ACCOUNT, P | US | A | D | NX, 0x10001000n)));
    expect(msg).toMatch(/^p1 pte 0x10001000: .*without shadow_stack$/);
    const outside = checkPteInvariants(state(proc(2, VMF.SHADOW_STACK, P | US | D, 0x20000000n)));
    expect(outside).toMatch(/^p2 pte 0x20000000: .*outside every VMA$/);
  });

  it('holds for the model after shadow-stack work, forks and mprotect', () => {
    const prog = parse(`# mmdiff 1
# machine shstk=1
arch_prctl(ARCH_SHSTK_ENABLE, ARCH_SHSTK_SHSTK) = 0
r0 = map_shadow_stack(0, 0x3000, SHADOW_STACK_SET_TOKEN)
call(0x401000) = 0
rstorssp(r0+0x2ff8) = 0
saveprevssp() = 0
call(0x401010) = 0
r1 = fork() = 1
p1: ret(0x401010) = 0
mprotect(r0, 0x3000, PROT_READ) = 0
madvise(r0, 0x1000, MADV_FREE) = 0
`);
    const t = runProgram(createModel, prog);
    expect(t.results.every((r, i) => prog.ops[i].expect === undefined || r === prog.ops[i].expect)).toBe(true);
    expect(t.state.processes[1].ptes.some((p) => (p.bits & (P | RW | D)) === (P | D))).toBe(true);
    expect(checkPteInvariants(t.state)).toBeNull();
  });
});

describe('checkPteInvariants on the semantic suite', () => {
  it('holds for the model at the end of every case', async () => {
    const { findCases, loadProgram } = await import('../fuzz/load.js');
    const bad: string[] = [];
    for (const file of findCases('corpus/semantics')) {
      const t = runProgram(createModel, loadProgram(file).prog);
      const msg = checkPteInvariants(t.state);
      if (msg) bad.push(`${file}: ${msg}`);
    }
    expect(bad).toEqual([]);
  });
});
