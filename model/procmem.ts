// mem_write(addr, value): a process writes 8 bytes into its own memory through
// /proc/self/mem, pwrite(fd, &value, 8, addr) (fs/proc/base.c: mem_rw -> mm/memory.c:
// access_remote_vm -> __access_remote_vm; mm/gup.c: get_user_pages_remote with
// FOLL_FORCE | FOLL_WRITE — proc_mem_foll_force's default, CONFIG_PROC_MEM_ALWAYS_FORCE).
//
//   addr >= 2^63 (a negative loff_t)                     -> EINVAL (fs/read_write.c: ksys_pwrite64)
//   page by page, in address order, until all 8 bytes are written:
//     get_user_pages_remote (model/populate.ts): no VMA, check_vma_flags refuses (a write
//       through a shared mapping without VM_WRITE), the fault fails (guard marker, shmem
//       beyond its size) -> stop; no VMA but a VM_GROWSDOWN one above -> expand_stack, retry
//     else the bytes are copied into the page (kmap: no PTE bit changes) and the folio is
//       marked dirty (set_page_dirty_lock)
//   -> the number of bytes written (8, or those on the first page), or EIO when none
// Unlike a CPU write: PROT_READ, PROT_NONE and shadow-stack memory are written too
// (FOLL_FORCE: a private copy, PTE RW=0 with SavedDirty set by pte_mkdirty — case (b) of
// the PTE encoding, or in place when the page already is an exclusive anon page); PKRU does
// not apply (a foreign access); the PTE's A and D are left as they are.

import { storeBytes } from './cpu.js';
import { expandDownwards } from './fault.js';
import { hit, type Errno, type Kernel, type Process } from './mm.js';
import { getUserPageForceWrite } from './populate.js';
import { VMF } from '../abi/index.js';
import { findVma, vmaLookup } from './vma.js';

const WORD = 8;

/** mem_rw(write) of one 8-byte buffer at addr: bytes written, or an errno. */
export function sysMemWrite(k: Kernel, p: Process, addr: bigint, value: bigint): bigint | Errno {
  // fs/read_write.c: ksys_pwrite64 — if (pos < 0) return -EINVAL
  if (addr >= 1n << 63n) {
    hit(k, 'memwrite:pos-EINVAL');
    return 'EINVAL';
  }
  let done = 0;
  let at = addr;
  // mm/memory.c: __access_remote_vm — one page at a time
  while (done < WORD) {
    const frame = getUserPageForceWrite(k, p, at);
    if (typeof frame === 'string') {
      // mm/memory.c: __access_remote_vm — no VMA: we might need to expand the stack to access it
      if (!vmaLookup(p.mm, at) && expandStack(k, p, at)) continue;
      hit(k, done ? 'memwrite:partial' : 'memwrite:gup-fail');
      break;
    }
    const n = Math.min(WORD - done, 4096 - Number(at & 0xfffn));
    // mm/memory.c: __access_remote_vm — copy_to_user_page into the page, then set_page_dirty_lock
    storeBytes(p, at, value >> BigInt(8 * done), n);
    frame.dirty = true;
    hit(k, frame.anon ? 'memwrite:anon' : 'memwrite:file');
    done += n;
    at += BigInt(n);
  }
  // fs/proc/base.c: mem_rw — if (!this_len) { if (!copied) copied = -EIO; }
  if (!done) return 'EIO';
  return BigInt(done);
}

/** mm/mmap.c: expand_stack — the VMA above addr is VM_GROWSDOWN and grows down to it. */
function expandStack(k: Kernel, p: Process, addr: bigint): boolean {
  const next = findVma(p.mm, addr);
  if (!next || !(next.flags & VMF.GROWSDOWN)) return false;
  hit(k, 'memwrite:expand-stack');
  return expandDownwards(k, p, next, addr);
}
