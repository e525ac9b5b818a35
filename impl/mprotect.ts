// mprotect / pkey_mprotect (SEMANTICS §3, mm/mprotect.c do_mprotect_pkey, 6.12+ form):
//   EINVAL GROWSDOWN|GROWSUP | EINVAL start unaligned | 0 len 0 | ENOMEM end wraps |
//   EINVAL prot bits | EINVAL pkey not allocated | ENOMEM no VMA / hole at start |
//   GROWSDOWN: ENOMEM, EINVAL | per VMA, earlier VMAs committed: ENOMEM hole, EPERM
//   sealed (mprotect_fixup), ENOMEM split at max_map_count | ENOMEM range ends in a hole.

import { PROT } from '../abi/constants.js';
import { err, type Result } from '../abi/result.js';
import { VMF } from '../abi/vmflags.js';
import { endWrapsAt, load, lo12At, N, pagesAt, s32At, u32At, wrapsAt } from './args.js';
import { populate } from './fault.js';
import { F_EXCL, ZERO_FRAME } from './frames.js';
import { PAGE, type Kernel, type Proc } from './kernel.js';
import { SPLIT_EINVAL, vmaModify } from './merge.js';
import { execOnlyPkey, pkeyAllocated } from './pkeys.js';
import * as pte from './pte.js';
import { protectHuge } from './thp.js';
import { F_EXEC, F_PROT, F_STICKY, F_WRITE, pkeyOfFlags, protOf, withPkey, withProt } from './vma.js';

const EINVAL = err('EINVAL');
const ENOMEM = err('ENOMEM');
const EPERM = err('EPERM');

export function sysMprotect(k: Kernel, mm: Proc, a: readonly bigint[], withKey: boolean): Result {
  load(a);
  const pkey = withKey ? s32At(3) : -1;
  const p32 = u32At(2);
  const grows = p32 & (PROT.GROWSDOWN | PROT.GROWSUP);
  if (grows === (PROT.GROWSDOWN | PROT.GROWSUP)) return EINVAL;
  if (lo12At(0) !== 0) return EINVAL;
  if (N[1] === 0) return 0n;
  if (wrapsAt(1)) return ENOMEM; // PAGE_ALIGN(len) == 0 → end == start
  if (endWrapsAt(0, 1)) return ENOMEM;
  // arch_validate_prot(): only R|W|X|SEM besides the GROWS bits (any bit above 32 too)
  if (N[2] > 0xffffffff || (p32 & ~(PROT.READ | PROT.WRITE | PROT.EXEC | PROT.SEM | grows)) !== 0) return EINVAL;
  const prot = p32 & 0xf;
  if (pkey !== -1 && !pkeyAllocated(k, mm, pkey)) return EINVAL;
  let start = N[0] / PAGE;
  const end = start + pagesAt(1);
  const vp = k.vp;
  let r = mm.tree.findVma(start);
  if (r < 0 || vp.vs[r] >= end) return ENOMEM;
  if (grows & PROT.GROWSDOWN) {
    start = vp.vs[r];
    if (!(vp.fl[r] & VMF.GROWSDOWN)) return EINVAL;
  } else {
    if (vp.vs[r] > start) return ENOMEM;
    if (grows & PROT.GROWSUP) return EINVAL; // no VM_GROWSUP VMAs on x86
  }
  if (k.profile === '6.10' && k.rangeHasSeal(mm, start, end)) return EPERM;
  let tmp = vp.vs[r];
  let nstart = start;
  let error: string | null = null;
  while (r >= 0 && vp.vs[r] < end) {
    if (vp.vs[r] !== tmp) {
      error = ENOMEM;
      break;
    }
    const key = overridePkey(k, mm, r, prot, pkey);
    const newfl = withPkey(withProt(vp.fl[r], prot), key);
    // (newflags beyond VM_MAY* -> EACCES cannot happen: trampfd VMAs keep VM_MAYWRITE too)
    const res = fixup(k, mm, r, nstart, Math.min(vp.ve[r], end), newfl, end);
    if (typeof res === 'string') {
      error = res;
      break;
    }
    tmp = vp.ve[res];
    nstart = tmp;
    r = mm.tree.next(res);
  }
  if (error) return error;
  if (tmp < end) return ENOMEM;
  return 0n;
}

/** arch_override_mprotect_pkey() (arch/x86/mm/pkeys.c). */
function overridePkey(k: Kernel, mm: Proc, r: number, prot: number, pkey: number): number {
  if (!k.pku) return 0;
  if (pkey !== -1) return pkey;
  const fl = k.vp.fl[r];
  if (prot === PROT.EXEC) {
    const key = execOnlyPkey(k, mm);
    if (key > 0) return key;
  } else if ((fl & F_PROT) === F_EXEC && pkeyOfFlags(fl) === mm.execOnly) return 0;
  return pkeyOfFlags(fl);
}

/** mprotect_fixup(): returns the VMA now covering [vs, ve), or an error result. */
function fixup(k: Kernel, mm: Proc, r: number, vs: number, ve: number, newfl: number, end: number): number | string {
  const vp = k.vp;
  const old = vp.fl[r];
  if (k.sealedCheck(old)) return EPERM;
  if (newfl === old) return r;
  if (newfl & F_WRITE) {
    if (!(old & (VMF.ACCOUNT | F_WRITE | VMF.SHARED | VMF.NORESERVE))) {
      // the commit grows by the pages made writable: heuristic overcommit, before any split
      if (!k.enoughMemory(ve - vs)) return ENOMEM;
      newfl |= VMF.ACCOUNT;
    }
  } else if (old & VMF.ACCOUNT && vp.isAnon(r) && !vp.anon[r]) { // vma_is_anonymous: not shmem, not a trampfd
    newfl &= ~VMF.ACCOUNT;
  }
  const n = vmaModify(k, mm, r, vs, ve, newfl);
  if (n < 0) return n === SPLIT_EINVAL ? EINVAL : ENOMEM;
  vp.fl[n] = (newfl | (vp.fl[n] & F_STICKY)) >>> 0;
  changeProtection(k, mm, n, vs, ve);
  if ((old & (F_WRITE | VMF.SHARED | VMF.LOCKED)) === VMF.LOCKED && newfl & F_WRITE) populate(k, mm, vs, ve);
  return n;
}

