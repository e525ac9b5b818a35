// The impl's shadow-stack structures, checked directly. Everything a program can observe
// (map_shadow_stack, arch_prctl, placement, the instructions, faults, PTE bits through
// `#!` assertions, fork) is a `.mm` case in corpus/semantics/shstk/, run on the model,
// the impl and, where it can, the live kernel (test/semantics.test.ts,
// test/kernel-semantics.test.ts). What stays here cannot be a case: the PTE helpers'
// bit encoding (SEMANTICS §10.5) and the frames a shadow stack holds in impl/frames.ts.

import { describe, expect, it } from 'vitest';
import { DEFAULT_MACHINE, err } from '../abi/index.js';
import { ImplMachine } from '../impl/index.js';
import * as pte from '../impl/pte.js';

const cfg = { ...DEFAULT_MACHINE, shstk: true };
const B = BigInt;

describe('impl PTE helpers on shadow-stack entries (§10.5)', () => {
  const shstk = (pte.P | pte.US | pte.A | pte.D) >>> 0; // RW=0 D=1

  it('pte_shstk is RW=0 with D=1, and pte_write() counts it as writable', () => {
    expect(pte.isShstk(shstk)).toBe(true);
    expect(pte.isWrite(shstk)).toBe(true);
    expect(pte.isShstk((pte.P | pte.US | pte.A) >>> 0)).toBe(false);
    expect(pte.isWrite((pte.P | pte.US | pte.A) >>> 0)).toBe(false);
    expect(pte.isShstk((pte.P | pte.RW | pte.D) >>> 0)).toBe(false);
    expect(pte.isWrite((pte.P | pte.RW) >>> 0)).toBe(true);
  });

  it('pte_mkwrite on a VM_SHADOW_STACK VMA clears RW and sets D (and SavedDirty); elsewhere sets RW|D, clears SavedDirty', () => {
    const ro = (pte.P | pte.US | pte.A) >>> 0;
    expect(pte.mkwriteLo(ro, true) & (pte.RW | pte.D)).toBe(pte.D);
    expect(pte.mkwriteHi(0, true) & pte.SD_HI).toBe(pte.SD_HI);
    expect(pte.mkwriteLo(ro, false) & (pte.RW | pte.D)).toBe((pte.RW | pte.D) >>> 0);
    expect(pte.mkwriteHi(pte.SD_HI, false) & pte.SD_HI).toBe(0);
  });

  it('pte_modify to a read-only prot keeps a shadow-stack entry one (old W=0: clear_saveddirty does nothing)', () => {
    const out = [0, 0];
    const readOnly = (pte.P | pte.US) >>> 0;
    pte.modify(shstk, pte.SD_HI, readOnly, pte.NX_HI, out);
    expect(pte.isShstk(out[0])).toBe(true);
    expect(out[1] & pte.SD_HI).toBe(pte.SD_HI);
    // a writable, dirty entry made read-only moves D to SavedDirty (never a W=0 D=1 entry by accident)
    pte.modify((pte.P | pte.RW | pte.US | pte.D) >>> 0, 0, readOnly, 0, out);
    expect(out[0] & pte.D).toBe(0);
    expect(out[1] & pte.SD_HI).toBe(pte.SD_HI);
  });
});

describe('impl frames of shadow stacks', () => {
  it('fork, copy on access from both sides, exit and DISABLE give every frame back', () => {
    const m = new ImplMachine(cfg);
    const live0 = m.k.fr.live;
    expect(m.exec(0, 'arch_prctl', [0x5001n, 1n])).toBe(0n);
    for (let i = 0; i < 4; i++) m.exec(0, 'call', [B(0x401000 + i)]);
    expect(m.k.fr.live).toBe(live0 + 1);
    const child = Number(m.exec(0, 'fork', []));
    expect(m.k.fr.live).toBe(live0 + 1); // shared, write-protected in both
    expect(m.exec(child, 'ret', [B(0x401003)])).toBe(0n); // the child copies
    expect(m.k.fr.live).toBe(live0 + 2);
    expect(m.exec(0, 'call', [0x402000n])).toBe(0n); // the parent reuses its now-exclusive page
    expect(m.k.fr.live).toBe(live0 + 2);
    m.exec(child, 'exit', [0n]);
    expect(m.k.fr.live).toBe(live0 + 1);
    expect(m.exec(0, 'arch_prctl', [0x5002n, 1n])).toBe(0n);
    expect(m.k.fr.live).toBe(live0);
  });

  it('a token that cannot be written leaves no frame and no VMA behind', () => {
    const m = new ImplMachine(cfg);
    const live0 = m.k.fr.live;
    const vmas0 = m.k.procs[0].mapCount;
    m.exec(0, 'wrpkru', [0x55555556n]);
    expect(m.exec(0, 'map_shadow_stack', [0n, 0x1000n, 1n])).toBe(err('EINVAL'));
    expect(m.k.fr.live).toBe(live0);
    expect(m.k.procs[0].mapCount).toBe(vmas0);
  });
});
