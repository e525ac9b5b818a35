// A process's VMAs in a B+tree in typed arrays, keyed by start page, in the spirit of
// the maple tree: O(log n) lookup, insert, delete and ordered walk (leaves are linked),
// and every node knows the largest gap between consecutive VMAs below it, so the
// highest / lowest free area of a given size is found in O(log n) (unmapped_area*).
//
// Records live in a VmaPool (impl/vma.ts). After changing a record's start call rekey()
// (the order must stay the same), after changing its end endChanged(), which refreshes
// the gap of its successor.

import { arrayBytes, objectBytes, typedBytes } from './bytes.js';
import * as slab from './slab.js';
import type { VmaPool } from './vma.js';

const B = 16; // max entries per node
const MIN = B >> 1;
const S = B + 1; // slots per node (one spare for the split)

export class VmaTree {
  private kid: Int32Array; // leaf: record ids; internal: child nodes
  private key: Float64Array; // start page (leaf) / min start of the child (internal)
  private gap: Float64Array; // gap before the entry (leaf) / max gap below the child (internal)
  private cnt: Uint8Array;
  private isLeaf: Uint8Array;
  private par: Int32Array;
  private nxt: Int32Array;
  private prv: Int32Array;
  private freeNodes: number[] = [];
  private top = 0;
  private root = -1;
  size = 0;

  constructor(
    private readonly p: VmaPool,
    cap = 8,
  ) {
    this.kid = slab.i32(cap * S);
    this.key = slab.f64(cap * S);
    this.gap = slab.f64(cap * S);
    this.cnt = slab.u8(cap);
    this.isLeaf = slab.u8(cap);
    this.par = slab.i32(cap);
    this.nxt = slab.i32(cap);
    this.prv = slab.i32(cap);
  }

  // ---------------------------------------------------------------- nodes

  /** Bytes held (impl/bytes.ts): the node arrays at their capacity, the free list, the object (records: VmaPool). */
  bytes(): number {
    return (
      objectBytes(13) +
      typedBytes(this.kid) + typedBytes(this.key) + typedBytes(this.gap) + typedBytes(this.cnt) + typedBytes(this.isLeaf) +
      typedBytes(this.par) + typedBytes(this.nxt) + typedBytes(this.prv) + arrayBytes(this.freeNodes)
    );
  }

  private newNode(leaf: boolean): number {
    let n = this.freeNodes.pop();
    if (n === undefined) {
      n = this.top++;
      if (n >= this.cnt.length) this.growNodes();
    }
    this.cnt[n] = 0;
    this.isLeaf[n] = leaf ? 1 : 0;
    this.par[n] = -1;
    this.nxt[n] = -1;
    this.prv[n] = -1;
    return n;
  }

  private growNodes(): void {
    const n = this.cnt.length * 2;
    const g = <T extends Int32Array | Float64Array | Uint8Array>(a: T, size: number): T => {
      return slab.grown(a, size);
    };
    this.kid = g(this.kid, n * S);
    this.key = g(this.key, n * S);
    this.gap = g(this.gap, n * S);
    this.cnt = g(this.cnt, n);
    this.isLeaf = g(this.isLeaf, n);
    this.par = g(this.par, n);
    this.nxt = g(this.nxt, n);
    this.prv = g(this.prv, n);
  }

  private indexIn(parent: number, child: number): number {
    const base = parent * S;
    for (let i = 0; i < this.cnt[parent]; i++) if (this.kid[base + i] === child) return i;
    throw new Error('vmatree: child not in parent');
  }

  private leafIndex(n: number, rec: number): number {
    const base = n * S;
    for (let i = 0; i < this.cnt[n]; i++) if (this.kid[base + i] === rec) return i;
    throw new Error('vmatree: record not in its leaf');
  }

  private maxGap(n: number): number {
    const base = n * S;
    let m = -1;
    for (let i = 0; i < this.cnt[n]; i++) if (this.gap[base + i] > m) m = this.gap[base + i];
    return m;
  }

