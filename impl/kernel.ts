// The machine's state: page-table, frame, VMA and shmem pools shared by all processes,
// the processes, and the VMA lifecycle every syscall uses (create, split, drop) plus
// PTE zapping. Addresses are page numbers (vpn) everywhere inside impl/.

import { PKRU_DEFAULT, PKEY_COUNT } from '../abi/constants.js';
import type { MachineConfig } from '../abi/program.js';
import { VMF } from '../abi/vmflags.js';
import { GupBudget } from '../abi/budget.js';
import { arrayBytes, objectBytes, typedBytes } from './bytes.js';
import { F_DIRTY, F_SHMEM, Frames, ZERO_FRAME } from './frames.js';
import { Folios, HPAGE, hugeAt, splitHuge, zapHuge } from './hugepmd.js';
import { PageTable } from './pagetable.js';
import { reservedVmas } from './reserved.js';
import * as pte from './pte.js';
import { Shmem } from './shmem.js';
import { TrampFds } from './trampfd.js';
import { VmaPool } from './vma.js';
import { VmaTree } from './vmatree.js';

export const PAGE = 4096;
/** TASK_SIZE in pages: (1<<47) - 4096 bytes. */
export const TASK_PAGES = 2 ** 35 - 1;
export const TASK_SIZE_B = TASK_PAGES * PAGE;

export class Proc {
  alive = true;
  pkru: number;
  /** Bitmap of allocated pkeys (bit 0: key 0, allocated at mm creation). */
  pkeys: number;
  /** mm->context.execute_only_pkey, -1 until first needed. */
  execOnly = -1;
  brk: number;
  startBrk: number;
  /** Shadow-stack pointer in bytes (MSR_IA32_PL3_SSP); stays below 2^53, so a double holds it exactly. */
  ssp = 0;
  /** thread.features: ARCH_SHSTK_SHSTK (bit 0), ARCH_SHSTK_WRSS (bit 1). */
  shstk = 0;
  /** thread.features_locked: ARCH_SHSTK_LOCK ORs in the whole u64 argument. */
  shstkLocked = 0n;
  /** thread.shstk: the shadow stack ARCH_SHSTK_ENABLE allocated (bytes), unmapped again by DISABLE. */
  shstkBase = 0;
  shstkSize = 0;
  /** Descriptor table (impl/fdtable.ts): null while only stdio is open; 0 free, -1 stdio, else a trampfd id. */
  fds: number[] | null = null;
  constructor(
    readonly pid: number,
    readonly tree: VmaTree,
    public pgd: number,
    k: Kernel,
  ) {
    this.pkru = k.pku ? PKRU_DEFAULT : 0;
    this.pkeys = k.pku ? 1 : 0; // init_new_context() sets up the bitmap only with OSPKE
    this.brk = k.brkStart;
    this.startBrk = k.brkStart;
  }
  get mapCount(): number {
    return this.tree.size;
  }

  /** Bytes held (impl/bytes.ts): the object (15 fields, the u64 lock word), its VMA tree and descriptor table. */
  bytes(): number {
    return objectBytes(15) + 24 + this.tree.bytes() + (this.fds ? arrayBytes(this.fds) : 0);
  }
}

export class Kernel {
  readonly pt = new PageTable(4, 2);
  readonly fr = new Frames(64);
  /** The large folios (THPs) and their mapping state (impl/hugepmd.ts). */
  readonly folios = new Folios();
  readonly vp = new VmaPool(32);
  readonly shm = new Shmem(this.fr);
  readonly tfd = new TrampFds(this.fr);
  readonly procs: Proc[] = [];
  /** abi/budget.ts: pages faulted in through GUP by this program. */
  readonly gup = new GupBudget();
  readonly pku: boolean;
  readonly maxPkey: number;
  /** mmap_base, mmap_min_addr (rounded up to a page) and the legacy bottom-up base, in pages. */
  readonly mmapBase: number;
  readonly minAddr: number;
  readonly legacyBase: number;
  readonly maxMapCount: number;
  readonly brkStart: number; // bytes
  readonly profile: string;
  /** The CPU and kernel support user shadow stacks (X86_FEATURE_USER_SHSTK). */
  readonly shstk: boolean;
  /** THP allowed (not PR_SET_THP_DISABLE) and CONFIG_MEMORY_FAILURE (MachineConfig). */
  readonly thp: boolean;
  readonly memoryFailure: boolean;
  readonly zeroPage: boolean;
  /** RAM + swap in pages: the most one accountable request may charge (OVERCOMMIT_GUESS). */
  readonly commitPages: number;
  /** Free huge pages of the hugetlb pool at boot. */
  readonly hugePages: number;
  /** A 1 GiB hstate exists (GBPAGES): MAP_HUGE_1GB is a valid size. */
  readonly gbPages: boolean;
  /** Scratch output of pte.modify(). */
  readonly o = new Uint32Array(2);
  /** Arguments of the zap walk: keep guard markers; free PTE tables a whole-block zap empties
   * (MADV_DONTNEED's reclaim_pt, CONFIG_PT_RECLAIM); the process (folio mapcounts). */
  keepGuards = false;
  reclaim = false;
  zapMm: Proc | null = null;

