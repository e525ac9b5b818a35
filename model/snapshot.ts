// The observable state (abi/trace.ts RawState; docs/conventions.md "The state a
// trace shows"): per process, sorted by pid (exited ones with alive:false and empty
// lists, registers as they were at exit), the VMAs in address order, every PTE that is
// not pte_none (present, PROT_NONE, guard marker) with its bits and frame, and the
// non-zero 8-byte words of each frame.

import { FrameNumbering, PTE_BIT, type FrameRef, type FrameWords, type ProcState, type PteState, type RawState, type VmaState } from '../abi/index.js';
import type { Kernel, Process } from './mm.js';
import { pteBits } from './pte.js';
import { isReserved } from './reserved.js';
import { VMF_OBSERVED } from './vma.js';

function procState(p: Process, thp: boolean, numbering: FrameNumbering): ProcState {
  const vmas: VmaState[] = p.mm.vmas.filter((v) => !isReserved(v.flags)).map((v) => ({
    start: v.start,
    end: v.end,
    prot: v.prot,
    flags: v.flags & VMF_OBSERVED,
    pkey: v.pkey,
  }));
  // each entry with its page number as a double (exact below 2^53): sorting by it is much
  // cheaper than comparing BigInts
  const pages: Array<{ readonly n: number; readonly e: PteState }> = [];
  for (const [page, pte] of p.mm.ptes) {
    const addr = page << 12n;
    const e: PteState = pte.guard ? { addr, bits: 0n, frame: null, guard: true } : { addr, bits: pteBits(pte), frame: pte.zeroPage ? 'Z' : pte.frame!.id };
    pages.push({ n: Number(page), e });
  }
  // a huge PMD (model/thp.ts): every 4K page of its block reports the PMD leaf, PSE set,
  // with its own 4K frame of the folio ('Z' for the huge zero page)
  for (const [block, pmd] of p.mm.pmds) {
    const bits = pteBits(pmd.entry) | (1n << BigInt(PTE_BIT.PSE));
    const first = Number(block) * 512;
    for (let i = 0; i < 512; i++) {
      pages.push({ n: first + i, e: { addr: BigInt((first + i) * 4096), bits, frame: pmd.folio ? pmd.folio.frames[i].id : 'Z' } });
    }
  }
  // frames numbered as canonicalize() would (abi/trace.ts FrameNumbering), in address order
  const ptes = pages.sort((a, b) => a.n - b.n).map((x) => x.e);
  for (const e of ptes) if (typeof e.frame === 'number') (e as { frame: FrameRef }).frame = numbering.of(e.frame);
  const state: ProcState = { pid: p.pid, alive: p.alive, vmas, ptes, brk: p.mm.brk, pkru: p.pkru, pkeys: p.mm.pkeyMap, ssp: p.ssp, shstk: p.shstk };
  if (!thp) return state;
  // the blocks whose PMD points to a PTE table (mm/memory.c: __pte_alloc; model/thp.ts)
  const ptTables = [...p.mm.pteTables].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((b) => b << 21n);
  return { ...state, ptTables };
}

/** The non-zero aligned 8-byte words of a frame. */
function frameWords(k: Kernel, id: number): FrameWords {
  const data = k.frames.get(id)?.data;
  if (!data) return [];
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const out: Array<readonly [number, bigint]> = [];
  for (let off = 0; off < 4096; off += 8) {
    // a zero word is skipped before it becomes a BigInt (most words of most pages are zero)
    if (view.getUint32(off, true) === 0 && view.getUint32(off + 4, true) === 0) continue;
    out.push([off, view.getBigUint64(off, true)]);
  }
  return out;
}

export function snapshot(k: Kernel): RawState {
  const numbering = new FrameNumbering();
  const processes = [...k.procs].sort((a, b) => a.pid - b.pid).map((p) => procState(p, k.cfg.thp, numbering));
  return { processes, content: (frame: number) => frameWords(k, numbering.frames[frame]) };
}
