// Cause analysis (fuzz/cause.ts): a divergence is named after the first op after which
// the targets disagree at all, so the later effects of one bug fold into one signature,
// and the signature's subject stays the same however the bug is reached.

import { describe, expect, it } from 'vitest';
import { parse, runProgram } from '../abi/index.js';
import { Buckets } from '../fuzz/campaign/buckets.js';
import type { Bucket } from '../fuzz/campaign/types.js';
import { ruleOf } from '../fuzz/cause.js';
import { execute } from '../fuzz/execute.js';
import { fromRunSync } from '../fuzz/local-target.js';
import { mutantImpl } from '../fuzz/mutants.js';
import { TargetPair } from '../fuzz/pair.js';
import { localTargetOf } from '../fuzz/target.js';

const MM = '# mmdiff 1\n';
const RW = 'PROT_READ|PROT_WRITE';
const ANON = 'MAP_PRIVATE|MAP_ANONYMOUS';

async function pairWith(mutant: string): Promise<TargetPair> {
  const f = await mutantImpl([mutant]);
  return new TargetPair(localTargetOf('model'), fromRunSync('impl', (p, cov) => runProgram(f, p, cov)));
}

async function divergence(mutant: string, text: string) {
  return (await execute(parse(MM + text), await pairWith(mutant))).divergence;
}

