// The state differences of a re-run as a table: where, then the first target's side
// and the second's. Within a PTE the bits that differ are highlighted by name; within
// a VMA list the lines only one side has.

import { hex } from '../../abi/index.js';
import type { StateDifference } from '../statediff.js';
import { html, type Html } from './html-escape.js';

/** Parts of one side, the ones the other side lacks marked. */
function parts(mine: readonly string[], theirs: readonly string[]): Html {
  return html`${mine.map((p, i) => html`${i ? ' ' : ''}${theirs.includes(p) ? p : html`<mark>${p}</mark>`}`)}`;
}

function vmaSide(lines: ReadonlyArray<{ text: string; side: string }>, side: 'a' | 'b'): Html {
  return html`${lines.filter((l) => l.side === 'both' || l.side === side).map((l) => html`<div>${l.side === side ? html`<mark>${l.text}</mark>` : l.text}</div>`)}`;
}

function row(where: string, a: Html | string, b: Html | string): Html {
  return html`<tr><th scope="row">${where}</th><td><code>${a}</code></td><td><code>${b}</code></td></tr>`;
}

function differenceRow(d: StateDifference): Html {
  switch (d.kind) {
    case 'process-missing':
      return row(`p${d.pid}`, d.onlyIn === 'a' ? 'exists' : '(none)', d.onlyIn === 'b' ? 'exists' : '(none)');
    case 'register':
      return row(`p${d.pid} ${d.field}`, d.a, d.b);
    case 'vmas':
      return row(`p${d.pid} VMAs`, vmaSide(d.lines, 'a'), vmaSide(d.lines, 'b'));
    case 'seal':
      return row(`p${d.pid} sealed ranges`, parts(d.a.length ? d.a : ['(none)'], d.b), parts(d.b.length ? d.b : ['(none)'], d.a));
    case 'pte':
      return row(`p${d.pid} PTE ${hex(d.addr)}`, parts(d.a, d.b), parts(d.b, d.a));
    case 'pt-table':
      return row(`p${d.pid} PTE table ${hex(d.addr)}`, d.onlyIn === 'a' ? 'exists' : '(none)', d.onlyIn === 'b' ? 'exists' : '(none)');
    case 'content':
      return row(`frame ${d.frame} +${hex(BigInt(d.offset))}`, hex(d.a), hex(d.b));
    case 'crash':
      return row(`crash at op ${d.op}`, d.side === 'a' ? d.message : '', d.side === 'b' ? d.message : '');
  }
}

export function renderStateDiff(diffs: readonly StateDifference[], names: readonly [string, string]): Html {
  if (!diffs.length) return html`<p class="note">The final states are identical.</p>`;
  return html`<table class="statediff">
<thead><tr><th>where</th><th>${names[0]}</th><th>${names[1]}</th></tr></thead>
<tbody>${diffs.map(differenceRow)}</tbody>
</table>`;
}
