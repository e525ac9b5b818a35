// Programs replayed on the worker pool, never in the campaign's own thread: a seed, a
// corpus case or another instance's queue entry that hangs a target (or a 1 TiB
// populate) must not take the main thread with it, which has to answer signals and
// write checkpoints. A chunk that runs longer than the batch timeout (from when its
// worker starts it) is aborted; its program then running is reported as a hang and the
// rest of the chunk runs again without it.

import type { Piscina } from 'piscina';
import type { Program } from '../../abi/index.js';
import type { ReplayDone, Replayed, ReplayTask } from '../worker.js';

/** A program that gave no result within the timeout (a hang) or whose worker died (a crash). */
export interface Lost {
  readonly lost: 'hang' | 'crash';
  readonly why: string;
}
export type ReplayOutcome = Replayed | Lost;
export const isLost = (o: ReplayOutcome): o is Lost => 'lost' in o;

const CHUNK = 16;

export async function replayInPool(pool: Piscina, targets: string, progs: readonly Program[], timeoutMs: number): Promise<ReplayOutcome[]> {
  const out: ReplayOutcome[] = new Array(progs.length);
  const runChunk = async (idx: readonly number[]): Promise<void> => {
    if (!idx.length) return;
    const progress = new Int32Array(new SharedArrayBuffer(8));
    progress[0] = -1;
    const ac = new AbortController();
    let since: number | undefined;
    const watch = setInterval(() => {
      if (since === undefined && Atomics.load(progress, 1) === 1) since = Date.now();
      if (since !== undefined && Date.now() - since >= timeoutMs) ac.abort();
    }, Math.min(250, timeoutMs));
    const task: ReplayTask = { kind: 'replay', targets, progs: idx.map((i) => progs[i]), progress };
    try {
      const r = (await pool.run(task, { signal: ac.signal })) as ReplayDone;
      r.outcomes.forEach((o, k) => (out[idx[k]] = o));
    } catch (e) {
      const at = Math.max(0, Atomics.load(progress, 0));
      out[idx[at]] = ac.signal.aborted ? { lost: 'hang', why: `no result in ${timeoutMs} ms` } : { lost: 'crash', why: String((e as Error)?.message ?? e).split('\n')[0] };
      await runChunk(idx.filter((_, k) => k !== at));
    } finally {
      clearInterval(watch);
    }
  };
  const chunks: number[][] = [];
  for (let i = 0; i < progs.length; i += CHUNK) chunks.push(Array.from({ length: Math.min(CHUNK, progs.length - i) }, (_, k) => i + k));
  await Promise.all(chunks.map(runChunk));
  return out;
}
