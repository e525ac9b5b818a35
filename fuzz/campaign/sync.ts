// Scale-out across processes and machines in the AFL++ convention: instances share
// a sync directory, each writing only below SYNC/NAME/ — its queue (programs that
// reached new features) and its buckets (one case file per divergence signature) —
// and reading the others'. Only whole files appear (atomic rename), so any shared
// file system works; no locks.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Recipe } from '../arbitrary/program.js';
import { writeFileAtomic } from '../casefile.js';

export interface SyncedBucket {
  readonly instance: string;
  readonly file: string;
  readonly signature: string;
  readonly class: string;
  readonly detail: string;
  readonly minimized: boolean;
  readonly ops: number;
}

const RECIPE_LINE = '# recipe ';

export class SyncDir {
  readonly queueDir: string;
  readonly bucketDir: string;
  private seen = new Map<string, Set<string>>();
  private nextId = 0;

  constructor(
    readonly root: string,
    readonly instance: string,
    seen?: Readonly<Record<string, readonly string[]>>,
  ) {
    this.queueDir = join(root, instance, 'queue');
    this.bucketDir = join(root, instance, 'buckets');
    for (const [k, v] of Object.entries(seen ?? {})) this.seen.set(k, new Set(v));
    if (existsSync(this.queueDir)) this.nextId = readdirSync(this.queueDir).filter((f) => f.endsWith('.mm')).length;
  }

  /** Publishes a queue entry: a readable program with its recipes on a comment line. */
  publish(recipes: readonly Recipe[], text: string): void {
    const name = `id-${String(this.nextId++).padStart(6, '0')}.mm`;
    writeFileAtomic(join(this.queueDir, name), `${RECIPE_LINE}${JSON.stringify(recipes)}\n${text}`);
  }

  private others(): string[] {
    if (!existsSync(this.root)) return [];
    return readdirSync(this.root, { withFileTypes: true })
      .filter((d) => d.isDirectory() && d.name !== this.instance && !d.name.startsWith('.'))
      .map((d) => d.name)
      .sort();
  }

  /** The other instances' queue entries not imported before. */
  importQueue(): Recipe[][] {
    const out: Recipe[][] = [];
    for (const other of this.others()) {
      const dir = join(this.root, other, 'queue');
      if (!existsSync(dir)) continue;
      let seen = this.seen.get(other);
      if (!seen) this.seen.set(other, (seen = new Set()));
      for (const name of readdirSync(dir).filter((f) => f.endsWith('.mm')).sort()) {
        if (seen.has(name)) continue;
        seen.add(name);
        const first = readFileSync(join(dir, name), 'utf8').split('\n', 1)[0];
        if (!first.startsWith(RECIPE_LINE)) continue;
        try {
          const r = JSON.parse(first.slice(RECIPE_LINE.length)) as Recipe[];
          if (Array.isArray(r) && r.length) out.push(r);
        } catch {
          // a file from another tool or version: not ours to mutate
        }
      }
    }
    return out;
  }

  /** Every bucket the other instances have written (re-read each time: they get minimized later). */
  otherBuckets(): SyncedBucket[] {
    const out: SyncedBucket[] = [];
    for (const other of this.others()) {
      const dir = join(this.root, other, 'buckets');
      if (!existsSync(dir)) continue;
      for (const name of readdirSync(dir).filter((f) => f.endsWith('.mm')).sort()) {
        const file = join(dir, name);
        const b = readBucketHeader(file, other);
        if (b) out.push(b);
      }
    }
    return out;
  }

  /** The instance that has already minimized this signature, or null. */
  minimizedElsewhere(signature: string): string | null {
    return this.otherBuckets().find((b) => b.signature === signature && b.minimized)?.instance ?? null;
  }

  /** What to store in a checkpoint. */
  seenFiles(): Record<string, string[]> {
    return Object.fromEntries([...this.seen].map(([k, v]) => [k, [...v]]));
  }
}

/** The header fields casefile.ts writes: `# divergence: SIG`, `# class: C`, `# detail: D`, `# minimized: a -> b ops`. */
export function readBucketHeader(file: string, instance: string): SyncedBucket | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const field = (k: string) => new RegExp(`^# ${k}: (.*)$`, 'm').exec(text)?.[1];
  const signature = field('divergence');
  if (!signature) return null;
  const ops = text.split('\n').filter((l) => l.trim() && !l.startsWith('#')).length;
  return { instance, file, signature, class: field('class') ?? 'unknown', detail: field('detail') ?? '', minimized: field('minimized') !== undefined, ops };
}
