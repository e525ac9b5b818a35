// Transparent huge pages in the impl (impl/thp.ts, impl/hugepmd.ts): what a program sees of
// a huge PMD — 512 pages with PSE set and the PMD's bits, 512 distinct frames — and how the
// operations split, move, copy, protect and collapse it (mm/huge_memory.c, mm/khugepaged.c).

import { describe, expect, it } from 'vitest';
import { parse, runProgram } from '../abi/index.js';
import { PTE_BIT_NAMES } from '../abi/constants.js';
import type { Trace } from '../abi/trace.js';
import { createImpl } from '../impl/index.js';
import { checkExpectations } from '../fuzz/expect.js';

const BASE = 0x40000000n;
const MAP = `r0 = mmap(0x40000000, 0x400000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)`;
const HUGE = `${MAP}\nmadvise(r0, 0x200000, MADV_HUGEPAGE)`;

/** Runs a program on the impl; its `= result` expectations must hold. */
function run(text: string): Trace {
  const prog = parse(`# mmdiff 1\n${text.trim()}\n`);
  const t = runProgram(createImpl, prog);
  expect(t.crash).toBeUndefined();
  expect(t.unsupported).toBeUndefined();
  expect(checkExpectations(prog, t).map((m) => `op ${m.op}: expected ${m.expected}, got ${m.actual}`)).toEqual([]);
  return t;
}

function bitNames(bits: bigint): string {
  return PTE_BIT_NAMES.filter(([, b]) => (bits >> BigInt(b)) & 1n).map(([n]) => n).join(' ');
}

/**
 * A process's PTEs as runs of equal bits: "offset+pages BITS", offsets in pages from 0x40000000,
 * with 'Z' when the run maps the zero page.
 */
function runs(t: Trace, pid = 0): string[] {
  const out: string[] = [];
  let cur: { at: bigint; n: number; bits: string; zero: boolean } | null = null;
  const flush = () => {
    if (cur) out.push(`${cur.at}+${cur.n} ${cur.bits}${cur.zero ? ' Z' : ''}`);
  };
  for (const p of t.state.processes[pid].ptes) {
    const at = (p.addr - BASE) / 4096n;
    const bits = p.guard ? 'guard' : bitNames(p.bits);
    const zero = p.frame === 'Z';
    if (cur && cur.bits === bits && cur.zero === zero && at === cur.at + BigInt(cur.n)) cur.n++;
    else {
      flush();
      cur = { at, n: 1, bits, zero };
    }
  }
  flush();
  return out;
}

function frames(t: Trace, pid: number, from: bigint, n: number): Array<number | 'Z' | null> {
  const lo = BASE + from * 4096n;
  const hi = lo + BigInt(n) * 4096n;
  return t.state.processes[pid].ptes.filter((p) => p.addr >= lo && p.addr < hi).map((p) => p.frame);
}