  constructor(cfg: MachineConfig) {
    this.pku = cfg.pku;
    this.maxPkey = cfg.pku ? PKEY_COUNT : 1;
    this.mmapBase = Number(cfg.mmapBase) / PAGE;
    this.minAddr = Math.ceil(Number(cfg.mmapMinAddr) / PAGE);
    // mmap_legacy_base = PAGE_ALIGN(task_size / 3) (no randomisation)
    this.legacyBase = Math.ceil(Math.floor(TASK_SIZE_B / 3) / PAGE);
    this.maxMapCount = cfg.maxMapCount;
    this.brkStart = Number(cfg.brkStart);
    this.profile = cfg.profile;
    this.shstk = cfg.shstk;
    this.thp = cfg.thp;
    this.memoryFailure = cfg.memoryFailure;
    this.zeroPage = cfg.zeroPage;
    this.pt.keepEmpty = cfg.thp; // pmd_none decides whether a fault maps a huge page
    this.commitPages = Number(cfg.ramSwap / 4096n);
    this.hugePages = cfg.hugePages;
    this.gbPages = cfg.gbPages;
    const first = this.newProc();
    for (const [vs, ve, fl] of reservedVmas(cfg)) this.addVma(first, vs, ve, vs, fl, 0, 0, 0);
  }

  /**
   * Bytes the machine holds (impl/bytes.ts), each structure counting itself: page tables,
   * frames (with page contents), VMA records, shmem and trampfd objects, every process
   * (dead ones too: their slots stay) with its VMA tree, and this object.
   */
  bytes(): number {
    let b = objectBytes(29) + typedBytes(this.o) + objectBytes(1) + arrayBytes(this.procs) + this.folios.bytes();
    b += this.pt.bytes() + this.fr.bytes() + this.vp.bytes() + this.shm.bytes() + this.tfd.bytes();
    for (const p of this.procs) b += p.bytes();
    return b;
  }

  newProc(): Proc {
    const p = new Proc(this.procs.length, new VmaTree(this.vp), this.pt.newRoot(), this);
    this.procs.push(p);
    return p;
  }

  /** security_vm_enough_memory_mm(): heuristic overcommit takes any charge up to RAM + swap. */
  enoughMemory(pages: number): boolean {
    return pages <= this.commitPages;
  }

  // ------------------------------------------------------------- VMA lifecycle

  /** Allocate and insert a VMA (the shmem object, if any, gains a mapper). */
  addVma(mm: Proc, vs: number, ve: number, pg: number, fl: number, anon: number, fork: number, shm: number, tfd = 0): number {
    const r = this.vp.alloc(vs, ve, pg, fl, anon, fork, shm, tfd);
    this.shm.hold(shm);
    mm.tree.insert(r);
    return r;
  }

  /** Remove a VMA from the tree and free its record (no PTE work); a trampfd VMA's vm_ops->close runs. */
  dropVma(mm: Proc, r: number): void {
    mm.tree.remove(r);
    this.shm.release(this.vp.shm[r]);
    if (this.vp.tfd[r]) this.tfd.close(this.vp.tfd[r]);
    this.vp.release(r);
  }

