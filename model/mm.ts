// The state the model simulates: a machine (kernel) with processes, each with an
// address space (mm_struct): a sorted array of VMAs and a map from page number to
// a PTE record; physical frames with reference counts and contents; shmem objects
// backing MAP_SHARED|MAP_ANONYMOUS mappings.
//
// Nothing here decides a rule; the syscall files do. This file only names the
// records and the few accessors every file needs.

import type { Coverage, ErrnoName, GupBudget, MachineConfig } from '../abi/index.js';

/** A physical page frame. */
export interface Frame {
  readonly id: number;
  /** Number of PTEs (in any process) that map this frame: the folio's mapcount. */
  mapcount: number;
  /** Held by a shmem object's page cache (shmem pages outlive their PTEs). */
  inCache: boolean;
  /** folio_test_anon(): a private anonymous page (false for shmem pages). */
  readonly anon: boolean;
  /** PageAnonExclusive(): the mapping process is known to own the page alone. */
  anonExclusive: boolean;
  /** The 4096 bytes of the page; null while they are all zero. */
  data: Uint8Array | null;
  /** folio_test_dirty(): matters for shmem (page-cache) folios, see fault.ts. */
  dirty: boolean;
  /** !folio_test_swapbacked() of an anon folio: MADV_FREE'd (mm/swap.c: folio_mark_lazyfree), so reclaim may discard it. */
  lazyfree?: boolean;
  /** The 2 MiB folio (THP) this frame is a 4K page of; absent for an order-0 folio. */
  thp?: Thp;
}

/**
 * A PMD-order anonymous folio (a transparent huge page): 512 frames, each with its own
 * contents and mapcount (a PMD mapping counts once on every one of them). It stays one
 * folio when a PMD mapping it is split into PTEs (model/thp.ts).
 */
export interface Thp {
  readonly frames: readonly Frame[];
}

/**
 * A huge PMD (pmd_trans_huge): one leaf entry for an aligned 2 MiB block. `entry` holds the
 * leaf's bits as a Pte record (its frame null; zeroPage for the huge zero page); each 4K page
 * of the block reports them with PSE, and its own 4K frame of `folio` (docs/conventions.md).
 */
export interface HugePmd {
  readonly entry: Pte;
  /** The THP mapped, null for the huge zero page. */
  readonly folio: Thp | null;
}

/**
 * One page-table entry (x86-64), with named fields for the bits the model tracks.
 * pte_none() entries are simply absent from Mm.ptes.
 */
export interface Pte {
  /** The mapped frame; null for the zero page and for a guard marker. */
  frame: Frame | null;
  /** Maps the global zero page (pte_special, is_zero_pfn). */
  zeroPage: boolean;
  /** A PTE_MARKER_GUARD swap-marker entry (MADV_GUARD_INSTALL): no other bit is meaningful. */
  guard: boolean;
  present: boolean; // _PAGE_PRESENT (bit 0)
  rw: boolean; // _PAGE_RW (bit 1)
  user: boolean; // _PAGE_USER (bit 2)
  accessed: boolean; // _PAGE_ACCESSED (bit 5)
  dirty: boolean; // _PAGE_DIRTY (bit 6)
  protnone: boolean; // _PAGE_PROTNONE (bit 8 while not present)
  savedDirty: boolean; // _PAGE_SAVED_DIRTY (bit 58)
  pkey: number; // _PAGE_PKEY_BIT0..3 (bits 59-62)
  nx: boolean; // _PAGE_NX (bit 63)
}

/** An anon_vma: identity only (which VMAs may share anonymous pages). */
export interface AnonVma {
  readonly id: number;
}

/** The shmem file behind one MAP_SHARED|MAP_ANONYMOUS mmap (mm/shmem.c: shmem_zero_setup). */
export interface Shmem {
  readonly id: number;
  /** i_size in pages: the length of the original mmap (faults at or beyond it are SIGBUS). */
  readonly sizePages: bigint;
  /** The page cache: page index -> frame. */
  readonly pages: Map<bigint, Frame>;
}

/** struct trampfd_code / struct trampfd_data as written (trampfd RFC v2). */
export interface TrampfdDesc {
  /** Register enum (x64_rax = 7 .. x64_r15 = 21). */
  readonly reg: number;
  /** User address of the table of 8-byte entries. */
  readonly table: bigint;
}

/**
 * A trampoline file (trampfd RFC v2, model/trampfd.ts): the anon-inode file behind a
 * trampfd descriptor. Descriptor tables and trampfd VMAs refer to it.
 */
export interface Trampfd {
  readonly id: number;
  /** The process that created it: only it may mmap the file. */
  readonly creator: number;
  /** The code descriptor (TRAMPFD_CODE), null until written with a table address other than 0. */
  code: (TrampfdDesc & { readonly ntrampolines: number }) | null;
  /** The data descriptor (TRAMPFD_DATA), null until written with a table address other than 0. */
  data: TrampfdDesc | null;
  /**
   * The trampoline page (trampfd->page): allocated and filled on the first fault of any VMA,
   * let go by trampfd_close (PTEs still mapping it keep it), so the next fault fills a new one.
   */
  page: Frame | null;
  /** trampfd->mapped: set by trampfd_mmap, cleared by trampfd_close of any VMA of the file. */
  mapped: boolean;
}

