// The impl's trampfd structures, checked directly. Everything a program can observe
// (trampfd_create, the descriptors, mmap's checks, the VMA's rules, the page's bytes,
// exec → `jump`, fork, close, exit) is a `.mm` case in corpus/semantics/trampfd/, run on
// the model and the impl by test/semantics.test.ts. What stays here cannot be a case: the
// register table against the RFC's enum, and the life of the trampoline page in
// impl/frames.ts (one frame per object, shared by every PTE mapping it, freed once the
// last of them goes).

import { describe, expect, it } from 'vitest';
import { DEFAULT_MACHINE, MAP, PROT, TRAMPFD } from '../abi/index.js';
import { F_FILE } from '../impl/frames.js';
import { ImplMachine } from '../impl/index.js';
import { validReg } from '../impl/trampfd.js';

const RX = BigInt(PROT.READ | PROT.EXEC);
const RW = BigInt(PROT.READ | PROT.WRITE);

/** A machine with a buffer at 0x10000000, a trampfd (3) with both descriptors, and its mapping; live0: frames before the mapping. */
function setup(): { m: ImplMachine; page: bigint; live0: number } {
  const m = new ImplMachine(DEFAULT_MACHINE);
  m.exec(0, 'mmap', [0x10000000n, 0x2000n, RW, BigInt(MAP.PRIVATE | MAP.ANONYMOUS | MAP.FIXED), -1n, 0n]);
  expect(m.exec(0, 'trampfd_create', [0x10000000n])).toBe(3n);
  expect(m.exec(0, 'trampfd_write_code', [3n, 3n, 7n, 0x10001000n])).toBe(0n);
  expect(m.exec(0, 'trampfd_write_data', [3n, 8n, 0x10001800n])).toBe(0n);
  const live0 = m.k.fr.live; // the buffer's page, which trampfd_create wrote trampfd_info to
  const page = m.exec(0, 'mmap', [0n, 0x1000n, RX, BigInt(MAP.PRIVATE), 3n, 0x1000n]) as bigint;
  return { m, page, live0 };
}

describe('impl trampfd registers', () => {
  it('takes exactly the uapi enum reg_64_name x64_rax (7) .. x64_r15 (21)', () => {
    const valid = Array.from({ length: 40 }, (_, r) => r).filter(validReg);
    expect(valid).toEqual(Array.from({ length: 15 }, (_, i) => TRAMPFD.REG_X64_RAX + i));
    expect(valid.at(-1)).toBe(TRAMPFD.REG_X64_MAX - 1);
  });
});

describe('impl trampfd page frames', () => {
  it('one F_FILE frame per object, generated on the first fault and shared by a fork child', () => {
    const { m, page, live0 } = setup();
    const frames0 = m.k.fr.live;
    expect(frames0).toBe(live0); // mmap faults nothing in
    expect(m.exec(0, 'exec', [page])).toMatch(/^jump /);
    expect(m.k.fr.live).toBe(live0 + 1);
    const t = m.k.tfd.get(1);
    expect(t.frame).toBeGreaterThan(0);
    expect(m.k.fr.flags[t.frame] & F_FILE).toBe(F_FILE);
    const child = Number(m.exec(0, 'fork', []));
    expect(m.exec(child, 'exec', [page])).toMatch(/^jump /);
    expect(m.k.fr.live).toBe(live0 + 1); // the child maps the same page
    expect(m.k.fr.ref[t.frame]).toBe(3); // the object, the parent's PTE, the child's PTE
  });

  it('the close of any VMA lets the object\'s page go; PTEs keep theirs until zapped', () => {
    const { m, page, live0 } = setup();
    m.exec(0, 'exec', [page]);
    const child = Number(m.exec(0, 'fork', []));
    const f = m.k.tfd.get(1).frame;
    m.exec(child, 'exit', [0n]); // the child's VMA closes: trampfd_close
    expect(m.k.tfd.get(1).frame).toBe(-1);
    expect(m.k.tfd.get(1).mapped).toBe(false);
    expect(m.k.fr.ref[f]).toBe(1); // the parent's PTE
    expect(m.exec(0, 'munmap', [page, 0x1000n])).toBe(0n);
    expect(m.k.fr.live).toBe(live0);
  });
});
