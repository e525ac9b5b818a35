// The bug-injection switch (impl/inject.ts): off unless MMDIFF_INJECT names a bug, an
// unknown name refused at load, and every catalogued bug really changes behaviour — a
// small program on which model and impl agree, and diverge once the bug is on.
// inject.ts reads the environment when it loads, so each case imports impl/ afresh.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { compare, parse, runProgram, type MachineFactory } from '../abi/index.js';
import { CATALOGUE, type BugName } from '../impl/inject.js';
import { createModel } from '../model/index.js';

const RW = 'PROT_READ|PROT_WRITE';
const ANON = 'MAP_PRIVATE|MAP_ANONYMOUS';
const FIXED = `${ANON}|MAP_FIXED`;

/** One witness per bug: model and impl agree on it, the injected bug makes impl differ. */
const WITNESS: Record<BugName, string> = {
  'mseal-mprotect-last': `
r0 = mmap(0x10000000, 0x1000, ${RW}, ${FIXED}, -1, 0)
mseal(r0, 0x1000, 0)
mprotect(r0, 0x1000, PROT_READ)`,
  'cow-reuse-ref2': `
r0 = mmap(NULL, 0x1000, ${RW}, ${ANON}, -1, 0)
write(r0, 0x1)
r1 = fork()
write(r0, 0x2)
p1: read(r0)`,
  'fork-guard-lost': `
r0 = mmap(NULL, 0x1000, ${RW}, ${ANON}, -1, 0)
madvise(r0, 0x1000, MADV_GUARD_INSTALL)
r1 = fork()
p1: read(r0)`,
  'merge-ignores-pkey': `
r0 = pkey_alloc(0, 0)
r1 = mmap(0x10000000, 0x1000, ${RW}, ${FIXED}, -1, 0)
pkey_mprotect(r1, 0x1000, ${RW}, r0)
r2 = mmap(0x10001000, 0x1000, ${RW}, ${FIXED}, -1, 0)`,
  'mremap-shrink-seal': `
r0 = mmap(0x10000000, 0x2000, ${RW}, ${FIXED}, -1, 0)
mseal(r0, 0x1000, 0)
r1 = mremap(r0, 0x2000, 0x1000, 0, 0)`,
  'pkru-wd-blocks-read': `
r0 = pkey_alloc(0, PKEY_DISABLE_WRITE)
r1 = mmap(NULL, 0x1000, ${RW}, ${ANON}, -1, 0)
pkey_mprotect(r1, 0x1000, ${RW}, r0)
read(r1)`,
  'thp-pad-off-by-one': `
r0 = mmap(NULL, 0x200000, ${RW}, ${ANON}, -1, 0)`,
  'madvise-hole-early': `
r0 = mmap(0x10000000, 0x1000, ${RW}, ${FIXED}, -1, 0)
r1 = mmap(0x10002000, 0x1000, ${RW}, ${FIXED}, -1, 0)
write(r1, 0x5)
madvise(r0, 0x3000, MADV_DONTNEED)
read(r1)`,
  'munmap-len0-ok': `
munmap(0x10000000, 0)`,
  'account-kept-ro': `
r0 = mmap(NULL, 0x1000, ${RW}, ${ANON}, -1, 0)
mprotect(r0, 0x1000, PROT_READ)`,
  'fork-parent-writable': `
r0 = mmap(NULL, 0x1000, ${RW}, ${ANON}, -1, 0)
write(r0, 0x1)
r1 = fork()
write(r0, 0x2)
p1: read(r0)`,
  'dontneed-keeps-zero': `
r0 = mmap(NULL, 0x1000, ${RW}, ${ANON}, -1, 0)
read(r0)
madvise(r0, 0x1000, MADV_DONTNEED)`,
  'noreplace-seal-first': `
r0 = mmap(0x10000000, 0x1000, ${RW}, ${FIXED}, -1, 0)
mseal(r0, 0x1000, 0)
mmap(r0, 0x1000, ${RW}, ${ANON}|MAP_FIXED_NOREPLACE, -1, 0)`,
  'wrprotect-keeps-dirty': `
r0 = mmap(NULL, 0x1000, ${RW}, ${ANON}, -1, 0)
write(r0, 0x1)
r1 = fork()`,
  'execonly-pkey-missing': `
r0 = mmap(NULL, 0x1000, PROT_EXEC, ${ANON}, -1, 0)
read(r0)`,
  'brk-shrink-seal': `
brk(0x4cb000)
mseal(0x4c9000, 0x2000, 0)
brk(0x4ca000)`,
  'dontfork-ignored': `
r0 = mmap(NULL, 0x1000, ${RW}, ${ANON}, -1, 0)
madvise(r0, 0x1000, MADV_DONTFORK)
r1 = fork()
p1: read(r0)`,
  'mprotect-seal-upfront': `
r0 = mmap(0x10000000, 0x2000, ${RW}, ${FIXED}, -1, 0)
mseal(r0+0x1000, 0x1000, 0)
mprotect(r0, 0x2000, PROT_READ)`,
  'cow-copy-drops-pkey': `
r0 = pkey_alloc(0, 0)
r1 = mmap(NULL, 0x1000, ${RW}, ${ANON}, -1, 0)
pkey_mprotect(r1, 0x1000, ${RW}, r0)
read(r1)
write(r1, 0x1)`,
  'fork-shstk-stays-shstk': `
# machine shstk=1
r0 = map_shadow_stack(NULL, 0x1000, SHADOW_STACK_SET_TOKEN)
r1 = fork()`,
  'shstk-ret-no-compare': `
# machine shstk=1
arch_prctl(ARCH_SHSTK_ENABLE, 0x1)
call(0x401000)
ret(0x402000)`,
  'shstk-token-no-mode-bit': `
# machine shstk=1
r0 = map_shadow_stack(NULL, 0x1000, SHADOW_STACK_SET_TOKEN)`,
  'shstk-start-gap-missing': `
# machine shstk=1
mmap(0x7ffff7ffe000, 0x1000, ${RW}, ${FIXED}, -1, 0)
mmap(0x7ffff7ffc000, 0x1000, ${RW}, ${FIXED}, -1, 0)
map_shadow_stack(NULL, 0x1000, 0)`,
  'trampfd-table-at-write': `
r0 = mmap(NULL, 0x1000, ${RW}, ${ANON}, -1, 0)
r1 = trampfd_create(r0)
trampfd_write_code(r1, 1, 7, r0+0x800)
trampfd_write_data(r1, 8, r0+0x808)
write(r0+0x800, 0x401000)
r2 = mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000)
exec(r2)`,
  'trampfd-prot-before-eexist': `
r0 = mmap(NULL, 0x1000, ${RW}, ${ANON}, -1, 0)
r1 = trampfd_create(r0)
trampfd_write_code(r1, 1, 7, r0)
trampfd_write_data(r1, 7, r0)
mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000)
mmap(NULL, 0x1000, PROT_READ, MAP_PRIVATE, r1, 0x1000)`,
  'protnone-keeps-present': `
r0 = mmap(NULL, 0x1000, ${RW}, ${ANON}, -1, 0)
write(r0, 0x1)
mprotect(r0, 0x1000, PROT_NONE)
read(r0)`,
};

