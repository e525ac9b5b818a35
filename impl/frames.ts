// Physical frames: reference counts in a Uint32Array, per-frame folio flags, a free
// list, and sparse contents. Frame 0 is the shared zero page (never counted, never
// written). A frame's contents are all zero, or one non-zero 8-byte word held inline,
// or a dense 4 KiB page from a slab pool once a second word becomes non-zero.
//
// Per frame: ref (4 B), flags (1 B), tag (2 B: 0 zero, 1..512 one plus the inline word's
// index, -1 dense), lo/hi (8 B: the inline word; for a dense frame lo is its dense page, for a
// free frame lo links the free list). 15 bytes, no JS object.

import { arrayBytes, objectBytes, typedBytes } from './bytes.js';
import * as slab from './slab.js';

export const ZERO_FRAME = 0;

/** PageAnonExclusive: the anon page is mapped by exactly one process (mm/rmap.c). */
export const F_EXCL = 1;
/** folio dirty (PG_dirty), tracked for shmem folios (set on write fault and zap of a dirty PTE). */
export const F_DIRTY = 2;
/** folio belongs to a shmem object (not an anon page). */
export const F_SHMEM = 4;
/** folio of a file other than shmem (the trampfd page): not anonymous, no dirty tracking. */
export const F_FILE = 8;
/** an anon folio that is not swap-backed after MADV_FREE (folio_mark_lazyfree): reclaim may discard it. */
export const F_LAZY = 16;

const WORDS = 512;
const SLAB = 8; // dense pages per slab (32 KiB): growing never copies, small machines stay small
const T_ZERO = 0; // so fresh arrays need no fill
const T_DENSE = -1;

export class Frames {
  ref: Uint32Array;
  flags: Uint8Array;
  /** The large folio (impl/thp.ts) a frame is a 4K page of, 0 for a small folio. */
  folio: Int32Array;
  /** Which 4K page of its large folio a frame is (folio_page_idx), meaningful when folio ≠ 0. */
  sub: Uint16Array;
  private tag: Int16Array;
  private lo: Uint32Array;
  private hi: Uint32Array;
  private freeHead = -1;
  private top = 1; // frame 0 is the zero page
  private slabs: Uint32Array[] = [];
  private denseFree: number[] = [];
  private denseTop = 0;
  live = 0;

  constructor(cap = 1024) {
    this.ref = slab.u32(cap);
    this.flags = slab.u8(cap);
    this.folio = slab.i32(cap);
    this.sub = slab.u16(cap);
    this.tag = slab.i16(cap);
    this.lo = slab.u32(cap);
    this.hi = slab.u32(cap);
  }

  private grow(): void {
    const n = Math.ceil(this.ref.length * 1.5); // 1.5x: less slack than doubling
    this.ref = slab.grown(this.ref, n);
    this.flags = slab.grown(this.flags, n);
    this.folio = slab.grown(this.folio, n);
    this.sub = slab.grown(this.sub, n);
    this.tag = slab.grown(this.tag, n);
    this.lo = slab.grown(this.lo, n);
    this.hi = slab.grown(this.hi, n);
  }

  /** A new zero-filled frame with one reference. */
  alloc(flags: number): number {
    let f = this.freeHead;
    if (f >= 0) this.freeHead = this.lo[f] === 0xffffffff ? -1 : this.lo[f];
    else {
      f = this.top++;
      if (f >= this.ref.length) this.grow();
    }
    this.ref[f] = 1;
    this.flags[f] = flags;
    this.tag[f] = T_ZERO;
    this.live++;
    return f;
  }

  get(f: number): void {
    if (f !== ZERO_FRAME) this.ref[f]++;
  }

  /** Drop a reference; the frame is freed (contents released) at zero. */
  put(f: number): void {
    if (f === ZERO_FRAME) return;
    if (--this.ref[f] !== 0) return;
    if (this.tag[f] === T_DENSE) this.denseFree.push(this.lo[f]);
    this.tag[f] = T_ZERO;
    this.flags[f] = 0;
    this.folio[f] = 0;
    this.lo[f] = this.freeHead < 0 ? 0xffffffff : this.freeHead;
    this.freeHead = f;
    this.live--;
  }

  /** A new frame (one reference) with a copy of src's contents (COW copy). */
  copy(src: number, flags: number): number {
    const f = this.alloc(flags);
    if (src === ZERO_FRAME) return f;
    const t = this.tag[src];
    if (t === T_DENSE) {
      const nd = this.allocDense();
      this.page(nd).set(this.page(this.lo[src]));
      this.tag[f] = T_DENSE;
      this.lo[f] = nd;
    } else if (t > 0) {
      this.tag[f] = t;
      this.lo[f] = this.lo[src];
      this.hi[f] = this.hi[src];
    }
    return f;
  }