describe('impl THP: huge anonymous faults (do_huge_pmd_anonymous_page)', () => {
  it('a write fault in a MADV_HUGEPAGE block maps 512 PSE pages with 512 distinct frames', () => {
    const t = run(`${HUGE}\nwrite(r0+0x1008, 0x41)\nread(r0+0x1008) = 0x41\nwrite(r0+0x200000, 0x42)`);
    expect(runs(t)).toEqual(['0+512 P RW US A D PSE NX', '512+1 P RW US A D NX']);
    expect(new Set(frames(t, 0, 0n, 512)).size).toBe(512);
    expect(t.results[3]).toBe(0x41n);
  });

  it('a read maps the huge zero page; without the zero page (zeroPage=0) a dirty THP', () => {
    expect(runs(run(`${HUGE}\nread(r0+0x3000)`))).toEqual(['0+512 P US A PSE NX Z']);
    expect(runs(run(`# machine zeroPage=0\n${HUGE}\nread(r0+0x3000)`))).toEqual(['0+512 P RW US A D PSE NX']);
    // a read-only VMA: the PMD is dirty all the same (pmd_mkdirty), kept as SavedDirty
    const ro = `# machine zeroPage=0\nr0 = mmap(0x40000000, 0x400000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)\nmadvise(r0, 0x200000, MADV_HUGEPAGE)\nread(r0)`;
    expect(runs(run(ro))).toEqual(['0+512 P US A PSE SavedDirty NX']);
  });

  it('a write to the huge zero page maps a new zeroed THP (do_huge_zero_wp_pmd, 6.14+)', () => {
    const t = run(`${HUGE}\nread(r0+0x3000)\nwrite(r0+0x2008, 0x42)\nread(r0+0x2008) = 0x42`);
    expect(runs(t)).toEqual(['0+512 P RW US A D PSE NX']);
    expect(new Set(frames(t, 0, 0n, 512)).size).toBe(512);
  });

  it('no THP without MADV_HUGEPAGE, with MADV_NOHUGEPAGE, under thp=0, or for a block the VMA does not hold', () => {
    expect(runs(run(`${MAP}\nwrite(r0, 1)`))).toEqual(['0+1 P RW US A D NX']);
    expect(runs(run(`${MAP}\nmadvise(r0, 0x200000, MADV_HUGEPAGE)\nmadvise(r0, 0x200000, MADV_NOHUGEPAGE)\nwrite(r0, 1)`))).toEqual(['0+1 P RW US A D NX']);
    expect(runs(run(`# machine thp=0\n${HUGE}\nwrite(r0, 1)\nread(r0+0x1000)`))).toEqual(['0+1 P RW US A D NX', '1+1 P US A NX Z']);
    expect(runs(run(`r0 = mmap(0x40001000, 0x3ff000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)\nmadvise(r0, 0x3ff000, MADV_HUGEPAGE)\nwrite(r0, 1)`))).toEqual(['1+1 P RW US A D NX']);
  });

  it('a PTE table in the block (pmd not none) keeps faults 4K; MAP_POPULATE and MADV_POPULATE fault huge', () => {
    // the 4K fault before MADV_HUGEPAGE left a page table
    expect(runs(run(`${MAP}\nwrite(r0, 1)\nmadvise(r0, 0x200000, MADV_HUGEPAGE)\nwrite(r0+0x1000, 1)`))).toEqual(['0+2 P RW US A D NX']);
    expect(runs(run(`${HUGE}\nmadvise(r0, 0x200000, MADV_POPULATE_WRITE)`))).toEqual(['0+512 P RW US A D PSE NX']);
  });
});

