// Linux x86-64 constants by name (include/uapi/asm-generic/mman-common.h,
// arch/x86/include/uapi/asm/mman.h, asm-generic/errno*.h, x86 uapi prctl.h).
// Every magic number used by model/, impl/ or kernel/ lives here.

export const PAGE_SIZE = 0x1000n;
export const PAGE_SHIFT = 12n;
export const PAGE_MASK = ~0xfffn & 0xffffffffffffffffn;
export const U64_MASK = 0xffffffffffffffffn;
/** TASK_SIZE on 4-level x86-64: (1<<47) - 4096 (arch/x86/include/asm/page_64_types.h). */
export const TASK_SIZE = 0x7ffffffff000n;
export const SZ_2M = 0x200000n;
export const SZ_4G = 0x100000000n;
/** stack_guard_gap default: 256 pages (mm/mmap.c). */
export const STACK_GUARD_GAP = 0x100000n;
export const DEFAULT_MAX_MAP_COUNT = 65530;

export const PROT = {
  NONE: 0x0,
  READ: 0x1,
  WRITE: 0x2,
  EXEC: 0x4,
  SEM: 0x8,
  /**
   * Not Linux's: the prot-shadowstack design variant (model/variants/prot-shadowstack.ts).
   * 0x40 as in Deepak Gupta's RFC ("mmap : Introducing new protection PROT_SHADOWSTACK",
   * 2023-02-12); no Linux architecture uses it (0x10 and 0x20 are reserved for
   * arch-specific use: PROT_SAO, PROT_ADI, PROT_BTI, PROT_MTE, MIPS' PROT_SEM).
   */
  SHADOWSTACK: 0x40,
  GROWSDOWN: 0x01000000,
  GROWSUP: 0x02000000,
  /**
   * Not Linux's: the prot-seal design variant (model/variants/prot-seal.ts). _BITUL(26)
   * as in Jeff Xu's mseal v4-v8 (2024), the bit after PROT_GROWSUP; unused by any arch.
   */
  SEAL: 0x04000000,
} as const;

export const MAP = {
  SHARED: 0x01,
  PRIVATE: 0x02,
  SHARED_VALIDATE: 0x03,
  DROPPABLE: 0x08,
  TYPE: 0x0f,
  FIXED: 0x10,
  ANONYMOUS: 0x20,
  '32BIT': 0x40,
  ABOVE4G: 0x80,
  GROWSDOWN: 0x0100,
  DENYWRITE: 0x0800,
  EXECUTABLE: 0x1000,
  LOCKED: 0x2000,
  NORESERVE: 0x4000,
  POPULATE: 0x8000,
  NONBLOCK: 0x10000,
  STACK: 0x20000,
  HUGETLB: 0x40000,
  SYNC: 0x80000,
  FIXED_NOREPLACE: 0x100000,
  UNINITIALIZED: 0x4000000,
} as const;

/** Every advice value madvise_behavior_valid() accepts on x86-64 6.18 (SEMANTICS §5.1). */
export const MADV = {
  NORMAL: 0,
  RANDOM: 1,
  SEQUENTIAL: 2,
  WILLNEED: 3,
  DONTNEED: 4,
  FREE: 8,
  REMOVE: 9,
  DONTFORK: 10,
  DOFORK: 11,
  MERGEABLE: 12,
  UNMERGEABLE: 13,
  HUGEPAGE: 14,
  NOHUGEPAGE: 15,
  DONTDUMP: 16,
  DODUMP: 17,
  WIPEONFORK: 18,
  KEEPONFORK: 19,
  COLD: 20,
  PAGEOUT: 21,
  POPULATE_READ: 22,
  POPULATE_WRITE: 23,
  DONTNEED_LOCKED: 24,
  COLLAPSE: 25,
  HWPOISON: 100,
  SOFT_OFFLINE: 101,
  GUARD_INSTALL: 102,
  GUARD_REMOVE: 103,
} as const;

export const MREMAP = { MAYMOVE: 1, FIXED: 2, DONTUNMAP: 4 } as const;
export const PKEY = { DISABLE_ACCESS: 1, DISABLE_WRITE: 2 } as const;
/** Number of x86 protection keys; key 0 is the default key. */
export const PKEY_COUNT = 16;
/** Default PKRU of a new process on 6.18: AD for keys 1..15 (SEMANTICS §3.4). */
export const PKRU_DEFAULT = 0x55555554;
export const SHADOW_STACK = { SET_TOKEN: 1, SET_MARKER: 2 } as const;
export const ARCH_SHSTK = {
  ENABLE: 0x5001,
  DISABLE: 0x5002,
  LOCK: 0x5003,
  UNLOCK: 0x5004,
  STATUS: 0x5005,
  SHSTK: 1,
  WRSS: 2,
} as const;

