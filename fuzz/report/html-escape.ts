// Safe HTML building. Every `${value}` in an html`…` template is escaped unless it is
// already Html (a nested template, or `trusted()` text the report itself produced), so
// a case file, signature or detail string can never inject markup into the report.

export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function part(v: unknown): string {
  if (v instanceof Html) return v.text;
  if (Array.isArray(v)) return v.map(part).join('');
  if (v === null || v === undefined || v === false) return '';
  return escapeHtml(String(v));
}

/** A template whose interpolations are escaped (arrays joined, null/undefined/false empty). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0];
  values.forEach((v, i) => (out += part(v) + strings[i + 1]));
  return new Html(out);
}

/** Text the report itself wrote (CSS, bundled JS); `</` is broken up so it cannot close its element early. */
export function trusted(text: string, element: 'script' | 'style'): Html {
  return new Html(text.replace(new RegExp(`</(${element})`, 'gi'), '<\\/$1'));
}

/** JSON for the page's script, in a non-executing element; `<` escaped so no `</script>` can end it. */
export function jsonScript(id: string, value: unknown): Html {
  return html`<script type="application/json" id="${id}">${new Html(JSON.stringify(value).replace(/</g, '\\u003c'))}</script>`;
}
