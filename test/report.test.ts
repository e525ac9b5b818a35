// The campaign report as a person sees it: a short campaign with injected impl bugs
// (so it has buckets) writes report.html when it ends; headless Chromium opens it
// offline and must see no console or page errors, no request for anything, three
// drawn charts and a section per bucket. Bad directories give one line and exit 2.

import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Summary } from '../fuzz/campaign.js';
import { UserError } from '../fuzz/load.js';
import { modelRules } from '../fuzz/census.js';
import { SERIES_COLORS } from '../fuzz/report/charts.js';
import { writeReport } from '../fuzz/report/index.js';
import { ensureChromium } from './helpers/chromium.js';
import { mmdiff as runCli } from './helpers/cli.js';

// bugs of different classes (result, vma, pte/content); seed 1's first 3000 programs find two of them
const INJECT = 'mseal-mprotect-last,merge-ignores-pkey,cow-reuse-ref2';
const root = mkdtempSync(join(tmpdir(), 'mmdiff-report-'));
const campaign = join(root, 'campaign');

async function mmdiff(args: string[], env: Record<string, string> = {}) {
  const r = await runCli(args, { env: { ...process.env, ...env } });
  return { code: r.code, out: r.out, err: r.err };
}

let browser: Browser;
let fuzzRun: Awaited<ReturnType<typeof mmdiff>>;

beforeAll(async () => {
  // apt-get may have to install Chromium first: some 20 s on a fresh machine
  const chromium = ensureChromium();
  fuzzRun = await mmdiff(['fuzz', '--runs', '3000', '--seed', '1', '--workers', '2', '--out', campaign], { MMDIFF_INJECT: INJECT });
  browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  rmSync(root, { recursive: true, force: true });
});

interface Loaded {
  page: Page;
  errors: string[];
  requests: string[];
}

/** Opens a report file with every console error, page error and request recorded. */
async function open(file: string): Promise<Loaded> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warn') errors.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e instanceof Error ? e.message : String(e)}`));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, errors, requests };
}

const CHART_COLORS = { 'chart-rate': SERIES_COLORS.rate, 'chart-features': SERIES_COLORS.features, 'chart-buckets': SERIES_COLORS.buckets };

/** Each chart: a canvas of real size with its series colour drawn on it. */
async function expectChartsDrawn(page: Page): Promise<void> {
  for (const [id, color] of Object.entries(CHART_COLORS)) {
    const drawn = await page.evaluate(
      (id, color) => {
        const canvas = document.querySelector<HTMLCanvasElement>(`#${id} canvas`);
        if (!canvas) return { width: 0, height: 0, pixels: 0 };
        const [r, g, b] = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
        const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        let pixels = 0;
        for (let i = 0; i < data.length; i += 4) {
          if (data[i + 3] > 0 && Math.abs(data[i] - r) < 24 && Math.abs(data[i + 1] - g) < 24 && Math.abs(data[i + 2] - b) < 24) pixels++;
        }
        return { width: canvas.width, height: canvas.height, pixels };
      },
      id,
      color,
    );
    expect(drawn.width, id).toBeGreaterThan(300);
    expect(drawn.height, id).toBeGreaterThan(100);
    // one snapshot (a campaign shorter than a second) is one point: a ring of some 20 pixels
    expect(drawn.pixels, `${id}: pixels of the series colour`).toBeGreaterThan(10);
  }
}

describe('a campaign writes report.html', () => {
  it('fuzz ends by writing the report next to summary.json', () => {
    expect(fuzzRun.code, fuzzRun.err).toBe(0);
    expect(fuzzRun.err).toContain(`report: ${join(campaign, 'report.html')}`);
    const sum = JSON.parse(readFileSync(join(campaign, 'summary.json'), 'utf8')) as Summary;
    expect(sum.buckets.length).toBeGreaterThanOrEqual(2);
  });

  it('mmdiff report DIR rewrites it and prints its path', async () => {
    const r = await mmdiff(['report', campaign], { MMDIFF_INJECT: INJECT });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe(`${join(campaign, 'report.html')}\n`);
  });
});