/** What a descriptor refers to: one of the runner's stdio files (0, 1, 2), or a trampfd. */
export type OpenFile = 'stdio' | Trampfd;

/** A vm_area_struct. */
export interface Vma {
  start: bigint;
  end: bigint;
  /** VM_READ|VM_WRITE|VM_EXEC as PROT_READ|PROT_WRITE|PROT_EXEC bits. */
  prot: number;
  /** VMF bits (abi/vmflags.ts) plus the model-only bits of vma.ts (VM_SYNC). */
  flags: number;
  /** The protection key (VM_PKEY_BIT0..3). */
  pkey: number;
  /** vm_pgoff: page offset (addr >> 12 at creation for private anon, file offset for shmem). */
  pgoff: bigint;
  /** vm_file: the shmem object of a MAP_SHARED anon mapping, null for private anon (vma_is_anonymous). */
  shmem: Shmem | null;
  /** vma->anon_vma: null until the first anonymous page (or guard / stack growth) needs one. */
  anonVma: AnonVma | null;
  /** The anon_vma_chain is not singular: the VMA was forked with an anon_vma ("uncowed parents"). */
  anonFromFork: boolean;
  /** vm_file of a trampfd mapping (VMF.TRAMPFD), null otherwise. */
  trampfd: Trampfd | null;
}

/** An mm_struct and the per-mm architecture context (pkeys). */
export interface Mm {
  /** The VMAs, sorted by start, never overlapping. map_count == vmas.length. */
  vmas: Vma[];
  /** Page number (addr >> 12) -> PTE. */
  ptes: Map<bigint, Pte>;
  /** 2 MiB block number (addr >> 21) -> huge PMD (THP or huge zero page); such a block has no PTEs. */
  pmds: Map<bigint, HugePmd>;
  /**
   * Blocks (addr >> 21) whose PMD points to a PTE table (!pmd_none, !pmd_trans_huge): a table
   * may exist with every entry none. A huge page fault needs pmd_none (model/thp.ts).
   */
  pteTables: Set<bigint>;
  startBrk: bigint;
  /** mm->brk: the value brk() last set (may be unaligned). */
  brk: bigint;
  /** mm->context.pkey_allocation_map. */
  pkeyMap: number;
  /** mm->context.execute_only_pkey, -1 when none was allocated. */
  execOnlyPkey: number;
}

export interface Process {
  readonly pid: number;
  alive: boolean;
  mm: Mm;
  /** The PKRU register of the (single) thread. */
  pkru: number;
  /** Shadow-stack pointer (MSR_IA32_PL3_SSP); 0 while the SHSTK feature is off. */
  ssp: bigint;
  /** ARCH_SHSTK_* features enabled (thread.features): bit 0 SHSTK, bit 1 WRSS. */
  shstk: number;
  /** thread.features_locked: any bits ARCH_SHSTK_LOCK was given. */
  shstkLocked: bigint;
  /** thread.shstk: the kernel-allocated shadow stack (base 0: none), unmapped by shstk_disable. */
  shstkBase: bigint;
  shstkSize: bigint;
  /** The descriptor table: fd -> open file (model/files.ts). */
  files: Map<number, OpenFile>;
}

/** The machine: configuration, processes, frames. */
export interface Kernel {
  readonly cfg: MachineConfig;
  readonly cov: Coverage | undefined;
  readonly procs: Process[];
  /** Live frames by id (for snapshot contents). */
  readonly frames: Map<number, Frame>;
  nextFrameId: number;
  nextAnonVmaId: number;
  nextShmemId: number;
  nextTrampfdId: number;
  /** abi/budget.ts: the pages this program's get_user_pages calls visited. */
  readonly gup: GupBudget;
}

/**
 * A syscall's failure: the errno name, or `E<n>` for an error value with no name
 * (an IS_ERR_VALUE address passed on as the error). Success values are bigint or number.
 */
export type Errno = ErrnoName | `E${number}`;

export function isErrno(x: unknown): x is Errno {
  return typeof x === 'string';
}

/** Record that a rule fired (fuzzer guidance). */
export function hit(k: Kernel, feature: string): void {
  k.cov?.hit(feature);
}

/**
 * A fresh mm. arch/x86/include/asm/mmu_context.h: init_new_context — pkey 0 is
 * allocated implicitly only when the CPU has OSPKE; otherwise the map stays empty.
 */
export function newMm(startBrk: bigint, pku: boolean): Mm {
  return { vmas: [], ptes: new Map(), pmds: new Map(), pteTables: new Set(), startBrk, brk: startBrk, pkeyMap: pku ? 1 : 0, execOnlyPkey: pku ? -1 : 0 };
}

export function mapCount(mm: Mm): number {
  return mm.vmas.length;
}

/** Allocate a zero-filled frame. */
export function allocFrame(k: Kernel, anon: boolean): Frame {
  const f: Frame = { id: k.nextFrameId++, mapcount: 0, inCache: false, anon, anonExclusive: false, data: null, dirty: false };
  k.frames.set(f.id, f);
  return f;
}

/** Drop the frame from the registry once nothing references it any more. */
export function maybeFreeFrame(k: Kernel, f: Frame): void {
  if (f.mapcount === 0 && !f.inCache) k.frames.delete(f.id);
}

export function newAnonVma(k: Kernel): AnonVma {
  return { id: k.nextAnonVmaId++ };
}

export function pageOf(addr: bigint): bigint {
  return addr >> 12n;
}
