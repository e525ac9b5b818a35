// Cases carry what made them diverge: a campaign with an injected impl bug records the
// bug (and the host) in summary.json and in each case's header, so repro, minimize and
// report switch it on by themselves — a copied case, a report made again in a shell
// without MMDIFF_INJECT, still show the divergence. MMDIFF_INJECT set to other bugs is
// refused in one line.

import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from '../abi/index.js';
import type { Summary } from '../fuzz/campaign.js';
import { caseOrigin, caseText, thisHost } from '../fuzz/casefile.js';
import { UserError } from '../fuzz/load.js';
import { writeReport } from '../fuzz/report/index.js';
import { chooseInject, knownBugs } from '../fuzz/variant.js';
import { mmdiff } from './helpers/cli.js';

const BUG = 'mseal-mprotect-last';
const root = mkdtempSync(join(tmpdir(), 'mmdiff-variant-'));
const campaign = join(root, 'campaign');

/** The environment without MMDIFF_INJECT, plus `extra`. */
function env(extra: Record<string, string> = {}): Record<string, string | undefined> {
  const e = { ...process.env, ...extra };
  if (!extra.MMDIFF_INJECT) delete e.MMDIFF_INJECT;
  return e;
}

let sum: Summary;
let copied: string;

beforeAll(async () => {
  const r = await mmdiff(['fuzz', '--runs', '2000', '--seed', '1', '--workers', '1', '--out', campaign], { env: env({ MMDIFF_INJECT: BUG }), timeoutMs: 300_000 });
  expect(r.code, r.err).toBe(0);
  sum = JSON.parse(readFileSync(join(campaign, 'summary.json'), 'utf8')) as Summary;
  expect(sum.buckets.length).toBeGreaterThan(0);
  // a witness copied away from its campaign: nothing but the file itself says how it was found
  copied = join(root, 'copied.mm');
  copyFileSync(sum.buckets[0].file, copied);
}, 320_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the campaign records the variant and the host', () => {
  it('a resume with other bugs is refused in one line, the campaign left as it was', async () => {
    const before = readFileSync(join(campaign, 'state.json'), 'utf8');
    const r = await mmdiff(['fuzz', '--runs', '100', '--workers', '1', '--out', campaign], { env: env() });
    expect(r.code).toBe(2);
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(new RegExp(`MMDIFF_INJECT=${BUG}, not \\(none\\)`));
    expect(readFileSync(join(campaign, 'state.json'), 'utf8')).toBe(before);
  });

  it('in summary.json and in every case header', () => {
    expect(sum.settings.inject).toBe(BUG);
    expect(sum.settings.host).toBe(thisHost());
    expect(String(sum.settings.host)).toContain(hostname());
    for (const b of sum.buckets) {
      const text = readFileSync(b.file, 'utf8');
      expect(text).toMatch(new RegExp(`^# variant: MMDIFF_INJECT=${BUG}$`, 'm'));
      expect(caseOrigin(parse(text))).toEqual({ inject: [BUG], host: thisHost(), targets: 'model,impl' });
    }
  });
});

