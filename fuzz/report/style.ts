// The report's stylesheet: plain, print-friendly, monospace where the content is code.

export const REPORT_CSS = `
:root { --fg: #1d2329; --muted: #5b6672; --line: #d9dee3; --bg-code: #f5f7f9; --first: #ffe3e0; --differs: #fff4d6; --ok: #1a7f37; --warn: #9a6700; --error: #cf222e; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: #fff; }
main { max-width: 1200px; margin: 0 auto; padding: 0 24px 48px; }
header { border-bottom: 1px solid var(--line); margin-bottom: 16px; }
header h1 { margin: 24px 0 4px; font-size: 24px; }
header p { margin: 0 0 12px; color: var(--muted); }
nav a { margin-right: 16px; }
h2 { margin: 32px 0 12px; font-size: 20px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { margin: 0 0 8px; font-size: 17px; }
h4 { margin: 18px 0 6px; font-size: 14px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
a { color: #0969da; text-decoration: none; } a:hover { text-decoration: underline; }
code, pre, .path { font: 13px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
pre { background: var(--bg-code); border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; overflow-x: auto; margin: 0; }
pre.cmd { user-select: all; white-space: pre-wrap; overflow-wrap: anywhere; }
.path { text-transform: none; letter-spacing: 0; color: var(--fg); font-weight: normal; }
.totals { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; margin: 12px 0 16px; }
.total { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; }
.total b { display: block; font-size: 22px; }
.total span { color: var(--muted); font-size: 13px; }
.banner { background: var(--differs); border: 1px solid #e8cf85; border-radius: 6px; padding: 8px 12px; margin: 12px 0; }
table { border-collapse: collapse; width: 100%; margin: 4px 0; }
th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--line); }
thead th { font-size: 13px; color: var(--muted); font-weight: 600; }
table.settings th { width: 260px; font-weight: 500; }
td.num { text-align: right; color: var(--muted); width: 3em; }
table.trace tr.first { background: var(--first); }
table.trace tr.differs { background: var(--differs); }
table.trace td.mark { color: var(--error); font-weight: 600; white-space: nowrap; }
table.statediff th[scope=row] { white-space: nowrap; font-weight: 500; }
mark { background: #ffd8a8; border-radius: 2px; padding: 0 1px; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(340px, 1fr)); gap: 16px; }
figure.chart { margin: 0; min-height: 240px; }
.bucket { border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; margin: 20px 0; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; }
dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; }
.class { display: inline-block; padding: 0 8px; border-radius: 10px; background: #eaeef2; font-size: 13px; }
.class-result { background: #ddf4ff; } .class-vma { background: #fbefff; } .class-seal { background: #fff1e5; }
.class-pte { background: #dafbe1; } .class-content { background: #fff8c5; } .class-crash, .class-hang { background: #ffebe9; }
.status { margin: 4px 0; } .status.ok { color: var(--ok); } .status.warn { color: var(--warn); } .status.error { color: var(--error); }
.note { color: var(--muted); }
.detail { margin: 4px 0 8px; }
.top { text-align: right; margin: 8px 0 0; font-size: 13px; }
a.anchor { color: var(--muted); }
table.settings td.option { color: var(--muted); width: 140px; }
.coverage-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(480px, 1fr)); gap: 24px; align-items: start; }
.coverage-grid > * { min-width: 0; }
table.coverage caption { text-align: left; font-weight: 600; padding: 4px 0; }
table.coverage td.num, table.coverage th.num { text-align: right; width: auto; white-space: nowrap; }
table.coverage td.bar { width: 90px; } table.coverage meter { width: 80px; }
table.coverage td.unreached { font-size: 12px; } table.coverage td.unreached code { font-size: 12px; }
table.coverage tr.none td:first-child code { color: var(--error); }
table.ops tr.diverges { background: var(--first); }
details ul { columns: 3 220px; font: 13px/1.5 ui-monospace, monospace; }
@media print { .bucket { break-inside: avoid; } nav, .top { display: none; } }
`;
