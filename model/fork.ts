// fork and exit (kernel/fork.c: copy_process; mm/mmap.c: dup_mmap (6.15+);
// mm/memory.c: copy_page_range, vma_needs_copy, copy_present_pte, copy_nonpresent_pte).
//
// fork: the child gets a copy of every VMA except VM_DONTCOPY ones, with VM_LOCKED
//   cleared; a VMA with an anon_vma gets a new one chained to the parent's (non-singular
//   chain); VM_WIPEONFORK VMAs get none and no page tables. Page tables are copied only
//   for VMAs with an anon_vma or VM_MAYBE_GUARD (others refault): present private pages
//   become write-protected in both processes (D -> SavedDirty), the child's PTEs old
//   (A=0), the pages shared (no longer exclusive); shared-memory PTEs are cleaned in the
//   child; guard markers are copied. PKRU, pkeys, brk are inherited. Returns the child's pid.
//   A VM_ACCOUNT VMA of more pages than RAM + swap fails it (-ENOMEM): the child's number is
//   taken by a process that has exited, the parent keeps what copying the VMAs before did.
//   Shadow stacks (SEMANTICS §10.4, §10.7): the child keeps SSP, the features, the locked
//   features and the thread's shadow-stack base/size (copy_thread: no CLONE_VM, no new
//   shadow stack); a shadow-stack PTE is pte_write(), so it is write-protected on both
//   sides too: W=0, D=0, SavedDirty=1 ("copy on access").
//   The descriptor table is copied (both refer to the same trampfds); a trampfd VMA is a
//   file VMA: copied; its PTEs only once it has an anon_vma (a write made a private copy).
// exit: tear down the address space (frames lose their references), close every
//   descriptor; returns 0.

import { VMF } from '../abi/index.js';
import { dupFileTable, exitFiles } from './files.js';
import { hit, newAnonVma, newMm, type Errno, type Kernel, type Process, type Pte } from './mm.js';
import { vmEnoughMemory } from './overcommit.js';
import { pteMkclean, pteMkold, ptePresent, pteShstk, pteWrite, pteWrprotect } from './pte.js';
import { copyHugePmds, HPAGE_PMD_SIZE, pmdBlock, tablesInRange } from './thp.js';
import { trampfdClose } from './trampfd-page.js';
import { vmaIsShared } from './vma.js';
import { ptePagesInRange, setPte, zapRange } from './zap.js';

