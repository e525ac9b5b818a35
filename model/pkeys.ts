// Protection keys (mm/mprotect.c: pkey_alloc, pkey_free; arch/x86/include/asm/pkeys.h;
// arch/x86/mm/pkeys.c; arch/x86/kernel/fpu/xstate.c: arch_set_user_pkey_access).
//
// pkey_alloc(flags, init_val):
//   flags != 0                                   -> EINVAL
//   init_val & ~(PKEY_DISABLE_ACCESS|WRITE)      -> EINVAL
//   no free key (16 keys with PKU, 1 without)    -> ENOSPC
//   set PKRU bits of the key (no OSPKE -> EINVAL, key freed again)
//   -> the lowest free key
// pkey_free(pkey): not allocated (negative, >= max, the execute-only key, never
//   allocated or freed) -> EINVAL; no check that VMAs still use it. pkey_free(0) succeeds.
// PKRU: AD for key k is bit 2k, WD bit 2k+1.

import { PKEY } from '../abi/index.js';
import { hit, type Errno, type Kernel, type Mm, type Process } from './mm.js';

const PKRU_AD = 1;
const PKRU_WD = 2;

/** arch/x86/include/asm/pkeys.h: arch_max_pkey — 16 with OSPKE, else 1. */
export function archMaxPkey(k: Kernel): number {
  return k.cfg.pku ? 16 : 1;
}

/** arch/x86/include/asm/pkru.h: __pkru_allows_read / __pkru_allows_write. */
export function pkruAllowsPkey(pkru: number, pkey: number, write: boolean): boolean {
  const bits = (pkru >>> (pkey * 2)) & 3;
  // __pkru_allows_read: AD clear
  if (bits & PKRU_AD) return false;
  // __pkru_allows_write: AD and WD clear
  if (write && bits & PKRU_WD) return false;
  return true;
}

/** arch/x86/include/asm/mmu_context.h: arch_vma_access_permitted for the current mm (data accesses). */
export function vmaAccessPermitted(k: Kernel, p: Process, pkey: number, write: boolean, exec: boolean): boolean {
  // pkeys never affect instruction fetches
  if (exec) return true;
  // read_pkru() is 0 without PKU
  if (!k.cfg.pku) return true;
  return pkruAllowsPkey(p.pkru, pkey, write);
}

/** arch/x86/include/asm/pkeys.h: mm_pkey_is_allocated — the execute-only key does not count. */
export function mmPkeyIsAllocated(k: Kernel, mm: Mm, pkey: number): boolean {
  if (pkey < 0) return false;
  if (pkey >= archMaxPkey(k)) return false;
  if (pkey === mm.execOnlyPkey) return false;
  return (mm.pkeyMap & (1 << pkey)) !== 0;
}

/** arch/x86/include/asm/pkeys.h: mm_pkey_alloc — the lowest free key, or -1. */
function mmPkeyAlloc(k: Kernel, mm: Mm): number {
  const all = (1 << archMaxPkey(k)) - 1;
  if ((mm.pkeyMap & all) === all) return -1;
  let key = 0;
  while (mm.pkeyMap & (1 << key)) key++;
  mm.pkeyMap |= 1 << key;
  return key;
}

/** arch/x86/kernel/fpu/xstate.c: arch_set_user_pkey_access — -EINVAL without OSPKE. */
function archSetUserPkeyAccess(k: Kernel, p: Process, pkey: number, initVal: bigint): boolean {
  if (!k.cfg.pku) return false;
  let bits = 0;
  if (initVal & BigInt(PKEY.DISABLE_ACCESS)) bits |= PKRU_AD;
  if (initVal & BigInt(PKEY.DISABLE_WRITE)) bits |= PKRU_WD;
  const shift = pkey * 2;
  p.pkru = ((p.pkru & ~(3 << shift)) | (bits << shift)) >>> 0;
  return true;
}

