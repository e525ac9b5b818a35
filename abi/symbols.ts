// Symbolic names of argument values: the constants a `.mm` file may name, and the
// canonical way the printer writes a value of each argument kind.

import { ARCH_SHSTK, MADV, MAP, MREMAP, PKEY, PROT, SHADOW_STACK } from './constants.js';
import type { ArgKind } from './ops.js';
import { hex, s64, signedHex } from './values.js';

type Table = ReadonlyArray<readonly [string, number]>;

function prefixed(prefix: string, obj: Record<string, number>, skip: readonly string[] = []): Table {
  return Object.entries(obj)
    .filter(([k]) => !skip.includes(k))
    .map(([k, v]) => [prefix + k, v] as const);
}

const PROT_BITS = prefixed('PROT_', PROT, ['NONE']);
const MAP_TYPES: Table = [
  ['MAP_SHARED', MAP.SHARED],
  ['MAP_PRIVATE', MAP.PRIVATE],
  ['MAP_SHARED_VALIDATE', MAP.SHARED_VALIDATE],
  ['MAP_DROPPABLE', MAP.DROPPABLE],
];
const MAP_BITS = prefixed('MAP_', MAP, ['SHARED', 'PRIVATE', 'SHARED_VALIDATE', 'DROPPABLE', 'TYPE']);
const MADV_VALUES = prefixed('MADV_', MADV);
const MREMAP_BITS = prefixed('MREMAP_', MREMAP);
const PKEY_BITS = prefixed('PKEY_', PKEY);
const SHSTK_BITS = prefixed('SHADOW_STACK_', SHADOW_STACK);
const ARCH_CODES = prefixed('ARCH_SHSTK_', ARCH_SHSTK);

/** Every name a program may use, with its value. Aliases parse but never print. */
export const CONSTANTS: ReadonlyMap<string, bigint> = new Map<string, bigint>(
  [
    ['PROT_NONE', 0] as const,
    ...PROT_BITS,
    ...MAP_TYPES,
    ...MAP_BITS,
    ['MAP_ANON', MAP.ANONYMOUS] as const,
    ['MAP_FILE', 0] as const,
    ...MADV_VALUES,
    ...MREMAP_BITS,
    ...PKEY_BITS,
    ...SHSTK_BITS,
    ...ARCH_CODES,
  ].map(([k, v]) => [k, BigInt(v)]),
);

function printBits(v: bigint, bits: Table, zero: string): string {
  if (v === 0n) return zero;
  const parts: string[] = [];
  let rest = v;
  for (const [name, bit] of bits) {
    const b = BigInt(bit);
    if (b !== 0n && (rest & b) === b) {
      parts.push(name);
      rest &= ~b;
    }
  }
  if (rest !== 0n) parts.push(hex(rest));
  return parts.join('|');
}

function printEnum(v: bigint, values: Table): string {
  for (const [name, val] of values) if (BigInt(val) === v) return name;
  return s64(v).toString(10);
}

function printMapFlags(v: bigint): string {
  const type = v & BigInt(MAP.TYPE);
  const parts: string[] = [];
  const named = MAP_TYPES.find(([, t]) => BigInt(t) === type);
  let rest = v;
  if (named) {
    parts.push(named[0]);
    rest &= ~type;
  }
  if (rest !== 0n || parts.length === 0) {
    const bits = printBits(rest, MAP_BITS, '0');
    if (bits !== '0' || parts.length === 0) parts.push(bits);
  }
  return parts.join('|');
}

/** The canonical text of a literal argument of the given kind. */
export function printValue(v: bigint, kind: ArgKind): string {
  switch (kind) {
    case 'addr':
      return v === 0n ? 'NULL' : hex(v);
    case 'len':
      return v === 0n ? '0' : signedHex(v);
    case 'word':
      return v === 0n ? '0' : hex(v);
    case 'int':
      return s64(v).toString(10);
    case 'prot':
      return printBits(v, PROT_BITS, 'PROT_NONE');
    case 'mapflags':
      return printMapFlags(v);
    case 'madv':
      return printEnum(v, MADV_VALUES);
    case 'mremapflags':
      return printBits(v, MREMAP_BITS, '0');
    case 'pkeyrights':
      return printBits(v, PKEY_BITS, '0');
    case 'shstkflags':
      return printBits(v, SHSTK_BITS, '0');
    case 'archprctl':
      return printEnum(v, ARCH_CODES.filter(([k]) => k !== 'ARCH_SHSTK_SHSTK' && k !== 'ARCH_SHSTK_WRSS'));
  }
}