describe('impl THP: splitting (__split_huge_pmd_locked)', () => {
  it('a partial munmap splits the PMD; the PTEs keep its bits and the pages their contents', () => {
    const t = run(`${HUGE}\nwrite(r0+0x1000, 0x41)\nmunmap(r0+0x100000, 0x1000)\nread(r0+0x1000) = 0x41`);
    expect(runs(t)).toEqual(['0+256 P RW US A D NX', '257+255 P RW US A D NX']);
    expect(t.results[4]).toBe(0x41n);
    // a PMD fork write-protected splits into write-protected PTEs
    const t2 = run(`${HUGE}\nwrite(r0+0x1000, 0x41)\nr1 = fork()\np1: exit(0)\nmunmap(r0+0x100000, 0x1000)`);
    expect(runs(t2)).toEqual(['0+256 P US A SavedDirty NX', '257+255 P US A SavedDirty NX']);
  });

  it('a partial mprotect splits: the read-only half keeps D as SavedDirty', () => {
    // a huge zero PMD splits into zero-page PTEs (__split_huge_zero_page_pmd)
    const t = run(`${HUGE}\nread(r0)\nmprotect(r0+0x100000, 0x100000, PROT_READ)\nwrite(r0+0x1000, 1)`);
    expect(runs(t)).toEqual(['0+1 P US A NX Z', '1+1 P RW US A D NX', '2+510 P US A NX Z']);
    const t2 = run(`${HUGE}\nwrite(r0, 1)\nmprotect(r0+0x100000, 0x100000, PROT_READ)`);
    expect(runs(t2)).toEqual(['0+256 P RW US A D NX', '256+256 P US A SavedDirty NX']);
  });

  it('a partial MADV_DONTNEED splits; a whole one zaps the PMD and the next fault is huge again', () => {
    expect(runs(run(`${HUGE}\nwrite(r0, 1)\nmadvise(r0+0x3000, 0x1000, MADV_DONTNEED)`))).toEqual(['0+3 P RW US A D NX', '4+508 P RW US A D NX']);
    expect(runs(run(`${HUGE}\nwrite(r0, 1)\nmadvise(r0, 0x200000, MADV_DONTNEED)\nwrite(r0+0x5000, 1)`))).toEqual(['0+512 P RW US A D PSE NX']);
  });

  it('PTE tables: kept by a partial zap, reclaimed by a whole-block MADV_DONTNEED, freed by munmap (free_pgtables)', () => {
    // 4K pages, then a DONTNEED of part of the block: the table stays, faults stay 4K
    expect(runs(run(`${MAP}\nwrite(r0, 1)\nmadvise(r0, 0x200000, MADV_HUGEPAGE)\nmadvise(r0, 0x1000, MADV_DONTNEED)\nwrite(r0+0x2000, 1)`))).toEqual(['2+1 P RW US A D NX']);
    // a DONTNEED of the whole block frees the emptied table (CONFIG_PT_RECLAIM)
    expect(runs(run(`${MAP}\nwrite(r0, 1)\nmadvise(r0, 0x200000, MADV_HUGEPAGE)\nmadvise(r0, 0x200000, MADV_DONTNEED)\nwrite(r0+0x2000, 1)`))).toEqual(['0+512 P RW US A D PSE NX']);
    // ... not when a guard marker stays in it
    expect(runs(run(`${MAP}\nmadvise(r0+0x1000, 0x1000, MADV_GUARD_INSTALL)\nmadvise(r0, 0x200000, MADV_HUGEPAGE)\nmadvise(r0, 0x200000, MADV_DONTNEED)\nwrite(r0+0x2000, 1)`))).toEqual(['1+1 guard', '2+1 P RW US A D NX']);
    // munmap of everything in the block frees its table; a new mapping there faults huge
    const remap = `${MAP}\nwrite(r0, 1)\nmunmap(r0, 0x200000)\nr1 = mmap(0x40000000, 0x200000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)\nmadvise(r1, 0x200000, MADV_HUGEPAGE)\nwrite(r1+0x1000, 1)`;
    expect(runs(run(remap))).toEqual(['0+512 P RW US A D PSE NX']);
    // ... but not while another VMA still lies in the block
    const kept = `${MAP}\nwrite(r0, 1)\nmunmap(r0, 0x1ff000)\nr1 = mmap(0x40000000, 0x1ff000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)\nmadvise(r1, 0x200000, MADV_HUGEPAGE)\nwrite(r1+0x1000, 1)`;
    expect(runs(run(kept))).toEqual(['1+1 P RW US A D NX']);
  });
});

