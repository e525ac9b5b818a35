// A fast-check arbitrary for *any* well-formed program: every op, any u64 argument,
// expressions over earlier results, expectations, comments, machine lines. It
// exercises the text format (parser/printer round trip), not the memory manager;
// the fuzzer's biased generators live beside it.

import fc from 'fast-check';
import {
  ERRNO,
  jump,
  OP_NAMES,
  OPS,
  PROFILE_NAMES,
  SI_CODE,
  SIGNAL,
  type Arg,
  type MachineConfig,
  type Op,
  type Program,
  type Result,
  type Term,
} from '../../abi/index.js';

const u64 = fc.oneof(
  fc.bigInt({ min: 0n, max: 0x1000n }),
  fc.bigInt({ min: 0n, max: (1n << 47n) - 1n }).map((x) => x & ~0xfffn),
  fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
  fc.bigInt({ min: 1n, max: 0x10000n }).map((x) => (1n << 64n) - x),
);

const errText = fc.constantFrom(...Object.keys(ERRNO)).map((e) => '-' + e);
const faultText = fc
  .tuple(fc.constantFrom(...Object.keys(SIGNAL)), fc.constantFrom(...Object.keys(SI_CODE)))
  .map(([s, c]) => `fault ${s} ${c}`);
const jumpText = fc.tuple(u64, u64).map(([t, d]) => jump(t, d));
const result: fc.Arbitrary<Result> = fc.oneof(u64, errText, faultText, jumpText);

/** Comment text: no newline, no CR, and not one of the format's own directives. */
const comment = fc
  .string({ maxLength: 30 })
  .map((s) => ' ' + s.replace(/[\r\n]/g, ' '))
  .filter((s) => !/^ (mmdiff|machine)(\s|$)/.test(s));

const machine: fc.Arbitrary<Partial<MachineConfig>> = fc.record(
  {
    profile: fc.constantFrom(...PROFILE_NAMES),
    pku: fc.boolean(),
    shstk: fc.boolean(),
    mmapBase: fc.bigInt({ min: 1n, max: 0x7ffffffffn }).map((x) => x << 12n),
    maxMapCount: fc.integer({ min: 1, max: 100000 }),
    thp: fc.boolean(),
    memoryFailure: fc.boolean(),
    zeroPage: fc.boolean(),
  },
  { requiredKeys: [] },
);

function argArb(bound: number[]): fc.Arbitrary<Arg> {
  if (bound.length === 0) return u64;
  const term: fc.Arbitrary<Term> = fc.oneof(
    fc.record({ neg: fc.boolean(), ref: fc.constantFrom(...bound) }),
    fc.record({ neg: fc.boolean(), lit: u64 }),
  );
  const expr = fc
    .tuple(fc.record({ neg: fc.boolean(), ref: fc.constantFrom(...bound) }), fc.array(term, { maxLength: 3 }))
    .map(([first, rest]) => [first, ...rest] as Term[]);
  return fc.oneof(u64, expr);
}

/** Builds ops one by one so that process numbers and rN references stay valid. */
export const anyProgram: fc.Arbitrary<Program> = fc
  .tuple(
    fc.array(
      fc.record({
        name: fc.constantFrom(...OP_NAMES),
        procPick: fc.nat(),
        bind: fc.boolean(),
        bindGap: fc.nat({ max: 3 }),
        expect: fc.option(result, { nil: undefined }),
        lead: fc.array(comment, { maxLength: 2 }),
        note: fc.option(comment, { nil: undefined }),
        argSeeds: fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
      }),
      { maxLength: 24 },
    ),
    fc.option(machine, { nil: undefined }),
    fc.array(comment, { maxLength: 2 }),
  )
  .chain(([shapes, mach, trailer]) => {
    // Arguments depend on which results are bound before each op.
    const bound: number[] = [];
    let nextBind = 0;
    let procs = 1;
    const plan = shapes.map((s) => {
      const before = [...bound];
      const proc = s.procPick % procs;
      let bind: number | undefined;
      if (s.bind) {
        bind = nextBind + s.bindGap;
        nextBind = bind + 1;
      }
      if (s.name === 'fork') procs++;
      const entry = { s, proc, bind, before };
      if (bind !== undefined) bound.push(bind);
      return entry;
    });
    return fc.tuple(...plan.map((p) => fc.tuple(...OPS[p.s.name].args.map(() => argArb(p.before))))).map((allArgs) => {
      const ops: Op[] = plan.map((p, i) => {
        const op: { -readonly [K in keyof Op]: Op[K] } = { name: p.s.name, proc: p.proc, args: allArgs[i] };
        if (p.bind !== undefined) op.bind = p.bind;
        if (p.s.expect !== undefined) op.expect = p.s.expect;
        if (p.s.lead.length) op.lead = p.s.lead;
        if (p.s.note !== undefined) op.note = p.s.note;
        return op;
      });
      const prog: { ops: Op[]; machine?: Partial<MachineConfig>; trailer?: string[] } = { ops };
      if (mach && Object.keys(mach).length) prog.machine = mach;
      if (trailer.length) prog.trailer = trailer;
      return prog as Program;
    });
  });
