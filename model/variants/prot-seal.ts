// Design variant `prot-seal` (profile model@prot-seal): sealing through a protection
// bit of mmap and mprotect instead of the mseal() syscall. Paired with `mseal` (the
// 6.18 design under another name) by `mmdiff variants`.
//
// Where it comes from (the mseal threads, linux-mm / linux-kselftest):
//  - Jeff Xu, "[PATCH v7 0/4] Introduce mseal()" (2024-01-22,
//    <20240122152905.2220849-1-jeffxu@chromium.org>), v4 (2024-01-04) to v8 (2024-01-31):
//    besides mseal(addr, len, flags), "The PROT_SEAL bit in prot field of mmap(). When present,
//    it marks the map sealed since creation" — PROT_SEAL = _BITUL(26) = 0x04000000 in
//    include/uapi/asm-generic/mman-common.h — and MAP_SEALABLE (_BITUL(27)), without which
//    mseal() failed. (The RFC v3 of 2023-12-12 had per-operation PROT_SEAL_* bits; Linus
//    Torvalds replied on 2023-12-13: "I really want a real-life use-case for more than one
//    bit of 'don't modify'", so one bit it is.)
//  - Theo de Raadt, "Re: [PATCH v7 0/4] Introduce mseal()" (2024-01-22,
//    <726.1705938579@cvs.openbsd.org>): "OpenBSD won't be doing this. I had PROT_IMMUTABLE
//    as a draft"; MAP_SEALABLE would "severely hurt the power of this mechanism".
//  - Theo de Raadt, "Re: [PATCH v8 0/4] Introduce mseal" (2024-02-01,
//    <60731.1706826280@cvs.openbsd.org>): "There is another problem with adding PROT_SEAL to
//    the mprotect() call. What are the precise semantics?" — do `mprotect(addr, len,
//    PROT_READ); mseal(addr, len, 0)` and `mprotect(addr, len, PROT_READ | PROT_SEAL)` behave
//    the same with unmapped and sealed sub-regions?
//  - Eric Biggers, "Re: [PATCH v8 2/4] mseal: add mseal syscall" (2024-02-01,
//    <20240201231151.GA41472@sol.localdomain>): the patch "actually adds three new UAPIs";
//    "the usefulness of the new mmap flags has not yet been established". v9 dropped both
//    flags and Linux 6.10 merged mseal() alone.
//
// The design modelled here (everything not listed is 6.18):
//  - mmap(..., prot | PROT_SEAL, ...): the new VMA is VM_SEALED from its creation
//    (calc_vm_prot_bits), for every kind of mapping (private, shared, droppable, a trampfd).
//    The mapping itself is made as in 6.18: MAP_FIXED over a sealed VMA is EPERM, and the new
//    sealed VMA merges only with sealed neighbours of equal flags.
//  - mprotect / pkey_mprotect(..., prot | PROT_SEAL): arch_validate_prot accepts the bit and
//    each VMA of the walk gets the new protection and VM_SEALED in one vma_modify_flags (one
//    split/merge, mprotect_fixup). This answers Theo's question with "different":
//      - a VMA already sealed is EPERM, as in 6.18, even with the same prot: re-sealing
//        through mprotect is not idempotent (mseal() is);
//      - a hole is found by the walk: ENOMEM after the VMAs before it were changed *and
//        sealed* (mseal() checks the whole range for holes before sealing anything);
//      - the same prot with PROT_SEAL still changes the VMA (it gains VM_SEALED).
//  - mseal() does not exist (ENOSYS): in this design a seal is a protection attribute and the
//    PROT bit is the whole interface. MAP_SEALABLE is not modelled: every VMA can be sealed,
//    as Theo asked and v9 did.
//  - What a seal blocks and where it is checked: 6.18 (per VMA; SEMANTICS §4.2, §4.3).
// In every other profile PROT_SEAL is an unknown bit: mmap ignores it, mprotect is EINVAL
// (SEMANTICS §1.1, §3.1 step 5).

import { PROT, VMF } from '../../abi/index.js';
import { hit, type Kernel } from '../mm.js';
import { hasProtSeal } from '../profile.js';

const PROT_SEAL = BigInt(PROT.SEAL);

/** do_mmap: calc_vm_prot_bits — PROT_SEAL -> VM_SEALED (0 outside the prot-seal design). */
export function protSealMmapFlags(k: Kernel, prot: bigint): number {
  if (!hasProtSeal(k) || !(prot & PROT_SEAL)) return 0;
  hit(k, 'mmap:prot-seal');
  return VMF.SEALED;
}

/** arch_validate_prot: the prot bits mprotect accepts beyond READ|WRITE|EXEC|SEM. */
export function protSealValidProt(k: Kernel): bigint {
  return hasProtSeal(k) ? PROT_SEAL : 0n;
}

/** do_mprotect_pkey: newflags — PROT_SEAL adds VM_SEALED to each VMA of the walk. */
export function protSealMprotectFlags(k: Kernel, prot: bigint): number {
  return hasProtSeal(k) && prot & PROT_SEAL ? VMF.SEALED : 0;
}