describe('impl THP: whole-PMD operations', () => {
  it('mprotect of the whole block keeps the PMD (change_huge_pmd)', () => {
    expect(runs(run(`${HUGE}\nwrite(r0, 1)\nmprotect(r0, 0x200000, PROT_READ)`))).toEqual(['0+512 P US A PSE SavedDirty NX']);
    expect(runs(run(`${HUGE}\nwrite(r0, 1)\nmprotect(r0, 0x200000, PROT_READ)\nmprotect(r0, 0x200000, PROT_READ|PROT_WRITE)`))).toEqual(['0+512 P RW US A D PSE NX']);
    expect(runs(run(`${HUGE}\nwrite(r0, 1)\nmprotect(r0, 0x200000, PROT_NONE)`))).toEqual(['0+512 A PSE PROTNONE SavedDirty']);
  });

  it('fork copies the PMD write-protected; a write then COWs one 4K page on the writer side only', () => {
    const t = run(`${HUGE}\nwrite(r0+0x1000, 0x41)\nr1 = fork()\nwrite(r0+0x2000, 0x43)\np1: read(r0+0x2000) = 0`);
    expect(runs(t, 0)).toEqual(['0+2 P US A SavedDirty NX', '2+1 P RW US A D NX', '3+509 P US A SavedDirty NX']);
    expect(runs(t, 1)).toEqual(['0+512 P US A PSE SavedDirty NX']);
    // the parent's other pages and the child's PMD map the same folio
    expect(frames(t, 1, 0n, 2)).toEqual(frames(t, 0, 0n, 2));
    expect(frames(t, 0, 2n, 1)[0]).not.toEqual(frames(t, 1, 2n, 1)[0]);
    // the child's read made its PMD young (A): before, it was old, and a GUP read
    // (MADV_POPULATE_READ) leaves it old: x86 pmdp_set_access_flags writes only for a write
    expect(runs(run(`${HUGE}\nwrite(r0, 1)\nfork()`), 1)).toEqual(['0+512 P US PSE SavedDirty NX']);
    expect(runs(run(`${HUGE}\nwrite(r0, 1)\nfork()\np1: madvise(r0, 0x200000, MADV_POPULATE_READ)`), 1)).toEqual(['0+512 P US PSE SavedDirty NX']);
  });

  it('a write-protected PMD only this process maps is reused whole (do_huge_pmd_wp_page)', () => {
    const t = run(`${HUGE}\nwrite(r0, 1)\nr1 = fork()\np1: exit(0)\nwrite(r0+0x1000, 2)`);
    expect(runs(t)).toEqual(['0+512 P RW US A D PSE NX']);
  });

  it('a page of a split THP is reused once no other process maps the folio (__wp_can_reuse_large_anon_folio)', () => {
    const t = run(`${HUGE}\nwrite(r0, 1)\nr1 = fork()\nwrite(r0, 2)\np1: exit(0)\nwrite(r0+0x1000, 3)`);
    expect(runs(t)).toEqual(['0+2 P RW US A D NX', '2+510 P US A SavedDirty NX']);
    const f = frames(t, 0, 0n, 3);
    expect(new Set(f).size).toBe(3);
  });

  it('mprotect changes the PTEs of a split THP in batches whose A and D are ORed (modify_prot_start_ptes; seen on the live kernel)', () => {
    // the child's PTEs are old after the split; its read makes page 0 young, and the batch
    // of pages 0-1 of the folio comes out young as a whole
    const t = run(`${HUGE}\nwrite(r0, 0)\nfork()\np1: write(r0+0x6000, 0)\np1: read(r0)\np1: mprotect(r0, 0x2000, PROT_NONE)`);
    expect(runs(t, 1).slice(0, 2)).toEqual(['0+2 A PROTNONE SavedDirty', '2+4 P US SavedDirty NX']);
  });

  it('MADV_COLD makes the PMD old, MADV_FREE old and clean, unless another process maps the folio', () => {
    expect(runs(run(`${HUGE}\nwrite(r0, 1)\nmadvise(r0, 0x200000, MADV_COLD)`))).toEqual(['0+512 P RW US D PSE NX']);
    expect(runs(run(`${HUGE}\nwrite(r0, 1)\nmadvise(r0, 0x200000, MADV_FREE)`))).toEqual(['0+512 P RW US PSE NX']);
    expect(runs(run(`${HUGE}\nwrite(r0, 1)\nfork()\nmadvise(r0, 0x200000, MADV_COLD)\nmadvise(r0+0x1000, 0x1000, MADV_FREE)`))).toEqual(['0+512 P US A PSE SavedDirty NX']);
  });

  it('PAGEOUT, and COLD or FREE of part of a PMD, split the folio: zero-filled pages go to the zero page (seen on the live kernel)', () => {
    expect(runs(run(`${HUGE}\nwrite(r0+0x1000, 1)\nmadvise(r0, 0x200000, MADV_PAGEOUT)`))).toEqual(['0+1 P US A NX Z', '1+1 P RW US A D NX', '2+510 P US A NX Z']);
    expect(runs(run(`${HUGE}\nwrite(r0+0x1000, 1)\nwrite(r0+0x3000, 1)\nmadvise(r0+0x3000, 0x1000, MADV_COLD)`))).toEqual(['0+1 P US A NX Z', '1+1 P RW US A D NX', '2+1 P US A NX Z', '3+1 P RW US D NX', '4+508 P US A NX Z']);
    // FREE of part: the page is lazyfree and clean, a PAGEOUT then discards it
    const t = run(`${HUGE}\nwrite(r0+0x1000, 1)\nwrite(r0+0x100000, 1)\nmadvise(r0+0x100000, 0x2000, MADV_FREE)\nmadvise(r0, 0x200000, MADV_PAGEOUT)`);
    expect(runs(t)).toEqual(['0+1 P US A NX Z', '1+1 P RW US A D NX', '2+254 P US A NX Z', '257+255 P US A NX Z']);
    // a whole lazyfree THP: discarded with its PMD when clean (a fault is huge again), its PMD
    // split when written since
    expect(runs(run(`${HUGE}\nwrite(r0, 1)\nmadvise(r0, 0x200000, MADV_FREE)\nmadvise(r0, 0x200000, MADV_PAGEOUT)\nread(r0) = 0\nwrite(r0+8, 2)`))).toEqual(['0+512 P RW US A D PSE NX']);
    expect(runs(run(`${HUGE}\nwrite(r0, 1)\nmadvise(r0, 0x200000, MADV_FREE)\nwrite(r0+0x5000, 1)\nmadvise(r0, 0x200000, MADV_PAGEOUT)`))).toEqual(['0+512 P RW US A D NX']);
    // MAP_DROPPABLE THPs under PAGEOUT are not modelled
    const u = runProgram(createImpl, parse(`# mmdiff 1\nr0 = mmap(0x40000000, 0x200000, PROT_READ|PROT_WRITE, MAP_DROPPABLE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)\nmadvise(r0, 0x200000, MADV_HUGEPAGE)\nwrite(r0, 1)\nmadvise(r0, 0x200000, MADV_PAGEOUT)\n`));
    expect(u.unsupported).toMatch(/DROPPABLE/);
  });

  it('a split THP stays dirty (folio_set_dirty): MADV_FREE skips its pages once a fork shares them (seen on the live kernel)', () => {
    const t = run(`${HUGE}\nwrite(r0+0x1000, 1)\nmadvise(r0+0x1000, 0x1000, MADV_COLD)\nfork()\nmadvise(r0+0x1000, 0x1000, MADV_FREE)`);
    expect(runs(t).slice(1, 2)).toEqual(['1+1 P US SavedDirty NX']);
    const t2 = run(`${HUGE}\nwrite(r0+0x1000, 1)\nmadvise(r0, 0x200000, MADV_PAGEOUT)\nfork()\nmadvise(r0+0x1000, 0x1000, MADV_FREE)`);
    expect(runs(t2).slice(1, 2)).toEqual(['1+1 P US A SavedDirty NX']);
  });

  it('mremap moves a whole PMD to an aligned address and splits it for another one (move_huge_pmd)', () => {
    const t = run(`${HUGE}\nwrite(r0+0x1000, 0x41)\nr1 = mremap(r0, 0x200000, 0x200000, MREMAP_MAYMOVE|MREMAP_FIXED, 0x80000000)`);
    expect(runs(t).map((s) => s.replace(/^\d+/, 'at'))).toEqual(['at+512 P RW US A D PSE NX']);
    const t2 = run(`${HUGE}\nwrite(r0+0x1000, 0x41)\nr1 = mremap(r0, 0x200000, 0x200000, MREMAP_MAYMOVE|MREMAP_FIXED, 0x80100000)\nread(r1+0x1000) = 0x41`);
    expect(runs(t2).map((s) => s.replace(/^\d+/, 'at'))).toEqual(['at+512 P RW US A D NX']);
  });
});

