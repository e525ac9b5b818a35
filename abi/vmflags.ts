// The VMA flags a trace observes, as one bit each. Names follow the VM_* flags;
// the smaps VmFlags mnemonic is given for each (fs/proc/task_mmu.c: show_smap_vma_flags).
// prot (VM_READ/WRITE/EXEC) and the pkey are separate fields of a VMA, not flags here.

export const VMF = {
  SHARED: 1 << 0, //        sh  VM_SHARED (MAP_SHARED anon = shmem)
  GROWSDOWN: 1 << 1, //     gd
  LOCKED: 1 << 2, //        lo
  DONTCOPY: 1 << 3, //      dc  MADV_DONTFORK
  WIPEONFORK: 1 << 4, //    wf
  DONTDUMP: 1 << 5, //      dd
  ACCOUNT: 1 << 6, //       ac  VM_ACCOUNT (private writable, charged to overcommit)
  NORESERVE: 1 << 7, //     nr
  DROPPABLE: 1 << 8, //     dp
  SEALED: 1 << 9, //        sl  mseal
  GUARD: 1 << 10, //        gu  VM_MAYBE_GUARD: sticky once a guard marker was installed
  SHADOW_STACK: 1 << 11, // ss
  RAND_READ: 1 << 12, //    rr  MADV_RANDOM
  SEQ_READ: 1 << 13, //     sr  MADV_SEQUENTIAL
  HUGEPAGE: 1 << 14, //     hg
  NOHUGEPAGE: 1 << 15, //   nh  MADV_NOHUGEPAGE, MAP_STACK
  MERGEABLE: 1 << 16, //    mg  MADV_MERGEABLE (KSM)
  TRAMPFD: 1 << 17, //      a trampfd mapping (file-backed by the trampfd anon inode)
  HUGETLB: 1 << 18, //      ht  VM_HUGETLB (MAP_HUGETLB: a hugetlbfs file VMA)
} as const;
export type VmFlagName = keyof typeof VMF;

/** Names in trace output: lower case, as DESIGN.md lists them. */
export const VMF_NAMES: ReadonlyArray<readonly [string, number]> = [
  ['shared', VMF.SHARED],
  ['growsdown', VMF.GROWSDOWN],
  ['locked', VMF.LOCKED],
  ['dontfork', VMF.DONTCOPY],
  ['wipeonfork', VMF.WIPEONFORK],
  ['dontdump', VMF.DONTDUMP],
  ['account', VMF.ACCOUNT],
  ['noreserve', VMF.NORESERVE],
  ['droppable', VMF.DROPPABLE],
  ['sealed', VMF.SEALED],
  ['guard', VMF.GUARD],
  ['shadow_stack', VMF.SHADOW_STACK],
  ['rand_read', VMF.RAND_READ],
  ['seq_read', VMF.SEQ_READ],
  ['hugepage', VMF.HUGEPAGE],
  ['nohugepage', VMF.NOHUGEPAGE],
  ['mergeable', VMF.MERGEABLE],
  ['trampfd', VMF.TRAMPFD],
  ['hugetlb', VMF.HUGETLB],
];

export function vmFlagNames(flags: number): string[] {
  const out: string[] = [];
  for (const [name, bit] of VMF_NAMES) if (flags & bit) out.push(name);
  return out;
}

export function vmFlagsFromNames(names: readonly string[]): number {
  let flags = 0;
  for (const n of names) {
    const hit = VMF_NAMES.find(([name]) => name === n);
    if (!hit) throw new Error(`unknown VMA flag ${n}`);
    flags |= hit[1];
  }
  return flags;
}

/** prot of a VMA as the r/w/x column of /proc/PID/maps. */
export function protString(prot: number): string {
  return (prot & 1 ? 'r' : '-') + (prot & 2 ? 'w' : '-') + (prot & 4 ? 'x' : '-');
}
