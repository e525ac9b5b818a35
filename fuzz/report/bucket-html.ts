// One bucket's section: what the campaign recorded, the case program, how to
// reproduce it, and a fresh re-run — both traces side by side with the first
// divergent op marked, then the state differences.

import { thisHost } from '../casefile.js';
import type { TraceRow } from '../statediff.js';
import type { BucketReport } from './data.js';
import { html, type Html } from './html-escape.js';
import { renderStateDiff } from './statediff-html.js';
import type { Rerun } from './traces.js';

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function facts(r: BucketReport): Html {
  const b = r.bucket;
  const m = b.minimized;
  return html`<dl class="facts">
<dt>class</dt><dd><span class="class class-${b.class}">${b.class}</span></dd>
<dt>count</dt><dd>${b.count.toLocaleString('en')} ${b.count === 1 ? 'program' : 'programs'}</dd>
${b.fromCorpus
    ? html`<dt>found</dt><dd>already in the corpus when the campaign started</dd>`
    : html`<dt>first seen</dt><dd>after ${(b.firstAt ?? 0).toLocaleString('en')} programs, ${seconds(b.firstMs ?? 0)} in</dd>`}
${b.importedFrom ? html`<dt>found by</dt><dd>instance <code>${b.importedFrom}</code> of the sync directory</dd>` : ''}
${b.minimizedBy ? html`<dt>minimized by</dt><dd>instance <code>${b.minimizedBy}</code></dd>` : ''}
${m ? html`<dt>minimized</dt><dd>${m.opsBefore} → ${m.opsAfter} ops (${m.tests} tests, ${seconds(m.ms)})</dd>` : ''}
<dt>detail</dt><dd><code>${b.detail}</code></dd>
</dl>`;
}

function traceTable(rows: readonly TraceRow[], names: readonly [string, string]): Html {
  if (!rows.length) return html`<p class="note">The case has no ops.</p>`;
  const markText = { first: '▶ first divergence', differs: '≠', '': '' } as const;
  return html`<table class="trace">
<thead><tr><th>#</th><th>op</th><th>${names[0]}</th><th>${names[1]}</th><th></th></tr></thead>
<tbody>${rows.map(
    (r) => html`<tr class="${r.mark}"><td class="num">${r.index}</td><td><code>${r.op}</code></td><td><code>${r.a}</code></td><td><code>${r.b}</code></td><td class="mark">${markText[r.mark]}</td></tr>`,
  )}</tbody>
</table>`;
}

/** What the campaign recorded of where it ran: the impl bugs switched on, the host. */
export interface RunContext {
  readonly injected: string;
  readonly host: string;
}

/** One sentence on how the re-run compares with what the campaign recorded. */
function rerunStatus(rerun: Extract<Rerun, { ok: true }>, r: BucketReport, ctx: RunContext): Html {
  const d = rerun.divergence;
  if (rerun.unsupported) return html`<p class="status warn">A target could not run this case here: ${rerun.unsupported}</p>`;
  if (!d) {
    const here = thisHost();
    const why = [
      'the bug is fixed',
      ...(r.bucket.class === 'hang' || r.bucket.class === 'crash' ? ['the bucket was a worker hang or crash'] : []),
      ...(ctx.host && ctx.host !== here ? [`the campaign ran on ${ctx.host} and this is ${here}`] : []),
      ...(ctx.host ? [] : ['the campaign ran on another machine or with injected bugs it did not record (an older summary)']),
    ];
    const injected = r.injected ? html` (with <code>MMDIFF_INJECT=${r.injected}</code>, as ${r.injected === ctx.injected ? 'the campaign ran' : 'its case records'})` : '';
    return html`<p class="status warn">Re-run here${injected}, the targets agree: ${why.slice(0, -1).join(', ')}${why.length > 1 ? ' or ' : ''}${why[why.length - 1]}. The campaign saw: <code>${r.bucket.signature}</code>.</p>`;
  }
  const where = d.op === null ? 'in the final state' : `at op ${d.op}`;
  if (d.signature === r.bucket.signature) return html`<p class="status ok">Re-run here: diverges ${where}, same signature.</p>`;
  return html`<p class="status warn">Re-run here: diverges ${where} as <code>${d.signature}</code>, not as the campaign's <code>${r.bucket.signature}</code>.</p>`;
}

function rerunSection(r: BucketReport, names: readonly [string, string], ctx: RunContext): Html {
  const rerun = r.rerun;
  if (!rerun.ok) return html`<h4>Traces</h4><p class="status error">Could not re-run this case: ${rerun.reason}</p>`;
  return html`<h4>Traces</h4>
${r.injected !== ctx.injected ? html`<p class="note">Its case records other impl bugs than the campaign's: it is re-run with <code>MMDIFF_INJECT=${r.injected || '(none)'}</code>.</p>` : ''}
${rerunStatus(rerun, r, ctx)}
${rerun.divergence ? html`<p class="detail"><code>${rerun.divergence.detail}</code></p>` : ''}
${traceTable(rerun.rows, names)}
<h4>State differences</h4>
${renderStateDiff(rerun.differences, names)}`;
}

export function renderBucket(r: BucketReport, n: number, names: readonly [string, string], ctx: RunContext = { injected: '', host: '' }): Html {
  return html`<section class="bucket" id="${r.anchor}">
<h3><a class="anchor" href="#${r.anchor}">${n}.</a> <code>${r.bucket.signature}</code></h3>
${facts(r)}
<h4>Reproduce</h4>
<pre class="cmd">${r.reproCommand}</pre>
<h4>Case <span class="path">${r.caseFile ?? r.bucket.file}</span></h4>
${r.caseFile ? '' : html`<p class="status warn">The case file is gone; this is the unminimized witness kept in summary.json.</p>`}
<pre class="case">${r.caseText || '(empty)'}</pre>
${rerunSection(r, names, ctx)}
<p class="top"><a href="#buckets">↑ bucket index</a></p>
</section>`;
}
