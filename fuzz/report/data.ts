// Everything the report shows, gathered before any HTML is written: the summary, and
// per bucket its case file's text, a fresh re-run on both targets and the command
// that reproduces it. Rendering then cannot fail halfway for want of a file.

import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse, type Program } from '../../abi/index.js';
import type { Bucket, Summary } from '../campaign.js';
import { caseOrigin } from '../casefile.js';
import { loadProgram } from '../load.js';
import type { TargetPair } from '../pair.js';
import { chooseInject, openVariantPair, runsImpl } from '../variant.js';
import { batchPrograms } from '../batch.js';
import { census, modelRules, type Census } from '../census.js';
import { FIXED_MACHINE } from '../gen/machine.js';
import { coverageOf, type Coverage } from './coverage.js';
import { shellWords } from './shell.js';
import { readSummary } from './summary.js';
import { rerun, type Rerun } from './traces.js';

export interface BucketReport {
  /** The id of its section, for the index's links. */
  readonly anchor: string;
  readonly bucket: Bucket;
  /** The case file as found on disk, or null when it is gone. */
  readonly caseFile: string | null;
  /** The program shown: the case file's text, else the witness kept in the summary. */
  readonly caseText: string;
  readonly rerun: Rerun;
  /** The impl bugs its re-run had switched on: its case header's, else the campaign's. */
  readonly injected: string;
  readonly reproCommand: string;
}

export interface ReportData {
  readonly dir: string;
  readonly summary: Summary;
  readonly targets: readonly [string, string];
  /** The impl bugs (MMDIFF_INJECT) the campaign ran with, as summary.json records them: the re-runs have them switched on. */
  readonly injected: string;
  /** The host the campaign ran on, as summary.json records it (empty for older summaries). */
  readonly host: string;
  readonly generatedAt: string;
  readonly buckets: readonly BucketReport[];
  /** The command that runs the same campaign again. */
  readonly campaignCommand: string;
  /** What the campaign reached: model rules per family, ops run and divergences per op. */
  readonly coverage: Coverage;
  /** What the generator covers (a fresh sample of its programs), and the model rules the campaign itself never reached. */
  readonly census: { readonly sample: Census; readonly unreached: readonly string[] } | null;
}

/** 2,000 freshly generated programs of the campaign's seed and settings, and the rules the campaign's features lack. */
function campaignCensus(s: Summary, pair: TargetPair | string): ReportData['census'] {
  if (!String(s.settings.targets).split(',').includes('model')) return null;
  const sample = census(batchPrograms({
    seed: Number(s.settings.seed ?? 1), count: 2000, maxOps: Number(s.settings.maxOps ?? 32), corpus: [],
    space: typeof pair === 'string' ? FIXED_MACHINE : pair.machineSpace(), layout: typeof pair === 'string' ? {} : pair.fixedLayout,
  }));
  const reached = new Set(s.features.map((f) => f.replace(/\+(pkey|shstk)$/, '')));
  return { sample, unreached: modelRules().filter((r) => !reached.has(r)) };
}

/** The case where the campaign wrote it, else in DIR/corpus (a report made from another working directory). */
function findCaseFile(dir: string, b: Bucket): string | null {
  for (const f of [b.file, join(dir, 'corpus', basename(b.file))]) if (f && existsSync(f)) return f;
  return null;
}

function envPrefix(injected: string): string[] {
  return injected ? [`MMDIFF_INJECT=${injected}`] : [];
}

function campaignCommand(s: Summary, injected: string): string {
  const o = s.settings;
  const words = [...envPrefix(injected), 'npx', 'mmdiff', 'fuzz', '--targets', String(o.targets)];
  if (o.seed !== undefined) words.push('--seed', String(o.seed));
  if (o.runs !== undefined) words.push('--runs', String(o.runs));
  else if (typeof o.durationMs === 'number') words.push('--minutes', String(o.durationMs / 60_000));
  // the batch window depends on the worker count, so an exact replay needs the same one
  if (o.workers !== undefined) words.push('--workers', String(o.workers));
  if (o.maxOps !== undefined) words.push('--max-ops', String(o.maxOps));
  if (o.maxCorpus !== undefined) words.push('--max-corpus', String(o.maxCorpus));
  return shellWords(words);
}

