// Whole-machine invariants of the impl under fuzz-shaped programs: the B-tree is
// well-formed, every PTE lies inside a VMA, frame reference counts equal the PTEs,
// shmem objects and trampfd objects holding them, writable private PTEs map exclusive
// pages, and a PTE with W=0 and D=1 (a shadow-stack PTE, or one made PROT_NONE) lies in a
// VM_SHADOW_STACK VMA (the Dirty → SavedDirty shift everywhere else). Programs come from
// the fuzzer's generator and, for shadow stacks and trampfds (which it does not produce),
// from the generator below.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MACHINE, machineOf, NotModelled, OverBudget, type Program } from '../abi/index.js';
import { mmProgram } from '../fuzz/gen/program.js';
import { ImplMachine } from '../impl/machine.js';
import * as pte from '../impl/pte.js';
import { ZERO_FRAME } from '../impl/frames.js';
import { VMF } from '../abi/vmflags.js';
import { evalArg } from '../abi/program.js';
import { parse } from '../abi/index.js';

function run(prog: Program): ImplMachine {
  const m = new ImplMachine(machineOf(prog));
  const regs = new Map<number, bigint>();
  for (const op of prog.ops) {
    const args = op.args.map((a) => evalArg(a, regs));
    let r;
    try {
      r = m.alive(op.proc) ? m.exec(op.proc, op.name, args) : '-ESRCH';
    } catch (e) {
      // a program the impl does not run (a hugetlb VMA, over the GUP budget) stops here, as in runProgram
      if (e instanceof NotModelled || e instanceof OverBudget) break;
      throw e;
    }
    if (op.bind !== undefined) regs.set(op.bind, typeof r === 'bigint' ? r : 0n);
  }
  return m;
}

let seenFrames = 0;

function check(m: ImplMachine): void {
  const k = m.k;
  const refs = new Map<number, number>();
  const add = (f: number) => refs.set(f, (refs.get(f) ?? 0) + 1);
  for (const p of k.procs) {
    if (!p.alive) continue;
    p.tree.check();
    const vp = k.vp;
    const spans: Array<[number, number, number]> = [];
    for (let r = p.tree.first(); r >= 0; r = p.tree.next(r)) spans.push([vp.vs[r], vp.ve[r], r]);
    for (let i = 1; i < spans.length; i++) expect(spans[i][0]).toBeGreaterThanOrEqual(spans[i - 1][1]);
    k.pt.walk(p.pgd, 0, 2 ** 35, (_c, t, i0, i1, base) => {
      for (let i = i0; i < i1; i++) {
        const l = k.pt.L[2 * (t * 512 + i)];
        const h = k.pt.L[2 * (t * 512 + i) + 1];
        if (l === 0 && h === 0) continue;
        const vpn = base + i;
        const span = spans.find(([s, e]) => s <= vpn && vpn < e);
        expect(span, `PTE at page ${vpn.toString(16)} outside every VMA`).toBeDefined();
        if (pte.isGuard(l, h)) continue;
        const r = span![2];
        if ((l & pte.RW) === 0 && (l & pte.D) !== 0) {
          expect(vp.fl[r] & VMF.SHADOW_STACK, `W=0 D=1 outside a shadow stack at page ${vpn.toString(16)}`).toBeTruthy();
          expect(k.shstk, 'W=0 D=1 without shadow-stack support').toBe(true);
        }
        const f = pte.pfnOf(l, h);
        if (f === ZERO_FRAME) continue;
        add(f);
        if (!(vp.fl[r] & VMF.SHARED) && l & pte.RW) expect(k.fr.ref[f], 'writable private PTE on a shared page').toBe(1);
      }
    }, null);
  }
  // shmem objects hold one reference on each of their pages
  const shm = k.shm as unknown as { roots: number[]; users: number[]; lookup(id: number, off: number): number };
  for (let id = 1; id < shm.roots.length; id++) {
    if (!shm.users[id]) continue;
    for (let off = 0; off < 4096; off++) {
      const f = shm.lookup(id, off);
      if (f >= 0) add(f);
    }
  }
  // a trampfd object holds a page, or is mapped, only while a VMA of a live process maps it
  // (every VMA's close drops the page and the mapped flag)
  const tfdVmas = new Map<number, number>();
  for (const p of k.procs) {
    if (!p.alive) continue;
    for (let r = p.tree.first(); r >= 0; r = p.tree.next(r)) {
      const id = k.vp.tfd[r];
      if (id) tfdVmas.set(id, (tfdVmas.get(id) ?? 0) + 1);
    }
  }
  for (let id = 1; id <= k.tfd.count; id++) {
    const t = k.tfd.get(id);
    if (t.frame >= 0) add(t.frame);
    if (t.frame >= 0 || t.mapped) expect(tfdVmas.get(id) ?? 0, `trampfd ${id} holds a page or is mapped with no VMA`).toBeGreaterThan(0);
  }
  seenFrames += refs.size;
  for (const [f, n] of refs) expect(k.fr.ref[f], `frame ${f}`).toBe(n);
  expect(k.fr.live).toBe(refs.size);
}