/** kernel/fork.c: copy_process with !CLONE_VM. */
export function sysFork(k: Kernel, parent: Process): bigint | Errno {
  const pm = parent.mm;
  const mm = newMm(pm.startBrk, k.cfg.pku);
  mm.brk = pm.brk;
  // arch/x86/include/asm/mmu_context.h: arch_dup_pkeys — allocation map and execute-only key
  mm.pkeyMap = pm.pkeyMap;
  mm.execOnlyPkey = pm.execOnlyPkey;
  // kernel/fork.c: dup_task_struct copies thread.features, features_locked and thread.shstk;
  // arch/x86/kernel/shstk.c: shstk_alloc_thread_stack — !CLONE_VM: the child uses its copy
  const child: Process = {
    pid: k.procs.length,
    alive: true,
    mm,
    pkru: parent.pkru,
    ssp: parent.ssp,
    shstk: parent.shstk,
    shstkLocked: parent.shstkLocked,
    shstkBase: parent.shstkBase,
    shstkSize: parent.shstkSize,
    // kernel/fork.c: copy_files -> dup_fd
    files: dupFileTable(parent.files),
  };
  for (const src of pm.vmas) {
    // mm/mmap.c: dup_mmap — VM_DONTCOPY VMAs are not copied
    if (src.flags & VMF.DONTCOPY) {
      hit(k, 'fork:dontcopy');
      continue;
    }
    // mm/mmap.c: dup_mmap — a VM_ACCOUNT VMA is charged again (mm/util.c: __vm_enough_memory):
    // fork fails; the VMAs copied so far went with their page tables (the parent's PTEs stay
    // write-protected), the child is torn down
    if (src.flags & VMF.ACCOUNT && !vmEnoughMemory(k, (src.end - src.start) >> 12n)) {
      hit(k, 'fork:overcommit-ENOMEM');
      k.procs.push(child);
      sysExit(k, child);
      return 'ENOMEM';
    }
    // mm/mmap.c: dup_mmap — vm_area_dup; VM_LOCKED is not inherited
    // mm/hugetlb.c: hugetlb_vm_op_open — a hugetlb VMA is copied (no pages to share: the pool is empty)
    if (src.flags & VMF.HUGETLB) hit(k, 'hugetlb:fork-copy');
    const vma = { ...src, flags: src.flags & ~VMF.LOCKED };
    if (src.flags & VMF.WIPEONFORK) {
      // mm/mmap.c: dup_mmap — VM_WIPEONFORK: no anon_vma, no page tables (child sees zeroes)
      hit(k, 'fork:wipeonfork');
      vma.anonVma = null;
      vma.anonFromFork = false;
    } else if (src.anonVma) {
      // mm/rmap.c: anon_vma_fork — a new anon_vma for the child, chained to the parent's
      vma.anonVma = newAnonVma(k);
      vma.anonFromFork = true;
    }
    mm.vmas.push(vma);
    // mm/memory.c: vma_needs_copy — only an anon_vma or VM_MAYBE_GUARD (VM_COPY_ON_FORK) needs copying
    if (src.flags & VMF.WIPEONFORK || !(src.anonVma || src.flags & VMF.GUARD)) continue;
    hit(k, 'fork:copy-ptes');
    // mm/memory.c: copy_pmd_range — a huge PMD is copy_huge_pmd (model/thp.ts); every other
    // block with a PTE table gets one in the child (copy_pte_range allocates it, empty or not)
    copyHugePmds(k, pm, mm, src);
    for (const b of tablesInRange(pm, pmdBlock(src.start), pmdBlock(src.end + HPAGE_PMD_SIZE - 1n))) mm.pteTables.add(b);
    // mm/memory.c: is_cow_mapping — private and VM_MAYWRITE (always set for anonymous memory)
    const cow = !vmaIsShared(src);
    for (const page of ptePagesInRange(pm, src.start, src.end)) {
      const ppte = pm.ptes.get(page)!;
      // mm/memory.c: copy_nonpresent_pte — guard markers are copied
      if (ppte.guard) {
        setPte(mm, page, { ...ppte });
        hit(k, 'fork:copy-guard');
        continue;
      }
      if (!ptePresent(ppte)) continue;
      const cpte: Pte = { ...ppte };
      // mm/memory.c: copy_present_pte — a COW mapping and pte_write() (RW, or a shadow-stack
      // PTE): write-protect it in both processes
      if (cow && pteWrite(ppte)) {
        hit(k, pteShstk(ppte) ? 'fork:wrprotect-shstk' : 'fork:wrprotect');
        pteWrprotect(ppte);
        pteWrprotect(cpte);
      }
      // mm/memory.c: copy_present_pte — a shared mapping is marked clean in the child
      if (!cow) pteMkclean(cpte);
      pteMkold(cpte);
      // mm/rmap.c: folio_try_dup_anon_rmap_pte — the page is no longer exclusive
      if (ppte.frame?.anon) ppte.frame.anonExclusive = false;
      setPte(mm, page, cpte);
    }
  }
  k.procs.push(child);
  hit(k, 'fork:ok');
  return BigInt(child.pid);
}

/** kernel/exit.c: do_exit -> exit_mm (exit_mmap: every VMA and PTE goes), exit_files. */
export function sysExit(k: Kernel, p: Process): bigint {
  const vmas = p.mm.vmas;
  for (const v of vmas) zapRange(k, p.mm, v.start, v.end, { dropMarkers: true });
  p.mm.vmas = [];
  p.mm.ptes.clear();
  // mm/mmap.c: exit_mmap -> free_pgtables: no page table is left
  p.mm.pmds.clear();
  p.mm.pteTables.clear();
  // mm/mmap.c: exit_mmap -> remove_vma -> vm_ops->close (trampfd_close)
  for (const v of vmas) if (v.trampfd) trampfdClose(k, v.trampfd);
  exitFiles(p);
  p.alive = false;
  hit(k, 'exit');
  return 0n;
}
