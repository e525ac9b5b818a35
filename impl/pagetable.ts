// 4-level x86-64 radix page tables (PML4 → PDPT → PD → PT, 512 entries a level)
// in pooled typed arrays shared by every process of a machine. Directory tables hold
// child table numbers (+1, 0 = none); leaf tables hold PTEs as two u32 words
// (impl/pte.ts). Each table counts its non-empty entries so it is freed when empty —
// unless `keepEmpty` (machines with THP): then a leaf table lives as long as the kernel's
// PTE table would (whether a PMD is pmd_none decides if a fault may map a huge page), and
// only a walk whose callback sets `dropThis` frees it (free_pgtables, PT reclaim, a zapped
// huge PMD). A leaf table with `leafHuge` set stands for a huge PMD (impl/thp.ts).
//
// A leaf entry is addressed by its slot: leafTable * 512 + index; its words are
// L[2*slot] (lo) and L[2*slot+1] (hi). `L` is replaced when the pool grows, so read
// `pt.L` again after any call that may allocate (ensure).

import { arrayBytes, objectBytes, typedBytes } from './bytes.js';
import * as slab from './slab.js';

const ENTRIES = 512;
const PD_SPAN = 2 ** 18; // pages covered by one PD entry... by one PDPT entry
const PDPT_SPAN = 2 ** 27; // pages covered by one PML4 entry

export class PageTable {
  /** Directory pool: child table number + 1, 0 = empty. */
  dir: Int32Array;
  dirUsed: Uint16Array;
  /** Lowest and highest index ever used in each directory table since it was allocated. */
  private dirLo: Uint16Array;
  private dirHi: Uint16Array;
  private dirFree: number[] = [];
  private dirTop = 0;
  /** Leaf pool: two u32 words per entry. */
  L: Uint32Array;
  leafUsed: Uint16Array;
  /** 1: the leaf table stands for a huge PMD leaf (its 512 entries carry the PMD's bits). */
  leafHuge: Uint8Array;
  /** Empty leaf tables stay until a walk's callback asks to drop them (THP machines). */
  keepEmpty = false;
  /** Set by a walk callback: free the current leaf table once it is empty (keepEmpty). */
  dropThis = false;
  private leafFree: number[] = [];
  private leafTop = 0;

  constructor(dirTables = 64, leafTables = 64) {
    this.dir = slab.i32(dirTables * ENTRIES);
    this.dirUsed = slab.u16(dirTables);
    this.dirLo = slab.u16(dirTables);
    this.dirHi = slab.u16(dirTables);
    this.L = slab.u32(leafTables * ENTRIES * 2);
    this.leafUsed = slab.u16(leafTables);
    this.leafHuge = slab.u8(leafTables);
  }

  /** Live tables (for tests and memory accounting). */
  get dirCount(): number {
    return this.dirTop - this.dirFree.length;
  }
  get leafCount(): number {
    return this.leafTop - this.leafFree.length;
  }

  /** Bytes held (impl/bytes.ts): both pools at their capacity, the free lists, the object. */
  bytes(): number {
    return (
      objectBytes(14) +
      typedBytes(this.dir) + typedBytes(this.dirUsed) + typedBytes(this.dirLo) + typedBytes(this.dirHi) +
      typedBytes(this.L) + typedBytes(this.leafUsed) + typedBytes(this.leafHuge) + arrayBytes(this.dirFree) + arrayBytes(this.leafFree)
    );
  }

  private allocDir(): number {
    // a table is freed only once all its entries are empty, so every table starts zeroed
    let t = this.dirFree.pop();
    if (t === undefined) {
      t = this.dirTop++;
      if (t >= this.dirUsed.length) {
        const n = Math.ceil(this.dirUsed.length * 1.5);
        this.dir = slab.grown(this.dir, n * ENTRIES);
        this.dirUsed = slab.grown(this.dirUsed, n);
        this.dirLo = slab.grown(this.dirLo, n);
        this.dirHi = slab.grown(this.dirHi, n);
      }
    }
    this.dirUsed[t] = 0;
    this.dirLo[t] = ENTRIES - 1;
    this.dirHi[t] = 0;
    return t;
  }

  private allocLeaf(): number {
    let t = this.leafFree.pop();
    if (t === undefined) {
      t = this.leafTop++;
      if (t >= this.leafUsed.length) {
        const n = Math.ceil(this.leafUsed.length * 1.5);
        this.L = slab.grown(this.L, n * ENTRIES * 2);
        this.leafUsed = slab.grown(this.leafUsed, n);
        this.leafHuge = slab.grown(this.leafHuge, n);
      }
    }
    this.leafUsed[t] = 0;
    this.leafHuge[t] = 0;
    return t;
  }

  /** A new, empty PML4. */
  newRoot(): number {
    return this.allocDir();
  }

  /** The slot of vpn's entry, or -1 when its leaf table does not exist. */
  slot(root: number, vpn: number): number {
    const hiIdx = Math.floor(vpn / PD_SPAN);
    const d = this.dir;
    let t = d[root * ENTRIES + (hiIdx >>> 9)] - 1;
    if (t < 0) return -1;
    t = d[t * ENTRIES + (hiIdx & 511)] - 1;
    if (t < 0) return -1;
    const loIdx = vpn - hiIdx * PD_SPAN;
    t = d[t * ENTRIES + (loIdx >>> 9)] - 1;
    if (t < 0) return -1;
    return t * ENTRIES + (loIdx & 511);
  }