  /** __split_vma(): split r at page at; returns the new upper part (r keeps the lower). */
  splitVma(mm: Proc, r: number, at: number): number {
    if (this.thp) this.splitHugeAt(mm, at);
    const vp = this.vp;
    const end = vp.ve[r];
    vp.ve[r] = at;
    mm.tree.endChanged(r);
    const n = vp.dup(r);
    vp.vs[n] = at;
    vp.ve[n] = end;
    vp.pg[n] = vp.pg[r] + (at - vp.vs[r]);
    this.shm.hold(vp.shm[n]);
    mm.tree.insert(n);
    return n;
  }

  /** Move r's start to s (pgoff follows); r must stay between its neighbours. */
  setStart(mm: Proc, r: number, s: number): void {
    if (this.thp) this.splitHugeAt(mm, s);
    const vp = this.vp;
    vp.pg[r] += s - vp.vs[r];
    vp.vs[r] = s;
    mm.tree.rekey(r);
  }

  setEnd(mm: Proc, r: number, e: number): void {
    if (this.thp) this.splitHugeAt(mm, e);
    this.vp.ve[r] = e;
    mm.tree.endChanged(r);
  }

  // ------------------------------------------------------------- PTEs

  /**
   * zap_pte_range() over [vs, ve): drop present / protnone entries (a dirty PTE marks
   * its shmem folio dirty), and guard markers unless keepGuards (MADV_DONTNEED keeps
   * them, munmap drops them). Empty page tables are freed.
   */
  zap(mm: Proc, vs: number, ve: number, keepGuards: boolean, reclaim = false): void {
    if (this.thp) this.clipHuge(mm, vs, ve);
    this.keepGuards = keepGuards;
    this.reclaim = reclaim;
    this.zapMm = mm;
    this.pt.walk(mm.pgd, vs, ve, zapTable, this);
    this.zapMm = null;
  }

  // ------------------------------------------------------------- huge PMDs (impl/thp.ts)

  /**
   * vma_adjust_trans_huge() → split_huge_pmd_if_needed(): a VMA boundary put at an unaligned
   * vpn splits the huge PMD around it.
   */
  splitHugeAt(mm: Proc, vpn: number): void {
    if (vpn % HPAGE === 0) return;
    const t = hugeAt(this.pt, mm.pgd, vpn);
    const r = t >= 0 ? mm.tree.find(vpn) : -1;
    if (r >= 0) splitHuge(this.pt, this.fr, this.folios, mm.pid, t, this.vp.fl[r]);
  }

  /** An operation on [vs, ve) splits the huge PMDs it covers in part (zap_pmd_range, change_pmd_range, …). */
  clipHuge(mm: Proc, vs: number, ve: number): void {
    this.splitHugeAt(mm, vs);
    if (ve % HPAGE !== 0 && ve - (ve % HPAGE) >= vs) this.splitHugeAt(mm, ve);
  }

  /**
   * free_pgtables() after [vs, ve) was unmapped: the PTE table of each block the range
   * touches that no VMA intersects any more goes (free_pgd_range between the previous VMA's
   * end and the next one's start, at PMD granularity).
   */
  freePgtables(mm: Proc, vs: number, ve: number): void {
    this.keepGuards = false;
    this.reclaim = false;
    this.zapMm = mm;
    this.pt.walk(mm.pgd, vs - (vs % HPAGE), Math.ceil(ve / HPAGE) * HPAGE, freeTable, this);
    this.zapMm = null;
  }

  /** Remove every VMA lying inside [vs, ve) (already split to fit) and zap the range. */
  unmapRange(mm: Proc, vs: number, ve: number): void {
    const tree = mm.tree;
    let r = tree.findVma(vs);
    while (r >= 0 && this.vp.vs[r] < ve) {
      const n = tree.next(r);
      this.dropVma(mm, r);
      r = n;
    }
    this.zap(mm, vs, ve, false);
    if (this.thp) this.freePgtables(mm, vs, ve);
  }