/**
 * change_protection(): present and protnone PTEs get the VMA's new pgprot (pte_modify);
 * for a private writable VMA, exclusive anon pages are made writable at once
 * (MM_CP_TRY_CHANGE_WRITABLE / can_change_private_pte_writable).
 */
export function changeProtection(k: Kernel, mm: Proc, r: number, vs: number, ve: number): void {
  const fl = k.vp.fl[r];
  const shared = (fl & VMF.SHARED) !== 0;
  cp.nl = pte.protLo(protOf(fl), shared);
  cp.nh = pte.protHi(protOf(fl), pkeyOfFlags(fl));
  cp.tryWritable = !shared && (fl & F_WRITE) !== 0;
  cp.shstk = (fl & VMF.SHADOW_STACK) !== 0;
  cp.feat = k.shstk;
  if (k.thp) k.clipHuge(mm, vs, ve); // change_pmd_range: a PMD covered in part is split
  k.pt.walk(mm.pgd, vs, ve, changeTable, k);
}

/** Arguments of the change_protection walk. */
const cp = { nl: 0, nh: 0, tryWritable: false, shstk: false, feat: false };

function changeTable(k: Kernel, t: number, i0: number, i1: number): void {
  if (k.pt.leafHuge[t]) return protectHuge(k, t, cp.nl, cp.nh, cp.tryWritable);
  const L = k.pt.L;
  const fr = k.fr;
  const o = k.o;
  for (let i = i0; i < i1; i++) {
    const s = t * 512 + i;
    let l = L[2 * s];
    if (!pte.isPresentish(l)) continue;
    let h = L[2 * s + 1];
    // a batch of PTEs mapping consecutive pages of one large folio (a split THP) is changed as
    // one: modify_prot_start_ptes() ORs young and dirty over the batch into every PTE of it
    const f0 = pte.pfnOf(l, h);
    const n = fr.folio[f0] ? folioBatch(k, t, i, i1, l, h, f0) : 1;
    if (n > 1) {
      let young = 0;
      let dirty = false;
      for (let j = s; j < s + n; j++) {
        young |= L[2 * j] & pte.A;
        if (pte.isDirty(L[2 * j], L[2 * j + 1])) dirty = true;
      }
      l = (l | young) >>> 0;
      if (dirty) {
        if (l & pte.RW) l = (l | pte.D) >>> 0;
        else h = pte.mkdirtyRoHi(h);
      }
    }
    for (let j = s; j < s + n; j++) {
      const f = j === s ? f0 : pte.pfnOf(L[2 * j], L[2 * j + 1]);
      if (n === 1) pte.modify(l, h, cp.nl, cp.nh, o);
      else pte.modify(pte.withPfnLo(l, f), pte.withPfnHi(l, h, f), cp.nl, cp.nh, o);
      let rl = o[0];
      let rh = o[1];
      if (cp.tryWritable && !(rl & pte.RW) && !(cp.feat && pte.isShstk(rl)) && rl & pte.P) {
        if (f !== ZERO_FRAME && fr.flags[f] & F_EXCL) {
          if (cp.shstk) rl = ((rl & ~pte.RW) | pte.D) >>> 0; // pte_mkwrite(pte, vma) → pte_mkwrite_shstk
          else {
            rl = (rl | pte.RW) >>> 0; // pte_mkwrite_novma: RW, SavedDirty → D
            const l2 = pte.restoreDirtyLo(rl, rh);
            rh = pte.restoreDirtyHi(rl, rh);
            rl = l2;
          }
        }
      }
      L[2 * j] = rl;
      L[2 * j + 1] = rh;
    }
    i += n - 1;
  }
}

/** The bits folio_pte_batch_flags() compares (FPB_RESPECT_WRITE): all but the PFN, A, D and SavedDirty. */
const BATCH_LO = ~(0xfffff000 | pte.A | pte.D) >>> 0;
const BATCH_HI = ~(0x000fffff | pte.SD_HI) >>> 0;

/**
 * mprotect_folio_pte_batch(): how many PTEs from index i (below i1) map the following pages
 * of the same large folio as frame f0 with the same bits but A, D and SavedDirty.
 */
function folioBatch(k: Kernel, t: number, i: number, i1: number, l: number, h: number, f0: number): number {
  const L = k.pt.L;
  const fr = k.fr;
  const id = fr.folio[f0];
  const present = l & pte.P;
  let n = 1;
  for (let j = i + 1; j < i1; j++, n++) {
    const s = t * 512 + j;
    const lj = L[2 * s];
    const hj = L[2 * s + 1];
    if ((lj & pte.P) !== present || !pte.isPresentish(lj)) break;
    if (((lj ^ l) & BATCH_LO) !== 0 || ((hj ^ h) & BATCH_HI) !== 0) break;
    const f = pte.pfnOf(lj, hj);
    if (fr.folio[f] !== id || fr.sub[f] !== fr.sub[f0] + n) break;
  }
  return n;
}