  private allocDense(): number {
    let d = this.denseFree.pop();
    if (d === undefined) {
      d = this.denseTop++; // never used: already zero
      if (d % SLAB === 0) this.slabs.push(new Uint32Array(SLAB * WORDS * 2));
      return d;
    }
    this.page(d).fill(0);
    return d;
  }

  /** The words of dense page d (a view; word w at 2*w, 2*w+1). */
  private page(d: number): Uint32Array {
    const o = (d % SLAB) * WORDS * 2;
    return this.slabs[(d / SLAB) | 0].subarray(o, o + WORDS * 2);
  }

  /** Low / high u32 of aligned word w (0..511). */
  wordLo(f: number, w: number): number {
    const t = this.tag[f];
    if (t === T_DENSE) {
      const d = this.lo[f];
      return this.slabs[(d / SLAB) | 0][((d % SLAB) * WORDS + w) * 2];
    }
    return t === w + 1 ? this.lo[f] : 0;
  }
  wordHi(f: number, w: number): number {
    const t = this.tag[f];
    if (t === T_DENSE) {
      const d = this.lo[f];
      return this.slabs[(d / SLAB) | 0][((d % SLAB) * WORDS + w) * 2 + 1];
    }
    return t === w + 1 ? this.hi[f] : 0;
  }

  setWord(f: number, w: number, lo: number, hi: number): void {
    const t = this.tag[f];
    if (t === T_DENSE) {
      const d = this.lo[f];
      const at = ((d % SLAB) * WORDS + w) * 2;
      const slab = this.slabs[(d / SLAB) | 0];
      slab[at] = lo;
      slab[at + 1] = hi;
      return;
    }
    const zero = lo === 0 && hi === 0;
    if (t === w + 1 || t === T_ZERO) {
      if (zero) this.tag[f] = T_ZERO;
      else {
        this.tag[f] = w + 1;
        this.lo[f] = lo;
        this.hi[f] = hi;
      }
      return;
    }
    if (zero) return;
    // a second non-zero word: promote to a dense page
    const nd = this.allocDense();
    const pg = this.page(nd);
    pg[2 * (t - 1)] = this.lo[f];
    pg[2 * (t - 1) + 1] = this.hi[f];
    pg[2 * w] = lo;
    pg[2 * w + 1] = hi;
    this.tag[f] = T_DENSE;
    this.lo[f] = nd;
  }

  /** Every byte of the frame is zero (memchr_inv(page, 0, PAGE_SIZE) == NULL). */
  isZero(f: number): boolean {
    const t = this.tag[f];
    if (t === T_ZERO) return true;
    if (t !== T_DENSE) return false; // one non-zero word held inline
    const pg = this.page(this.lo[f]);
    for (let i = 0; i < pg.length; i++) if (pg[i] !== 0) return false;
    return true;
  }

  /** Byte at offset off (0..4095). */
  byte(f: number, off: number): number {
    const w = off >>> 3;
    const b = off & 7;
    return b < 4 ? (this.wordLo(f, w) >>> (b * 8)) & 0xff : (this.wordHi(f, w) >>> ((b - 4) * 8)) & 0xff;
  }

  setByte(f: number, off: number, v: number): void {
    const w = off >>> 3;
    const b = off & 7;
    let lo = this.wordLo(f, w);
    let hi = this.wordHi(f, w);
    if (b < 4) lo = ((lo & ~(0xff << (b * 8))) | (v << (b * 8))) >>> 0;
    else hi = ((hi & ~(0xff << ((b - 4) * 8))) | (v << ((b - 4) * 8))) >>> 0;
    this.setWord(f, w, lo, hi);
  }

  /** Calls fn(wordIndex, lo, hi) for every non-zero word. */
  words(f: number, fn: (w: number, lo: number, hi: number) => void): void {
    if (f === ZERO_FRAME) return;
    const t = this.tag[f];
    if (t === T_DENSE) {
      const pg = this.page(this.lo[f]);
      for (let w = 0; w < WORDS; w++) {
        const lo = pg[2 * w];
        const hi = pg[2 * w + 1];
        if (lo !== 0 || hi !== 0) fn(w, lo, hi);
      }
    } else if (t > 0) fn(t - 1, this.lo[f], this.hi[f]);
  }

  /** Bytes held (impl/bytes.ts): the per-frame arrays at their capacity, the dense-page slabs, free lists, the object. */
  bytes(): number {
    let b = objectBytes(13) + typedBytes(this.ref) + typedBytes(this.flags) + typedBytes(this.folio) + typedBytes(this.sub) + typedBytes(this.tag) + typedBytes(this.lo) + typedBytes(this.hi);
    for (const s of this.slabs) b += typedBytes(s);
    return b + arrayBytes(this.slabs) + arrayBytes(this.denseFree);
  }
}
