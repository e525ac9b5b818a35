// munmap (SEMANTICS §2, mm/vma.c do_vmi_munmap):
//   EINVAL start unaligned, start > TASK_SIZE, len > TASK_SIZE - start | EINVAL len 0 |
//   0 nothing mapped | ENOMEM hole punch at max_map_count | EPERM sealed (6.18: a split
//   of the first VMA made before the error stays).

import { err, type Result } from '../abi/result.js';
import { load, lo12At, N } from './args.js';
import { PAGE, TASK_SIZE_B, type Kernel, type Proc } from './kernel.js';

const EINVAL = err('EINVAL');

/** do_vmi_munmap() on byte start / len; returns an errno name or null. */
export function doMunmap(k: Kernel, mm: Proc, start: number, len: number, startLo12: number): 'EINVAL' | 'ENOMEM' | 'EPERM' | null {
  if (startLo12 !== 0 || start > TASK_SIZE_B || len > TASK_SIZE_B - start) return 'EINVAL';
  const pages = Math.ceil(len / PAGE);
  if (pages === 0) return 'EINVAL';
  const vs = start / PAGE;
  const ve = vs + pages;
  const r = mm.tree.findVma(vs);
  if (r < 0 || k.vp.vs[r] >= ve) return null;
  if (k.profile === '6.10' && k.rangeHasSeal(mm, vs, ve)) return 'EPERM';
  const e = k.gatherMunmap(mm, r, vs, ve);
  if (e) return e;
  k.unmapRange(mm, vs, ve);
  return null;
}

export function sysMunmap(k: Kernel, mm: Proc, a: readonly bigint[]): Result {
  load(a);
  const e = doMunmap(k, mm, N[0], N[1], lo12At(0));
  return e ? (e === 'EINVAL' ? EINVAL : err(e)) : 0n;
}