  /**
   * Refresh the max gap and min key of n's slot in each ancestor, stopping where a slot
   * is unchanged (the levels above depend only on it) unless force (n's parent lost or
   * gained a child, so its own summary may change regardless).
   */
  private fixUp(n: number, force = false): void {
    for (;;) {
      const p = this.par[n];
      if (p < 0) return;
      const i = this.indexIn(p, n);
      const g = this.maxGap(n);
      const k = this.key[n * S];
      const at = p * S + i;
      if (!force && this.gap[at] === g && this.key[at] === k) return;
      this.gap[at] = g;
      this.key[at] = k;
      force = false;
      n = p;
    }
  }

  /** Set the gap of leaf entry (n, i) from its predecessor's end. */
  private refreshGap(n: number, i: number): void {
    const rec = this.kid[n * S + i];
    let pred = -1;
    if (i > 0) pred = this.kid[n * S + i - 1];
    else if (this.prv[n] >= 0) {
      const pl = this.prv[n];
      pred = this.kid[pl * S + this.cnt[pl] - 1];
    }
    this.gap[n * S + i] = this.p.vs[rec] - (pred >= 0 ? this.p.ve[pred] : 0);
  }

  /** Refresh the gap of the entry after (n, i) (which may be in the next leaf). */
  private refreshNextGap(n: number, i: number): void {
    if (i + 1 < this.cnt[n]) {
      this.refreshGap(n, i + 1);
      this.fixUp(n);
    } else if (this.nxt[n] >= 0) {
      this.refreshGap(this.nxt[n], 0);
      this.fixUp(this.nxt[n]);
    }
  }

  // ---------------------------------------------------------------- lookup

  /** The leaf whose key range holds k (the tree is not empty). */
  private leafFor(k: number): number {
    let n = this.root;
    while (!this.isLeaf[n]) {
      const base = n * S;
      let i = this.cnt[n] - 1;
      while (i > 0 && this.key[base + i] > k) i--;
      n = this.kid[base + i];
    }
    return n;
  }

  /** The last record whose start <= k, or -1. */
  findLE(k: number): number {
    if (this.root < 0) return -1;
    const n = this.leafFor(k);
    const base = n * S;
    let i = this.cnt[n] - 1;
    while (i >= 0 && this.key[base + i] > k) i--;
    if (i >= 0) return this.kid[base + i];
    const pl = this.prv[n];
    return pl >= 0 ? this.kid[pl * S + this.cnt[pl] - 1] : -1;
  }

  /** The record containing page vpn, or -1. */
  find(vpn: number): number {
    const r = this.findLE(vpn);
    return r >= 0 && this.p.ve[r] > vpn ? r : -1;
  }

  /** find_vma(): the first record ending above vpn, or -1. */
  findVma(vpn: number): number {
    const r = this.findLE(vpn);
    if (r >= 0 && this.p.ve[r] > vpn) return r;
    return r >= 0 ? this.next(r) : this.first();
  }

  /** The first record whose start >= k, or -1. */
  lowerBound(k: number): number {
    const r = this.findLE(k);
    if (r >= 0 && this.p.vs[r] === k) return r;
    return r >= 0 ? this.next(r) : this.first();
  }

  first(): number {
    let n = this.root;
    if (n < 0) return -1;
    while (!this.isLeaf[n]) n = this.kid[n * S];
    return this.cnt[n] ? this.kid[n * S] : -1;
  }

  last(): number {
    let n = this.root;
    if (n < 0) return -1;
    while (!this.isLeaf[n]) n = this.kid[n * S + this.cnt[n] - 1];
    return this.cnt[n] ? this.kid[n * S + this.cnt[n] - 1] : -1;
  }

  next(rec: number): number {
    const n = this.p.leaf[rec];
    const i = this.leafIndex(n, rec);
    if (i + 1 < this.cnt[n]) return this.kid[n * S + i + 1];
    const nl = this.nxt[n];
    return nl >= 0 ? this.kid[nl * S] : -1;
  }

  prev(rec: number): number {
    const n = this.p.leaf[rec];
    const i = this.leafIndex(n, rec);
    if (i > 0) return this.kid[n * S + i - 1];
    const pl = this.prv[n];
    return pl >= 0 ? this.kid[pl * S + this.cnt[pl] - 1] : -1;
  }

