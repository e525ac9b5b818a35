// The third contender of bench/bugs.ts: what a user writes in an afternoon with
// fast-check's model-based testing — fc.commands over a handful of mm syscalls on a
// few mappings (and brk, pkeys, PKRU), each command appending one op, the whole program run on model and the
// mutant impl and compared at the end. Its generator is independent of fuzz/gen.

import fc from 'fast-check';
import { DEFAULT_MACHINE, MADV, MAP, PROT, type Arg, type Op, type Program } from '../../abi/index.js';

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
/** The mmap flags an mm engineer tries first, besides plain private anonymous. */
const mapExtra = fc.constantFrom(0, 0, 0, MAP.POPULATE, MAP.NORESERVE, MAP.LOCKED, MAP.GROWSDOWN).map(BigInt);
const MREMAP_MAYMOVE = 1n;
const MREMAP_FIXED = 2n;
const MREMAP_DONTUNMAP = 4n;
const pkey = fc.integer({ min: 0, max: 3 }).map(BigInt);
/** PKRU values: all open, key 1 write-disabled, key 1 access-disabled, the default (keys 1-15 AD). */
const pkru = fc.constantFrom(0n, 0x8n, 0x4n, 0x55555554n);

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
  fc.tuple(len, prot, fc.boolean(), mapExtra).map(([l, p, shared, extra]) =>
    new Cmd('mmap', false, 0, () => op('mmap', [0n, l, p, (shared ? BigInt(MAP.SHARED | MAP.ANONYMOUS) : ANON) | extra, -1n & 0xffffffffffffffffn, 0n]), true)),
  fc.tuple(pick, off, len, prot, fc.boolean()).map(([k, o, l, p, noreplace]) =>
    new Cmd('mmap fixed', true, k, (_, r) => op('mmap', [at(r, o), l, p, ANON | BigInt(noreplace ? MAP.FIXED_NOREPLACE : MAP.FIXED), 0xffffffffffffffffn, 0n]), true)),
  fc.tuple(pick, off, len).map(([k, o, l]) => new Cmd('munmap', true, k, (_, r) => op('munmap', [at(r, o), l]))),
  fc.tuple(pick, off, len, prot).map(([k, o, l, p]) => new Cmd('mprotect', true, k, (_, r) => op('mprotect', [at(r, o), l, p]))),
  fc.tuple(pick, off, len).map(([k, o, l]) => new Cmd('mseal', true, k, (_, r) => op('mseal', [at(r, o), l, 0n]))),
  fc.tuple(pick, off, len, fc.constantFrom(MADV.DONTNEED, MADV.FREE, MADV.DONTFORK, MADV.WIPEONFORK, MADV.GUARD_INSTALL, MADV.GUARD_REMOVE, MADV.POPULATE_WRITE, MADV.PAGEOUT, MADV.COLD)).map(([k, o, l, a]) =>
    new Cmd('madvise', true, k, (_, r) => op('madvise', [at(r, o), l, BigInt(a)]))),
  fc.tuple(pick, len, len, fc.constantFrom(0n, MREMAP_MAYMOVE, MREMAP_MAYMOVE | MREMAP_DONTUNMAP), fc.option(fc.tuple(pick, off), { nil: undefined })).map(([k, a, b, flags, to]) =>
    new Cmd('mremap', true, k, (bb, r) => op('mremap', to && flags ? [at(r, 0), a, b, flags | MREMAP_FIXED, at(to[0] % Math.max(1, bb.maps), to[1])] : [at(r, 0), a, b, flags, 0n]), true)),
  fc.tuple(pick, off, len, prot, pkey).map(([k, o, l, p, key]) => new Cmd('pkey_mprotect', true, k, (_, r) => op('pkey_mprotect', [at(r, o), l, p, key]))),
  fc.integer({ min: 0, max: 3 }).map((rights) => new Cmd('pkey_alloc', false, 0, () => op('pkey_alloc', [0n, BigInt(rights)]))),
  pkey.map((key) => new Cmd('pkey_free', false, 0, () => op('pkey_free', [key]))),
  pkru.map((v) => new Cmd('wrpkru', false, 0, () => op('wrpkru', [v]))),
  fc.integer({ min: -2, max: 8 }).map((pages) => new Cmd('brk', false, 0, () => op('brk', [pages < 0 ? 0n : DEFAULT_MACHINE.brkStart + BigInt(pages) * PAGE]))),
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
