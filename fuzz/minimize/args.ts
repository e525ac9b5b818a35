// Simpler argument values to try while minimizing, simplest first: expressions lose
// their offsets, flags lose bits, numbers become 0, round pages or halves.

import { MAP, OPS, type Arg, type ArgKind, type Op } from '../../abi/index.js';

const PAGE = 0x1000n;
const FLAG_KINDS: ReadonlySet<ArgKind> = new Set(['prot', 'mapflags', 'mremapflags', 'pkeyrights', 'shstkflags']);

function bitsOf(v: bigint): bigint[] {
  const out: bigint[] = [];
  for (let b = 63n; b >= 0n; b--) if ((v >> b) & 1n) out.push(1n << b);
  return out;
}

function literalCandidates(v: bigint, kind: ArgKind): bigint[] {
  const out: bigint[] = [];
  if (FLAG_KINDS.has(kind)) {
    if (kind === 'mapflags') {
      const type = v & BigInt(MAP.TYPE);
      if (type !== BigInt(MAP.PRIVATE)) out.push((v & ~BigInt(MAP.TYPE)) | BigInt(MAP.PRIVATE));
      for (const b of bitsOf(v & ~BigInt(MAP.TYPE))) if (b !== BigInt(MAP.ANONYMOUS)) out.push(v & ~b);
    } else {
      for (const b of bitsOf(v)) out.push(v & ~b);
    }
    return out;
  }
  out.push(0n);
  if (kind === 'len') out.push(PAGE, v & ~(PAGE - 1n), ((v >> 1n) + PAGE - 1n) & ~(PAGE - 1n));
  else if (kind === 'addr') out.push(v & ~(PAGE - 1n));
  else if (kind === 'int') out.push(1n);
  else if (kind === 'word') out.push(1n);
  return out.filter((x) => x !== v && x < v);
}

/** Candidate replacements for argument `i` of `op`, simplest first. */
export function argCandidates(op: Op, i: number): Arg[] {
  const a = op.args[i];
  const kind = OPS[op.name].args[i];
  if (typeof a !== 'bigint') {
    // keep the reference, drop what is added to it
    return a.length > 1 && a[0].ref !== undefined && !a[0].neg ? [[a[0]]] : [];
  }
  return [...new Set(literalCandidates(a, kind))];
}