  // ---------------------------------------------------------------- insert

  insert(rec: number): void {
    const k = this.p.vs[rec];
    this.size++;
    if (this.root < 0) {
      const n = this.newNode(true);
      this.root = n;
      this.kid[n * S] = rec;
      this.key[n * S] = k;
      this.cnt[n] = 1;
      this.p.leaf[rec] = n;
      this.refreshGap(n, 0);
      return;
    }
    const n = this.leafFor(k);
    const base = n * S;
    let i = this.cnt[n];
    while (i > 0 && this.key[base + i - 1] > k) {
      this.kid[base + i] = this.kid[base + i - 1];
      this.key[base + i] = this.key[base + i - 1];
      this.gap[base + i] = this.gap[base + i - 1];
      i--;
    }
    this.kid[base + i] = rec;
    this.key[base + i] = k;
    this.cnt[n]++;
    this.p.leaf[rec] = n;
    this.refreshGap(n, i);
    this.fixUp(n);
    this.refreshNextGap(n, i);
    if (this.cnt[n] > B) this.split(n);
  }

  private split(n: number): void {
    const leaf = this.isLeaf[n] === 1;
    const m = this.newNode(leaf);
    const h = (this.cnt[n] + 1) >> 1;
    const moved = this.cnt[n] - h;
    const nb = n * S;
    const mb = m * S;
    for (let j = 0; j < moved; j++) {
      this.kid[mb + j] = this.kid[nb + h + j];
      this.key[mb + j] = this.key[nb + h + j];
      this.gap[mb + j] = this.gap[nb + h + j];
      if (leaf) this.p.leaf[this.kid[mb + j]] = m;
      else this.par[this.kid[mb + j]] = m;
    }
    this.cnt[m] = moved;
    this.cnt[n] = h;
    if (leaf) {
      this.nxt[m] = this.nxt[n];
      if (this.nxt[n] >= 0) this.prv[this.nxt[n]] = m;
      this.nxt[n] = m;
      this.prv[m] = n;
    }
    let p = this.par[n];
    if (p < 0) {
      p = this.newNode(false);
      this.root = p;
      this.kid[p * S] = n;
      this.key[p * S] = this.key[nb];
      this.gap[p * S] = this.maxGap(n);
      this.cnt[p] = 1;
      this.par[n] = p;
    }
    const pb = p * S;
    const at = this.indexIn(p, n) + 1;
    for (let j = this.cnt[p]; j > at; j--) {
      this.kid[pb + j] = this.kid[pb + j - 1];
      this.key[pb + j] = this.key[pb + j - 1];
      this.gap[pb + j] = this.gap[pb + j - 1];
    }
    this.kid[pb + at] = m;
    this.key[pb + at] = this.key[mb];
    this.gap[pb + at] = this.maxGap(m);
    this.cnt[p]++;
    this.par[m] = p;
    this.gap[pb + at - 1] = this.maxGap(n);
    this.fixUp(p, true);
    if (this.cnt[p] > B) this.split(p);
  }

  // ---------------------------------------------------------------- remove

  remove(rec: number): void {
    const n = this.p.leaf[rec];
    const i = this.leafIndex(n, rec);
    const succ = this.next(rec);
    const base = n * S;
    for (let j = i; j < this.cnt[n] - 1; j++) {
      this.kid[base + j] = this.kid[base + j + 1];
      this.key[base + j] = this.key[base + j + 1];
      this.gap[base + j] = this.gap[base + j + 1];
    }
    this.cnt[n]--;
    this.size--;
    this.p.leaf[rec] = -1;
    if (this.cnt[n] === 0 && n === this.root) {
      this.freeNodes.push(n);
      this.root = -1;
      return;
    }
    if (succ >= 0) {
      const sl = this.p.leaf[succ];
      this.refreshGap(sl, this.leafIndex(sl, succ));
      if (sl !== n) this.fixUp(sl);
    }
    if (this.cnt[n] > 0) this.fixUp(n);
    if (n !== this.root && this.cnt[n] < MIN) this.rebalance(n);
  }