describe('repro and minimize take it from the case', () => {
  it('repro of a copied witness with no MMDIFF_INJECT shows the divergence', async () => {
    const r = await mmdiff(['repro', copied], { env: env() });
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    expect(r.out).toContain(`impl with MMDIFF_INJECT=${BUG}, as the case records`);
    expect(r.out).toContain(`first divergence: ${sum.buckets[0].signature}`);
  });

  it('the same MMDIFF_INJECT is accepted; another is refused in one line', async () => {
    const [same, other, none] = await Promise.all([
      mmdiff(['repro', copied], { env: env({ MMDIFF_INJECT: BUG }) }),
      mmdiff(['repro', copied], { env: env({ MMDIFF_INJECT: 'merge-ignores-pkey' }) }),
      mmdiff(['minimize', copied, '--out', join(root, 'copied.min.mm')], { env: env({ MMDIFF_INJECT: 'cow-reuse-ref2' }) }),
    ]);
    expect(same.code, same.err).toBe(1);
    expect(same.out).toContain(`first divergence: ${sum.buckets[0].signature}`);
    for (const r of [other, none]) {
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.trimEnd().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(new RegExp(`^mmdiff: ${copied.replace(/[.]/g, '\\.')} records MMDIFF_INJECT=${BUG} \\(the impl bugs it ran with\\), but MMDIFF_INJECT=\\S+ is set: unset it`));
    }
  });

  it('minimize with no MMDIFF_INJECT keeps the divergence and records the bug in what it writes', async () => {
    const out = join(root, 'again.min.mm');
    const r = await mmdiff(['minimize', copied, '--out', out], { env: env() });
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`${sum.buckets[0].signature}: `);
    const o = caseOrigin(parse(readFileSync(out, 'utf8')));
    expect(o.inject).toEqual([BUG]);
    expect(o.host).toBe(thisHost());
    // and the minimized case, replayed with nothing set, still diverges
    const again = await mmdiff(['repro', out], { env: env() });
    expect(again.code, again.err).toBe(1);
  });
});

describe('the targets come from the header too', () => {
  it('repro of a design-variant case with no --targets runs the pair it was found on', async () => {
    const file = join(root, 'brk.mm');
    copyFileSync('docs/variants/6.18-vs-6.10/brk-vma.bounds.mm', file);
    const [own, other] = await Promise.all([mmdiff(['repro', file], { env: env() }), mmdiff(['repro', file, '--targets', 'model,impl'], { env: env() })]);
    expect(own.code, own.err).toBe(1);
    expect(own.out).toMatch(/^\S+ on model@6\.18 and model@6\.10\n/);
    // --targets still decides when given
    expect(other.code, other.err).toBe(0);
    expect(other.out).toContain('no divergence');
  });
});

describe('report takes it from summary.json', () => {
  it('remade with no MMDIFF_INJECT: the banner, the repro commands, and re-runs that diverge', async () => {
    const r = await mmdiff(['report', campaign], { env: env() });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const html = readFileSync(join(campaign, 'report.html'), 'utf8');
    expect(html).toContain(`<p class="banner">The campaign ran with injected impl bugs: <code>MMDIFF_INJECT=${BUG}</code>`);
    for (const b of sum.buckets) expect(html).toContain(`<pre class="cmd">MMDIFF_INJECT=${BUG} npx mmdiff repro ${b.file} --targets model,impl</pre>`);
    expect(html).not.toContain('the targets agree');
    expect(html.match(/class="status ok"/g)).toHaveLength(sum.buckets.length);
  });

  it('with another MMDIFF_INJECT: one line, exit 2, the report left as it was', async () => {
    const before = readFileSync(join(campaign, 'report.html'), 'utf8');
    const r = await mmdiff(['report', campaign], { env: env({ MMDIFF_INJECT: 'cow-reuse-ref2' }) });
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    expect(r.err).toContain(`summary.json records MMDIFF_INJECT=${BUG}`);
    expect(readFileSync(join(campaign, 'report.html'), 'utf8')).toBe(before);
  });
});

