// The start of a campaign: the corpus directory is re-run (its buckets known again, a
// witness a kill left unminimized minimized again, its programs seeds), then the seed
// corpora join the queue. A resumed campaign keeps its checkpoint's queue and features.

import { existsSync, readFileSync } from 'node:fs';
import { print, type Program } from '../../abi/index.js';
import { findCases, loadProgram } from '../load.js';
import type { Seed } from '../seed.js';
import type { Replayed } from '../worker.js';
import type { Buckets } from './buckets.js';
import type { Checkpoint } from './checkpoint.js';
import type { CorpusQueue } from './queue.js';
import { readSeedPrograms } from './seeds.js';
import type { Bucket, Summary } from './types.js';

export interface StartContext {
  readonly corpusDir: string;
  readonly seedDirs: readonly string[];
  readonly blind: boolean;
  readonly cp: Checkpoint | null;
  readonly seed: number;
  readonly buckets: Buckets;
  readonly queue: CorpusQueue;
  readonly corpusRetriage: Summary['corpusRetriage'];
  /** Runs programs on the pool; null for one that hung or killed its worker. */
  readonly replay: (progs: readonly Program[]) => Promise<Array<Replayed | null>>;
  readonly addFeatures: (fs: Iterable<string>) => boolean;
  readonly enqueue: (s: Seed) => void;
  readonly minimize: (b: Bucket) => void;
  readonly notice: (line: string) => void;
}

/** A case file this campaign (its seed) wrote as a witness and never replaced by a minimized one. */
function unminimizedWitnessOf(file: string, seed: number): boolean {
  try {
    const text = readFileSync(file, 'utf8');
    return new RegExp(`^# seed: ${seed}$`, 'm').test(text) && /^# divergence: /m.test(text) && !/^# minimized: /m.test(text);
  } catch {
    return false;
  }
}

const seedOf = (prog: Program, r: Replayed): Seed => ({ prog, known: r.known, features: r.features });

export async function startCorpus(c: StartContext): Promise<void> {
  const { cp } = c;
  const known: Program[] = [];
  if (existsSync(c.corpusDir)) {
    const files: string[] = [];
    const progs: Program[] = [];
    for (const file of findCases(c.corpusDir)) {
      try {
        progs.push(loadProgram(file).prog);
        files.push(file);
      } catch (e) {
        c.corpusRetriage.push({ file, status: `unreadable: ${(e as Error).message}` });
      }
    }
    for (const [i, out] of (await c.replay(progs)).entries()) {
      const file = files[i];
      if (!out) {
        c.corpusRetriage.push({ file, status: 'lost: the replay hung or killed its worker' });
        continue;
      }
      // a resumed campaign's features are the checkpoint's: its batches are told what
      // the batches of the campaign never stopped were told
      if (!cp) c.addFeatures(out.features);
      const d = out.divergence;
      if (d && !c.buckets.has(d.signature)) {
        // a witness this campaign wrote after its last checkpoint (a kill -9 in the window)
        // is its own bucket, still to be minimized; anything else in the directory came from outside
        const own = cp !== null && unminimizedWitnessOf(file, c.seed);
        const b: Bucket = { signature: d.signature, class: d.class, count: own ? 1 : 0, firstAt: own ? cp!.programs : 0, firstMs: 0, detail: d.detail, shows: d.shows, witness: own ? print(progs[i]) : '', witnessOps: progs[i].ops.length, op: d.op, file, ...(own ? {} : { fromCorpus: true }), ...(d.rule ? { rule: d.rule } : {}) };
        c.buckets.add(b);
        if (own) {
          c.notice(`re-minimizing ${d.signature}: its witness was written after the last checkpoint`);
          c.minimize(b);
        }
      }
      c.corpusRetriage.push({ file, status: d ? `diverges: ${d.signature}` : out.unsupported ? `not run: ${out.unsupported}` : 'agrees' });
      if (!out.unsupported) known.push(progs[i]);
    }
  }
  if (cp || c.blind) return;
  const progs = [...readSeedPrograms(c.seedDirs, c.notice), ...known];
  const seeds: Seed[] = [];
  for (const [i, r] of (await c.replay(progs)).entries()) if (r && !r.unsupported) seeds.push(seedOf(progs[i], r));
  for (const s of seeds) {
    c.addFeatures(s.features ?? []);
    c.enqueue(s);
  }
  c.queue.countHits(seeds.flatMap((s) => (s.features ?? []).map((f) => [f, 1] as const)));
}