/** trampfd RFC v2 geometry (x86-64) and the register enum of its uapi ptrace.h. */
export const TRAMPFD = {
  CODE_SIZE: 40,
  NTRAMPOLINES: 102,
  CODE_OFFSET: 4096,
  REG_X64_RAX: 7,
  REG_X64_MAX: 22,
} as const;

/** x86-64 syscall numbers (arch/x86/entry/syscalls/syscall_64.tbl); trampfd is the RFC's. */
export const SYSCALL_NR = {
  close: 3,
  mmap: 9,
  mprotect: 10,
  munmap: 11,
  brk: 12,
  mremap: 25,
  madvise: 28,
  fork: 57,
  exit: 60,
  arch_prctl: 158,
  pkey_mprotect: 329,
  pkey_alloc: 330,
  pkey_free: 331,
  trampfd: 440,
  map_shadow_stack: 453,
  mseal: 462,
} as const;

/** errno values (include/uapi/asm-generic/errno-base.h, errno.h; ENOTSUPP is kernel-internal). */
export const ERRNO = {
  EPERM: 1,
  ENOENT: 2,
  ESRCH: 3,
  EINTR: 4,
  EIO: 5,
  ENXIO: 6,
  E2BIG: 7,
  ENOEXEC: 8,
  EBADF: 9,
  ECHILD: 10,
  EAGAIN: 11,
  ENOMEM: 12,
  EACCES: 13,
  EFAULT: 14,
  ENOTBLK: 15,
  EBUSY: 16,
  EEXIST: 17,
  EXDEV: 18,
  ENODEV: 19,
  ENOTDIR: 20,
  EISDIR: 21,
  EINVAL: 22,
  ENFILE: 23,
  EMFILE: 24,
  ENOTTY: 25,
  ETXTBSY: 26,
  EFBIG: 27,
  ENOSPC: 28,
  ESPIPE: 29,
  EROFS: 30,
  EMLINK: 31,
  EPIPE: 32,
  EDOM: 33,
  ERANGE: 34,
  EDEADLK: 35,
  ENAMETOOLONG: 36,
  ENOLCK: 37,
  ENOSYS: 38,
  ENOTEMPTY: 39,
  ELOOP: 40,
  EOVERFLOW: 75,
  EOPNOTSUPP: 95,
  EHWPOISON: 133,
  ENOTSUPP: 524,
} as const;
export type ErrnoName = keyof typeof ERRNO;

export const SIGNAL = { SIGILL: 4, SIGBUS: 7, SIGSEGV: 11 } as const;
export type SignalName = keyof typeof SIGNAL;
/** si_code values for SIGSEGV / SIGBUS (include/uapi/asm-generic/siginfo.h). */
export const SI_CODE = {
  SEGV_MAPERR: 1,
  SEGV_ACCERR: 2,
  SEGV_BNDERR: 3,
  SEGV_PKUERR: 4,
  SEGV_CPERR: 10,
  BUS_ADRALN: 1,
  BUS_ADRERR: 2,
  BUS_OBJERR: 3,
  ILL_ILLOPN: 2, // #UD: a CET instruction while the feature is off, WRPKRU without OSPKE
  SI_KERNEL: 0x80,
} as const;
export type SiCodeName = keyof typeof SI_CODE;

/** Bit positions of the x86-64 PTE (arch/x86/include/asm/pgtable_types.h). */
export const PTE_BIT = {
  P: 0,
  RW: 1,
  US: 2,
  PWT: 3,
  PCD: 4,
  A: 5,
  D: 6,
  PSE: 7,
  PROTNONE: 8, // _PAGE_GLOBAL when present, _PAGE_PROTNONE when not
  SPECIAL: 9,
  SOFT_DIRTY: 11,
  SAVED_DIRTY: 58, // _PAGE_BIT_SOFTW5, formerly _PAGE_COW
  PKEY0: 59,
  NX: 63,
} as const;
export const PTE_PFN_SHIFT = 12n;
export const PTE_PFN_MASK = 0x000ffffffffff000n;
/**
 * The PTE bits a trace compares: P RW US A D PSE PROTNONE SavedDirty PKEY NX. A page
 * mapped by a huge PMD (a THP, the huge zero page) reports that PMD leaf as its entry,
 * PSE set: which pages a PMD maps is as observable as their bits.
 */
export const PTE_OBSERVED_MASK =
  (1n << 0n) | (1n << 1n) | (1n << 2n) | (1n << 5n) | (1n << 6n) | (1n << 7n) | (1n << 8n) |
  (1n << 58n) | (0xfn << 59n) | (1n << 63n);
/** Names of the observed PTE bits, in the order traces print them. */
export const PTE_BIT_NAMES: ReadonlyArray<readonly [string, number]> = [
  ['P', 0], ['RW', 1], ['US', 2], ['A', 5], ['D', 6], ['PSE', 7], ['PROTNONE', 8],
  ['SavedDirty', 58], ['NX', 63],
];
