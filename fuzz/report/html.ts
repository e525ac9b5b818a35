// The report page: overview (totals, settings, the command that runs the campaign
// again), charts over time, the bucket index, one section per bucket, the features.
// One file: the chart library and the styles are inlined, and the Content-Security-
// Policy forbids every fetch, so the page looks the same offline as anywhere.

import { renderBucket } from './bucket-html.js';
import { chartAssets } from './assets.js';
import { renderCharts } from './charts.js';
import type { ReportData } from './data.js';
import { html, trusted, type Html } from './html-escape.js';
import { isDivergeFeature } from './coverage.js';
import { renderCoverage } from './coverage-html.js';
import { settingRows } from './settings.js';
import { REPORT_CSS } from './style.js';

const CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";

function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m} min ${s % 60} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

function total(value: string | number, label: string): Html {
  return html`<div class="total"><b>${typeof value === 'number' ? value.toLocaleString('en') : value}</b><span>${label}</span></div>`;
}

function overview(d: ReportData): Html {
  const s = d.summary;
  const fromCorpus = s.buckets.filter((b) => b.fromCorpus).length;
  const kinds = s.features.filter(isDivergeFeature).length;
  return html`<section id="overview">
<h2>Overview</h2>
${s.resumed ? html`<p class="note">Resumed from a checkpoint: the earlier runs had done ${s.resumed.programs.toLocaleString('en')} programs in ${duration(s.resumed.elapsedMs)}.</p>` : ''}
${d.injected ? html`<p class="banner">The campaign ran with injected impl bugs: <code>MMDIFF_INJECT=${d.injected}</code> (summary.json and each case's header record them). The re-runs below have them switched on, as <code>mmdiff repro</code> of a case does.</p>` : ''}
<div class="totals">
${total(s.programs, 'programs')}
${total(duration(s.elapsedMs), `elapsed (${s.stopped ?? 'done'})`)}
${total(s.elapsedMs > 0 ? Math.round((s.programs * 1000) / s.elapsedMs) : 0, 'programs/s on average')}
${s.unsupported ? total(s.unsupported, 'programs a target could not run') : ''}
${total(s.features.length, kinds ? `features covered (${kinds} of them kinds of divergence)` : 'features covered')}
${total(s.buckets.length, fromCorpus ? `buckets (${fromCorpus} from the corpus)` : 'buckets')}
</div>
<table class="settings"><tbody>
${settingRows(s.settings).map((r) => html`<tr data-key="${r.key}"><th scope="row">${r.label}</th><td><code>${r.value}</code></td><td class="option">${r.option ? html`<code>${r.option}</code>` : ''}</td></tr>`)}
</tbody></table>
<h4>Run this campaign again</h4>
<pre class="cmd">${d.campaignCommand}</pre>
</section>`;
}

function bucketIndex(d: ReportData): Html {
  if (!d.buckets.length) return html`<section id="buckets"><h2>Buckets</h2><p class="note">No divergence: the targets agreed on every program.</p></section>`;
  return html`<section id="buckets">
<h2>Buckets (${d.buckets.length})</h2>
<table class="index">
<thead><tr><th>#</th><th>signature</th><th>class</th><th>count</th><th>first seen</th><th>ops</th></tr></thead>
<tbody>${d.buckets.map(
    (r, i) => html`<tr><td class="num">${i + 1}</td><td><a href="#${r.anchor}"><code>${r.bucket.signature}</code></a></td><td><span class="class class-${r.bucket.class}">${r.bucket.class}</span></td><td>${r.bucket.count.toLocaleString('en')}</td><td>${r.bucket.fromCorpus ? 'corpus' : `program ${(r.bucket.firstAt ?? 0).toLocaleString('en')}`}</td><td>${r.bucket.minimized ? `${r.bucket.minimized.opsAfter} (from ${r.bucket.minimized.opsBefore})` : (r.bucket.witnessOps ?? '')}</td></tr>`,
  )}</tbody>
</table>
</section>`;
}

function features(d: ReportData): Html {
  const retriage = d.summary.corpusRetriage;
  const list = d.summary.features.filter((f) => !isDivergeFeature(f));
  const kinds = d.summary.features.length - list.length;
  return html`<section id="features">
<h2>Features and corpus</h2>
<details><summary>${list.length} features covered${kinds ? ` (and ${kinds} kinds of divergence, not listed: the buckets are above)` : ''}</summary><ul>${list.map((f) => html`<li>${f}</li>`)}</ul></details>
${retriage.length ? html`<details><summary>${retriage.length} corpus cases re-run at the start</summary><table><tbody>${retriage.map((c) => html`<tr><td><code>${c.file}</code></td><td>${c.status}</td></tr>`)}</tbody></table></details>` : ''}
</section>`;
}

function censusSection(d: ReportData): Html {
  const c = d.census;
  if (!c) return html``;
  const table = (title: string, r: Record<string, number>) => {
    const rows = Object.entries(r).sort((a, b) => b[1] - a[1]);
    const all = rows.reduce((n, [, v]) => n + v, 0);
    return html`<details><summary>${title}</summary><table><tbody>${rows.map(([k, v]) => html`<tr><td><code>${k}</code></td><td class="num">${v.toLocaleString('en')}</td><td class="num">${((100 * v) / all).toFixed(1)}%</td></tr>`)}</tbody></table></details>`;
  };
  return html`<section id="census">
<h2>Census</h2>
<p class="note">What the campaign's generator covers, from ${c.sample.programs.toLocaleString('en')} fresh programs of the same seed and settings (mmdiff census for more). The ${c.unreached.length} model rules the campaign never reached are named per family under <a href="#coverage">Coverage</a>.</p>
${table('ops', c.sample.ops)}
${table('address arguments', c.sample.addresses)}
${table('length arguments', c.sample.lengths)}
${table('machine parameters (per program, each parameter)', c.sample.machine)}
</section>`;
}

export function renderReport(d: ReportData): string {
  const assets = chartAssets();
  const s = d.summary;
  const title = `mmdiff report: ${d.targets.join(' vs ')}, seed ${String(s.settings.seed ?? '?')}`;
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="generator" content="mmdiff report (uPlot ${assets.version} inlined)">
<link rel="icon" href="data:,">
<title>${title}</title>
<style>${trusted(assets.css, 'style')}</style>
<style>${trusted(REPORT_CSS, 'style')}</style>
<script>${trusted(assets.js, 'script')}</script>
</head>
<body>
<main>
<header>
<h1>${title}</h1>
<p><span class="path">${d.dir}</span> · report made ${d.generatedAt}</p>
<nav><a href="#overview">Overview</a><a href="#charts">Over time</a><a href="#buckets">Buckets</a><a href="#coverage">Coverage</a><a href="#features">Features</a><a href="#census">Census</a></nav>
</header>
${overview(d)}
<section id="charts">
<h2>Over time</h2>
${renderCharts(s.timeline)}
</section>
${bucketIndex(d)}
${d.buckets.map((r, i) => renderBucket(r, i + 1, d.targets, { injected: d.injected, host: d.host }))}
${renderCoverage(d.coverage)}
${features(d)}
${censusSection(d)}
</main>
</body>
</html>
`;
  return page.text;
}