describe('cause analysis', () => {
  it('names the op that went wrong, not the later op that shows it', async () => {
    // the child gets the DONTFORK mapping: its read only shows it three ops later
    const d = await divergence('dontfork-ignored', `r0 = mmap(NULL, 0x1000, ${RW}, ${ANON}, -1, 0)
madvise(r0, 0x1000, MADV_DONTFORK)
r1 = fork()
write(r0, 1)
munmap(0x10000000, 0x1000)
p1: read(r0)
`);
    expect(d).toMatchObject({ op: 2, class: 'vma', signature: 'fork vma.layout' });
    expect(d?.rule).toBe('fork:ok');
    // the effect the whole run showed first is folded in, with its values
    expect(d?.later).toBe('then op 5 read: result SEGV_MAPERR/0x0');
  });

  it('keys a PTE difference by the fault path, whichever access took it', async () => {
    const write = await divergence('cow-reuse-ref2', `r0 = mmap(NULL, 0x1000, ${RW}, ${ANON}, -1, 0)
write(r0, 0x1)
r1 = fork()
write(r0, 0x2)
`);
    const populate = await divergence('cow-reuse-ref2', `r0 = mmap(NULL, 0x1000, ${RW}, ${ANON}, -1, 0)
write(r0, 0x1)
r1 = fork()
madvise(r0, 0x1000, MADV_POPULATE_WRITE)
`);
    expect(write?.signature).toMatch(/^fault:wp-page-copy pte\.frame /);
    expect(populate?.signature).toBe(write?.signature);
    expect(write?.shows).toMatch(/^pte\.frame \d\/\d \(p\d 0x7ffff7ffe000\)$/);
  });

  it('keys a check the reference failed and the other passed by that check, for both names of the syscall', async () => {
    const seal = `r0 = mmap(0x10000000, 0x2000, ${RW}, ${ANON}|MAP_FIXED, -1, 0)\nmseal(r0+0x1000, 0x1000, 0)\n`;
    const a = await divergence('mseal-mprotect-last', `${seal}mprotect(r0+0x1000, 0x1000, PROT_READ)\n`);
    const b = await divergence('mseal-mprotect-last', `${seal}pkey_mprotect(r0, 0x2000, PROT_READ, 0)\n`);
    expect(a).toMatchObject({ op: 2, signature: 'mprotect:sealed-EPERM result -EPERM/*' });
    expect(b?.signature).toBe(a?.signature);
  });

  it('keys a fault on one side by its code, not by the access that met it', async () => {
    // a read that faults on the second side only: any access, that code; the values say more
    const d = await divergence('pkru-wd-blocks-read', `r0 = pkey_alloc(0, PKEY_DISABLE_WRITE)
r1 = mmap(NULL, 0x1000, ${RW}, ${ANON}, -1, 0)
pkey_mprotect(r1, 0x1000, ${RW}, r0)
read(r1)
`);
    expect(d).toMatchObject({ signature: 'access result */SEGV_PKUERR', shows: 'result 0x0/SEGV_PKUERR' });
  });

  it('keys a PTE the other side never faulted in by the access, not by the path that made it', async () => {
    // the reference populates the page (MAP_LOCKED) through its zero-page or anon path;
    // the other side's pkey check refused the access, whichever path it would have taken
    const d = await divergence('pkru-wd-blocks-read', `r0 = pkey_alloc(0, PKEY_DISABLE_WRITE)
wrpkru(0x83628362)
mmap(NULL, 0x1000, PROT_READ, ${ANON}|MAP_LOCKED, -1, 0)
`);
    expect(d).toMatchObject({ class: 'pte', signature: 'access pte.exists 1/0' });
  });

  it('keys a trampoline jump the other side faulted by that fault, as any access', async () => {
    const d = await divergence('pkru-wd-blocks-read', `r0 = mmap(NULL, 0x1000, PROT_WRITE, ${ANON}, -1, 0)
r1 = trampfd_create(r0)
trampfd_write_code(r1, 1, 7, r0)
trampfd_write_data(r1, 8, 0x7ffff7ffa000)
r2 = mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000)
r3 = pkey_alloc(0, PKEY_DISABLE_WRITE)
pkey_mprotect(r0, 0x1000, PROT_NONE, r3)
exec(r2)
`);
    expect(d?.signature).toBe('access result */SEGV_PKUERR');
  });

  it('keys a wrong merge after a MAP_FIXED unmap by the merge rule, not the unmap', async () => {
    const d = await divergence('merge-ignores-pkey', `r0 = pkey_alloc(0, 0)
r1 = mmap(0x10000000, 0x3000, ${RW}, ${ANON}|MAP_FIXED, -1, 0)
pkey_mprotect(r1, 0x1000, ${RW}, r0)
mmap(0x10001000, 0x1000, ${RW}, ${ANON}|MAP_FIXED, -1, 0)
`);
    expect(d).toMatchObject({ op: 3, signature: 'merge:attrs-differ vma.layout' });
  });

  it('one bug, one key: the split limit off by one, met through mprotect and madvise', async () => {
    const m = '# machine maxMapCount=2\n';
    const base = `r0 = mmap(0x10000000, 0x3000, ${RW}, ${ANON}|MAP_FIXED, -1, 0)\n`;
    const mp = await divergence('split-max-map-count-off-by-one', `${m}${base}mprotect(r0+0x1000, 0x1000, PROT_READ)\n`);
    const ms = await divergence('split-max-map-count-off-by-one', `${m}${base}madvise(r0+0x1000, 0x1000, MADV_DONTFORK)\n`);
    expect(mp?.signature).toMatch(/^vma:split-ENOMEM /);
    expect(ms?.signature).toMatch(/^vma:split-ENOMEM /);
  });

  it('one bug, one key: a zap that stops a page short leaves the last PTE, or only its table', async () => {
    const base = `r0 = mmap(0x40000000, 0x200000, ${RW}, ${ANON}|MAP_FIXED, -1, 0)\n`;
    const zap = 'madvise(r0, 0x200000, MADV_DONTNEED)\n';
    // the last page populated: its PTE stays
    const pte = await divergence('dontneed-keeps-last-page', `${base}write(r0+0x1ff000, 1)\n${zap}`);
    // only the first: the PTE table stays (PT reclaim frees it on the reference), which a
    // later fault under MADV_HUGEPAGE would show as a 4K page instead of a huge one
    const table = await divergence('dontneed-keeps-last-page', `${base}write(r0, 1)\n${zap}madvise(r0, 0x200000, MADV_HUGEPAGE)\nwrite(r0, 2)\n`);
    expect(pte).toMatchObject({ op: 2 });
    expect(table).toMatchObject({ op: 2, shows: 'pte.table 0/1 (p0 0x40000000)' });
    expect(table?.signature).toBe(pte?.signature);
  });

  it('one bug, one key: a stack growing into its guard gap, met by a read and a write', async () => {
    const base = `r0 = mmap(0x10000000, 0x1000, ${RW}, ${ANON}|MAP_FIXED, -1, 0)\nr1 = mmap(0x10010000, 0x1000, ${RW}, ${ANON}|MAP_FIXED|MAP_GROWSDOWN, -1, 0)\n`;
    const r = await divergence('growsdown-no-guard-gap', `${base}read(0x1000f000)\n`);
    const w = await divergence('growsdown-no-guard-gap', `${base}write(0x1000e008, 1)\n`);
    expect(r).not.toBeNull();
    expect(w?.signature).toBe(r?.signature);
  });

  it('one bug, one bucket: a missed check the other side then fails at different later checks', async () => {
    // NOREPLACE checked on the first page only: the impl goes on to MAP_HUGETLB's ENOMEM or
    // MAP_SHARED_VALIDATE's EOPNOTSUPP where the model says EEXIST
    const base = `r0 = mmap(0x10001000, 0x1000, ${RW}, ${ANON}|MAP_FIXED, -1, 0)\n`;
    const a = await divergence('noreplace-first-page', `${base}mmap(0x10000000, 0x2000, ${RW}, ${ANON}|MAP_FIXED_NOREPLACE|MAP_HUGETLB, -1, 0)\n`);
    const b = await divergence('noreplace-first-page', `${base}mmap(0x10000000, 0x2000, ${RW}, MAP_SHARED_VALIDATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE|MAP_HUGETLB, -1, 0)\n`);
    expect([a?.signature, b?.signature]).toEqual(['mmap result */-ENOMEM', 'mmap result */-EOPNOTSUPP']);
    expect(a?.also).toBe('mmap:noreplace-EEXIST result -EEXIST/*');
    expect(b?.also).toBe(a?.also);
    const buckets = new Buckets();
    const bucket = (d: NonNullable<typeof a>): Bucket => ({ signature: d.signature, class: d.class, count: 1, firstAt: 1, firstMs: 0, detail: d.detail, witness: '', witnessOps: 2, op: d.op, file: '/dev/null', ...(d.also ? { also: d.also } : {}) });
    buckets.add(bucket(a!));
    expect(buckets.getEither(b!.signature, b!.also, 2)?.signature).toBe(a!.signature);
    expect(buckets.size).toBe(1);
  });

  it('two bugs, two keys: both injected at once, each program shows its own', async () => {
    const both = await mutantImpl(['mseal-mprotect-last', 'dontfork-ignored']);
    const pair = new TargetPair(localTargetOf('model'), fromRunSync('impl', (p, cov) => runProgram(both, p, cov)));
    const run = async (text: string) => (await execute(parse(MM + text), pair)).divergence?.signature;
    const seal = await run(`r0 = mmap(0x10000000, 0x2000, ${RW}, ${ANON}|MAP_FIXED, -1, 0)\nmseal(r0+0x1000, 0x1000, 0)\nmprotect(r0+0x1000, 0x1000, PROT_READ)\n`);
    const fork = await run(`r0 = mmap(NULL, 0x1000, ${RW}, ${ANON}, -1, 0)\nmadvise(r0, 0x1000, MADV_DONTFORK)\nr1 = fork()\n`);
    expect(seal).toBe('mprotect:sealed-EPERM result -EPERM/*');
    expect(fork).toBe('fork vma.layout');
  });

  it('takes an op\'s own rule, the decisive last one, without the pkey or shadow-stack variant', () => {
    expect(ruleOf('mprotect', ['mprotect:account-drop', 'vma:split-start', 'mprotect:split-one'])).toBe('mprotect:split-one');
    expect(ruleOf('write', ['anon_vma:new', 'fault:anon-alloc+pkey'])).toBe('fault:anon-alloc');
    expect(ruleOf('read', ['anon_vma:new', 'stack:grow'])).toBe('stack:grow');
    expect(ruleOf('fork', [])).toBeUndefined();
  });
});
