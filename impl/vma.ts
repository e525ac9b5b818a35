// VMA records as a struct of typed arrays, shared by all processes of a machine.
// One u32 packs a VMA's flags: the VMF bits of abi/vmflags.ts (bits 0..18), prot
// R|W|X (bits 19..21), pkey (bits 22..25), VM_SYNC (bit 26, internal: it only
// blocks merges) and the reserved-range mark (bit 27). Addresses are page numbers (vpn); pgoff is in pages.

import { arrayBytes, objectBytes, typedBytes } from './bytes.js';
import * as slab from './slab.js';
import { VMF } from '../abi/vmflags.js';
import { STACK_GUARD_GAP } from '../abi/constants.js';

export const VMF_MASK = 0x7ffff;
const PROT_SHIFT = 19;
const PKEY_SHIFT = 22;
export const F_PROT = 7 << PROT_SHIFT;
export const F_READ = 1 << PROT_SHIFT;
export const F_WRITE = 2 << PROT_SHIFT;
export const F_EXEC = 4 << PROT_SHIFT;
export const F_PKEY = 0xf << PKEY_SHIFT;
/** VM_SYNC (MAP_SYNC): invisible in traces, but a vm_flags bit, so it blocks merging. */
export const F_SYNC = 1 << 26;
/** A reserved range (impl/reserved.ts): a flags bit no program VMA has, so it never merges. */
export const F_RESERVED = 1 << 27;
/** VM_STICKY: ignored when comparing flags for a merge, ORed into the merged VMA. */
export const F_STICKY = VMF.GUARD;

export const protOf = (fl: number): number => (fl >>> PROT_SHIFT) & 7;
export const pkeyOfFlags = (fl: number): number => (fl >>> PKEY_SHIFT) & 0xf;
export const withProt = (fl: number, prot: number): number => ((fl & ~F_PROT) | ((prot & 7) << PROT_SHIFT)) >>> 0;
export const withPkey = (fl: number, pkey: number): number => ((fl & ~F_PKEY) | ((pkey & 0xf) << PKEY_SHIFT)) >>> 0;

/** stack_guard_gap in pages. */
export const GUARD_GAP = Number(STACK_GUARD_GAP) / 4096;

export class VmaPool {
  vs: Float64Array;
  ve: Float64Array;
  pg: Float64Array;
  fl: Uint32Array;
  /** anon_vma identity (0 = none). */
  anon: Int32Array;
  /** anon_vma_chain is not singular: the VMA inherited its anon_vma chain at fork (vma_is_fork_child). */
  fork: Uint8Array;
  /** shmem object (the vm_file of MAP_SHARED|MAP_ANONYMOUS), 0 = none. */
  shm: Int32Array;
  /** trampfd object (the vm_file of a trampfd mapping, impl/trampfd.ts), 0 = none. */
  tfd: Int32Array;
  /** The B-tree leaf holding the record (impl/vmatree.ts). */
  leaf: Int32Array;
  private freeList: number[] = [];
  private top = 1; // record 0 unused
  private nextAnon = 1;

  constructor(cap = 256) {
    this.vs = slab.f64(cap);
    this.ve = slab.f64(cap);
    this.pg = slab.f64(cap);
    this.fl = slab.u32(cap);
    this.anon = slab.i32(cap);
    this.fork = slab.u8(cap);
    this.shm = slab.i32(cap);
    this.tfd = slab.i32(cap);
    this.leaf = slab.i32(cap);
  }

  /** Bytes held (impl/bytes.ts): the record arrays at their capacity, the free list, the object. */
  bytes(): number {
    return (
      objectBytes(12) +
      typedBytes(this.vs) + typedBytes(this.ve) + typedBytes(this.pg) + typedBytes(this.fl) + typedBytes(this.anon) +
      typedBytes(this.fork) + typedBytes(this.shm) + typedBytes(this.tfd) + typedBytes(this.leaf) + arrayBytes(this.freeList)
    );
  }

  private grow(): void {
    const n = this.vs.length * 2;
    const g = <T extends Float64Array | Uint32Array | Int32Array | Uint8Array>(a: T): T => slab.grown(a, n);
    this.vs = g(this.vs);
    this.ve = g(this.ve);
    this.pg = g(this.pg);
    this.fl = g(this.fl);
    this.anon = g(this.anon);
    this.fork = g(this.fork);
    this.shm = g(this.shm);
    this.tfd = g(this.tfd);
    this.leaf = g(this.leaf);
  }

  alloc(vs: number, ve: number, pg: number, fl: number, anon: number, fork: number, shm: number, tfd = 0): number {
    let r = this.freeList.pop();
    if (r === undefined) {
      r = this.top++;
      if (r >= this.vs.length) this.grow();
    }
    this.vs[r] = vs;
    this.ve[r] = ve;
    this.pg[r] = pg;
    this.fl[r] = fl;
    this.anon[r] = anon;
    this.fork[r] = fork;
    this.shm[r] = shm;
    this.tfd[r] = tfd;
    this.leaf[r] = -1;
    return r;
  }

  /** A copy of r (vm_area_dup). */
  dup(r: number): number {
    return this.alloc(this.vs[r], this.ve[r], this.pg[r], this.fl[r], this.anon[r], this.fork[r], this.shm[r], this.tfd[r]);
  }

  release(r: number): void {
    this.freeList.push(r);
  }

  newAnonVma(): number {
    return this.nextAnon++;
  }

  /** The VMA is anonymous (vma_is_anonymous: no vm_ops — neither shmem, a trampfd nor hugetlbfs). */
  isAnon(r: number): boolean {
    return this.shm[r] === 0 && this.tfd[r] === 0 && !(this.fl[r] & VMF.HUGETLB);
  }

  /** vm_start_gap(): the start minus the stack guard gap of a growsdown VMA, one page for a shadow stack. */
  startGap(r: number): number {
    const s = this.vs[r];
    if (this.fl[r] & VMF.GROWSDOWN) return s > GUARD_GAP ? s - GUARD_GAP : 0;
    if (this.fl[r] & VMF.SHADOW_STACK) return s > 1 ? s - 1 : 0;
    return s;
  }
}
