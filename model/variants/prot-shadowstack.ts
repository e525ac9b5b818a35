// Design variant `prot-shadowstack` (profile model@prot-shadowstack, run with shstk=1):
// user shadow stacks made by mmap/mprotect with a PROT_SHADOWSTACK bit instead of the
// map_shadow_stack() syscall. Paired with `map-shadow-stack` (6.18 with shstk=1) by
// `mmdiff variants`.
//
// Where it comes from (the x86 CET shadow-stack series, linux-arch / linux-mm):
//  - Yu-cheng Yu, "[PATCH v21 26/26] mm: Introduce PROT_SHSTK for shadow stack" (2021-02-17,
//    <20210217222730.15819-27-yu-cheng.yu@intel.com>) and its last form, "[PATCH v25 30/30]
//    mm: Introduce PROT_SHSTK for shadow stack" (2021-04-15,
//    <20210415221419.31835-31-yu-cheng.yu@intel.com>): PROT_SHSTK (x86 0x10) becomes
//    VM_SHADOW_STACK in arch_calc_vm_prot_bits (mmap and mprotect); arch_validate_prot
//    (mprotect only) refuses it unless the thread has a shadow stack
//    (`current->thread.cet.shstk_size`) and refuses it with PROT_WRITE ("PROT_SHSTK and
//    PROT_WRITE are mutually exclusive"); arch_validate_flags refuses VM_SHADOW_STACK on a
//    shared or file mapping; VM_ARCH_CLEAR = VM_SHADOW_STACK, so mprotect replaces the bit.
//    Userspace wrote the restore token while the memory was still writable, then mprotect()ed
//    it to PROT_SHSTK. Kirill A. Shutemov's review (2021-04-26): "Maybe PROT_SHADOW_STACK?".
//  - Deepak Gupta, "[PATCH v1 RFC Zisslpcfi 05/20] mmap : Introducing new protection
//    "PROT_SHADOWSTACK" for mmap" (2023-02-12, <20230213045351.3945824-6-debug@rivosinc.com>):
//    the generic PROT_SHADOWSTACK = 0x40 of include/uapi/asm-generic/mman-common.h (the name
//    and value used here), EINVAL in do_mmap when the CPU has no shadow stack.
//  - Why it was rejected: Rick Edgecombe, "x86/shstk: Introduce map_shadow_stack syscall"
//    (v2 2022-09-29, merged for 6.6): "Previously, a new PROT_SHADOW_STACK was attempted, which
//    could be mprotect()ed from RW permissions after the data was provisioned. This was found to
//    not be secure enough, as other threads could write to the shadow stack during the writable
//    window", so the kernel writes the token itself (WRUSS) in a syscall that maps and sets up a
//    stack in one step. Szabolcs Nagy (2023-03-02) proposed mmap(PROT_READ,
//    MAP_ANON|MAP_SHADOW_STACK) instead; Mike Rapoport, "Re: [PATCH v7 33/41] x86/shstk:
//    Introduce map_shadow_stack syscall" (2023-03-14, <ZBAf/QI42hcVQ4Uq@kernel.org>): "Having
//    shadow stack flags for mmap() adds unnecessary complexity to the core-mm".
//
// The design modelled here (v25's rules on the mainline shadow-stack VMA, VM_SHADOW_STACK |
// VM_WRITE; faults, PTEs, fork, munmap, madvise, mremap, mseal and ARCH_SHSTK_ENABLE's own
// stack are 6.18's):
//  - mmap(..., prot | PROT_SHADOWSTACK, ...): a shadow-stack VMA: VM_SHADOW_STACK | VM_WRITE
//    plus the R/X bits given (mmap runs no arch_validate_prot, so PROT_WRITE alongside is
//    allowed and changes nothing). Shared anonymous memory or a file (a trampfd) -> EINVAL
//    (arch_validate_flags, in mmap_region before a MAP_FIXED unmaps anything). Any other mmap
//    flag works as for private anonymous memory.
//  - Token: none. The kernel writes nothing; a new shadow stack is all zeros (the design's
//    "provision it while writable, then mprotect" flow is what the writable window was).
//  - Placement: the one-page start gap of a VM_SHADOW_STACK mapping applies (vm_flags reach
//    __get_unmapped_area, as for alloc_shstk), but MAP_ABOVE4G is not implied: a hint,
//    MAP_FIXED (even over existing mappings) or MAP_32BIT may put a shadow stack below 4 GiB,
//    which map_shadow_stack refuses (ERANGE) and never does itself.
//  - Guard gap: vm_start_gap() of any VM_SHADOW_STACK VMA, however it was made (6.18).
//  - mprotect / pkey_mprotect: arch_validate_prot accepts PROT_SHADOWSTACK only while the
//    calling thread has shadow stacks enabled (ARCH_SHSTK_SHSTK) and without PROT_WRITE, else
//    EINVAL (step 5 of SEMANTICS §3.1: before the pkey check and the VMA lookup). The bit
//    replaces VM_SHADOW_STACK (VM_ARCH_CLEAR):
//      - with it, each VMA of the walk becomes a shadow stack (R/X as given, plus VM_WRITE) —
//        ordinary private memory too, with the data it holds: present exclusive pages become
//        shadow-stack PTEs at once (can_change_pte_writable + pte_mkwrite in a shadow-stack VMA);
//        a shared or trampfd VMA -> EINVAL in the walk (arch_validate_flags; earlier VMAs stay
//        changed);
//      - without it, a shadow stack becomes ordinary memory: mprotect(PROT_READ|PROT_WRITE)
//        makes it writable by plain stores (6.18 keeps VM_SHADOW_STACK). Its shadow-stack PTEs
//        (RW=0 D=1) are write-protected first, D moved to SavedDirty (ptep_set_wrprotect), so no
//        such entry outlives its shadow-stack VMA (x86 arch_check_zapped_pte).
//  - map_shadow_stack() does not exist (ENOSYS).
// Without cfg.shstk (no CONFIG_X86_USER_SHADOW_STACK) PROT_SHADOWSTACK is an unknown bit, as
// in every other profile: mmap ignores it, mprotect is EINVAL.

