// mprotect / pkey_mprotect (mm/mprotect.c: do_mprotect_pkey, mprotect_fixup,
// change_protection). mprotect passes pkey = -1.
//
// Checks (SEMANTICS §3.1), first failing wins:
//   PROT_GROWSDOWN and PROT_GROWSUP together            -> EINVAL
//   start unaligned                                     -> EINVAL
//   len == 0                                            -> 0 (nothing validated)
//   start + PAGE_ALIGN(len) wraps (end <= start)        -> ENOMEM
//   prot & ~(READ|WRITE|EXEC|SEM)                       -> EINVAL
//   pkey != -1 and not allocated                        -> EINVAL
//   no VMA in [start, end)                              -> ENOMEM
//   PROT_GROWSDOWN: VMA starts at/after end -> ENOMEM; start := vm_start; not growsdown -> EINVAL
//   else start in a hole                                -> ENOMEM; PROT_GROWSUP -> EINVAL (x86)
// Per-VMA loop; each earlier VMA is already changed when a later one fails:
//   hole -> ENOMEM;
//   sealed -> EPERM (even with unchanged prot);
//   a private VMA becoming writable: more pages in range than RAM + swap -> ENOMEM (no split);
//   split at max_map_count -> ENOMEM
//   range ends in a hole (after the loop)               -> ENOMEM
// Per VMA: new flags (prot, pkey via arch_override_mprotect_pkey), VM_ACCOUNT gained when
// a private VMA becomes writable, lost when it stops being writable without an anon_vma;
// merge or split; present PTEs rewritten by pte_modify; exclusive anon pages of a writable
// private VMA made writable at once; a locked private VMA made writable is populated.
// Shadow-stack VMAs (SEMANTICS §10.8): VM_SHADOW_STACK stays; pte_modify keeps a
// shadow-stack PTE (RW=0 D=1) as it is, whatever the new prot; an exclusive clean page made
// writable again becomes a shadow-stack PTE (pte_mkwrite(pte, vma)).
// Design variants (model/variants/): under prot-seal PROT_SEAL is valid and seals each VMA
// of the walk with its new protection; under prot-shadowstack PROT_SHADOWSTACK is valid (with
// shadow stacks enabled, without PROT_WRITE) and decides VM_SHADOW_STACK of each VMA.

import { NotModelled, PROT, VMF } from '../abi/index.js';
import { hit, type Errno, type Kernel, type Process, type Vma } from './mm.js';
import { vmEnoughMemory } from './overcommit.js';
import { archOverrideMprotectPkey, mmPkeyIsAllocated } from './pkeys.js';
import { populateVmaPageRange } from './populate.js';
import { pteModify, pteMkwrite, ptePresent, pteWrite } from './pte.js';
import { canModifyMm, sealsUpFront } from './seal.js';
import { findVma, findVmaIntersection, vmaIsAnonymous, vmaIsSealed, vmaIsShared, vmaModifyAttrs, type VmaAttrs } from './vma.js';
import { changeHugePmds, gatherLargeFolioBatchBits, largeFolioInRange } from './thp.js';
import { ptePagesInRange } from './zap.js';
import { protSealMprotectFlags, protSealValidProt } from './variants/prot-seal.js';
import {
  leaveShadowStack,
  protShadowStackCheckProt,
  protShadowStackMprotectAttrs,
  protShadowStackValidFlags,
  protShadowStackValidProt,
} from './variants/prot-shadowstack.js';

const U64 = (1n << 64n) - 1n;
const GROWSDOWN = BigInt(PROT.GROWSDOWN);
const GROWSUP = BigInt(PROT.GROWSUP);

