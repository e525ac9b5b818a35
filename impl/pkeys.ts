// Protection keys (arch/x86/include/asm/pkeys.h, arch/x86/mm/pkeys.c, mm/mprotect.c):
// pkey_alloc / pkey_free, the per-mm allocation bitmap, the execute-only key and PKRU.

import { PKEY } from '../abi/constants.js';
import { err, type Result } from '../abi/result.js';
import { u32 } from './args.js';
import type { Kernel, Proc } from './kernel.js';

const EINVAL = err('EINVAL');
const ENOSPC = err('ENOSPC');

/** mm_pkey_is_allocated(): the execute-only key is not available to user interfaces. */
export function pkeyAllocated(k: Kernel, mm: Proc, key: number): boolean {
  // without OSPKE init_new_context() never sets up the bitmap: no key counts as allocated
  // (the trace still shows pkeys = 1, docs/conventions.md)
  if (!k.pku) return false;
  if (key < 0 || key >= k.maxPkey) return false;
  if (key === mm.execOnly) return false;
  return (mm.pkeys & (1 << key)) !== 0;
}

/** mm_pkey_alloc(): lowest free key, or -1. */
function allocKey(k: Kernel, mm: Proc): number {
  const all = (1 << k.maxPkey) - 1;
  if ((mm.pkeys & all) === all) return -1;
  let key = 0;
  while (mm.pkeys & (1 << key)) key++;
  mm.pkeys |= 1 << key;
  return key;
}

/** arch_set_user_pkey_access(): PKRU bits of key := AD/WD from rights. */
function setAccess(mm: Proc, key: number, rights: number): void {
  const shift = 2 * key;
  let bits = 0;
  if (rights & PKEY.DISABLE_ACCESS) bits |= 1;
  if (rights & PKEY.DISABLE_WRITE) bits |= 2;
  mm.pkru = ((mm.pkru & ~(3 << shift)) | (bits << shift)) >>> 0;
}

/**
 * execute_only_pkey(): allocate the mm's execute-only key once, and (re)deny data
 * access to it in PKRU unless PKRU already denies reads. -1 when unavailable.
 */
export function execOnlyPkey(k: Kernel, mm: Proc): number {
  if (!k.pku) return -1;
  let key = mm.execOnly;
  let fresh = false;
  if (key === -1) {
    key = allocKey(k, mm);
    if (key < 0) return -1;
    fresh = true;
  }
  if (!fresh && mm.pkru & (1 << (2 * key))) return key;
  setAccess(mm, key, PKEY.DISABLE_ACCESS);
  if (fresh) mm.execOnly = key;
  return key;
}

/** pkey_alloc(unsigned long flags, unsigned long init_val). */
export function pkeyAlloc(k: Kernel, mm: Proc, flags: bigint, init: bigint): Result {
  if (flags !== 0n) return EINVAL;
  if (init & ~3n) return EINVAL;
  // no OSPKE (arch_max_pkey() = 1, an empty bitmap): key 0 is found free and marked,
  // arch_set_user_pkey_access() fails, and mm_pkey_free() refuses key 0 because it is the
  // execute_only_pkey (0: init_new_context sets -1 only with OSPKE). So the first call is
  // EINVAL and every later one ENOSPC (seen on the live kernel).
  if (!k.pku) {
    if (mm.pkeys & 1) return ENOSPC;
    mm.pkeys |= 1;
    return EINVAL;
  }
  const key = allocKey(k, mm);
  if (key < 0) return ENOSPC;
  setAccess(mm, key, Number(init));
  return BigInt(key);
}

/** pkey_free(int pkey): no check that VMAs still use it. */
export function pkeyFree(k: Kernel, mm: Proc, pkey: bigint): Result {
  const key = u32(pkey) | 0;
  if (!pkeyAllocated(k, mm, key)) return EINVAL;
  mm.pkeys &= ~(1 << key);
  return 0n;
}
