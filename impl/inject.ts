// Bug injection for the bug-finding benchmark (bench/bugs.ts): realistic mistakes that
// can be switched on in impl/ to measure how fast the fuzzer finds each. The switch is
// MMDIFF_INJECT (comma-separated bug names), read once when this module loads; normal
// runs never set it, so every flag is false and each injected bug costs one property
// read. Worker threads copy the environment when they start, so a campaign must set the
// variable before its pool exists.

export interface BugInfo {
  /** The property of BUG that switches it on. */
  readonly flag: string;
  /** What the impl then gets wrong. */
  readonly wrong: string;
  /** The SEMANTICS.md rule it breaks. */
  readonly rule: string;
}

/** Every injectable bug, by its MMDIFF_INJECT name. */
export const CATALOGUE = {
  'mseal-mprotect-last': {
    flag: 'msealMprotectLast',
    wrong: 'mprotect_fixup skips the seal check for the last VMA of the range',
    rule: '§3.1 10.i / §4.2: mprotect of a sealed VMA is EPERM, even with unchanged prot',
  },
  'cow-reuse-ref2': {
    flag: 'cowReuseRef2',
    wrong: 'do_wp_page reuses an anon page whose reference count is 2 (still shared after fork)',
    rule: '§8: a write fault reuses the page only when it is exclusively ours, else copies it',
  },
  'fork-guard-lost': {
    flag: 'forkGuardLost',
    wrong: 'fork does not copy guard markers into the child',
    rule: '§8 / §5.2 GUARD_INSTALL: guard markers are copied to the child (except WIPEONFORK VMAs)',
  },
  'merge-ignores-pkey': {
    flag: 'mergeIgnoresPkey',
    wrong: 'VMA merging compares flags without the pkey bits, so VMAs with different pkeys merge',
    rule: '§1.5: merging needs identical vm_flags (pkey bits included)',
  },
  'mremap-shrink-seal': {
    flag: 'mremapShrinkSeal',
    wrong: 'mremap skips the sealed-source check when it only shrinks',
    rule: '§6.1 8 / §4.2: mremap of a sealed source is EPERM for shrink, too',
  },
  'pkru-wd-blocks-read': {
    flag: 'pkruWdBlocksRead',
    wrong: 'PKRU WD is treated like AD: reads of a write-disabled key fault SEGV_PKUERR',
    rule: '§9.3: WD blocks writes only; reads of a WD key are allowed',
  },
  'thp-pad-off-by-one': {
    flag: 'thpPadOffByOne',
    wrong: 'the THP placement pads the search by 2 MiB - 4 KiB, not 2 MiB (the aligned result can end one page past the gap)',
    rule: '§1.3: anon len % 2 MiB == 0 is placed by __thp_get_unmapped_area (search len + 2 MiB, take the aligned top)',
  },
  'madvise-hole-early': {
    flag: 'madviseHoleEarly',
    wrong: 'madvise returns ENOMEM at the first hole instead of processing the rest of the range',
    rule: '§5.1 6: a hole gives ENOMEM after the rest of the range was processed',
  },
  'munmap-len0-ok': {
    flag: 'munmapLen0Ok',
    wrong: 'munmap with len 0 returns 0',
    rule: '§2 step 2: munmap(len=0) is EINVAL (unlike mprotect/madvise/mseal)',
  },
  'account-kept-ro': {
    flag: 'accountKeptRo',
    wrong: 'mprotect to read-only keeps VM_ACCOUNT on a VMA without anon_vma',
    rule: '§3.1 10.i: becoming non-writable without anon_vma drops VM_ACCOUNT',
  },
  'fork-parent-writable': {
    flag: 'forkParentWritable',
    wrong: 'fork write-protects only the child PTE; the parent keeps RW on the shared page',
    rule: '§8: a writable private PTE is write-protected in both parent and child',
  },
  'dontneed-keeps-zero': {
    flag: 'dontneedKeepsZero',
    wrong: 'MADV_DONTNEED leaves zero-page PTEs in place',
    rule: '§5.2 DONTNEED: the range\'s PTEs are zapped (zero-page ones too)',
  },
  'noreplace-seal-first': {
    flag: 'noreplaceSealFirst',
    wrong: 'MAP_FIXED_NOREPLACE over a sealed VMA returns EPERM (seal checked before the overlap)',
    rule: '§1.1 16 / §1.2: NOREPLACE EEXIST precedes the seal EPERM',
  },
  'wrprotect-keeps-dirty': {
    flag: 'wrprotectKeepsDirty',
    wrong: 'fork\'s write-protect clears RW but leaves D set instead of moving it to SavedDirty',
    rule: '§10.5 / §8: pte_wrprotect moves Dirty to SavedDirty (no W=0,D=1 PTEs)',
  },
  'execonly-pkey-missing': {
    flag: 'execonlyPkeyMissing',
    wrong: 'mmap(PROT_EXEC) does not assign the execute-only pkey',
    rule: '§1.1 / §3.5: prot == PROT_EXEC gets execute_only_pkey() on PKU machines',
  },
  'brk-shrink-seal': {
    flag: 'brkShrinkSeal',
    wrong: 'brk shrink unmaps the heap tail without checking seals',
    rule: '§7 step 4 / §4.2: brk shrink over a sealed heap fails (returns the old brk)',
  },
  'dontfork-ignored': {
    flag: 'dontforkIgnored',
    wrong: 'fork copies VM_DONTCOPY VMAs into the child',
    rule: '§8: VM_DONTCOPY (MADV_DONTFORK) VMAs are skipped, leaving a hole in the child',
  },
  'protnone-keeps-present': {
    flag: 'protnoneKeepsPresent',
    wrong: 'pte_modify keeps P (as if P were in _PAGE_CHG_MASK): PROT_NONE PTEs stay present and readable',
    rule: '§3.2 / §9.4: PROT_NONE PTEs are not present (P=0, PROTNONE); any access is SEGV_ACCERR',
  },
  'mprotect-seal-upfront': {
    flag: 'mprotectSealUpfront',
    wrong: 'mprotect checks seals over the whole range up front (6.10 style) in the 6.18 profile',
    rule: '§3.1 partial update / key finding 1: [unsealed][sealed] gives EPERM after the unsealed VMA was changed',
  },
  'cow-copy-drops-pkey': {
    flag: 'cowCopyDropsPkey',
    wrong: 'the PTE of a COW copy (wp_page_copy) is built without the VMA\'s pkey bits',
    rule: '§0 vm_get_page_prot / §9.4: every PTE carries the VMA\'s pkey (bits 59-62)',
  },
  'fork-shstk-stays-shstk': {
    flag: 'forkShstkStaysShstk',
    wrong: 'fork tests RW alone for pte_write(), so shadow-stack PTEs (RW=0, D=1) are copied as they are, shared and still shadow-stack typed',
    rule: '§10.7: fork write-protects shadow-stack PTEs too (W=0, D=0, SavedDirty=1 in both); the next shadow-stack access copies or reuses',
  },
  'shstk-ret-no-compare': {
    flag: 'shstkRetNoCompare',
    wrong: 'RET pops the shadow stack without comparing the entry with the return address',
    rule: '§10.10 / conventions: a popped entry != the return address is #CP NEAR-RET (SIGSEGV SEGV_CPERR), SSP unchanged',
  },
  'shstk-token-no-mode-bit': {
    flag: 'shstkTokenNoModeBit',
    wrong: 'map_shadow_stack(SHADOW_STACK_SET_TOKEN) writes the restore token without the 64-bit mode bit',
    rule: '§10.2: the token at base + size - 8 is (base + size) | 1',
  },
  'shstk-start-gap-missing': {
    flag: 'shstkStartGapMissing',
    wrong: 'a new shadow stack is placed without the one-page start gap below it',
    rule: '§10.3: start_gap = PAGE_SIZE (stack_guard_placement) keeps a free page below a new shadow stack',
  },
  'trampfd-table-at-write': {
    flag: 'trampfdTableAtWrite',
    wrong: 'trampolines jump to the code/data table entries read when the descriptors were written, not at execution time',
    rule: '§11 / conventions: a trampoline loads code_table[X] and data_table[X] when it runs',
  },
  'trampfd-prot-before-eexist': {
    flag: 'trampfdProtBeforeEexist',
    wrong: 'trampfd_mmap checks the VMA protection before refusing a second mapping (EINVAL where EEXIST is due)',
    rule: 'conventions (trampfd mmap): already mapped → EEXIST comes before the PROT_WRITE / R-X check (EINVAL)',
  },
} as const satisfies Record<string, BugInfo>;

export type BugName = keyof typeof CATALOGUE;
type Flag = (typeof CATALOGUE)[BugName]['flag'];

function activeBugs(spec: string | undefined): Set<BugName> {
  const out = new Set<BugName>();
  for (const raw of (spec ?? '').split(',')) {
    const name = raw.trim();
    if (!name) continue;
    if (!Object.hasOwn(CATALOGUE, name)) {
      throw new Error(`MMDIFF_INJECT: unknown bug '${name}' (known: ${Object.keys(CATALOGUE).join(', ')})`);
    }
    out.add(name as BugName);
  }
  return out;
}

const active = activeBugs(typeof process === 'undefined' ? undefined : process.env.MMDIFF_INJECT);

/** The switches: BUG.flag is true only when its bug is named in MMDIFF_INJECT. */
export const BUG: Readonly<Record<Flag, boolean>> = Object.freeze(
  Object.fromEntries((Object.keys(CATALOGUE) as BugName[]).map((n) => [CATALOGUE[n].flag, active.has(n)])) as Record<Flag, boolean>,
);

/** The bug names switched on in this process (for reports). */
export const INJECTED: readonly BugName[] = Object.freeze([...active]);
