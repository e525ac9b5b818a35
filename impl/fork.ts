// fork and exit (SEMANTICS §8, mm/mmap.c dup_mmap, mm/memory.c copy_page_range):
// VM_DONTCOPY VMAs are skipped, VM_LOCKED is cleared, VM_WIPEONFORK VMAs come empty.
// Page tables are copied only where a fault could not rebuild them (vma_needs_copy:
// the VMA has an anon_vma, or VM_MAYBE_GUARD). A writable private PTE is write-protected
// in both processes (Dirty → SavedDirty), the child's copy is old (A=0), a shared one
// also clean; anon pages lose PageAnonExclusive and gain a reference. pte_write() is true
// for a shadow-stack PTE too, so it is write-protected the same way (W=0, D=0, SavedDirty=1:
// copy-on-access, SEMANTICS §10.7). The child keeps SSP, the shadow-stack features and the
// descriptor table (the same trampfds); trampfd VMAs are file mappings (no PTEs copied).
// An accounted VMA larger than RAM + swap fails the fork (-ENOMEM; the child exits at once).

import { VMF } from '../abi/vmflags.js';
import { F_EXCL, F_SHMEM, ZERO_FRAME } from './frames.js';
import { fdFork } from './fdtable.js';
import type { Kernel, Proc } from './kernel.js';
import * as pte from './pte.js';
import { copyHuge } from './thp.js';

/**
 * The child, or null when dup_mmap charged an accounted VMA more than RAM + swap: the
 * child (its number taken) is torn down as at exit, the parent keeps the write-protection
 * of the VMAs copied before.
 */
export function doFork(k: Kernel, parent: Proc): Proc | null {
  const child = k.newProc();
  child.brk = parent.brk;
  child.startBrk = parent.startBrk;
  child.pkru = parent.pkru;
  child.pkeys = parent.pkeys;
  child.execOnly = parent.execOnly;
  child.ssp = parent.ssp;
  child.shstk = parent.shstk;
  child.shstkLocked = parent.shstkLocked;
  child.shstkBase = parent.shstkBase;
  child.shstkSize = parent.shstkSize;
  fdFork(parent, child);
  const vp = k.vp;
  const tree = parent.tree;
  for (let r = tree.first(); r >= 0; r = tree.next(r)) {
    const fl = vp.fl[r];
    if (fl & VMF.DONTCOPY) continue;
    // dup_mmap(): each VM_ACCOUNT VMA is charged again
    if (fl & VMF.ACCOUNT && !k.enoughMemory(vp.ve[r] - vp.vs[r])) {
      k.exitMm(child);
      return null;
    }
    const wipe = (fl & VMF.WIPEONFORK) !== 0;
    // anon_vma_fork(): each child VMA gets its own anon_vma chained to the parent's
    const anon = !wipe && vp.anon[r] ? vp.newAnonVma() : 0;
    k.addVma(child, vp.vs[r], vp.ve[r], vp.pg[r], fl & ~VMF.LOCKED, anon, anon ? 1 : 0, vp.shm[r], vp.tfd[r]);
    if (!wipe && (vp.anon[r] || fl & VMF.GUARD)) copyPtes(k, parent, child, vp.vs[r], vp.ve[r], (fl & VMF.SHARED) !== 0);
  }
  return child;
}

function copyPtes(k: Kernel, src: Proc, dst: Proc, vs: number, ve: number, shared: boolean): void {
  const pt = k.pt;
  const fr = k.fr;
  // pte_shstk() needs the CPU feature
  const shstk = k.shstk;
  const thp = k.thp;
  pt.walk(src.pgd, vs, ve, (_c, t, i0, i1, base) => {
    // copy_huge_pmd(); a huge PMD lies inside one VMA, so fork copies it whole
    if (pt.leafHuge[t]) return copyHuge(k, src, dst, t, base);
    // copy_pte_range() allocates the child's table even when nothing in it is copied
    if (thp) pt.ensure(dst.pgd, base + i0);
    for (let i = i0; i < i1; i++) {
      const s = t * 512 + i;
      let l = pt.L[2 * s];
      let h = pt.L[2 * s + 1];
      if (l === 0 && h === 0) continue;
      if (!pte.isGuard(l, h)) {
        const f = pte.pfnOf(l, h);
        if (f !== ZERO_FRAME) {
          fr.get(f);
          if (!(fr.flags[f] & F_SHMEM)) fr.flags[f] &= ~F_EXCL;
          if (fr.folio[f]) k.folios.add(fr.folio[f], dst.pid, 1); // a page of a PTE-mapped THP
        }
        // pte_write(): RW, or a shadow-stack PTE
        if (!shared && (shstk ? pte.isWrite(l) : l & pte.RW)) {
          // ptep_set_wrprotect() in the parent, pte_wrprotect() for the child
          l = (l & ~pte.RW) >>> 0;
          h = pte.saveDirtyHi(l, h);
          l = pte.saveDirtyLo(l);
          pt.L[2 * s] = l;
          pt.L[2 * s + 1] = h;
        }
        if (shared) {
          l = (l & ~pte.D) >>> 0; // pte_mkclean
          h = (h & ~pte.SD_HI) >>> 0;
        }
        l = (l & ~pte.A) >>> 0; // pte_mkold
      }
      const d = pt.ensure(dst.pgd, base + i);
      pt.set(d, l, h);
    }
  }, null);
}