import { ARCH_SHSTK, PROT, VMF } from '../../abi/index.js';
import { hit, type Errno, type Kernel, type Process } from '../mm.js';
import { hasProtShadowStack } from '../profile.js';
import { pteShstk, pteWrprotect } from '../pte.js';
import { ptePagesInRange } from '../zap.js';

const PROT_SHADOWSTACK = BigInt(PROT.SHADOWSTACK);

/** vm_flags PROT_SHADOWSTACK adds in do_mmap (as alloc_shstk passes them), or null. */
export function protShadowStackMmap(k: Kernel, prot: bigint): { flags: number; prot: number } | null {
  if (!hasProtShadowStack(k) || !(prot & PROT_SHADOWSTACK)) return null;
  hit(k, 'mmap:prot-shadowstack');
  return { flags: VMF.SHADOW_STACK, prot: PROT.WRITE };
}

/**
 * arch_validate_flags (v25): a shadow-stack VMA must be private anonymous memory.
 * True outside the design (x86 defines no arch_validate_flags in 6.18).
 */
export function protShadowStackValidFlags(k: Kernel, flags: number, anonymous: boolean): boolean {
  if (!hasProtShadowStack(k) || !(flags & VMF.SHADOW_STACK)) return true;
  return anonymous && !(flags & VMF.SHARED);
}

/** arch_validate_prot: the prot bits mprotect accepts beyond READ|WRITE|EXEC|SEM. */
export function protShadowStackValidProt(k: Kernel): bigint {
  return hasProtShadowStack(k) ? PROT_SHADOWSTACK : 0n;
}

/** arch_validate_prot (v25): PROT_SHADOWSTACK needs the thread's shadow stack and excludes PROT_WRITE. */
export function protShadowStackCheckProt(k: Kernel, p: Process, prot: bigint): Errno | null {
  if (!hasProtShadowStack(k) || !(prot & PROT_SHADOWSTACK)) return null;
  if (!(p.shstk & ARCH_SHSTK.SHSTK)) {
    hit(k, 'mprotect:prot-shadowstack-disabled-EINVAL');
    return 'EINVAL';
  }
  if (prot & BigInt(PROT.WRITE)) {
    hit(k, 'mprotect:prot-shadowstack-write-EINVAL');
    return 'EINVAL';
  }
  return null;
}

/**
 * do_mprotect_pkey: newflags — VM_SHADOW_STACK is in VM_ARCH_CLEAR, so the new prot decides
 * it; a shadow stack keeps VM_WRITE (the mainline shadow-stack VMA). Unchanged outside the design.
 */
export function protShadowStackMprotectAttrs(k: Kernel, prot: bigint, attrs: { prot: number; flags: number }): void {
  if (!hasProtShadowStack(k)) return;
  if (prot & PROT_SHADOWSTACK) {
    attrs.flags |= VMF.SHADOW_STACK;
    attrs.prot |= PROT.WRITE;
  } else {
    attrs.flags &= ~VMF.SHADOW_STACK;
  }
}

/**
 * A shadow stack that became ordinary memory: its shadow-stack PTEs in [start, end) are
 * write-protected (RW=0, D -> SavedDirty), before pte_modify gives them the new protection.
 */
export function leaveShadowStack(k: Kernel, p: Process, start: bigint, end: bigint): void {
  hit(k, 'mprotect:prot-shadowstack-leave');
  for (const page of ptePagesInRange(p.mm, start, end)) {
    const pte = p.mm.ptes.get(page)!;
    if (pteShstk(pte)) pteWrprotect(pte);
  }
}
