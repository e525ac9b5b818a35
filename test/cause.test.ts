// Cause analysis (fuzz/cause.ts): a divergence is named after the first op after which
// the targets disagree at all, so the later effects of one bug fold into one signature,
// and the signature's subject stays the same however the bug is reached.

import { describe, expect, it } from 'vitest';
import { parse, runProgram } from '../abi/index.js';
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
    expect(write?.signature).toMatch(/^fault:cow-copy pte\.frame /);
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

  it('keeps the fault out of the key when only one side faults', async () => {
    // a read that faults on one side only: the key says "fault", the values say which
    const d = await divergence('pkru-wd-blocks-read', `r0 = pkey_alloc(0, PKEY_DISABLE_WRITE)
r1 = mmap(NULL, 0x1000, ${RW}, ${ANON}, -1, 0)
pkey_mprotect(r1, 0x1000, ${RW}, r0)
read(r1)
`);
    expect(d).toMatchObject({ signature: 'read result 0/fault', shows: 'result 0x0/SEGV_PKUERR' });
  });

  it('takes an op\'s own rule, the decisive last one, without the pkey or shadow-stack variant', () => {
    expect(ruleOf('mprotect', ['mprotect:account-drop', 'vma:split-start', 'mprotect:split-one'])).toBe('mprotect:split-one');
    expect(ruleOf('write', ['anon_vma:new', 'fault:anon-alloc+pkey'])).toBe('fault:anon-alloc');
    expect(ruleOf('read', ['anon_vma:new', 'stack:grow'])).toBe('stack:grow');
    expect(ruleOf('fork', [])).toBeUndefined();
  });
});