describe('impl THP: MADV_COLLAPSE (madvise_collapse)', () => {
  it('collapses a populated block into a PMD with the pages contents; a block without a page table is EINVAL', () => {
    const t = run(`${MAP}\nwrite(r0+0x1000, 0x41)\nwrite(r0+0x5000, 0x45)\nmadvise(r0, 0x400000, MADV_COLLAPSE) = -EINVAL\nread(r0+0x5000) = 0x45\nwrite(r0+0x200000, 0x46)\nmadvise(r0, 0x400000, MADV_COLLAPSE) = 0\nread(r0+0x1000) = 0x41`);
    expect(runs(t)).toEqual(['0+1024 P RW US A D PSE NX']);
    expect(new Set(frames(t, 0, 0n, 1024)).size).toBe(1024);
    // a block without a page table ends the walk: the populated block after it stays 4K
    const t2 = run(`${MAP}\nwrite(r0+0x200000, 1)\nmadvise(r0, 0x400000, MADV_COLLAPSE) = -EINVAL`);
    expect(runs(t2)).toEqual(['512+1 P RW US A D NX']);
  });

  it('the block count is unsigned (seen on the live kernel): a VMA ending below 2 MiB passes the VMA check; a range inside one block is EINVAL unless it starts aligned', () => {
    run(`r0 = mmap(0x10000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_FIXED|MAP_ANONYMOUS, -1, 0)\nwrite(r0, 1)\nmadvise(r0, 0x1000, MADV_COLLAPSE) = -EINVAL`);
    run(`r0 = mmap(0, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_FIXED|MAP_ANONYMOUS, -1, 0)\nwrite(r0, 1)\nmadvise(r0, 0x1000, MADV_COLLAPSE) = 0`);
    run(`${MAP}\nwrite(r0, 1)\nmadvise(r0+0x1000, 0x2000, MADV_COLLAPSE) = -EINVAL\nmadvise(r0, 0x2000, MADV_COLLAPSE) = 0`);
    // shmem: the VMA's pgoff must line up with its address too
    run(`r0 = mmap(0x10000, 0x1000, PROT_NONE, MAP_SHARED|MAP_ANONYMOUS, -1, 0)\nmadvise(r0, 0x1000, MADV_COLLAPSE) = -EINVAL`);
    run(`r0 = mmap(0x40000000, 0x400000, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS|MAP_FIXED, -1, 0)\nmadvise(r0, 0x1000, MADV_COLLAPSE) = 0\nmadvise(r0+0x1000, 0x1000, MADV_COLLAPSE) = -EINVAL`);
  });

  it('no PTE need be writable, nor any present (seen on the live kernel); a guard marker fails the block and ends the walk', () => {
    // pages a fork write-protected: the parent gets a writable PMD with copies
    expect(runs(run(`${MAP}\nwrite(r0, 1)\nfork()\nmadvise(r0, 0x200000, MADV_COLLAPSE) = 0`))).toEqual(['0+512 P RW US A D PSE NX']);
    // a read-only VMA: the PMD is dirty, so SavedDirty; a table of none entries: zeroes
    expect(runs(run(`${MAP}\nwrite(r0, 1)\nmprotect(r0, 0x400000, PROT_READ)\nmadvise(r0, 0x200000, MADV_COLLAPSE) = 0`))).toEqual(['0+512 P US A PSE SavedDirty NX']);
    expect(runs(run(`${MAP}\nwrite(r0, 1)\nmadvise(r0, 0x1000, MADV_DONTNEED)\nmadvise(r0, 0x200000, MADV_COLLAPSE) = 0`))).toEqual(['0+512 P RW US A D PSE NX']);
    const g = run(`${MAP}\nwrite(r0, 1)\nwrite(r0+0x200000, 1)\nmadvise(r0+0x1000, 0x1000, MADV_GUARD_INSTALL)\nmadvise(r0, 0x400000, MADV_COLLAPSE) = -EINVAL`);
    expect(runs(g)).toEqual(['0+1 P RW US A D NX', '1+1 guard', '512+1 P RW US A D NX']);
    run(`${HUGE}\nwrite(r0, 1)\nmadvise(r0, 0x200000, MADV_COLLAPSE) = 0`);
    // thp=0 (PR_SET_THP_DISABLE): every collapse is EINVAL
    run(`# machine thp=0\n${MAP}\nwrite(r0, 1)\nmadvise(r0, 0x200000, MADV_COLLAPSE) = -EINVAL`);
  });
});
