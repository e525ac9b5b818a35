// The observable state (abi/trace.ts RawState; docs/conventions.md "The state a
// trace shows"): per process, sorted by pid (exited ones with alive:false and empty
// lists, registers as they were at exit), the VMAs in address order, every PTE that is
// not pte_none (present, PROT_NONE, guard marker) with its bits and frame, and the
// non-zero 8-byte words of each frame.

import { PTE_BIT, type FrameWords, type ProcState, type PteState, type RawState, type VmaState } from '../abi/index.js';
import type { Kernel, Process } from './mm.js';
import { pteBits } from './pte.js';
import { isReserved } from './reserved.js';
import { VMF_OBSERVED } from './vma.js';

function procState(p: Process): ProcState {
  const vmas: VmaState[] = p.mm.vmas.filter((v) => !isReserved(v.flags)).map((v) => ({
    start: v.start,
    end: v.end,
    prot: v.prot,
    flags: v.flags & VMF_OBSERVED,
    pkey: v.pkey,
  }));
  const ptes: PteState[] = [...p.mm.ptes.entries()]
    .map(([page, pte]): PteState => {
      if (pte.guard) return { addr: page << 12n, bits: 0n, frame: null, guard: true };
      return { addr: page << 12n, bits: pteBits(pte), frame: pte.zeroPage ? 'Z' : pte.frame!.id };
    });
  // a huge PMD (model/thp.ts): every 4K page of its block reports the PMD leaf, PSE set,
  // with its own 4K frame of the folio ('Z' for the huge zero page)
  for (const [block, pmd] of p.mm.pmds) {
    const bits = pteBits(pmd.entry) | (1n << BigInt(PTE_BIT.PSE));
    for (let i = 0; i < 512; i++) {
      const addr = (block << 21n) + (BigInt(i) << 12n);
      ptes.push({ addr, bits, frame: pmd.folio ? pmd.folio.frames[i].id : 'Z' });
    }
  }
  ptes.sort((a, b) => (a.addr < b.addr ? -1 : a.addr > b.addr ? 1 : 0));
  return { pid: p.pid, alive: p.alive, vmas, ptes, brk: p.mm.brk, pkru: p.pkru, pkeys: p.mm.pkeyMap, ssp: p.ssp, shstk: p.shstk };
}

/** The non-zero aligned 8-byte words of a frame. */
function frameWords(k: Kernel, id: number): FrameWords {
  const data = k.frames.get(id)?.data;
  if (!data) return [];
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const out: Array<readonly [number, bigint]> = [];
  for (let off = 0; off < 4096; off += 8) {
    const w = view.getBigUint64(off, true);
    if (w !== 0n) out.push([off, w]);
  }
  return out;
}

export function snapshot(k: Kernel): RawState {
  const processes = [...k.procs].sort((a, b) => a.pid - b.pid).map(procState);
  return { processes, content: (frame: number) => frameWords(k, frame) };
}