/** mm/mprotect.c: do_mprotect_pkey. */
export function doMprotectPkey(k: Kernel, p: Process, startIn: bigint, lenIn: bigint, protIn: bigint, pkey: number): bigint | Errno {
  const mm = p.mm;
  const grows = protIn & (GROWSDOWN | GROWSUP);
  const prot = protIn & ~(GROWSDOWN | GROWSUP) & U64;
  // mm/mprotect.c: do_mprotect_pkey — can't be both
  if (grows === (GROWSDOWN | GROWSUP)) {
    hit(k, 'mprotect:grows-both-EINVAL');
    return 'EINVAL';
  }
  let start = startIn;
  if (start & 0xfffn) {
    hit(k, 'mprotect:unaligned-EINVAL');
    return 'EINVAL';
  }
  // mm/mprotect.c: do_mprotect_pkey — len == 0 returns 0 before any validation
  if (lenIn === 0n) {
    hit(k, 'mprotect:len0');
    return 0n;
  }
  const len = (lenIn + 0xfffn) & ~0xfffn & U64;
  let end = (start + len) & U64;
  // mm/mprotect.c: do_mprotect_pkey — end <= start is ENOMEM
  if (end <= start) {
    hit(k, 'mprotect:wrap-ENOMEM');
    return 'ENOMEM';
  }
  // include/linux/mman.h: arch_validate_prot (generic) — only READ|WRITE|EXEC|SEM (and the
  // design variants' PROT_SEAL / PROT_SHADOWSTACK under their profiles)
  if (prot & ~(BigInt(PROT.READ | PROT.WRITE | PROT.EXEC | PROT.SEM) | protSealValidProt(k) | protShadowStackValidProt(k))) {
    hit(k, 'mprotect:prot-EINVAL');
    return 'EINVAL';
  }
  const protErr = protShadowStackCheckProt(k, p, prot);
  if (protErr) return protErr;
  // mm/mprotect.c: do_mprotect_pkey — userspace must have allocated the pkey
  if (pkey !== -1 && !mmPkeyIsAllocated(k, mm, pkey)) {
    hit(k, 'pkey_mprotect:pkey-EINVAL');
    return 'EINVAL';
  }
  const first = findVmaIntersection(mm, start, end);
  if (!first) {
    hit(k, 'mprotect:novma-ENOMEM');
    return 'ENOMEM';
  }
  if (grows & GROWSDOWN) {
    // mm/mprotect.c: do_mprotect_pkey — PROT_GROWSDOWN extends the range to the VMA start
    if (first.start >= end) return 'ENOMEM';
    start = first.start;
    if (!(first.flags & VMF.GROWSDOWN)) {
      hit(k, 'mprotect:growsdown-EINVAL');
      return 'EINVAL';
    }
    hit(k, 'mprotect:growsdown');
  } else {
    // mm/mprotect.c: do_mprotect_pkey — start in a hole
    if (first.start > start) {
      hit(k, 'mprotect:start-hole-ENOMEM');
      return 'ENOMEM';
    }
    // mm/mprotect.c: do_mprotect_pkey — PROT_GROWSUP needs VM_GROWSUP, which x86 never has
    if (grows & GROWSUP) {
      end = first.end;
      hit(k, 'mprotect:growsup-EINVAL');
      return 'EINVAL';
    }
  }
  // mm/mprotect.c (6.10): do_mprotect_pkey — can_modify_mm after the lookup checks
  if (sealsUpFront(k) && !canModifyMm(mm, start, end)) {
    hit(k, 'mprotect:sealed-EPERM-upfront');
    return 'EPERM';
  }

  let nstart = start;
  let tmp = first.start;
  let changed = false;
  // mm/mprotect.c: do_mprotect_pkey — for_each_vma_range, continuing after the VMA each fixup returns
  for (let vma = findVma(mm, tmp); vma && vma.start < end; vma = findVma(mm, tmp)) {
    // mm/mprotect.c: do_mprotect_pkey — a hole inside the range; never before the first
    // fixup (tmp starts at the first VMA's start), so the VMAs before it were changed
    if (vma.start !== tmp) {
      hit(k, 'mprotect:hole-ENOMEM-partial');
      return 'ENOMEM';
    }
    // mm/mprotect.c: do_mprotect_pkey — newflags = calc_vm_prot_bits(prot, new pkey) | other flags
    const newPkey = archOverrideMprotectPkey(k, p, vma, prot, pkey);
    const attrs: VmaAttrs = { prot: Number(prot & 7n), flags: vma.flags | protSealMprotectFlags(k, prot), pkey: newPkey };
    protShadowStackMprotectAttrs(k, prot, attrs);
    // (mm/mprotect.c: do_mprotect_pkey — a VM_MAY* bit missing -> EACCES: every VMA here has all
    // of them, trampfd VMAs too (trampfd RFC v2 never clears VM_MAYWRITE); no MDWE on x86)
    // mm/mprotect.c: do_mprotect_pkey — arch_validate_flags (the prot-shadowstack design's:
    // a shadow stack must be private anonymous memory)
    if (!protShadowStackValidFlags(k, attrs.flags, vmaIsAnonymous(vma))) {
      hit(k, changed ? 'mprotect:prot-shadowstack-EINVAL-partial' : 'mprotect:prot-shadowstack-EINVAL');
      return 'EINVAL';
    }
    tmp = vma.end < end ? vma.end : end;
    const r = mprotectFixup(k, p, vma, nstart, tmp, attrs);
    if (typeof r === 'string') {
      if (r === 'EPERM') hit(k, changed ? 'mprotect:sealed-EPERM-partial' : 'mprotect:sealed-EPERM');
      return r;
    }
    changed = true;
    // mm/mprotect.c: do_mprotect_pkey — tmp = vma_iter_end(): the end of the (possibly merged) VMA
    tmp = r.end;
    nstart = tmp;
  }
  // mm/mprotect.c: do_mprotect_pkey — the range ended in a hole
  if (tmp < end) {
    hit(k, 'mprotect:tail-hole-ENOMEM');
    return 'ENOMEM';
  }
  return 0n;
}

