// Model/impl disagreements that fuzz campaigns found in impl/ (minimized witnesses),
// kept here so they stay fixed: each must give identical traces on both targets.

import { describe, expect, it } from 'vitest';
import { compare, parse, runProgram } from '../abi/index.js';
import { createImpl } from '../impl/index.js';
import { createModel } from '../model/index.js';

const CASES: Record<string, string> = {
  // remap_move resumes after the moved VMA's old end (vma_iter_invalidate); a merge at the
  // destination must not make it walk the range again (it unmapped a populated page)
  'mremap move-only after a merge': `
r0 = mmap(NULL, 0x7000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_LOCKED, 0, 0)
mremap(r0+0x5000, 0x1000, 0x2000, MREMAP_MAYMOVE, NULL)
mremap(r0, 0x1000, 0x1000, MREMAP_MAYMOVE|MREMAP_FIXED|MREMAP_DONTUNMAP, r0+0x5000)`,
  // madvise_guard_install sets VM_MAYBE_GUARD before anon_vma_prepare, so the second VMA
  // shares the first one's anon_vma and a later mprotect merges them
  'guard install: flag before anon_vma_prepare': `
mmap(NULL, 0x2000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0)
r0 = mmap(NULL, 0x4000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0)
madvise(r0, 0x6000, MADV_GUARD_INSTALL)
mprotect(0x7ffff7ff9000, 0x5000, PROT_NONE)`,
  // pte_present() includes PROTNONE: COLD makes a protnone PTE old
  'COLD on a protnone PTE': `
r0 = mmap(NULL, 0x8000, PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0)
fork()
p1: write(r0+0x6000, 0)
p1: mprotect(r0, 0x8000, PROT_NONE)
p1: madvise(r0+0x6000, 0x1000, MADV_COLD)`,
  // ... and FREE makes it old and clean
  'FREE on a protnone PTE': `
r0 = mmap(NULL, 0x1000, PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_POPULATE, 0, 0)
fork()
p1: mprotect(r0, 0x1000, PROT_NONE)
p1: madvise(r0, 0x1000, MADV_FREE)`,
  // a length 2^64 - 0x1800: its page-aligned end does not wrap from 0, so the hole check runs
  // (ENOMEM); impl computed the end in doubles, which above 2^63 hold half pages (RangeError).
  // Not a semantic case: a range from 0 covers the kernel helper's memory
  // mremap of a shared mapping with old_len 0 moves no page tables (move_page_tables' loop
  // runs while old_addr < old_end); the model gave the new range's first block a PTE table
  'mremap duplicate with old_len 0 makes no PTE table': `
r0 = mmap(NULL, 0x1000, PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS, 0, 0)
write(r0, 0)
mremap(r0, 0, 0x200000, MREMAP_MAYMOVE, NULL)`,
  'huge length half a page short': `
r0 = mmap(0x10000000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
mseal(NULL, -0x1800, 0)
mprotect(NULL, -0x1800, PROT_NONE)
madvise(NULL, -0x1800, MADV_DONTNEED)
mseal(r0, -0x1800, 0)`,
};

describe('impl regressions (model and impl agree)', () => {
  it.each(Object.entries(CASES))('%s', (_name, text) => {
    const prog = parse(`# mmdiff 1${text}\n`);
    const d = compare(runProgram(createModel, prog), runProgram(createImpl, prog), prog);
    expect(d && `${d.signature}: ${d.detail}`).toBeNull();
  });
});
