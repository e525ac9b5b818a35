// What impl structures cost in memory, counted by themselves (bytes() on each): the
// typed arrays they hold (their whole capacity, used or not) plus the JS objects around
// them. The per-object costs are V8's on Node 20 x64 (no pointer compression), measured
// with --expose-gc as heapUsed + arrayBuffers over 10^5 objects:
//   a typed-array view on a shared slab chunk (impl/slab.ts)      96 B + its bytes
//   a typed array with an ArrayBuffer of its own                  96 + 90 B + its bytes
//   an object with n fields                                       24 + 8n B
//   a JS array of small integers grown by push                    ~12 B an element
// Not counted here: the slab chunk's unused tail and dead copies of grown small arrays
// (garbage once the chunk is; bench/impl-vs-model.ts reports the gap to the process).

const VIEW = 96;
const OWN_BUFFER = 90;

/** A typed array: its bytes, its view, and its ArrayBuffer when it has one of its own. */
export function typedBytes(a: ArrayBufferView): number {
  return a.byteLength + VIEW + (a.byteLength === a.buffer.byteLength ? OWN_BUFFER : 0);
}

/** An object with n fields (own typed arrays and arrays counted apart). */
export function objectBytes(fields: number): number {
  return 24 + 8 * fields;
}

/** A JS array of numbers (backing store grown by 1.5x + 16: about 12 B an element). */
export function arrayBytes(a: readonly unknown[]): number {
  return 32 + Math.ceil(a.length * 1.5) * 8;
}
