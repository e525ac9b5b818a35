// 64-bit register values. Program arguments and results are unsigned 64-bit
// integers held as bigint; each syscall reads the width and sign its C type has.

import { U64_MASK } from './constants.js';

const TWO63 = 1n << 63n;
const TWO64 = 1n << 64n;

/** Reduce any integer to the unsigned 64-bit register value. */
export function u64(x: bigint): bigint {
  return x & U64_MASK;
}

/** The register as a signed 64-bit long. */
export function s64(x: bigint): bigint {
  return x >= TWO63 ? x - TWO64 : x;
}

/** The low 32 bits as a C int (fd, pkey, flags passed as int). */
export function s32(x: bigint): number {
  return Number(BigInt.asIntN(32, x));
}

/** The low 32 bits as an unsigned int. */
export function u32(x: bigint): number {
  return Number(BigInt.asUintN(32, x));
}

export function hex(x: bigint): string {
  return '0x' + x.toString(16);
}

/** Hex, with values >= 2^63 written as a negative number (lengths that wrap). */
export function signedHex(x: bigint): string {
  return x >= TWO63 ? '-0x' + (TWO64 - x).toString(16) : '0x' + x.toString(16);
}