describe('a case that records other bugs than its campaign (another instance found it)', () => {
  it('report re-runs it with its own, and its repro command says so', async () => {
    const dir = join(root, 'mixed');
    cpSync(campaign, dir, { recursive: true });
    const s = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as Summary;
    const other = join(dir, 'corpus', 'other.mm');
    writeFileSync(other, readFileSync(s.buckets[0].file, 'utf8').replace(`# variant: MMDIFF_INJECT=${BUG}`, '# variant: MMDIFF_INJECT=merge-ignores-pkey'));
    s.buckets[0].file = other;
    writeFileSync(join(dir, 'summary.json'), JSON.stringify(s));
    const html = readFileSync(await writeReport(dir), 'utf8');
    const sections = html.split('<section class="bucket"').slice(1);
    expect(sections[0]).toContain(`<pre class="cmd">MMDIFF_INJECT=merge-ignores-pkey npx mmdiff repro ${other} --targets model,impl</pre>`);
    expect(sections[0]).toContain("Its case records other impl bugs than the campaign's: it is re-run with <code>MMDIFF_INJECT=merge-ignores-pkey</code>");
    // that bug is not the one that made it diverge: the targets agree, and the page says with which bugs
    expect(sections[0]).toContain('(with <code>MMDIFF_INJECT=merge-ignores-pkey</code>, as its case records), the targets agree');
    for (const sec of sections.slice(1)) expect(sec).toContain(`<pre class="cmd">MMDIFF_INJECT=${BUG} npx mmdiff repro`);
  });
});

describe('a recorded bug this mmdiff no longer has', () => {
  it('report: every section says why it cannot re-run, the report is still written', async () => {
    const dir = join(root, 'gone-bug');
    cpSync(campaign, dir, { recursive: true });
    const s = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as Summary & { settings: Record<string, unknown> };
    s.settings.inject = 'no-such-bug';
    // and the cases record it too (a case's own record is what its re-run follows)
    for (const b of s.buckets) {
      const file = join(dir, 'corpus', basename(b.file));
      writeFileSync(file, readFileSync(b.file, 'utf8').replace(`# variant: MMDIFF_INJECT=${BUG}`, '# variant: MMDIFF_INJECT=no-such-bug'));
      b.file = file;
    }
    writeFileSync(join(dir, 'summary.json'), JSON.stringify(s));
    const html = readFileSync(await writeReport(dir), 'utf8');
    expect(html.match(/Could not re-run this case: cannot open the targets model,impl here: unknown mutant &#39;no-such-bug&#39;/g)).toHaveLength(s.buckets.length);
  });
});

describe('chooseInject', () => {
  it('nothing recorded (a hand-written case, an older summary): MMDIFF_INJECT decides', () => {
    expect(chooseInject(null, 'x.mm', undefined)).toEqual([]);
    expect(chooseInject(null, 'x.mm', BUG)).toEqual([BUG]);
  });
  it('recorded: the record decides; MMDIFF_INJECT, set and not empty, must name the same bugs', () => {
    expect(chooseInject([BUG], 'x.mm', undefined)).toEqual([BUG]);
    expect(chooseInject([BUG], 'x.mm', '')).toEqual([BUG]);
    expect(chooseInject(['merge-ignores-pkey', BUG], 'x.mm', `${BUG},merge-ignores-pkey`)).toEqual([BUG, 'merge-ignores-pkey'].sort());
    expect(() => chooseInject([BUG], 'x.mm', 'merge-ignores-pkey')).toThrow(UserError);
    // a campaign with the impl as it is records that too: a bug switched on now is refused
    expect(() => chooseInject([], 'summary.json', BUG)).toThrow(/records MMDIFF_INJECT=\(none\)/);
    expect(() => knownBugs(chooseInject(['no-such-bug'], 'x.mm', undefined), 'x.mm')).toThrow(/x\.mm records MMDIFF_INJECT=no-such-bug .* no bug 'no-such-bug'/);
  });
  it('the header lines round-trip through the case format', () => {
    const prog = parse('mmap(NULL, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)\n');
    const text = caseText(prog, { signature: 's', class: 'result', targets: 'model,impl', detail: 'd', inject: [BUG], host: 'box (Linux 6.8 x86_64)' });
    expect(caseOrigin(parse(text))).toEqual({ inject: [BUG], host: 'box (Linux 6.8 x86_64)', targets: 'model,impl' });
    expect(caseOrigin(parse(caseText(prog, { signature: 's', class: 'result', targets: 'model,impl', detail: 'd' })))).toEqual({ inject: null, host: null, targets: 'model,impl' });
  });
});
