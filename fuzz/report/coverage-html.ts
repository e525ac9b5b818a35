// The report's coverage section: model rules reached per family (with the rules never
// reached named), and per op the ops run and the programs that first diverged there.

import type { Coverage } from './coverage.js';
import { html, type Html } from './html-escape.js';

function pct(n: number, of: number): string {
  if (!of) return '—';
  const p = (100 * n) / of;
  if (p === 0) return '0%';
  if (p < 0.01) return '<0.01%';
  return `${p < 1 ? p.toPrecision(2) : p < 10 ? p.toFixed(1) : p.toFixed(0)}%`;
}

function familyTable(c: Coverage): Html {
  const fams = c.families;
  if (!fams) return html`<p class="note">The model is not one of the targets: no model rules are counted.</p>`;
  return html`<table class="coverage families">
<caption>Model rules reached, per family</caption>
<thead><tr><th>family</th><th class="num">reached</th><th></th><th>never reached</th></tr></thead>
<tbody>${fams.map(
    (f) => html`<tr class="${f.reached === f.total ? 'full' : f.reached === 0 ? 'none' : ''}"><td><code>${f.family}</code></td><td class="num">${f.reached} / ${f.total}</td><td class="bar"><meter min="0" max="${f.total}" value="${f.reached}" title="${pct(f.reached, f.total)}"></meter></td><td class="unreached">${f.unreached.length ? f.unreached.map((r, i) => html`${i ? ', ' : ''}<code>${r}</code>`) : html`<span class="note">—</span>`}</td></tr>`,
  )}</tbody>
</table>`;
}

function opTable(c: Coverage): Html {
  if (!c.ops) return html`<p class="note">This campaign's summary.json was written before ops were counted per op name: no per-op numbers.</p>`;
  if (!c.ops.length) return html`<p class="note">No op ran.</p>`;
  return html`<table class="coverage ops">
<caption>Ops run and divergences, per op</caption>
<thead><tr><th>op</th><th class="num" title="ops of this name run">run</th><th class="num" title="share of all ops run">share</th><th class="num" title="programs whose first divergence was at an op of this name">diverged</th><th class="num" title="programs diverged per op run">rate</th></tr></thead>
<tbody>${c.ops.map(
    (r) => html`<tr class="${r.diverged ? 'diverges' : ''}"><td><code>${r.op}</code></td><td class="num">${r.ran === null ? '—' : r.ran.toLocaleString('en')}</td><td class="num">${r.ran === null ? '' : pct(r.ran, c.opsRan)}</td><td class="num">${r.diverged.toLocaleString('en')}</td><td class="num">${r.ran === null ? '' : pct(r.diverged, r.ran)}</td></tr>`,
  )}</tbody>
</table>`;
}

export function renderCoverage(c: Coverage): Html {
  const rules = c.families ? html`the model rules its source names: <b>${c.rulesReached} of ${c.rulesTotal}</b> reached (${pct(c.rulesReached, c.rulesTotal)}), ` : '';
  return html`<section id="coverage">
<h2>Coverage</h2>
<p class="note">What the campaign's programs reached: ${rules}${c.otherFeatures.toLocaleString('en')} other features (result kinds of each op, rules named at run time)${c.divergeKinds ? `; the ${c.divergeKinds} kinds of divergence it kept programs for are not coverage and are not counted` : ''}. ${c.ops ? 'Per op: how many ran, their share of all ops, the programs that diverged there (a divergence counts at the op of its cause, where the targets first differ; "(final state)": no op could be named) and that number per op run.' : ''}</p>
${c.ops && c.opsSinceResume !== null ? html`<p class="note">The campaign was resumed: the per-op numbers are of its last run, ${c.opsSinceResume.toLocaleString('en')} programs (a checkpoint does not keep them).</p>` : ''}
<div class="coverage-grid">
${familyTable(c)}
${opTable(c)}
</div>
</section>`;
}
