// The campaign's vocabulary: its options, its buckets, the progress snapshots and the
// summary it ends with. Kept apart from the code so checkpoint, sync and report can
// import the types without importing the campaign.

import type { OpName } from '../../abi/index.js';

export interface CampaignOptions {
  readonly targets: string;
  readonly workers: number;
  readonly seed: number;
  /** Stop after this many milliseconds (wall clock) ... */
  readonly durationMs?: number;
  /** ... or after this many programs. */
  readonly runs?: number;
  readonly corpusDir: string;
  readonly outDir: string;
  readonly maxOps: number;
  readonly batchSize: number;
  readonly exclude?: readonly OpName[];
  /** A batch that takes longer than this is a hang. */
  readonly batchTimeoutMs: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (s: Snapshot) => void;
  /** Told of every new bucket as it is found. */
  readonly onBucket?: (b: Bucket) => void;
  /** Stop at the first bucket (smoke), or at the first the predicate accepts (bench/bugs.ts: one the bug caused). */
  readonly stopOnDivergence?: boolean | ((b: Bucket) => boolean);
  /** Bound of the in-memory corpus (campaign/queue.ts has the eviction rule). */
  readonly maxCorpus?: number;
  /** Read-only seed corpora: their `.mm` cases join the queue at the start. */
  readonly seedDirs?: readonly string[];
  /** No feedback at all: every program freshly generated (the baseline of bench/bugs.ts). */
  readonly blind?: boolean;
  /** AFL++-style sync directory shared with other instances, and this instance's name in it. */
  readonly syncDir?: string;
  readonly instance?: string;
  readonly syncIntervalMs?: number;
  readonly checkpointMs?: number;
  /** A minimization that takes longer is abandoned (the unminimized witness stays). */
  readonly minimizeTimeoutMs?: number;
  /** One-line messages: resuming, imports. */
  readonly onNotice?: (line: string) => void;
}

/** Another signature of a bucket's cause, folded into it (campaign/buckets.ts). */
export interface Alias {
  readonly signature: string;
  readonly count: number;
  /** Programs run before it was first seen. */
  readonly firstAt: number;
  readonly file?: string;
}

export interface Bucket {
  readonly signature: string;
  readonly class: string;
  count: number;
  /** Programs run up to and including the first program that showed it. */
  firstAt: number;
  firstMs: number;
  detail: string;
  /** The first difference with its values (`pte.frame 1/0 (p0 0x7ffff7ffe000)`). */
  shows?: string;
  /** The rule the reference target took at the cause op. */
  rule?: string;
  /** What the whole run showed later, when it was another difference. */
  later?: string;
  /** The second key of a divergence both targets failed differently (a divergence with either key counts here). */
  also?: string;
  witness: string;
  witnessOps: number;
  op: number | null;
  file: string;
  minimized?: { readonly opsBefore: number; readonly opsAfter: number; readonly tests: number; readonly ms: number };
  /** Signatures its minimized witness shows at the same op with one op removed. */
  reductions?: string[];
  /** Other signatures of the same cause, folded into this bucket. */
  aliases?: Alias[];
  /** Found when re-running the corpus at start (not new in this campaign). */
  readonly fromCorpus?: boolean;
  /** Found by another instance of the sync directory (its file is in that instance's buckets). */
  importedFrom?: string;
  /** Minimized by another instance, so not minimized here. */
  minimizedBy?: string;
}

export interface Snapshot {
  /** Campaign time: a resumed campaign's earlier runs included. */
  readonly elapsedMs: number;
  /** When the campaign ends on the elapsedMs clock (a resumed campaign's earlier runs included). */
  readonly durationMs?: number;
  readonly programs: number;
  /** Where the campaign stops on the programs count (a resumed campaign's earlier programs included). */
  readonly runs?: number;
  readonly features: number;
  readonly buckets: number;
  readonly minimized: number;
  readonly corpus: number;
  /** Programs/s, the average of this run (since it started or resumed). */
  readonly rate: number;
  /** Programs/s over about the last 10 s (absent in checkpoints of older versions). */
  readonly recentRate?: number;
  /** Programs one target could not run (no verdict). */
  readonly unsupported?: number;
  /** Time since the last new feature and the last new bucket this campaign found; absent when none yet. */
  readonly sinceFeatureMs?: number;
  readonly sinceBucketMs?: number;
  /** Resident set size of the campaign process (all worker threads), bytes. */
  readonly rss: number;
}

export interface Summary {
  readonly settings: Record<string, unknown>;
  readonly stopped: 'done' | 'interrupted';
  readonly programs: number;
  /** Programs one target could not run (e.g. an op the kernel lacks): no verdict. */
  readonly unsupported: number;
  /** Divergences of a nondeterministic target that did not reproduce in 3 of 5 runs. */
  readonly flaky: number;
  readonly elapsedMs: number;
  readonly features: string[];
  readonly timeline: Snapshot[];
  readonly buckets: Bucket[];
  readonly corpusRetriage: Array<{ file: string; status: string }>;
  /** Per op name: ops run and programs that first diverged at one (this run's batches; a resumed campaign's earlier runs are not counted). */
  readonly ops?: Readonly<Record<string, { readonly ran: number; readonly diverged: number }>>;
  /** Set when the campaign continued a checkpoint: what the earlier runs had done. */
  readonly resumed?: { readonly programs: number; readonly elapsedMs: number; readonly batches: number };
}
