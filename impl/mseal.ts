// mseal (SEMANTICS §4, mm/mseal.c do_mseal):
//   EINVAL flags | EINVAL start unaligned | EINVAL len rounds to 0 from -ve | EINVAL end
//   wraps | 0 len 0 | ENOMEM any hole in the range (nothing sealed) | seal each unsealed
//   VMA piece (split/merge; ENOMEM from a split at max_map_count).

import { err, type Result } from '../abi/result.js';
import { VMF } from '../abi/vmflags.js';
import { endWrapsAt, load, lo12At, N, pagesAt, wrapsAt } from './args.js';
import { PAGE, type Kernel, type Proc } from './kernel.js';
import { SPLIT_EINVAL, vmaModify } from './merge.js';

const EINVAL = err('EINVAL');
const ENOMEM = err('ENOMEM');

export function sysMseal(k: Kernel, mm: Proc, a: readonly bigint[]): Result {
  load(a);
  if (N[2] !== 0) return EINVAL; // flags (unsigned long)
  if (lo12At(0) !== 0) return EINVAL;
  if (wrapsAt(1)) return EINVAL;
  if (endWrapsAt(0, 1)) return EINVAL;
  if (N[1] === 0) return 0n;
  const start = N[0] / PAGE;
  const end = start + pagesAt(1);
  const vp = k.vp;
  // range_contains_unmapped()
  let prevEnd = start;
  for (let r = mm.tree.findVma(start); r >= 0 && vp.vs[r] < end; r = mm.tree.next(r)) {
    if (vp.vs[r] > prevEnd) return ENOMEM;
    prevEnd = vp.ve[r];
  }
  if (prevEnd < end) return ENOMEM;
  // mseal_apply()
  for (let r = mm.tree.findVma(start); r >= 0 && vp.vs[r] < end; ) {
    if (vp.fl[r] & VMF.SEALED) {
      r = mm.tree.next(r);
      continue;
    }
    const fl = vp.fl[r] | VMF.SEALED;
    const n = vmaModify(k, mm, r, Math.max(start, vp.vs[r]), Math.min(end, vp.ve[r]), fl);
    if (n < 0) return n === SPLIT_EINVAL ? EINVAL : ENOMEM;
    vp.fl[n] |= VMF.SEALED;
    r = mm.tree.next(n);
  }
  return 0n;
}
