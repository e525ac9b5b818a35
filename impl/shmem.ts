// shmem objects: the file behind MAP_SHARED|MAP_ANONYMOUS (shmem_zero_setup). Its
// pages live in the object, independent of any PTE: a radix table (the PageTable
// machinery, keyed by page offset) whose entries hold frame + 1. The object holds one
// reference on each of its frames; it dies with the last VMA that maps it.

import { arrayBytes, objectBytes } from './bytes.js';
import { F_SHMEM, type Frames } from './frames.js';
import { PageTable } from './pagetable.js';

export class Shmem {
  private tt: PageTable | null = null;
  private get t(): PageTable {
    return (this.tt ??= new PageTable(1, 1)); // most machines never map shared memory
  }
  private roots: number[] = [0];
  private users: number[] = [0];
  /** i_size in pages: the length of the mmap that created the object. */
  private sizes: number[] = [0];
  private freeIds: number[] = [];

  constructor(private readonly fr: Frames) {}

  /** Bytes held (impl/bytes.ts): the object table of each shmem object's pages, the id arrays, the object (pages: Frames). */
  bytes(): number {
    return objectBytes(6) + (this.tt ? this.tt.bytes() : 0) + arrayBytes(this.roots) + arrayBytes(this.users) + arrayBytes(this.sizes) + arrayBytes(this.freeIds);
  }

  create(pages: number): number {
    const id = this.freeIds.pop() ?? this.roots.length;
    this.sizes[id] = pages;
    this.roots[id] = this.t.newRoot();
    this.users[id] = 0; // the VMA that maps it holds it (Kernel.addVma)
    return id;
  }

  /** One more VMA maps the object. */
  hold(id: number): void {
    if (id) this.users[id]++;
  }

  /** A VMA mapping the object went away; the last one frees the object's pages. */
  release(id: number): void {
    if (!id || --this.users[id] !== 0) return;
    this.truncate(id, 0, 2 ** 36);
    this.t.freeRoot(this.roots[id]);
    this.freeIds.push(id);
  }

  /** Pages in the object (faults at or beyond it are SIGBUS). */
  size(id: number): number {
    return this.sizes[id];
  }

  /** The frame at page offset off, or -1 for a hole. */
  lookup(id: number, off: number): number {
    const s = this.t.slot(this.roots[id], off);
    return s < 0 ? -1 : this.t.L[2 * s] - 1;
  }

  /** The frame at page offset off, allocating a zeroed page for a hole (shmem_get_folio SGP_CACHE). */
  getPage(id: number, off: number): number {
    const f = this.lookup(id, off);
    if (f >= 0) return f;
    const nf = this.fr.alloc(F_SHMEM);
    const s = this.t.ensure(this.roots[id], off);
    this.t.set(s, nf + 1, 0);
    return nf;
  }

  /** Drop the pages in [off, end) from the object (shmem_truncate_range / punch hole). */
  truncate(id: number, off: number, end: number): void {
    const t = this.t;
    const fr = this.fr;
    t.walk(this.roots[id], off, end, (_c, pt, i0, i1) => {
      for (let i = i0; i < i1; i++) {
        const s = pt * 512 + i;
        const e = t.L[2 * s];
        if (e === 0) continue;
        t.set(s, 0, 0);
        fr.put(e - 1);
      }
    }, null);
  }
}