/** The bugs a case's header records (sorted), or null: none recorded, or not a case that parses. */
function caseBugs(text: string): string[] | null {
  try {
    const bugs = caseOrigin(parse(text)).inject;
    return bugs ? [...new Set(bugs)].sort() : null;
  } catch {
    return null;
  }
}

/** The bugs summary.json records (`settings.inject`, names separated by commas); null in a summary older than the record. */
function recordedInject(s: Summary): string[] | null {
  const v = s.settings.inject;
  return typeof v === 'string' ? v.split(',').map((x) => x.trim()).filter(Boolean) : null;
}

async function openTargets(spec: string, inject: readonly string[]): Promise<TargetPair | string> {
  try {
    return await openVariantPair(spec, inject);
  } catch (e) {
    return `cannot open the targets ${spec} here: ${e instanceof Error ? e.message : String(e)}`;
  }
}

export async function collectReport(dir: string): Promise<ReportData> {
  const summary = readSummary(dir);
  const spec = summary.settings.targets as string;
  const names = spec.split(',').map((s) => s.trim());
  const inject = runsImpl(spec) ? chooseInject(recordedInject(summary), join(dir, 'summary.json')) : [];
  const injected = inject.join(',');
  // one pair per set of bugs: a case whose header records other bugs than the campaign's
  // (a bucket another instance of the sync directory found) is re-run with its own
  const pairs = new Map<string, Promise<TargetPair | string>>();
  const pairWith = (bugs: readonly string[]) => {
    const key = bugs.join(',');
    if (!pairs.has(key)) pairs.set(key, openTargets(spec, bugs));
    return pairs.get(key)!;
  };
  const pair = await pairWith(inject);
  const buckets: BucketReport[] = [];
  let sampled: ReportData['census'] = null;
  try {
    sampled = campaignCensus(summary, pair);
    for (const [i, b] of summary.buckets.entries()) {
      const caseFile = findCaseFile(dir, b);
      const witness = typeof b.witness === 'string' ? b.witness : '';
      const caseText = caseFile ? readFileSync(caseFile, 'utf8') : witness;
      const load = (): Program => {
        if (caseFile) return loadProgram(caseFile).prog;
        if (witness) return parse(witness);
        throw new Error(`the case file ${b.file} is gone and the summary keeps no witness`);
      };
      const bugs = runsImpl(spec) ? (caseBugs(caseText) ?? inject) : [];
      buckets.push({
        anchor: `bucket-${i + 1}`,
        bucket: b,
        caseFile,
        caseText,
        // a hang or a dead worker would hang or kill the report too: shown, not re-run
        rerun: b.class === 'hang' || b.signature === 'worker crash' ? { ok: false, reason: `a ${b.signature} bucket is not re-run; replay it with the command below` } : await rerun(load, await pairWith(bugs)),
        injected: bugs.join(','),
        reproCommand: shellWords([...envPrefix(bugs.join(',')), 'npx', 'mmdiff', 'repro', caseFile ?? b.file, '--targets', spec]),
      });
    }
  } finally {
    for (const p of pairs.values()) {
      const opened = await p;
      if (typeof opened !== 'string') await opened.close().catch(() => {});
    }
  }
  return {
    dir,
    summary,
    targets: [names[0] ?? 'A', names[1] ?? 'B'],
    injected,
    host: typeof summary.settings.host === 'string' ? summary.settings.host : '',
    generatedAt: new Date().toISOString(),
    buckets,
    campaignCommand: campaignCommand(summary, injected),
    coverage: coverageOf(summary, modelRules()),
    census: sampled,
  };
}