const saved = process.env.MMDIFF_INJECT;
afterEach(() => {
  if (saved === undefined) delete process.env.MMDIFF_INJECT;
  else process.env.MMDIFF_INJECT = saved;
});

/** impl/ loaded afresh with MMDIFF_INJECT = inject (unset when undefined). */
async function freshImpl(inject: string | undefined) {
  vi.resetModules();
  if (inject === undefined) delete process.env.MMDIFF_INJECT;
  else process.env.MMDIFF_INJECT = inject;
  const inj = await import('../impl/inject.js');
  const { createImpl } = await import('../impl/index.js');
  return { BUG: inj.BUG as Readonly<Record<string, boolean>>, createImpl: createImpl as MachineFactory };
}

function diverges(text: string, impl: MachineFactory): string | null {
  const prog = parse(`# mmdiff 1${text}\n`);
  const d = compare(runProgram(createModel, prog), runProgram(impl, prog), prog);
  return d ? d.signature : null;
}

describe('impl/inject.ts', () => {
  it('is off by default: every flag false without MMDIFF_INJECT', async () => {
    const { BUG } = await freshImpl(undefined);
    expect(Object.keys(BUG).length).toBe(Object.keys(CATALOGUE).length);
    expect(Object.values(BUG).every((v) => v === false)).toBe(true);
    expect(Object.isFrozen(BUG)).toBe(true);
  });

  it('refuses an unknown bug name at load', async () => {
    await expect(freshImpl('mseal-mprotect-last, no-such-bug')).rejects.toThrow(/unknown bug 'no-such-bug'/);
  });

  it('has a witness for every catalogued bug', () => {
    expect(Object.keys(WITNESS).sort()).toEqual(Object.keys(CATALOGUE).sort());
    expect(Object.keys(CATALOGUE).length).toBeGreaterThanOrEqual(12);
  });

  it('agrees on every witness with no bug injected', async () => {
    const { createImpl } = await freshImpl(undefined);
    for (const [name, text] of Object.entries(WITNESS)) expect(diverges(text, createImpl), name).toBeNull();
  });

  it.each(Object.keys(CATALOGUE) as BugName[])('%s changes behaviour when injected', async (name) => {
    const { BUG, createImpl } = await freshImpl(name);
    const on = Object.entries(BUG).filter(([, v]) => v).map(([k]) => k);
    expect(on).toEqual([CATALOGUE[name].flag]);
    expect(diverges(WITNESS[name], createImpl)).not.toBeNull();
  });
});