  private move(from: number, fi: number, to: number, ti: number): void {
    this.kid[to * S + ti] = this.kid[from * S + fi];
    this.key[to * S + ti] = this.key[from * S + fi];
    this.gap[to * S + ti] = this.gap[from * S + fi];
    if (this.isLeaf[to]) this.p.leaf[this.kid[to * S + ti]] = to;
    else this.par[this.kid[to * S + ti]] = to;
  }

  private shiftRight(n: number): void {
    for (let j = this.cnt[n]; j > 0; j--) this.move(n, j - 1, n, j);
  }
  private shiftLeft(n: number): void {
    for (let j = 0; j < this.cnt[n] - 1; j++) this.move(n, j + 1, n, j);
  }

  private rebalance(n: number): void {
    const p = this.par[n];
    const i = this.indexIn(p, n);
    const left = i > 0 ? this.kid[p * S + i - 1] : -1;
    const right = i + 1 < this.cnt[p] ? this.kid[p * S + i + 1] : -1;
    if (left >= 0 && this.cnt[left] > MIN) {
      this.shiftRight(n);
      this.move(left, this.cnt[left] - 1, n, 0);
      this.cnt[left]--;
      this.cnt[n]++;
      this.fixUp(left);
      this.fixUp(n);
      return;
    }
    if (right >= 0 && this.cnt[right] > MIN) {
      this.move(right, 0, n, this.cnt[n]);
      this.cnt[n]++;
      this.shiftLeft(right);
      this.cnt[right]--;
      this.fixUp(n);
      this.fixUp(right);
      return;
    }
    // merge with a sibling: keep the left node of the pair, drop the right one
    const [l, r] = left >= 0 ? [left, n] : [n, right];
    if (r < 0) return; // only child (cannot happen below a root with >= 2 children)
    for (let j = 0; j < this.cnt[r]; j++) this.move(r, j, l, this.cnt[l] + j);
    this.cnt[l] += this.cnt[r];
    this.cnt[r] = 0;
    if (this.isLeaf[r]) {
      this.nxt[l] = this.nxt[r];
      if (this.nxt[r] >= 0) this.prv[this.nxt[r]] = l;
    }
    const ri = this.indexIn(p, r);
    for (let j = ri; j < this.cnt[p] - 1; j++) {
      this.kid[p * S + j] = this.kid[p * S + j + 1];
      this.key[p * S + j] = this.key[p * S + j + 1];
      this.gap[p * S + j] = this.gap[p * S + j + 1];
    }
    this.cnt[p]--;
    this.freeNodes.push(r);
    this.fixUp(l);
    this.fixUp(p, true);
    if (p === this.root) {
      if (this.cnt[p] === 1) {
        this.root = l;
        this.par[l] = -1;
        this.freeNodes.push(p);
      }
    } else if (this.cnt[p] < MIN) this.rebalance(p);
  }

  /**
   * Record rec's start changed without passing another record (stack growth, a merge
   * moving a boundary): refresh its key and gap in place.
   */
  rekey(rec: number): void {
    const n = this.p.leaf[rec];
    const i = this.leafIndex(n, rec);
    this.key[n * S + i] = this.p.vs[rec];
    this.refreshGap(n, i);
    this.fixUp(n);
  }

  /** Record rec's end changed: refresh its successor's gap. */
  endChanged(rec: number): void {
    const n = this.p.leaf[rec];
    this.refreshNextGap(n, this.leafIndex(n, rec));
  }

  // ---------------------------------------------------------------- free areas

  private rightmost(n: number, len: number, high: number): number {
    const base = n * S;
    if (this.isLeaf[n]) {
      for (let j = this.cnt[n] - 1; j >= 0; j--) if (this.key[base + j] < high && this.gap[base + j] >= len) return this.kid[base + j];
      return -1;
    }
    for (let j = this.cnt[n] - 1; j >= 0; j--) {
      if (this.key[base + j] >= high || this.gap[base + j] < len) continue;
      const r = this.rightmost(this.kid[base + j], len, high);
      if (r >= 0) return r;
    }
    return -1;
  }

