// Scale-out across processes and machines in the AFL++ convention: instances share
// a sync directory, each writing only below SYNC/NAME/ — its queue (programs that
// reached new features, as `.mm` cases) and its buckets (one case file per divergence
// signature) — and reading the others'. Only whole files appear (atomic rename), so any
// shared file system works; no locks. What others wrote is read defensively
// (shared-file.ts): a FIFO, a link, a directory named *.mm, a huge or malformed file is
// skipped and counted, never followed, never fatal.

import { existsSync, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse, ParseError, type Program } from '../../abi/index.js';
import { bareProgram } from '../seed.js';
import { QueueDir } from './queue-dir.js';
import { readShared } from './shared-file.js';

export interface SyncedBucket {
  readonly instance: string;
  readonly file: string;
  readonly signature: string;
  readonly class: string;
  readonly detail: string;
  readonly minimized: boolean;
  readonly ops: number;
}

export class SyncDir {
  readonly queueDir: string;
  readonly bucketDir: string;
  private seen = new Map<string, Set<string>>();
  private queue: QueueDir;
  /** Files skipped so far, with why (each reported once). */
  readonly skipped: string[] = [];
  private skippedSet = new Set<string>();

  constructor(
    readonly root: string,
    readonly instance: string,
    seen?: Readonly<Record<string, readonly string[]>>,
  ) {
    this.queueDir = join(root, instance, 'queue');
    this.bucketDir = join(root, instance, 'buckets');
    for (const [k, v] of Object.entries(seen ?? {})) this.seen.set(k, new Set(v));
    this.queue = new QueueDir(this.queueDir);
  }

  /** Publishes a queue entry: the program's text. */
  publish(text: string): void {
    this.queue.add(text);
  }

  private others(): string[] {
    if (!existsSync(this.root)) return [];
    return readdirSync(this.root, { withFileTypes: true })
      .filter((d) => d.isDirectory() && !d.isSymbolicLink() && d.name !== this.instance && !d.name.startsWith('.'))
      .map((d) => d.name)
      .sort();
  }

  private skip(file: string, why: string): void {
    if (this.skippedSet.has(file)) return;
    this.skippedSet.add(file);
    this.skipped.push(`${file}: ${why}`);
  }

  /** The `.mm` names in another instance's subdirectory (not followed if it is a link). */
  private listing(other: string, sub: string): string[] {
    const dir = join(this.root, other, sub);
    try {
      if (!lstatSync(dir).isDirectory()) return [];
      return readdirSync(dir).filter((f) => f.endsWith('.mm')).sort();
    } catch {
      return [];
    }
  }

  /** The other instances' queue entries not imported before. */
  importQueue(): Program[] {
    const out: Program[] = [];
    for (const other of this.others()) {
      let seen = this.seen.get(other);
      if (!seen) this.seen.set(other, (seen = new Set()));
      for (const name of this.listing(other, 'queue')) {
        if (seen.has(name)) continue;
        seen.add(name);
        const file = join(this.root, other, 'queue', name);
        const r = readShared(file);
        if ('skip' in r) {
          this.skip(file, r.skip);
          continue;
        }
        try {
          const p = parse(r.text);
          if (p.ops.length) out.push(bareProgram(p));
        } catch (e) {
          this.skip(file, e instanceof ParseError ? e.format(file).slice(file.length + 1) : 'not a case');
        }
      }
    }
    return out;
  }

  /** Every bucket the other instances have written (re-read each time: they get minimized later). */
  otherBuckets(): SyncedBucket[] {
    const out: SyncedBucket[] = [];
    for (const other of this.others()) {
      for (const name of this.listing(other, 'buckets')) {
        const file = join(this.root, other, 'buckets', name);
        const r = readShared(file);
        if ('skip' in r) {
          this.skip(file, r.skip);
          continue;
        }
        const b = bucketHeader(r.text, file, other);
        if (b) out.push(b);
        else this.skip(file, 'no `# divergence:` header');
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
export function bucketHeader(text: string, file: string, instance: string): SyncedBucket | null {
  const field = (k: string) => new RegExp(`^# ${k}: (.*)$`, 'm').exec(text)?.[1];
  const signature = field('divergence');
  if (!signature) return null;
  const ops = text.split('\n').filter((l) => l.trim() && !l.startsWith('#')).length;
  return { instance, file, signature, class: field('class') ?? 'unknown', detail: field('detail') ?? '', minimized: field('minimized') !== undefined, ops };
}
