// Typed arrays carved out of shared zeroed chunks. A fresh ArrayBuffer costs ~1 µs to
// create, a view on an existing one ~0.03 µs; a machine starts with ~25 small arrays,
// so a fuzzer creating a machine per program would spend most of its time allocating.
// Views are bump-allocated from a 1 MiB chunk and never reused, so they start zeroed;
// a chunk is garbage once no view into it is alive. Large arrays get their own buffer.

const CHUNK = 1 << 20;
const LARGE = 8 << 10; // beyond this (growth), an own buffer: a chunk would keep dead copies alive

let chunk = new ArrayBuffer(CHUNK);
let used = 0;

function carve(bytes: number): [ArrayBuffer, number] | null {
  if (bytes > LARGE) return null;
  const at = (used + 7) & ~7;
  if (at + bytes > CHUNK) {
    chunk = new ArrayBuffer(CHUNK);
    used = bytes;
    return [chunk, 0];
  }
  used = at + bytes;
  return [chunk, at];
}

export function u8(n: number): Uint8Array {
  const c = carve(n);
  return c ? new Uint8Array(c[0], c[1], n) : new Uint8Array(n);
}
export function u16(n: number): Uint16Array {
  const c = carve(n * 2);
  return c ? new Uint16Array(c[0], c[1], n) : new Uint16Array(n);
}
export function i16(n: number): Int16Array {
  const c = carve(n * 2);
  return c ? new Int16Array(c[0], c[1], n) : new Int16Array(n);
}
export function u32(n: number): Uint32Array {
  const c = carve(n * 4);
  return c ? new Uint32Array(c[0], c[1], n) : new Uint32Array(n);
}
export function i32(n: number): Int32Array {
  const c = carve(n * 4);
  return c ? new Int32Array(c[0], c[1], n) : new Int32Array(n);
}
export function f64(n: number): Float64Array {
  const c = carve(n * 8);
  return c ? new Float64Array(c[0], c[1], n) : new Float64Array(n);
}

/** A zeroed array of a's type and length n holding a's elements (for growth). */
export function grown<T extends Uint8Array | Uint16Array | Int16Array | Uint32Array | Int32Array | Float64Array>(a: T, n: number): T {
  let b: T;
  if (a instanceof Float64Array) b = f64(n) as T;
  else if (a instanceof Uint32Array) b = u32(n) as T;
  else if (a instanceof Int32Array) b = i32(n) as T;
  else if (a instanceof Uint16Array) b = u16(n) as T;
  else if (a instanceof Int16Array) b = i16(n) as T;
  else b = u8(n) as T;
  b.set(a);
  return b;
}
