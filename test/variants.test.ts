// The model's design variants (model/profile.ts, model/variants/): each variant's key rule
// on a tiny program, the profile specs (model@... accepted, impl@variant refused in one
// line), the `# machine profile=` round trip and the symbolic printing of the new PROT
// bits, and a campaign of an alias pair whose witness replays with `mmdiff repro`.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPteInvariants, parse, print, PROT, VMF, type Trace } from '../abi/index.js';
import { runCampaign } from '../fuzz/campaign.js';
import { UserError } from '../fuzz/load.js';
import { localTargetOf, pairSpecs } from '../fuzz/target.js';
import { PROFILES } from '../fuzz/targets.js';
import { runCli } from '../cli/main.js';

const run = (spec: string, text: string): Trace => localTargetOf(spec).runSync(parse(text));
const results = (t: Trace) => t.results.map(String);
const vmas = (t: Trace) => t.state.processes[0].vmas;

const MM = '# mmdiff 1\n';

describe('prot-seal', () => {
  const prog = `${MM}r0 = mmap(0x10000000, 0x2000, PROT_READ|PROT_SEAL, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
munmap(r0, 0x1000)
mprotect(r0, 0x1000, PROT_READ|PROT_SEAL)
`;

  it('seals a VMA made by mmap(PROT_SEAL); 6.18 ignores the bit in mmap and refuses it in mprotect', () => {
    const v = run('model@prot-seal', prog);
    expect(results(v)).toEqual(['268435456', '-EPERM', '-EPERM']);
    expect(vmas(v)).toEqual([expect.objectContaining({ start: 0x10000000n, end: 0x10002000n, flags: VMF.SEALED })]);
    for (const spec of ['model@6.18', 'model@mseal', 'model', 'impl']) {
      const t = run(spec, prog);
      expect(results(t), spec).toEqual(['268435456', '0', '-EINVAL']);
      expect(vmas(t)[0].flags & VMF.SEALED, spec).toBe(0);
    }
  });

  it('has no mseal(); mprotect(PROT_SEAL) seals in one pass: ENOMEM at a hole after sealing what came before', () => {
    const t = run('model@prot-seal', `${MM}r0 = mmap(0x10000000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
mseal(r0, 0x1000, 0)
mprotect(r0, 0x2000, PROT_READ|PROT_SEAL)
mprotect(r0, 0x1000, PROT_READ|PROT_SEAL)
`);
    expect(results(t)).toEqual(['268435456', '-ENOSYS', '-ENOMEM', '-EPERM']);
    expect(vmas(t)[0].flags & VMF.SEALED).toBe(VMF.SEALED);
    // the mseal design: mseal() refuses the hole before sealing anything
    const m = run('model@mseal', `${MM}r0 = mmap(0x10000000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
mseal(r0, 0x2000, 0)
`);
    expect(results(m)).toEqual(['268435456', '-ENOMEM']);
    expect(vmas(m)[0].flags & VMF.SEALED).toBe(0);
  });
});

describe('prot-shadowstack', () => {
  it('makes a shadow-stack VMA with mmap(PROT_SHADOWSTACK) (no token); map_shadow_stack is ENOSYS', () => {
    const prog = `${MM}r0 = mmap(NULL, 0x2000, PROT_READ|PROT_SHADOWSTACK, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
read(r0+0x1ff8)
write(r0, 0x1)
map_shadow_stack(NULL, 0x1000, SHADOW_STACK_SET_TOKEN)
`;
    const t = run('model@prot-shadowstack', prog);
    expect(results(t)).toEqual([String(0x7ffff7ffd000n), '0', 'fault SIGSEGV SEGV_ACCERR', '-ENOSYS']);
    expect(vmas(t)[0]).toMatchObject({ start: 0x7ffff7ffd000n, prot: PROT.READ | PROT.WRITE, flags: VMF.ACCOUNT | VMF.SHADOW_STACK });
    // the merged design (6.18 on a CET machine): an ordinary read-only mapping, and map_shadow_stack works
    const m = run('model@map-shadow-stack', prog);
    expect(results(m)).toEqual([String(0x7ffff7ffd000n), '0', 'fault SIGSEGV SEGV_ACCERR', String(0x7ffff7ffc000n)]);
    expect(vmas(m).find((v) => v.start === 0x7ffff7ffd000n)).toMatchObject({ prot: PROT.READ, flags: 0 });
  });

  it('turns memory into a shadow stack and back with mprotect, leaving no shadow-stack PTE outside one', () => {
    const t = run('model@prot-shadowstack', `${MM}r0 = mmap(0x20000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
write(r0+0xff8, 0x20001001)
mprotect(r0, 0x1000, PROT_READ|PROT_SHADOWSTACK)
arch_prctl(ARCH_SHSTK_ENABLE, ARCH_SHSTK_SHSTK)
mprotect(r0, 0x1000, PROT_READ|PROT_WRITE|PROT_SHADOWSTACK)
mprotect(r0, 0x1000, PROT_READ|PROT_SHADOWSTACK)
rstorssp(r0+0xff8)
mprotect(r0, 0x1000, PROT_READ)
write(r0, 0x1)
`);
    expect(results(t)).toEqual(['536870912', '0', '-EINVAL', '0', '-EINVAL', '0', '0', '0', 'fault SIGSEGV SEGV_ACCERR']);
    expect(vmas(t)[0]).toMatchObject({ start: 0x20000000n, prot: PROT.READ, flags: VMF.ACCOUNT });
    expect(checkPteInvariants(t.state)).toBeNull();
  });

  it('runs its profile on a CET machine', () => {
    expect(PROFILES['prot-shadowstack']).toEqual({ profile: 'prot-shadowstack', shstk: true });
    expect(PROFILES['map-shadow-stack']).toEqual({ profile: 'map-shadow-stack', shstk: true });
    expect(PROFILES.mseal).toEqual({ profile: 'mseal' });
  });
});

