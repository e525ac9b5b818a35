// The campaign's buckets: one per cause. A divergence's signature names its cause
// (fuzz/cause.ts); when one cause still shows under two signatures — a madvise that
// stops at a hole gives `-EPERM/-ENOMEM` with an mseal in front and a state difference
// without it — the minimized witness tells: with one op removed it shows, at the same
// op, the other bucket's signature. Such a bucket is folded into the other as an alias:
// its count is added, later hits of its signature count there, its witness moves to
// CORPUS/aliases/ (kept, never lost), and the summary lists it under the bucket.

import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Bucket } from './types.js';

export class Buckets {
  private readonly byKey = new Map<string, Bucket>();
  /** Alias signature -> the signature of the bucket it was folded into. */
  private readonly alias = new Map<string, string>();

  constructor(initial: Iterable<Bucket> = []) {
    for (const b of initial) {
      this.byKey.set(b.signature, b);
      for (const a of b.aliases ?? []) this.alias.set(a.signature, b.signature);
    }
  }

  /** The bucket a signature belongs to (its own, or the one it was folded into). */
  get(signature: string): Bucket | undefined {
    return this.byKey.get(this.alias.get(signature) ?? signature);
  }

  /**
   * The bucket of a divergence with a second key (both targets failed differently, or a
   * failed op's partial work): its signature's, else that of the bucket named by the second
   * key or with the same second key, to which the signature is then an alias.
   */
  getEither(signature: string, also: string | undefined, firstAt: number): Bucket | undefined {
    const own = this.get(signature);
    if (own || also === undefined) return own;
    const b = this.get(also) ?? this.values().find((x) => x.also === also && !x.fromCorpus && !x.importedFrom);
    if (b?.fromCorpus || b?.importedFrom) return undefined;
    if (!b) return undefined;
    b.aliases = [...(b.aliases ?? []), { signature, count: 0, firstAt }];
    this.alias.set(signature, b.signature);
    return b;
  }

  has(signature: string): boolean {
    return this.get(signature) !== undefined;
  }

  get size(): number {
    return this.byKey.size;
  }

  values(): Bucket[] {
    return [...this.byKey.values()];
  }

  /** Adds a new bucket; existing buckets whose witness reduces to its signature are folded into it. */
  add(b: Bucket): Bucket[] {
    this.byKey.set(b.signature, b);
    const folded: Bucket[] = [];
    for (const x of this.byKey.values()) {
      if (x !== b && x.reductions?.includes(b.signature) && this.fold(x, b)) folded.push(x);
    }
    return folded;
  }

  /** A bucket's minimization ended: it is folded into a known bucket its witness reduces to, if any (returned). */
  reduced(b: Bucket, reductions: readonly string[]): Bucket | null {
    b.reductions = [...reductions];
    for (const r of reductions) {
      const into = this.get(r);
      if (into && into !== b && this.fold(b, into)) return into;
    }
    return null;
  }

  /** Folds `from` into `into`; buckets from the corpus or other instances stay as they are. */
  private fold(from: Bucket, into: Bucket): boolean {
    if (from.fromCorpus || from.importedFrom || !this.byKey.has(from.signature)) return false;
    this.byKey.delete(from.signature);
    const file = moveToAliases(from.file);
    into.count += from.count;
    into.aliases = [...(into.aliases ?? []), { signature: from.signature, count: from.count, firstAt: from.firstAt, ...(file ? { file } : {}) }, ...(from.aliases ?? [])];
    if (from.firstAt < into.firstAt) {
      into.firstAt = from.firstAt;
      into.firstMs = from.firstMs;
    }
    for (const a of into.aliases) this.alias.set(a.signature, into.signature);
    return true;
  }
}

/** CORPUS/x.mm -> CORPUS/aliases/x.mm (null when the file is gone). */
function moveToAliases(file: string): string | null {
  if (!file || !existsSync(file)) return null;
  const to = join(dirname(file), 'aliases', basename(file));
  try {
    mkdirSync(dirname(to), { recursive: true });
    renameSync(file, to);
    return to;
  } catch {
    return file;
  }
}