  /**
   * vms_gather_munmap_vmas(): split the VMAs of [vs, ve) to fit, refusing sealed ones.
   * r is the first VMA intersecting the range. Returns an errno name or null. A split
   * of the first VMA made before an EPERM stays (6.18).
   */
  gatherMunmap(mm: Proc, r: number, vs: number, ve: number): 'ENOMEM' | 'EPERM' | 'EINVAL' | null {
    const vp = this.vp;
    if (vs > vp.vs[r]) {
      if (ve < vp.ve[r] && mm.mapCount >= this.maxMapCount) return 'ENOMEM';
      if (this.sealedCheck(vp.fl[r])) return 'EPERM';
      if (this.hugeSplitBad(r, vs)) return 'EINVAL';
      r = this.splitVma(mm, r, vs);
    }
    for (let c = r; c >= 0 && vp.vs[c] < ve; c = mm.tree.next(c)) {
      if (this.sealedCheck(vp.fl[c])) return 'EPERM';
      if (vp.ve[c] > ve) {
        if (this.hugeSplitBad(c, ve)) return 'EINVAL';
        this.splitVma(mm, c, ve);
      }
    }
    return null;
  }

  /**
   * __split_vma() → vm_ops->may_split = hugetlb_vm_op_split(): a hugetlb VMA splits only on a
   * huge page boundary (2 MiB: 1 GiB hugetlb VMAs are not modelled), else EINVAL.
   */
  hugeSplitBad(r: number, at: number): boolean {
    return (this.vp.fl[r] & VMF.HUGETLB) !== 0 && at % HPAGE !== 0;
  }

  /** The 6.10 profile checks seals up front (can_modify_mm), so per-VMA checks never fire. */
  sealedCheck(fl: number): boolean {
    return (fl & VMF.SEALED) !== 0;
  }

  /** can_modify_mm() of the 6.10 profile: any sealed VMA in [vs, ve). */
  rangeHasSeal(mm: Proc, vs: number, ve: number): boolean {
    const vp = this.vp;
    for (let r = mm.tree.findVma(vs); r >= 0 && vp.vs[r] < ve; r = mm.tree.next(r)) if (vp.fl[r] & VMF.SEALED) return true;
    return false;
  }

  /** Tear down an address space (exit). */
  exitMm(mm: Proc): void {
    const tree = mm.tree;
    for (let r = tree.first(); r >= 0; ) {
      const n = tree.next(r);
      this.dropVma(mm, r);
      r = n;
    }
    this.zap(mm, 0, 2 ** 36, false);
    this.pt.freeRoot(mm.pgd);
    mm.pgd = -1;
    mm.alive = false;
    mm.fds = null; // exit closes every descriptor
  }
}

/** zap_pte_range() over one leaf table (a module function: no closure per walk). */
function zapTable(k: Kernel, t: number, i0: number, i1: number): void {
  const pt = k.pt;
  const fr = k.fr;
  const L = pt.L;
  // zap_huge_pmd(): the callers split a PMD the range covers in part (clipHuge)
  if (pt.leafHuge[t]) return zapHuge(pt, fr, k.folios, k.zapMm!.pid, t);
  for (let i = i0; i < i1; i++) {
    const s = t * 512 + i;
    const l = L[2 * s];
    const h = L[2 * s + 1];
    if (l === 0 && h === 0) continue;
    if (pte.isGuard(l, h)) {
      if (!k.keepGuards) pt.set(s, 0, 0);
      continue;
    }
    const f = pte.pfnOf(l, h);
    if (f !== ZERO_FRAME) {
      if (fr.flags[f] & F_SHMEM && pte.isDirty(l, h)) fr.flags[f] |= F_DIRTY;
      if (fr.folio[f]) k.folios.sub(fr.folio[f], k.zapMm!.pid, 1); // a page of a PTE-mapped THP
      fr.put(f);
    }
    pt.set(s, 0, 0);
  }
  // reclaim_pt: a zap of the whole table that left every entry none frees it (pmd_none)
  if (k.reclaim && i0 === 0 && i1 === HPAGE && pt.leafUsed[t] === 0) pt.dropThis = true;
}

/** free_pgtables() of one leaf table: dropped when no VMA intersects its block. */
function freeTable(k: Kernel, t: number, _i0: number, _i1: number, base: number): void {
  const mm = k.zapMm!;
  const r = mm.tree.findVma(base);
  if (r >= 0 && k.vp.vs[r] < base + HPAGE) return;
  if (k.pt.leafUsed[t] !== 0) zapTable(k, t, 0, HPAGE);
  k.pt.dropThis = true;
}
