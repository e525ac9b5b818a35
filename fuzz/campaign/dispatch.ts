// Batches in flight on the worker pool, merged strictly in batch order: batch i is
// dispatched exactly when batch i − window has merged (and the first window at the
// start), so the sample and known features it gets depend only on the seed, and a
// campaign replays exactly whatever the thread timing. A batch that runs too long (from
// when its worker starts it, not while it waits behind a minimization) is a hang, a
// worker that dies a crash: either becomes a one-program result holding
// the program it was running (named through a shared progress slot), and piscina
// replaces the worker.

import type { Piscina } from 'piscina';
import { print } from '../../abi/index.js';
import { batchPrograms } from '../batch.js';
import type { TargetPair } from '../pair.js';
import type { FuzzResult, FuzzTask } from '../worker.js';

export class BatchWindow {
  private readonly results = new Map<number, FuzzResult>();
  private readonly inflight = new Map<number, Promise<void>>();
  /** Batches in flight: their task, abort switch, and when the worker was first seen running them. */
  private readonly running = new Map<number, { readonly t: FuzzTask; readonly ac: AbortController; since?: number }>();
  /** The next batch to dispatch, and the next to merge. */
  next: number;
  merged: number;

  constructor(
    private readonly pool: Piscina,
    private readonly pair: TargetPair,
    private readonly window: number,
    private readonly timeoutMs: number,
    first: number,
  ) {
    this.next = first;
    this.merged = first;
  }

  get idle(): boolean {
    return this.inflight.size === 0 && !this.results.has(this.merged);
  }

  /** Dispatches what is due: batches below `total`, at most `window` ahead of the merged ones. */
  fill(total: number, task: (i: number) => FuzzTask): void {
    while (this.next < total && this.next < this.merged + this.window) this.dispatch(this.next++, task);
  }

  /** Waits until the next batch to merge is in, or `ms` pass; aborts the batches that ran too long. */
  async wait(ms: number): Promise<void> {
    this.watch();
    if (this.results.has(this.merged) || !this.inflight.size) return;
    await Promise.race([...this.inflight.values(), new Promise((r) => setTimeout(r, Math.min(ms, this.timeoutMs)))]);
    this.watch();
  }

  private watch(): void {
    const now = Date.now();
    for (const r of this.running.values()) {
      if (r.since === undefined && Atomics.load(r.t.progress!, 1) === 1) r.since = now;
      if (r.since !== undefined && now - r.since >= this.timeoutMs) r.ac.abort();
    }
  }

  /** The next batch's result in order, or undefined when it is not in yet. */
  take(): FuzzResult | undefined {
    const r = this.results.get(this.merged);
    if (r === undefined) return undefined;
    this.results.delete(this.merged);
    this.merged++;
    return r;
  }

  private dispatch(i: number, task: (i: number) => FuzzTask): void {
    const t = task(i);
    const ac = new AbortController();
    this.running.set(i, { t, ac });
    const p = (this.pool.run(t, { signal: ac.signal }) as Promise<FuzzResult>).then(
      (r) => void this.results.set(i, r),
      (e: unknown) => void this.results.set(i, this.lost(i, t, e)),
    );
    this.inflight.set(i, p);
    p.finally(() => {
      this.inflight.delete(i);
      this.running.delete(i);
    });
  }

  /** The result of a batch whose worker hung or died: its whole count ran, one bucket holds the program it was on. */
  private lost(i: number, t: FuzzTask, e: unknown): FuzzResult {
    const hang = (e as Error)?.name === 'AbortError' || /abort|timed? ?out/i.test(String((e as Error)?.message));
    const at = Atomics.load(t.progress!, 0);
    const prog = at >= 0 ? this.pair.adapt(batchPrograms(t)[at]) : undefined;
    const what = `batch ${i} (seed ${t.seed}) program ${at}: ${hang ? `no result in ${this.timeoutMs} ms` : String((e as Error)?.message ?? e)}`;
    return {
      kind: 'fuzz',
      ran: t.count,
      unsupported: 0,
      flaky: 0,
      newFeatures: [],
      hits: [],
      divergences: [{
        signature: hang ? 'hang' : 'worker crash', class: hang ? 'hang' : 'crash', op: null, detail: what, shows: what,
        prog: prog ?? { ops: [], trailer: [` ${what}`] }, ops: prog?.ops.length ?? 0, index: Math.max(0, at), count: 1,
      }],
    };
  }
}

/** The text of a lost batch's program, for its witness (printed as it is: it cannot be re-run here). */
export function lostText(f: { readonly prog: import('../../abi/index.js').Program; readonly detail: string }): string {
  return f.prog.ops.length ? print(f.prog) : `# mmdiff 1\n# ${f.detail}\n`;
}