/** mm/mprotect.c: SYSCALL_DEFINE2(pkey_alloc, unsigned long flags, unsigned long init_val). */
export function sysPkeyAlloc(k: Kernel, p: Process, flags: bigint, initVal: bigint): bigint | Errno {
  // mm/mprotect.c: pkey_alloc — no flags supported yet
  if (flags !== 0n) {
    hit(k, 'pkey_alloc:flags-EINVAL');
    return 'EINVAL';
  }
  // mm/mprotect.c: pkey_alloc — init_val & ~PKEY_ACCESS_MASK
  if (initVal & ~BigInt(PKEY.DISABLE_ACCESS | PKEY.DISABLE_WRITE)) {
    hit(k, 'pkey_alloc:init-EINVAL');
    return 'EINVAL';
  }
  const pkey = mmPkeyAlloc(k, p.mm);
  if (pkey === -1) {
    hit(k, 'pkey_alloc:ENOSPC');
    return 'ENOSPC';
  }
  if (!archSetUserPkeyAccess(k, p, pkey, initVal)) {
    // mm/mprotect.c: pkey_alloc — setting PKRU failed: mm_pkey_free the key again, which
    // refuses the execute-only key (without OSPKE that is key 0, so it stays allocated)
    hit(k, 'pkey_alloc:nopku-EINVAL');
    if (mmPkeyIsAllocated(k, p.mm, pkey)) p.mm.pkeyMap &= ~(1 << pkey);
    return 'EINVAL';
  }
  hit(k, 'pkey_alloc:ok');
  return BigInt(pkey);
}

/** mm/mprotect.c: SYSCALL_DEFINE1(pkey_free, int pkey). */
export function sysPkeyFree(k: Kernel, p: Process, pkey: number): bigint | Errno {
  // arch/x86/include/asm/pkeys.h: mm_pkey_free — not allocated -> EINVAL
  if (!mmPkeyIsAllocated(k, p.mm, pkey)) {
    hit(k, 'pkey_free:EINVAL');
    return 'EINVAL';
  }
  hit(k, pkey === 0 ? 'pkey_free:key0' : 'pkey_free:ok');
  p.mm.pkeyMap &= ~(1 << pkey);
  return 0n;
}

/**
 * arch/x86/mm/pkeys.c: __execute_only_pkey — allocate the mm's execute-only key
 * once, and (re)set PKRU AD for it whenever PKRU lets it be read. -1 when no key.
 */
export function executeOnlyPkey(k: Kernel, p: Process): number {
  // arch/x86/include/asm/pkeys.h: execute_only_pkey — 0 without OSPKE
  if (!k.cfg.pku) return 0;
  const mm = p.mm;
  let key = mm.execOnlyPkey;
  let needToSet = false;
  if (key === -1) {
    key = mmPkeyAlloc(k, mm);
    if (key < 0) {
      hit(k, 'pkey:exec-only-none');
      return -1;
    }
    needToSet = true;
  }
  // arch/x86/mm/pkeys.c: skip the PKRU write when the key is already access-disabled
  if (!needToSet && !pkruAllowsPkey(p.pkru, key, false)) return key;
  hit(k, needToSet ? 'pkey:exec-only-alloc' : 'pkey:exec-only-pkru-reset');
  archSetUserPkeyAccess(k, p, key, BigInt(PKEY.DISABLE_ACCESS));
  if (needToSet) mm.execOnlyPkey = key;
  return key;
}

/**
 * arch/x86/mm/pkeys.c: __arch_override_mprotect_pkey — an explicit pkey wins; plain
 * mprotect(PROT_EXEC) takes the execute-only key; leaving exec-only returns to key 0;
 * otherwise the VMA keeps its key.
 */
export function archOverrideMprotectPkey(
  k: Kernel,
  p: Process,
  vma: { prot: number; pkey: number },
  prot: bigint,
  pkey: number,
): number {
  // arch/x86/include/asm/pkeys.h: arch_override_mprotect_pkey — 0 without OSPKE
  if (!k.cfg.pku) return 0;
  if (pkey !== -1) return pkey;
  if (prot === 4n /* PROT_EXEC */) {
    const key = executeOnlyPkey(k, p);
    if (key > 0) {
      hit(k, 'mprotect:exec-only-pkey');
      return key;
    }
  } else if (vma.prot === 4 && vma.pkey === p.mm.execOnlyPkey) {
    // arch/x86/mm/pkeys.c: vma_is_pkey_exec_only — no longer PROT_EXEC: back to the default key
    hit(k, 'mprotect:leave-exec-only');
    return 0;
  }
  return vma.pkey;
}
