// The third contender of bench/bugs.ts: what a user writes in an afternoon with
// fast-check's model-based testing — fc.commands over a handful of mm syscalls on a
// few mappings, each command appending one op, the whole program run on model and the
// mutant impl and compared at the end. Its generator is independent of fuzz/gen.

import fc from 'fast-check';
import { MADV, MAP, PROT, type Arg, type Op, type Program } from '../../abi/index.js';

const PAGE = 0x1000n;
const ANON = BigInt(MAP.PRIVATE | MAP.ANONYMOUS);

/** The program being built, and how many mappings it has bound so far. */
interface Built {
  ops: Op[];
  maps: number;
}
/** What check() sees: the number of mappings (commands on a mapping need one). */
interface Shape {
  maps: number;
}

const at = (bind: number, pages: number): Arg => (pages === 0 ? [{ neg: false, ref: bind }] : [{ neg: false, ref: bind }, { neg: pages < 0, lit: BigInt(Math.abs(pages)) * PAGE }]);
const len = fc.oneof(fc.integer({ min: 1, max: 8 }).map((n) => BigInt(n) * PAGE), fc.constantFrom(0x200000n, 0x1ff000n, 0x201000n, 0n, 0x1800n));
const prot = fc.constantFrom(PROT.NONE, PROT.READ, PROT.READ | PROT.WRITE, PROT.READ | PROT.EXEC, PROT.WRITE).map(BigInt);
const off = fc.integer({ min: -1, max: 6 });

type Make = (b: Built, pick: number) => Op;
class Cmd implements fc.Command<Shape, Built> {
  constructor(private readonly label: string, private readonly onMapping: boolean, private readonly pick: number, private readonly make: Make, private readonly binds = false) {}
  check(m: Readonly<Shape>): boolean {
    return !this.onMapping || m.maps > 0;
  }
  run(m: Shape, b: Built): void {
    const op = this.make(b, this.pick % Math.max(1, b.maps));
    b.ops.push(this.binds ? { ...op, bind: b.maps } : op);
    if (this.binds) m.maps = ++b.maps;
  }
  toString(): string {
    return this.label;
  }
}
const op = (name: Op['name'], args: Arg[], proc = 0): Op => ({ name, proc, args });
const pick = fc.nat(7);

const commands = [
  fc.tuple(len, prot, fc.boolean(), fc.boolean()).map(([l, p, shared, populate]) =>
    new Cmd('mmap', false, 0, () => op('mmap', [0n, l, p, shared ? BigInt(MAP.SHARED | MAP.ANONYMOUS) : ANON | (populate ? BigInt(MAP.POPULATE) : 0n), -1n & 0xffffffffffffffffn, 0n]), true)),
  fc.tuple(pick, off, len, prot).map(([k, o, l, p]) => new Cmd('mmap fixed', true, k, (_, r) => op('mmap', [at(r, o), l, p, ANON | BigInt(MAP.FIXED), 0xffffffffffffffffn, 0n]), true)),
  fc.tuple(pick, off, len).map(([k, o, l]) => new Cmd('munmap', true, k, (_, r) => op('munmap', [at(r, o), l]))),
  fc.tuple(pick, off, len, prot).map(([k, o, l, p]) => new Cmd('mprotect', true, k, (_, r) => op('mprotect', [at(r, o), l, p]))),
  fc.tuple(pick, off, len).map(([k, o, l]) => new Cmd('mseal', true, k, (_, r) => op('mseal', [at(r, o), l, 0n]))),
  fc.tuple(pick, off, len, fc.constantFrom(MADV.DONTNEED, MADV.FREE, MADV.DONTFORK, MADV.WIPEONFORK, MADV.GUARD_INSTALL, MADV.GUARD_REMOVE, MADV.POPULATE_WRITE, MADV.PAGEOUT, MADV.COLD)).map(([k, o, l, a]) =>
    new Cmd('madvise', true, k, (_, r) => op('madvise', [at(r, o), l, BigInt(a)]))),
  fc.tuple(pick, len, len).map(([k, a, b]) => new Cmd('mremap', true, k, (_, r) => op('mremap', [at(r, 0), a, b, 1n, 0n]), true)),
  fc.tuple(pick, off).map(([k, o]) => new Cmd('read', true, k, (_, r) => op('read', [at(r, o)]))),
  fc.tuple(pick, off, fc.integer({ min: 1, max: 255 })).map(([k, o, v]) => new Cmd('write', true, k, (_, r) => op('write', [at(r, o), BigInt(v)]))),
  fc.constant(new Cmd('fork', false, 0, () => op('fork', []))),
];

/** Programs of fc.commands, as the harness runs them. */
export const harnessPrograms: fc.Arbitrary<Program> = fc.commands(commands, { maxCommands: 24 }).map((cmds) => {
  const b: Built = { ops: [], maps: 0 };
  fc.modelRun(() => ({ model: { maps: 0 }, real: b }), cmds);
  return { ops: b.ops };
});
