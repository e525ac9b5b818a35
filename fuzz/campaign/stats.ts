// OUT/fuzzer_stats (and SYNC/NAME/fuzzer_stats): the campaign's state in AFL++'s
// `key : value` format, so the tools people already run on a fuzzing farm work on
// mmdiff instances — afl-whatsup (which looks for SYNC/*/fuzzer_stats), dashboards
// that read the same keys. Rewritten whole (atomic rename) at every progress tick.
//
// afl-whatsup turns each line into a shell assignment (`key="value"`) and sources it,
// then does integer arithmetic on the numbers: so every key it reads is written, as a
// plain integer where it computes (a missing or zero divisor stops the script), and no
// value can carry a quote, `$`, a backquote or a newline (it would be run as shell).

import { MMDIFF_VERSION } from '../version.js';

export interface StatsInput {
  /** Unix ms: when the campaign started, its earlier (resumed) runs included. */
  readonly startMs: number;
  readonly nowMs: number;
  /** Campaign time so far, earlier runs included. */
  readonly elapsedMs: number;
  readonly pid: number;
  readonly programs: number;
  /** Programs/s: the average of this run, and over the last minute. */
  readonly rate: number;
  readonly lastMinuteRate: number;
  readonly corpus: number;
  readonly features: number;
  /** Model rules reached and known, when the model is a target. */
  readonly rules?: { readonly reached: number; readonly known: number };
  /** This instance's buckets (imported ones are the other instance's to count), and those that are hangs. */
  readonly buckets: number;
  readonly hangs: number;
  /** Unix ms of the last new feature, bucket and hang bucket; 0 for none. */
  readonly lastFindMs: number;
  readonly lastCrashMs: number;
  readonly lastHangMs: number;
  /** Programs run since the last new bucket. */
  readonly programsSinceCrash: number;
  /** Milliseconds a program may take: the batch timeout shared by the programs of a batch. */
  readonly execTimeoutMs: number;
  readonly peakRssMb: number;
  readonly unsupported: number;
  readonly flaky: number;
  readonly banner: string;
  readonly targets: string;
  readonly commandLine: string;
}

/** A value as a shell-sourced line can hold it: printable, no quote, `$`, backquote or backslash. */
export function statValue(v: string | number): string {
  return String(v)
    .replace(/[\p{C}\u2028\u2029]/gu, ' ')
    .replace(/["$`\\]/g, '_')
    .slice(0, 4096);
}

const secs = (ms: number) => Math.floor(ms / 1000);

/** How many of the model's rules (fuzz/census.ts modelRules) the features reach; `rule+pkey` is its rule. */
export function rulesReached(features: Iterable<string>, known: ReadonlySet<string>): number {
  const reached = new Set<string>();
  for (const f of features) {
    const rule = f.replace(/\+(pkey|shstk)$/, '');
    if (known.has(rule)) reached.add(rule);
  }
  return reached.size;
}

export function fuzzerStats(x: StatsInput): string {
  const pct = (n: number, d: number) => `${(d > 0 ? (100 * n) / d : 0).toFixed(2)}%`;
  const fields: Array<[string, string | number]> = [
    ['start_time', secs(x.startMs)],
    ['last_update', secs(x.nowMs)],
    ['run_time', secs(x.elapsedMs)],
    ['fuzzer_pid', x.pid],
    // mmdiff samples its queue by rarity instead of cycling through it: no cycles to count
    ['cycles_done', 0],
    ['execs_done', x.programs],
    ['execs_per_sec', x.rate.toFixed(2)],
    ['execs_ps_last_min', x.lastMinuteRate.toFixed(2)],
    // afl-whatsup divides by corpus_count: at least 1 (a --blind campaign keeps no queue)
    ['corpus_count', Math.max(1, x.corpus)],
    // no favoured or pending entries, no current entry: the queue is sampled, not walked
    ['cur_item', 0],
    ['pending_favs', 0],
    ['pending_total', 0],
    // coverage: the model's rules reached among those its source names (mmdiff census);
    // without the model as a target there is no such measure, and 0% would be a false one
    ['bitmap_cvg', x.rules ? pct(x.rules.reached, x.rules.known) : 'n/a'],
    // every bucket is a saved case (a divergence is mmdiff's crash); hangs are buckets too
    ['saved_crashes', x.buckets],
    ['saved_hangs', x.hangs],
    ['last_find', secs(x.lastFindMs)],
    ['last_crash', secs(x.lastCrashMs)],
    ['last_hang', secs(x.lastHangMs)],
    ['execs_since_crash', x.programsSinceCrash],
    ['exec_timeout', Math.max(1, Math.round(x.execTimeoutMs))],
    ['peak_rss_mb', x.peakRssMb],
    // the model's rules are its edges; without the model, every feature counts and there is no total
    ...((x.rules ? [['edges_found', x.rules.reached], ['total_edges', x.rules.known]] : [['edges_found', x.features]]) as Array<[string, number]>),
    // mmdiff's own: programs with no verdict (a target could not run them) and divergences that did not reproduce
    ['unsupported_execs', x.unsupported],
    ['flaky_execs', x.flaky],
    ['afl_banner', x.banner],
    ['afl_version', `mmdiff-${MMDIFF_VERSION}`],
    ['target_mode', `differential ${x.targets}`],
    ['command_line', x.commandLine],
  ];
  return fields.map(([k, v]) => `${k.padEnd(17)} : ${statValue(v)}`).join('\n') + '\n';
}
