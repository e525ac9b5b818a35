// A queue entry: a program that reached something new, with what its run showed — the
// end state (VMA bounds, binding values: mutation puts arguments on VMA edges and keeps
// references valid when it removes ops) and the features it reached (rarity-weighted
// scheduling). Seeds come from the campaign's own finds, other instances' queues, `.mm`
// cases (the semantic suite, minimized witnesses) and the corpus directory. Checkpoints
// and sync directories keep them as `.mm` text.

import { parse, print, registerValue, type Op, type Program, type Trace } from '../abi/index.js';
import type { KnownState } from './gen/context.js';

export interface Seed {
  readonly prog: Program;
  readonly known?: KnownState;
  readonly features?: readonly string[];
}

/** What a run of `prog` showed (the reference target's trace). */
export function knownOf(prog: Program, t: Trace): KnownState {
  const values = new Map<number, bigint>();
  t.results.forEach((r, i) => {
    const b = prog.ops[i]?.bind;
    if (b !== undefined) values.set(b, registerValue(r));
  });
  const vmas: Array<readonly [bigint, bigint]> = [];
  for (const p of t.state.processes) if (p.alive) for (const v of p.vmas) vmas.push([v.start, v.end]);
  vmas.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { vmas, values };
}

/** A program as a seed: without expectations, comments and trailer (they describe another run). */
export function bareProgram(p: Program): Program {
  const ops = p.ops.map((o): Op => {
    const { expect: _e, lead: _l, note: _n, ...rest } = o;
    return rest;
  });
  return p.machine ? { ops, machine: p.machine } : { ops };
}

/** A seed in a checkpoint: the program's text, the state as hex, the features. */
export interface StoredSeed {
  readonly text: string;
  readonly vmas?: ReadonlyArray<readonly [string, string]>;
  readonly values?: ReadonlyArray<readonly [number, string]>;
  readonly features?: readonly string[];
}

const hex = (v: bigint) => '0x' + v.toString(16);

export function storeSeed(s: Seed): StoredSeed {
  return {
    text: print(s.prog),
    ...(s.known ? { vmas: s.known.vmas.map(([a, b]) => [hex(a), hex(b)] as const), values: [...s.known.values].map(([k, v]) => [k, hex(v)] as const) } : {}),
    ...(s.features ? { features: s.features } : {}),
  };
}

/** The seed back; throws on a program that does not parse (a checkpoint of another version). */
export function loadSeed(s: StoredSeed): Seed {
  const prog = parse(s.text);
  const known = s.vmas && s.values ? { vmas: s.vmas.map(([a, b]) => [BigInt(a), BigInt(b)] as const), values: new Map(s.values.map(([k, v]) => [k, BigInt(v)])) } : undefined;
  return { prog, ...(known ? { known } : {}), ...(s.features ? { features: s.features } : {}) };
}
