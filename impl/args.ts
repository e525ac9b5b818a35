// The u64 registers of the abi arrive as bigint; each is converted once to a double.
// Values below 2^53 convert exactly; larger ones round, which keeps every comparison
// against TASK_SIZE right. The few checks that need exact low bits or u64 wrap-around
// of a huge value use these helpers (the slow path).

const B53 = 2n ** 53n;
const U64_TOP_PAGE = 0xfffffffffffff000n;

/** The register as a double (exact below 2^53). */
export const num = (x: bigint): number => Number(x);

/** Low 12 bits (offset_in_page). */
export function lo12(x: bigint): number {
  return x < B53 ? Number(x) % 4096 : Number(x & 0xfffn);
}

/** Low 32 bits as unsigned (flags words). */
export function u32(x: bigint): number {
  return x < B53 ? Number(x) % 4294967296 : Number(x & 0xffffffffn);
}

/** Low 32 bits as a C int. */
export function s32(x: bigint): number {
  return u32(x) | 0;
}

/** PAGE_ALIGN(x) wraps to 0 (x > ULONG_MAX - 4095). */
export function alignWraps(x: bigint): boolean {
  return x > U64_TOP_PAGE;
}

/** PAGE_ALIGN(x) in pages, for x that does not wrap (may be approximate above 2^53). */
export function pagesUp(x: bigint): number {
  return x < B53 ? Math.ceil(Number(x) / 4096) : Number(x) / 4096;
}

/** a + b wraps past 2^64 (both registers). */
export function addWraps(a: bigint, b: bigint): boolean {
  return a + b > 0xffffffffffffffffn;
}

export const isBig = (x: bigint): boolean => x >= B53;

// --- converted once: a syscall calls load(a), then reads its registers through these.

/** The registers of the current syscall as doubles, and whether each is >= 2^53. */
export const N = new Float64Array(8);
const BIG = new Uint8Array(8);
let regs: readonly bigint[] = [];

export function load(a: readonly bigint[]): void {
  regs = a;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    N[i] = Number(x);
    BIG[i] = x >= B53 ? 1 : 0;
  }
}

export const bigAt = (i: number): boolean => BIG[i] === 1;
export const lo12At = (i: number): number => (BIG[i] ? lo12(regs[i]) : N[i] % 4096);
export const u32At = (i: number): number => (BIG[i] ? u32(regs[i]) : N[i] % 4294967296);
export const s32At = (i: number): number => u32At(i) | 0;
/** PAGE_ALIGN(reg i) in pages (approximate above 2^53, where it only meets comparisons). */
export const pagesAt = (i: number): number => (BIG[i] ? N[i] / 4096 : Math.ceil(N[i] / 4096));
/** PAGE_ALIGN(reg i) wraps to 0. */
export const wrapsAt = (i: number): boolean => BIG[i] === 1 && alignWraps(regs[i]);
/** reg s + PAGE_ALIGN(reg l) wraps past 2^64 (exact: a double above 2^63 can hold half a page). */
export const endWrapsAt = (s: number, l: number): boolean =>
  (BIG[s] === 1 || BIG[l] === 1) && addWraps(regs[s], (regs[l] + 0xfffn) & ~0xfffn);