  /** The slot of vpn's entry, allocating the tables on the way. */
  ensure(root: number, vpn: number): number {
    const hiIdx = Math.floor(vpn / PD_SPAN);
    const loIdx = vpn - hiIdx * PD_SPAN;
    const pdpt = this.child(root, hiIdx >>> 9, false);
    const pd = this.child(pdpt, hiIdx & 511, false);
    const pt = this.child(pd, loIdx >>> 9, true);
    return pt * ENTRIES + (loIdx & 511);
  }

  private child(t: number, i: number, leaf: boolean): number {
    const e = this.dir[t * ENTRIES + i];
    if (e !== 0) return e - 1;
    const c = leaf ? this.allocLeaf() : this.allocDir();
    this.dir[t * ENTRIES + i] = c + 1;
    this.dirUsed[t]++;
    if (i < this.dirLo[t]) this.dirLo[t] = i;
    if (i > this.dirHi[t]) this.dirHi[t] = i;
    return c;
  }

  /** Write an entry, keeping the table's use count. */
  set(slot: number, lo: number, hi: number): void {
    const L = this.L;
    const was = L[2 * slot] !== 0 || L[2 * slot + 1] !== 0;
    const now = lo !== 0 || hi !== 0;
    L[2 * slot] = lo;
    L[2 * slot + 1] = hi;
    if (was !== now) this.leafUsed[(slot / ENTRIES) | 0] += now ? 1 : -1;
  }

  /**
   * Calls fn(c, table, i0, i1, baseVpn) for each existing leaf table overlapping
   * [vs, ve), with the entry index range [i0, i1) inside it. Then frees the leaf
   * tables (and directories) that became empty: callers may clear entries in fn.
   */
  walk<C>(root: number, vs: number, ve: number, fn: (ctx: C, table: number, i0: number, i1: number, base: number) => void, ctx: C): void {
    if (ve <= vs) return;
    // each level stops early once it has seen all of a table's used entries
    let leftA = this.dirUsed[root];
    const a0 = Math.max(Math.floor(vs / PDPT_SPAN), this.dirLo[root]);
    const a1 = Math.min(Math.floor((ve - 1) / PDPT_SPAN), this.dirHi[root]);
    for (let a = a0; a <= a1 && leftA > 0; a++) {
      const pdpt = this.dir[root * ENTRIES + a] - 1;
      if (pdpt < 0) continue;
      leftA--;
      const aBase = a * PDPT_SPAN;
      const b0 = Math.max(this.dirLo[pdpt], Math.floor((vs - aBase) / PD_SPAN));
      const b1 = Math.min(this.dirHi[pdpt], Math.floor((ve - 1 - aBase) / PD_SPAN));
      let leftB = this.dirUsed[pdpt];
      for (let b = b0; b <= b1 && leftB > 0; b++) {
        const pd = this.dir[pdpt * ENTRIES + b] - 1;
        if (pd < 0) continue;
        leftB--;
        const bBase = aBase + b * PD_SPAN;
        const c0 = Math.max(this.dirLo[pd], Math.floor((vs - bBase) / ENTRIES));
        const c1 = Math.min(this.dirHi[pd], Math.floor((ve - 1 - bBase) / ENTRIES));
        let leftC = this.dirUsed[pd];
        for (let c = c0; c <= c1 && leftC > 0; c++) {
          const pt = this.dir[pd * ENTRIES + c] - 1;
          if (pt < 0) continue;
          leftC--;
          const cBase = bBase + c * ENTRIES;
          const i0 = Math.max(0, vs - cBase);
          const i1 = Math.min(ENTRIES, ve - cBase);
          fn(ctx, pt, i0, i1, cBase);
          const drop = this.dropThis || !this.keepEmpty;
          this.dropThis = false;
          if (drop && this.leafUsed[pt] === 0) {
            this.leafFree.push(pt);
            this.dir[pd * ENTRIES + c] = 0;
            this.dirUsed[pd]--;
          }
        }
        if (this.dirUsed[pd] === 0) {
          this.dirFree.push(pd);
          this.dir[pdpt * ENTRIES + b] = 0;
          this.dirUsed[pdpt]--;
        }
      }
      if (this.dirUsed[pdpt] === 0) {
        this.dirFree.push(pdpt);
        this.dir[root * ENTRIES + a] = 0;
        this.dirUsed[root]--;
      }
    }
  }

  /** The leaf table holding vpn's entry, or -1 (pmd_none). */
  leafOf(root: number, vpn: number): number {
    const s = this.slot(root, vpn);
    return s < 0 ? -1 : (s / ENTRIES) | 0;
  }

  /** Free the (emptied) leaf table of vpn's block: its PMD becomes none. */
  dropLeaf(root: number, vpn: number): void {
    const b = vpn - (vpn % ENTRIES);
    this.walk(root, b, b + ENTRIES, dropAll, this);
  }

  /** Free a whole tree; entries must already be cleared (walk over everything first). */
  freeRoot(root: number): void {
    this.walk(root, 0, 2 ** 36, dropAll, this);
    this.dirFree.push(root);
  }
}

function dropAll(pt: PageTable): void {
  pt.dropThis = true;
}