describe('the report in Chromium', () => {
  it('loads offline with no errors, draws its charts and has every bucket', async () => {
    const file = join(campaign, 'report.html');
    const sum = JSON.parse(readFileSync(join(campaign, 'summary.json'), 'utf8')) as Summary;
    const { page, errors, requests } = await open(file);
    expect(errors).toEqual([]);
    // self-contained: the page itself is the only thing the browser asks for
    expect(requests).toEqual([pathToFileURL(file).href]);

    await expectChartsDrawn(page);

    // the index links every bucket's section; each section has its case, both traces and the repro command
    const sections = await page.$$eval('section.bucket', (els) =>
      els.map((el) => ({
        id: el.id,
        signature: el.querySelector('h3 code')?.textContent ?? '',
        cmd: el.querySelector('pre.cmd')?.textContent ?? '',
        caseText: el.querySelector('pre.case')?.textContent ?? '',
        traceRows: el.querySelectorAll('table.trace tbody tr').length,
        first: el.querySelectorAll('table.trace tr.first').length,
        status: el.querySelector('.status')?.className ?? '',
        stateDiffRows: el.querySelectorAll('table.statediff tbody tr').length,
      })),
    );
    expect(sections.map((s) => s.signature)).toEqual(sum.buckets.map((b) => b.signature));
    // the pte bucket's section names the PTE that differs
    expect(sections.some((s) => s.signature.includes('pte') && s.stateDiffRows > 0)).toBe(true);
    const links = await page.$$eval('table.index a', (as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(sections.map((s) => `#${s.id}`));
    for (const [i, s] of sections.entries()) {
      const b = sum.buckets[i];
      expect(s.caseText).toBe(readFileSync(b.file, 'utf8'));
      // the bugs as summary.json records them (sorted): the same switch
      expect(s.cmd).toBe(`MMDIFF_INJECT=${INJECT.split(',').sort().join(',')} npx mmdiff repro ${b.file} --targets model,impl`);
      expect(s.traceRows, b.signature).toBeGreaterThan(0);
      // re-run with the same bugs injected: the same divergence, its first op marked
      expect(s.status, b.signature).toBe('status ok');
      expect(s.first, b.signature).toBe(1);
    }
    await page.close();
  });

  it('shows coverage: model rules per family, ops run and divergences per op; settings in words', async () => {
    const sum = JSON.parse(readFileSync(join(campaign, 'summary.json'), 'utf8')) as Summary;
    const { page, errors } = await open(join(campaign, 'report.html'));
    expect(errors).toEqual([]);
    // every rule the model's source names, by family, reached as the campaign's features say
    const reached = new Set(sum.features.map((f) => f.replace(/\+(pkey|shstk)$/, '')));
    const want = new Map<string, { reached: number; total: number; unreached: string[] }>();
    for (const r of modelRules()) {
      const fam = r.slice(0, r.indexOf(':'));
      const w = want.get(fam) ?? { reached: 0, total: 0, unreached: [] };
      w.total++;
      if (reached.has(r)) w.reached++;
      else w.unreached.push(r.slice(fam.length + 1));
      want.set(fam, w);
    }
    const families = await page.$$eval('table.families tbody tr', (rows) => rows.map((r) => ({ family: r.cells[0].textContent, reached: r.cells[1].textContent, unreached: r.cells[3].textContent })));
    expect(families.map((f) => f.family)).toEqual([...want.keys()].sort());
    for (const f of families) {
      const w = want.get(f.family!)!;
      expect(f.reached, f.family!).toBe(`${w.reached} / ${w.total}`);
      expect(f.unreached, f.family!).toBe(w.unreached.length ? w.unreached.join(', ') : '—');
    }
    // per op: what the workers counted, most run first, the ops where programs diverged marked
    const ops = await page.$$eval('table.ops tbody tr', (rows) => rows.map((r) => ({ op: r.cells[0].textContent!, ran: r.cells[1].textContent!, diverged: r.cells[3].textContent!, marked: r.classList.contains('diverges') })));
    const counted = Object.entries(sum.ops ?? {});
    expect(counted.length).toBeGreaterThan(10);
    expect(ops).toHaveLength(counted.length);
    for (const o of ops) {
      const c = sum.ops![o.op];
      expect(o.diverged, o.op).toBe(c.diverged.toLocaleString('en'));
      if (o.op !== '(final state)') expect(o.ran, o.op).toBe(c.ran.toLocaleString('en'));
      expect(o.marked, o.op).toBe(c.diverged > 0);
    }
    expect(counted.reduce((n, [, c]) => n + c.diverged, 0)).toBeGreaterThan(0);
    // the feature list is coverage only: no divergence kinds
    const listed = await page.$$eval('#features details li', (lis) => lis.map((li) => li.textContent ?? ''));
    expect(listed.length).toBeGreaterThan(100);
    expect(listed.filter((f) => f.startsWith('diverge:'))).toEqual([]);
    // the settings table names each setting in words, never by its summary.json key
    const labels = await page.$$eval('table.settings th', (ths) => ths.map((th) => th.textContent ?? ''));
    expect(labels).toContain('Injected impl bugs');
    expect(labels).toContain('In-memory corpus, at most');
    for (const k of Object.keys(sum.settings)) expect(labels).not.toContain(k);
    await page.close();
  });

  it('escapes everything taken from the campaign', async () => {
    const dir = join(root, 'hostile');
    cpSync(campaign, dir, { recursive: true });
    const sum = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as Summary & { buckets: Array<Record<string, unknown>> };
    const evil = '<img src=x onerror="alert(1)" id="pwned"></code></pre><script>alert(2)</script>';
    sum.buckets[0].signature = evil;
    sum.buckets[0].detail = evil;
    sum.features.push(evil);
    // and a case file with markup in a comment
    const caseFile = join(dir, 'corpus', 'evil.mm');
    writeFileSync(caseFile, `# ${evil}\n${readFileSync(sum.buckets[0].file as string, 'utf8')}`);
    sum.buckets[0].file = caseFile;
    writeFileSync(join(dir, 'summary.json'), JSON.stringify(sum));
    const r = await mmdiff(['report', dir], { MMDIFF_INJECT: INJECT });
    expect(r.code, r.err).toBe(0);
    const { page, errors } = await open(join(dir, 'report.html'));
    expect(errors).toEqual([]);
    expect(await page.$('#pwned')).toBeNull();
    expect(await page.$eval('section.bucket h3 code', (el) => el.textContent)).toBe(evil);
    expect(await page.$eval('section.bucket pre.case', (el) => el.textContent)).toContain(evil);
    await page.close();
  });
});

describe('a campaign of one snapshot', () => {
  it('still draws a point on every chart', async () => {
    const dir = join(root, 'one-snapshot');
    mkdirSync(dir);
    const sum = JSON.parse(readFileSync(join(campaign, 'summary.json'), 'utf8')) as Summary & { timeline: unknown[] };
    sum.timeline = sum.timeline.slice(-1);
    writeFileSync(join(dir, 'summary.json'), JSON.stringify(sum));
    const { page, errors } = await open(await writeReport(dir));
    expect(errors).toEqual([]);
    await expectChartsDrawn(page);
    await page.close();
  });
});

// in-process from here on: no process to start, so these take milliseconds
describe('a bucket that cannot be re-run', () => {
  it('says so in its section instead of failing the report', async () => {
    const dir = join(root, 'gone');
    mkdirSync(dir);
    const sum = JSON.parse(readFileSync(join(campaign, 'summary.json'), 'utf8')) as Summary & { buckets: Array<Record<string, unknown>> };
    sum.buckets = [{ ...sum.buckets[0], file: join(dir, 'corpus', 'gone.mm'), witness: '' }];
    writeFileSync(join(dir, 'summary.json'), JSON.stringify(sum));
    const html = readFileSync(await writeReport(dir), 'utf8');
    expect(html).toContain('Could not re-run this case: the case file');
  });

  it('and a target that cannot be opened is named in every section', async () => {
    const dir = join(root, 'kernel');
    mkdirSync(dir);
    const sum = JSON.parse(readFileSync(join(campaign, 'summary.json'), 'utf8')) as Summary & { settings: Record<string, unknown> };
    sum.settings.targets = 'model,nosuchtarget';
    writeFileSync(join(dir, 'summary.json'), JSON.stringify(sum));
    const html = readFileSync(await writeReport(dir), 'utf8');
    expect(html.match(/Could not re-run this case: cannot open the targets model,nosuchtarget here/g)).toHaveLength(sum.buckets.length);
  });
});

describe('mmdiff report rejects bad input in one line, exit 2', () => {
  const dirWith = (name: string, summary: string | null): string => {
    const dir = join(root, name);
    mkdirSync(dir, { recursive: true });
    if (summary !== null) writeFileSync(join(dir, 'summary.json'), summary);
    return dir;
  };
  const cases: Array<[string, () => string, RegExp]> = [
    ['missing directory', () => join(root, 'nope'), /nope: no such directory$/],
    ['a file, not a directory', () => join(campaign, 'summary.json'), /not a directory/],
    ['no summary.json', () => dirWith('empty', null), /summary\.json: no such file/],
    ['summary.json not JSON', () => dirWith('notjson', '{"settings": '), /summary\.json: not valid JSON/],
    ['summary.json not an object', () => dirWith('array', '[]'), /malformed summary: not a JSON object$/],
    ['summary.json of the wrong shape', () => dirWith('shape', '{"settings": {"targets": "model,impl"}, "programs": 1, "elapsedMs": 1, "features": [], "timeline": [], "buckets": [{"signature": 3}]}'), /malformed summary: buckets\[0\]\.signature is not a string$/],
    ['a timeline entry without numbers', () => dirWith('timeline', '{"settings": {"targets": "model,impl"}, "programs": 1, "elapsedMs": 1, "features": [], "timeline": [{}], "buckets": []}'), /malformed summary: timeline\[0\]\.elapsedMs is not a number$/],
  ];
  it.each(cases)('%s', async (_name, dir, msg) => {
    const e = await writeReport(dir()).then(() => null, (x: unknown) => x);
    expect(e).toBeInstanceOf(UserError);
    expect((e as Error).message).toMatch(msg);
  });

  it('through the CLI: one line on stderr, exit 2, no stack trace', async () => {
    for (const [args, msg] of [[[join(root, 'nope')], /^mmdiff: .*nope: no such directory$/], [[], /^mmdiff: report: expected one DIR, got 0$/]] as const) {
      const r = await mmdiff(['report', ...args]);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.trimEnd().split('\n')).toHaveLength(1);
      expect(r.err.trimEnd()).toMatch(msg);
    }
  });

  it('prints help', async () => {
    const r = await mmdiff(['report', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^usage: mmdiff report DIR/);
  });
});
