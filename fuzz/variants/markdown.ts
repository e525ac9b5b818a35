// docs/variants.md as text: per pair of design variants, the two designs, then each
// divergence bucket's minimized program with both sides' result of every op (`= A | B`,
// `>>` at the first divergence), the final-state differences and a one-sentence reading.

import { printMachine, type Program, type Trace } from '../../abi/index.js';
import { stateDiff, traceRows } from '../statediff.js';
import { firstDifference, type Bucket, type VariantPair } from './pairs.js';

export interface RenderedBucket extends Bucket {
  readonly signature: string;
  /** The witness file (replayable with `mmdiff repro FILE --targets ...`). */
  readonly file: string;
  /** Ops of the witness before minimization, when it was minimized. */
  readonly opsBefore?: number;
}

export interface PairRun {
  readonly pair: VariantPair;
  readonly names: [string, string];
  readonly programs: number;
  readonly elapsedMs: number;
  readonly outDir: string;
  readonly buckets: readonly RenderedBucket[];
}

/** The program with both results on every line, `>>` marking the first divergence and `!=` any other difference. */
export function resultsBlock(prog: Program, a: Trace, b: Trace, x: RenderedBucket, names: [string, string]): string {
  const lines = [`#  ${names[0]} | ${names[1]}`];
  const m = prog.machine ? printMachine(prog.machine) : null;
  if (m) lines.push(m);
  for (const r of traceRows(prog, a, b, x.d)) {
    const mark = r.mark === 'first' ? '>> ' : r.mark === 'differs' ? '!= ' : '   ';
    lines.push(`${mark}${r.op} = ${r.a || '(not run)'} | ${r.b || '(not run)'}`);
  }
  return lines.join('\n');
}

/** A sentence for a bucket no rule of its pair explains: what differs, where. */
function genericReading(x: RenderedBucket, names: [string, string]): string {
  const f = firstDifference(x);
  if (!f) return `The final states differ (${x.d.detail}).`;
  if (x.d.class === 'result') return `\`${f.op.name}\` (op ${f.i}) returns ${f.a} under ${names[0]} and ${f.b} under ${names[1]}.`;
  return `Every result agrees, but from \`${f.op.name}\` (op ${f.i}) on the states differ: ${x.d.detail}.`;
}

/** Longer state differences are cut (a populated 2 MiB range is 512 PTE lines). */
const MAX_DIFF_LINES = 24;

function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** One line per pair for the document's top: title, link, how many buckets. */
export function tocLine(run: PairRun): string {
  const anchor = run.pair.title.toLowerCase().replace(/[^a-z0-9_ -]/g, '').replace(/ /g, '-');
  return `- [${run.pair.title}](#${anchor}) — \`${run.pair.targets}\`: ${run.buckets.length} bucket${run.buckets.length === 1 ? '' : 's'}`;
}

export function renderPair(run: PairRun): string {
  const { pair, names } = run;
  const out: string[] = [`## ${pair.title}`, '', `\`--targets ${pair.targets}\``, '', pair.intro, ''];
  out.push(
    `Campaign: ${run.programs.toLocaleString('en')} programs in ${duration(run.elapsedMs)}, ${run.buckets.length} bucket${run.buckets.length === 1 ? '' : 's'} ` +
      `(\`${run.outDir}\`). Buckets are sorted by the size of their minimized program.`,
    '',
  );
  if (!run.buckets.length) out.push('No divergence was found in this campaign.', '');
  run.buckets.forEach((x, k) => {
    const size = `${x.prog.ops.length} op${x.prog.ops.length === 1 ? '' : 's'}${x.opsBefore !== undefined ? `, minimized from ${x.opsBefore}` : ''}`;
    out.push(`### ${k + 1}. \`${x.signature}\` (${size})`, '');
    out.push('```text', resultsBlock(x.prog, x.a, x.b, x, names), '```', '');
    const diff = stateDiff(x.a, x.b, names);
    const shown = diff.length > MAX_DIFF_LINES ? [...diff.slice(0, MAX_DIFF_LINES - 1), `… and ${diff.length - MAX_DIFF_LINES + 1} more lines (mmdiff repro shows them all)`] : diff;
    if (diff.length) out.push('Final-state differences:', '', '```text', ...shown, '```', '');
    out.push(`Reading: ${pair.reading(x) ?? genericReading(x, names)}`, '');
    out.push(`Witness: \`${x.file}\` (\`mmdiff repro ${x.file} --targets ${pair.targets}\`).`, '');
  });
  return out.join('\n');
}
