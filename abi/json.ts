// The JSON form of a trace (`mmdiff run --json`): addresses as 0x strings, results
// printed exactly as `.mm` expectations.

import { OPS } from './ops.js';
import type { Program } from './program.js';
import { formatResult } from './result.js';
import { pteText } from './compare.js';
import type { Trace } from './trace.js';
import { hex } from './values.js';
import { protString, vmFlagNames } from './vmflags.js';

export function traceToJSON(t: Trace, prog: Program): unknown {
  return {
    results: t.results.map((r, i) => formatResult(r, OPS[prog.ops[i].name].returns)),
    ...(t.crash ? { crash: t.crash } : {}),
    state: {
      processes: t.state.processes.map((p) => ({
        pid: p.pid,
        alive: p.alive,
        brk: hex(p.brk),
        pkru: hex(BigInt(p.pkru)),
        pkeys: hex(BigInt(p.pkeys)),
        ssp: hex(p.ssp),
        shstk: p.shstk,
        vmas: p.vmas.map((v) => ({
          start: hex(v.start),
          end: hex(v.end),
          prot: protString(v.prot),
          flags: vmFlagNames(v.flags),
          pkey: v.pkey,
        })),
        ptes: p.ptes.map((e) => ({
          addr: hex(e.addr),
          pte: hex(e.bits),
          bits: pteText(e).replace(/ frame=.*$/, ''),
          frame: e.frame,
          ...(e.guard ? { guard: true } : {}),
        })),
      })),
      contents: t.state.contents.map((c) => ({
        frame: c.frame,
        words: c.words.map(([off, v]) => [hex(BigInt(off)), hex(v)]),
      })),
    },
  };
}