/** Shadow-stack and trampfd programs (the fuzzer's generator does not produce these ops). */
const ADDR = ['0', '0x1000', '0x1ff8', '0xff8', '0x2000', '0x8', '0xff0', '0x1ff0', '0x28', '0x1004'];
const step = fc.tuple(fc.nat(99), fc.nat(0xffff), fc.nat(0xffff), fc.nat(0xffff), fc.nat(0xffff));
const shstkProgram = fc
  .record({ shstk: fc.boolean(), pku: fc.boolean(), pre: fc.nat(15), steps: fc.array(step, { minLength: 5, maxLength: 40 }) })
  .map(({ shstk, pku, pre, steps }) => {
    const lines = ['# mmdiff 1', `# machine shstk=${shstk ? 1 : 0} pku=${pku ? 1 : 0}`];
    const addrs: string[] = [];
    const fds: string[] = [];
    // a preamble reaching the interesting states: SHSTK (+WRSS) on, a shadow stack with a
    // token, a trampfd mapped with its tables in a writable mapping
    if (pre & 1) lines.push('arch_prctl(ARCH_SHSTK_ENABLE, 0x1)');
    if (pre & 2) lines.push('arch_prctl(ARCH_SHSTK_ENABLE, 0x2)');
    if (pre & 4) lines.push('r0 = map_shadow_stack(NULL, 0x2000, SHADOW_STACK_SET_TOKEN)', 'rstorssp(r0+0x1ff8)');
    else lines.push('r0 = mmap(NULL, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)');
    lines.push(
      'r1 = mmap(NULL, 0x3000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)',
      'r2 = trampfd_create(r1)',
      'trampfd_write_code(r2, 3, 7, r1+0x1000)',
      'trampfd_write_data(r2, 8, r1+0x1800)',
      'write(r1+0x1000, 0x401000)',
    );
    if (pre & 8) lines.push('r3 = mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r2, 0x1000)');
    else lines.push('r3 = mmap(NULL, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)');
    addrs.push('r0', 'r1', 'r3');
    fds.push('r2');
    let nr = 4;
    let procs = 1;
    for (const [k, a, b, c, d] of steps) {
      const pick = <T>(xs: readonly T[], n: number): T => xs[n % xs.length];
      const at = (n: number) => (addrs.length ? `${pick(addrs, n)}+${pick(ADDR, n >> 4)}` : pick(['0x7ffff7ffe000', '0x7ffff7dff000', '0x100000000'], n));
      const fd = (n: number) => (fds.length ? pick(fds, n) : '3');
      const bind = (list: string[]) => {
        const r = `r${nr++}`;
        list.push(r);
        return r;
      };
      const who = procs > 1 && d % 4 === 0 ? `p${d % procs}: ` : '';
      let op: string;
      if (k < 8) op = `arch_prctl(${pick(['0x5001', '0x5002', '0x5003', '0x5004', '0x5005'], a)}, ${pick(['1', '2', '0', '3', at(b)], c)})`;
      else if (k < 16) op = `map_shadow_stack(${pick(['NULL', 'NULL', at(a), '0x200000000'], b)}, ${pick(['0x1000', '0x2000', '0x1ff8', '0x1004', '0x200000'], c)}, ${pick(['0', '1', '2'], a >> 3)})`;
      else if (k < 22) op = `mmap(NULL, ${pick(['0x1000', '0x3000'], a)}, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)`;
      else if (k < 32) op = `call(${pick(['0x401000', '0x402000'], a)})`;
      else if (k < 40) op = `ret(${pick(['0x401000', '0x402000'], a)})`;
      else if (k < 43) op = `incssp(${pick(['0', '1', '2', '257'], a)})`;
      else if (k < 47) op = `wrss(${at(a)}, ${pick(['0x1', '0x7ffff7fff001', '0x7ffff7e00003'], b)})`;
      else if (k < 51) op = `rstorssp(${at(a)})`;
      else if (k < 53) op = 'saveprevssp()';
      else if (k < 57) op = `read(${at(a)})`;
      else if (k < 61) op = `write(${at(a)}, 0x401000)`;
      else if (k < 64 && procs < 4) {
        op = 'fork()';
        procs++;
      } else if (k < 65) op = 'exit(0)';
      else if (k < 69) op = `mprotect(${at(a)}, 0x1000, ${pick(['PROT_READ', 'PROT_READ|PROT_WRITE', 'PROT_NONE', 'PROT_READ|PROT_EXEC'], b)})`;
      else if (k < 72) op = `madvise(${at(a)}, 0x1000, ${pick(['MADV_DONTNEED', 'MADV_FREE', 'MADV_COLD', 'MADV_POPULATE_READ', 'MADV_DONTFORK', 'MADV_WIPEONFORK'], b)})`;
      else if (k < 74) op = `munmap(${at(a)}, 0x1000)`;
      else if (k < 76) op = `mremap(${at(a)}, 0x1000, ${pick(['0x1000', '0x2000'], b)}, ${pick(['MREMAP_MAYMOVE', 'MREMAP_MAYMOVE|MREMAP_FIXED'], c)}, 0x300000000)`;
      else if (k < 80) op = `trampfd_create(${at(a)})`;
      else if (k < 83) op = `trampfd_write_code(${fd(a)}, ${pick(['1', '3', '102'], b)}, ${pick(['7', '12', '20'], c)}, ${at(d)})`;
      else if (k < 86) op = `trampfd_write_data(${fd(a)}, ${pick(['8', '12', '21'], b)}, ${at(c)})`;
      else if (k < 90) op = `mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, ${fd(a)}, 0x1000)`;
      else if (k < 96) op = `exec(${at(a)})`;
      else if (k < 98) op = `wrpkru(${pick(['0x55555554', '0x55555555', '0x55555556'], a)})`;
      else op = `close(${fd(a)})`;
      const binds = op.startsWith('map_shadow_stack') || op.startsWith('mmap') || op.startsWith('mremap') ? addrs : op.startsWith('trampfd_create') ? fds : null;
      lines.push(binds ? `${bind(binds)} = ${who}${op}` : who + op);
    }
    return parse(lines.join('\n') + '\n');
  });

describe('impl machine invariants', () => {
  it('hold after random programs', () => {
    fc.assert(
      fc.property(mmProgram({ maxOps: 32 }), (prog) => {
        check(run(prog));
      }),
      { numRuns: 400, seed: 42 },
    );
    expect(seenFrames).toBeGreaterThan(10); // the programs do map and write memory
  });

  it('hold with shadow stacks and trampfds', () => {
    const before = seenFrames;
    fc.assert(
      fc.property(shstkProgram, (prog) => {
        check(run(prog));
      }),
      { numRuns: 400, seed: 7 },
    );
    expect(seenFrames - before).toBeGreaterThan(100);
  });

  it('hold without pkeys and under the 6.10 profile', () => {
    for (const machine of [{ pku: false }, { profile: '6.10' as const }]) {
      fc.assert(
        fc.property(mmProgram({ maxOps: 32, machine }), (prog) => {
          check(run({ ...prog, machine: { ...DEFAULT_MACHINE, ...machine } }));
        }),
        { numRuns: 150 },
      );
    }
  });
});
