// The kernel reading and writing user memory (arch/x86/include/asm/uaccess.h: get_user, put_user,
// copy_to_user; arch/x86/mm/fault.c: a fault in kernel mode on a user address is
// handled like a user fault, and when it cannot be fixed the exception table turns it
// into -EFAULT instead of a signal; docs/conventions.md).
//
//   put_user of 8 bytes: one store instruction — both pages are translated (faulted in)
//     first, then the word is written; any failure -> EFAULT, nothing written
//   copy_to_user: page by page in address order; a page that cannot be written -> EFAULT,
//     bytes on earlier pages stay written
// A kernel write follows the user write rules: the VMA must be writable and not a shadow
// stack, PKRU applies (user pages), COW / zero fill happen as for a user write. An address
// outside the user half (access_ok, or non-canonical) -> EFAULT.

import { isCanonical, loadBytes, pagesOf, storeBytes, translate } from './cpu.js';
import { hit, type Kernel, type Process } from './mm.js';

/** TASK_SIZE_MAX (4-level): valid_user_address() accepts addresses up to it. */
const TASK_SIZE_MAX = 0x7ffffffff000n;

/** arch/x86/include/asm/uaccess_64.h: __access_ok with a constant size <= PAGE_SIZE — the start must be a user address. */
function accessOk(addr: bigint): boolean {
  return addr <= TASK_SIZE_MAX;
}

/**
 * The one 8-byte access of get_user / put_user: access_ok, then both pages translated
 * (faulted in) as a user access would; false for -EFAULT.
 */
function userWordAccessible(k: Kernel, p: Process, addr: bigint, access: 'read' | 'write', name: string): boolean {
  const pages = pagesOf(addr);
  if (!accessOk(addr) || pages.some((a) => !isCanonical(a))) {
    hit(k, `uaccess:${name}-range-EFAULT`);
    return false;
  }
  for (const a of pages) {
    if (translate(k, p, a, access)) {
      hit(k, `uaccess:${name}-EFAULT`);
      return false;
    }
  }
  return true;
}

/** put_user(u64 value, u64 __user *addr): true on success, false for -EFAULT. */
export function putUser64(k: Kernel, p: Process, addr: bigint, value: bigint): boolean {
  if (!userWordAccessible(k, p, addr, 'write', 'put_user')) return false;
  storeBytes(p, addr, value, 8);
  return true;
}

/** get_user(u64, addr): the word, or null for -EFAULT (a kernel read follows the user read rules). */
export function getUser64(k: Kernel, p: Process, addr: bigint): bigint | null {
  return userWordAccessible(k, p, addr, 'read', 'get_user') ? loadBytes(p, addr, 8) : null;
}

/** copy_to_user(addr, bytes): true on success, false for -EFAULT (earlier pages written). */
export function copyToUser(k: Kernel, p: Process, addr: bigint, bytes: Uint8Array): boolean {
  if (!accessOk(addr)) {
    hit(k, 'uaccess:copy_to_user-range-EFAULT');
    return false;
  }
  let i = 0;
  while (i < bytes.length) {
    const a = (addr + BigInt(i)) & ((1n << 64n) - 1n);
    const inPage = Math.min(bytes.length - i, 4096 - Number(a & 0xfffn));
    if (!isCanonical(a) || translate(k, p, a, 'write')) {
      hit(k, i > 0 ? 'uaccess:copy_to_user-partial-EFAULT' : 'uaccess:copy_to_user-EFAULT');
      return false;
    }
    for (let j = 0; j < inPage; j++) storeBytes(p, (a + BigInt(j)) & ((1n << 64n) - 1n), BigInt(bytes[i + j]), 1);
    i += inPage;
  }
  return true;
}

