// A bucket's witness on disk: written as soon as the bucket is new (with the reference
// target's results as expectations and a header saying what made it diverge), then
// minimized on the worker pool and written again in its minimized form. Minimizations
// run beside the campaign; settle() waits for them at its end.

import type { Piscina } from 'piscina';
import { parse } from '../../abi/index.js';
import { caseText, withExpectations, writeFileAtomic } from '../casefile.js';
import type { TargetPair } from '../pair.js';
import type { MinimizeDone, MinimizeTask } from '../worker.js';
import type { Buckets } from './buckets.js';
import type { SyncDir } from './sync.js';
import type { Bucket } from './types.js';

export interface WitnessContext {
  readonly targets: string;
  readonly seed: number;
  /** The impl bugs switched on (MMDIFF_INJECT) and the host: in every case header. */
  readonly inject: readonly string[];
  readonly host: string;
  readonly pair: TargetPair;
  readonly pool: Piscina;
  readonly buckets: Buckets;
  readonly sync?: SyncDir;
  readonly minimizeTimeoutMs: number;
  readonly notice: (line: string) => void;
  /** Runs a write of the campaign's own files (a failure stops the campaign with one line). */
  readonly guardWrite: (path: string, write: () => void) => void;
}

export class Witnesses {
  private readonly minimizing = new Set<Promise<void>>();

  constructor(private readonly c: WitnessContext) {}

  /** run: false for a program that cannot be re-run safely here (a hang, a dead worker). */
  async write(b: Bucket, text: string, found: number | undefined, run = true): Promise<void> {
    const { c } = this;
    const header = { signature: b.signature, class: b.class, targets: c.targets, detail: b.detail, seed: c.seed, found: new Date().toISOString(), ...(found !== undefined ? { opsBefore: found } : {}), inject: c.inject, host: c.host };
    try {
      const prog = parse(text);
      writeFileAtomic(b.file, caseText(run ? withExpectations(prog, await c.pair.a.run(c.pair.adapt(prog))) : prog, header));
    } catch (e) {
      // a witness the format cannot hold is a bug of the generator, not the end of the
      // campaign: keep it as it is, commented, so nothing found is lost
      const why = (e instanceof Error ? e.message : String(e)).split('\n')[0];
      const lines = [`# mmdiff 1`, `# divergence: ${b.signature}`, `# class: ${b.class}`, ...(c.inject.length ? [`# variant: MMDIFF_INJECT=${c.inject.join(',')}`] : []), `# host: ${c.host}`, `# unreadable witness (${why}):`, ...text.split('\n').map((l) => `#   ${l}`)];
      c.guardWrite(b.file, () => writeFileAtomic(b.file, lines.join('\n') + '\n'));
    }
  }

  /** Minimizes the bucket's witness on the pool (not when another instance did already). */
  minimize(b: Bucket): void {
    const { c } = this;
    const other = c.sync?.minimizedElsewhere(b.signature);
    if (other) {
      b.minimizedBy = other;
      return;
    }
    const t0 = Date.now();
    const task: MinimizeTask = { kind: 'minimize', targets: c.targets, text: b.witness, signature: b.signature, op: b.op };
    const p = (c.pool.run(task, { signal: AbortSignal.timeout(c.minimizeTimeoutMs) }) as Promise<MinimizeDone>).then(
      async (r) => {
        b.minimized = { opsBefore: r.opsBefore, opsAfter: r.opsAfter, tests: r.tests, ms: Date.now() - t0 };
        if (r.detail) b.detail = r.detail;
        b.witness = r.text;
        await this.write(b, r.text, r.opsBefore);
        // the same cause under another signature: folded into the bucket it reduces to
        const into = c.buckets.reduced(b, r.reductions);
        if (into) c.notice(`bucket ${b.signature} is ${into.signature} (its witness with one op less shows it): folded`);
      },
      (e: unknown) => {
        // timed out or the worker died: the unminimized witness is already on disk
        c.notice(`minimizing ${b.signature} ended early (${String((e as Error)?.message ?? e).split('\n')[0]}): its witness stays unminimized`);
      },
    );
    this.minimizing.add(p);
    p.finally(() => this.minimizing.delete(p));
  }

  /** Waits for the minimizations still running; interrupted, for at most 2 s. */
  async settle(interrupted: boolean): Promise<void> {
    const all = Promise.allSettled([...this.minimizing]);
    await (interrupted ? Promise.race([all, new Promise((r) => setTimeout(r, 2000))]) : all);
  }
}