  private leftmost(n: number, len: number, kmin: number): number {
    const base = n * S;
    const c = this.cnt[n];
    if (this.isLeaf[n]) {
      for (let j = 0; j < c; j++) if (this.key[base + j] > kmin && this.gap[base + j] >= len) return this.kid[base + j];
      return -1;
    }
    for (let j = 0; j < c; j++) {
      if (j + 1 < c && this.key[base + j + 1] <= kmin) continue;
      if (this.gap[base + j] < len) continue;
      const r = this.leftmost(this.kid[base + j], len, kmin);
      if (r >= 0) return r;
    }
    return -1;
  }

  /**
   * The end of the highest free area of at least len pages inside [low, high)
   * (mas_empty_area_rev), clipped to high; -1 if none.
   */
  highestFree(len: number, low: number, high: number): number {
    const ve = this.p.ve;
    const vs = this.p.vs;
    const j = this.lowerBound(high);
    let pe: number;
    if (j >= 0) {
      const pj = this.prev(j);
      pe = pj >= 0 ? ve[pj] : 0;
    } else {
      const l = this.last();
      pe = l >= 0 ? ve[l] : 0;
    }
    if (pe < high && high - Math.max(pe, low) >= len) return high;
    if (this.root < 0) return -1;
    const i = this.rightmost(this.root, len, high);
    if (i < 0) return -1;
    const pi = this.prev(i);
    const a = Math.max(pi >= 0 ? ve[pi] : 0, low);
    return vs[i] - a >= len ? vs[i] : -1;
  }

  /** The start of the lowest free area of at least len pages inside [low, high); -1 if none. */
  lowestFree(len: number, low: number, high: number): number {
    const ve = this.p.ve;
    const vs = this.p.vs;
    const k = this.findVma(low);
    if (k < 0) return high - low >= len ? low : -1;
    if (vs[k] > low && Math.min(vs[k], high) - low >= len) return low;
    const i = this.leftmost(this.root, len, vs[k]);
    if (i >= 0) {
      const s = ve[this.prev(i)];
      if (s >= high) return -1;
      return Math.min(vs[i], high) - s >= len ? s : -1;
    }
    const s = ve[this.last()];
    return high - s >= len ? s : -1;
  }

  /** Check the invariants (tests). */
  check(): void {
    if (this.root < 0) {
      if (this.size !== 0) throw new Error('size');
      return;
    }
    let count = 0;
    const walk = (n: number, lo: number, depth: number): number => {
      const base = n * S;
      if (n !== this.root && this.cnt[n] < MIN) throw new Error(`underfull node ${n}`);
      if (this.isLeaf[n]) {
        for (let j = 0; j < this.cnt[n]; j++) {
          const r = this.kid[base + j];
          if (this.p.leaf[r] !== n) throw new Error('leaf pointer');
          if (this.key[base + j] !== this.p.vs[r]) throw new Error('leaf key');
          if (this.key[base + j] < lo) throw new Error('order');
          lo = this.key[base + j];
          count++;
        }
        return depth;
      }
      let d = -1;
      for (let j = 0; j < this.cnt[n]; j++) {
        const c = this.kid[base + j];
        if (this.par[c] !== n) throw new Error('parent pointer');
        if (this.key[base + j] !== this.key[c * S]) throw new Error('separator');
        if (this.gap[base + j] !== this.maxGap(c)) throw new Error('gap max');
        const cd = walk(c, lo, depth + 1);
        if (d >= 0 && cd !== d) throw new Error('depth');
        d = cd;
      }
      return d;
    };
    walk(this.root, -Infinity, 0);
    if (count !== this.size) throw new Error('count');
    let prevEnd = 0;
    for (let r = this.first(); r >= 0; r = this.next(r)) {
      const n = this.p.leaf[r];
      const g = this.gap[n * S + this.leafIndex(n, r)];
      if (g !== this.p.vs[r] - prevEnd) throw new Error(`gap of ${r}`);
      prevEnd = this.p.ve[r];
    }
  }
}
