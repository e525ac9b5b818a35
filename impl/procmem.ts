// mem_write(addr, value): pwrite(open("/proc/self/mem"), &value, 8, addr) — fs/proc/base.c
// mem_rw, mm/memory.c __access_remote_vm, get_user_pages_remote(FOLL_FORCE | FOLL_WRITE)
// (docs/conventions.md "mem_write"): EINVAL for a negative loff_t (addr >= 2^63); then page by
// page: GUP (impl/fault.ts gupForceWrite), on failure with no VMA there expand_stack and
// retry, else stop; the bytes go into the frame (no PTE bit changes) and the folio is
// marked dirty. Returns the bytes written, or EIO when none.

import { err, type Result } from '../abi/result.js';
import { expandStackTo, gupForceWrite } from './fault.js';
import { F_DIRTY } from './frames.js';
import { PAGE, TASK_PAGES, type Kernel, type Proc } from './kernel.js';

const EINVAL = err('EINVAL');
const EIO = err('EIO');

export function memWrite(k: Kernel, mm: Proc, addrR: bigint, value: bigint): Result {
  if (addrR >= 1n << 63n) return EINVAL; // ksys_pwrite64: pos < 0
  let done = 0;
  // nothing is mapped at or above TASK_SIZE: find_vma fails, so does expand_stack
  while (done < 8 && addrR + BigInt(done) < BigInt(TASK_PAGES * PAGE)) {
    const at = Number(addrR) + done;
    const vpn = Math.floor(at / PAGE);
    const f = gupForceWrite(k, mm, vpn);
    if (f < 0) {
      if (mm.tree.find(vpn) < 0 && expandStackTo(k, mm, vpn)) continue;
      break;
    }
    const off = at - vpn * PAGE;
    const n = Math.min(8 - done, PAGE - off);
    for (let i = 0; i < n; i++) k.fr.setByte(f, off + i, Number((value >> BigInt(8 * (done + i))) & 0xffn));
    k.fr.flags[f] |= F_DIRTY; // set_page_dirty_lock
    done += n;
  }
  return done ? BigInt(done) : EIO;
}