describe('profile specs and the text format', () => {
  it('accepts every profile on the model', () => {
    for (const p of ['6.18', '6.10', 'mseal', 'prot-seal', 'map-shadow-stack', 'prot-shadowstack']) expect(() => localTargetOf(`model@${p}`)).not.toThrow();
    expect(pairSpecs('model@prot-seal,model@mseal')).toEqual(['model@prot-seal', 'model@mseal']);
  });

  it('refuses a design variant on the impl, and an unknown profile, in one line', () => {
    for (const spec of ['impl@prot-seal', 'impl@mseal', 'impl@prot-shadowstack', 'model@prot-foo', 'kernel@6.10']) {
      let e: unknown;
      try {
        pairSpecs(`model,${spec}`);
      } catch (x) {
        e = x;
      }
      expect(e, spec).toBeInstanceOf(UserError);
      expect((e as Error).message, spec).not.toContain('\n');
      expect((e as Error).message, spec).toContain(spec);
    }
    expect(() => pairSpecs('model,impl@prot-seal')).toThrow(/impl has no profile 'prot-seal' \(impl has 6\.18, 6\.10; the design variants are the model's: model@prot-seal\)/);
  });

  it('does not run a variant program on the impl: no verdict, not a divergence', () => {
    const t = localTargetOf('impl').runSync(parse(`${MM}# machine profile=prot-seal\nmseal(0, 0, 0)\n`));
    expect(t.unsupported).toMatch(/impl has no profile 'prot-seal'/);
  });

  it('prints and parses the profiles and the new PROT bits by name', () => {
    const text = `${MM}# machine profile=prot-shadowstack shstk=1
r0 = mmap(NULL, 0x1000, PROT_READ|PROT_SHADOWSTACK, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
mprotect(r0, 0x1000, PROT_READ|PROT_WRITE|PROT_SEAL)
mprotect(r0, 0x1000, PROT_READ|PROT_GROWSDOWN|PROT_SEAL|0x8000000)
`;
    expect(print(parse(text))).toBe(text);
    expect(parse(text).ops[1].args[2]).toBe(BigInt(PROT.READ | PROT.WRITE | 0x04000000));
    expect(parse(`${MM}mprotect(0, 0x1000, 0x40)\n`).ops[0].args[2]).toBe(0x40n);
    expect(print(parse(`${MM}mprotect(0, 0x1000, 0x4000041)\n`))).toBe(`${MM}mprotect(NULL, 0x1000, PROT_READ|PROT_SHADOWSTACK|PROT_SEAL)\n`);
    for (const p of ['mseal', 'prot-seal', 'map-shadow-stack', 'prot-shadowstack']) {
      const t = `${MM}# machine profile=${p}\nfork()\n`;
      expect(print(parse(t))).toBe(t);
    }
  });
});

describe('an alias pair replays its witness', () => {
  it('a campaign of model@prot-seal,model@mseal writes witnesses that mmdiff repro replays', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mmdiff-variants-'));
    const targets = 'model@prot-seal,model@mseal';
    const sum = await runCampaign({
      targets,
      workers: 1,
      seed: 3,
      runs: 400,
      corpusDir: join(dir, 'corpus'),
      outDir: dir,
      maxOps: 12,
      batchSize: 200,
      batchTimeoutMs: 60_000,
      minimizeTimeoutMs: 60_000,
    });
    expect(sum.buckets.length).toBeGreaterThan(0);
    const b = sum.buckets[0];
    const text = readFileSync(b.file, 'utf8');
    expect(text).toContain(`# targets: ${targets}`);
    const out: string[] = [];
    const code = await runCli(['repro', b.file, '--targets', targets], { stdout: (s) => out.push(s), stderr: (s) => out.push(s) });
    expect(code).toBe(1);
    expect(out.join('')).toContain(`first divergence: ${b.signature}`);
    // the witness also replays as a self-checking case on its reference side
    const plain = join(dir, 'plain.mm');
    writeFileSync(plain, text);
    expect(await runCli(['run', plain, '--target', 'model@prot-seal'], { stdout: () => {}, stderr: () => {} })).toBe(0);
  }, 120_000);
});