/** mm/mprotect.c: mprotect_fixup. */
function mprotectFixup(k: Kernel, p: Process, vma: Vma, start: bigint, end: bigint, attrs: VmaAttrs): Vma | Errno {
  const mm = p.mm;
  // mm/mprotect.c: mprotect_fixup — sealed, before the "no change" shortcut
  if (vmaIsSealed(vma)) return 'EPERM';
  const oldProt = vma.prot;
  const oldFlags = vma.flags;
  // mm/mprotect.c: mprotect_fixup — newflags == oldflags
  if (attrs.prot === vma.prot && attrs.flags === vma.flags && attrs.pkey === vma.pkey) {
    hit(k, 'mprotect:nochange');
    return vma;
  }
  if (attrs.prot & PROT.WRITE) {
    // mm/mprotect.c: mprotect_fixup — a private mapping becoming writable is charged: VM_ACCOUNT
    if (!(vma.flags & (VMF.ACCOUNT | VMF.SHARED | VMF.NORESERVE)) && !(vma.prot & PROT.WRITE)) {
      // mm/util.c: __vm_enough_memory — this VMA's pages in range, before any split
      if (!vmEnoughMemory(k, (end - start) >> 12n)) {
        hit(k, 'mprotect:overcommit-ENOMEM');
        return 'ENOMEM';
      }
      hit(k, 'mprotect:account-gain');
      attrs.flags |= VMF.ACCOUNT;
    }
  } else if (vma.flags & VMF.ACCOUNT && vmaIsAnonymous(vma) && !vma.anonVma) {
    // mm/mprotect.c: mprotect_fixup — unwritable again and no anon_vma yet: uncharge
    hit(k, 'mprotect:account-drop');
    attrs.flags &= ~VMF.ACCOUNT;
  } else if (vma.flags & VMF.ACCOUNT) {
    hit(k, 'mprotect:account-keep');
  }
  const splitBoth = vma.start < start && end < vma.end;
  const partial = vma.start < start || end < vma.end;
  const nv = vmaModifyAttrs(k, mm, vma, start, end, attrs);
  if (typeof nv === 'string') return nv;
  hit(k, splitBoth ? 'mprotect:split-both' : partial ? 'mprotect:split-one' : 'mprotect:whole-vma');
  if (nv.flags & VMF.SHADOW_STACK) hit(k, attrs.prot & PROT.WRITE ? 'mprotect:shstk-writable' : 'mprotect:shstk-readonly');
  // (only the prot-seal design reaches here with a seal to add, only prot-shadowstack changes VM_SHADOW_STACK)
  if (nv.flags & VMF.SEALED) hit(k, 'mprotect:prot-seal');
  if (nv.flags & VMF.SHADOW_STACK && !(oldFlags & VMF.SHADOW_STACK)) {
    hit(k, 'mprotect:prot-shadowstack-enter');
    // a THP in a shadow-stack VMA (pmd_mkwrite_shstk) is not modelled (model/thp.ts)
    if (largeFolioInRange(p.mm, start, end)) throw new NotModelled('a transparent huge page in a shadow-stack VMA');
  }
  if (oldFlags & VMF.SHADOW_STACK && !(nv.flags & VMF.SHADOW_STACK)) leaveShadowStack(k, p, start, end);
  if (nv.trampfd) hit(k, 'mprotect:trampfd');
  changeProtection(k, p, nv, start, end);
  // mm/mprotect.c: mprotect_fixup — a private VM_LOCKED VMA becoming writable: break COW now
  if ((oldFlags & (VMF.SHARED | VMF.LOCKED)) === VMF.LOCKED && !(oldProt & PROT.WRITE) && attrs.prot & PROT.WRITE) {
    hit(k, 'mprotect:locked-populate');
    populateVmaPageRange(k, p, nv, start, end);
  }
  return nv;
}

/**
 * mm/mprotect.c: change_protection / change_pte_range — pte_modify every present PTE
 * in [start, end) (guard markers untouched); with MM_CP_TRY_CHANGE_WRITABLE (private
 * VM_WRITE) make exclusive anon pages writable at once (can_change_pte_writable).
 */
export function changeProtection(k: Kernel, p: Process, vma: Vma, start: bigint, end: bigint): void {
  const tryWritable = !vmaIsShared(vma) && (vma.prot & PROT.WRITE) !== 0;
  // mm/mprotect.c: change_pmd_range — huge PMDs: change_huge_pmd, or split (model/thp.ts)
  changeHugePmds(k, p.mm, vma, start, end, tryWritable);
  // mm/mprotect.c: change_pte_range — the PTEs of one large folio are changed as a batch
  // (model/thp.ts: largeFolioPteBatches): their Accessed and dirty bits are gathered first
  gatherLargeFolioBatchBits(k, p.mm, start, end);
  for (const page of ptePagesInRange(p.mm, start, end)) {
    const pte = p.mm.ptes.get(page)!;
    if (!ptePresent(pte)) continue;
    pteModify(pte, vma);
    // mm/mprotect.c: can_change_pte_writable — not PROT_NONE, private: exclusive anon page only
    if (tryWritable && !pteWrite(pte) && !pte.protnone && pte.frame?.anon && pte.frame.anonExclusive) {
      hit(k, vma.flags & VMF.SHADOW_STACK ? 'mprotect:pte-shstk-upgrade' : 'mprotect:pte-writable-upgrade');
      pteMkwrite(pte, vma);
    }
  }
}
