// `mmdiff smoke` for CI systems: --junit writes one testcase per replayed corpus case
// and one per campaign, a failure holding the case and the command that reproduces it;
// under GITHUB_ACTIONS=true every divergence is an ::error annotation on its file; and
// the log itself shows the minimized case and the repro command. The divergences come
// from an injected impl bug (MMDIFF_INJECT=mseal-mprotect-last).

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { githubError, junitXml, xmlEscape } from '../cli/junit.js';
import { mmdiff } from './helpers/cli.js';

const root = mkdtempSync(join(tmpdir(), 'mmdiff-junit-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const CLEAN = '# mmdiff 1\nr0 = mmap(NULL, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)\nwrite(r0, 0x41) = 0\nread(r0) = 0x41\n';
/** Line 5 is the op whose result the injected bug changes. */
const SEALED = '# mmdiff 1\n# mprotect of a sealed mapping: EPERM\nr0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)\nmseal(r0, 0x1000, 0)\nmprotect(r0, 0x1000, PROT_READ) = -EPERM\n';

function corpus(name: string, cases: Record<string, string>): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [f, text] of Object.entries(cases)) writeFileSync(join(dir, f), text);
  return dir;
}

const env = (extra: Record<string, string>) => {
  const e: Record<string, string | undefined> = { ...process.env, ...extra };
  if (!extra.MMDIFF_INJECT) delete e.MMDIFF_INJECT;
  if (!extra.GITHUB_ACTIONS) delete e.GITHUB_ACTIONS;
  return e;
};

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The XML, loosely: the testcases (name, body) and the failures' text. */
function readJUnit(file: string) {
  const xml = readFileSync(file, 'utf8');
  expect(xml).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites [^>]*>\n[\s\S]*<\/testsuites>\n$/);
  const cases = [...xml.matchAll(/<testcase ([^>]*?)(\/>|>([\s\S]*?)<\/testcase>)/g)].map((m) => ({ name: unescape(/(?:^|\s)name="([^"]*)"/.exec(m[1])![1]), body: m[3] ?? '' }));
  const failures = [...xml.matchAll(/<failure message="([^"]*)"[^>]*>([\s\S]*?)<\/failure>/g)].map((m) => ({ message: unescape(m[1]), text: unescape(m[2]) }));
  const top = /<testsuites ([^>]*)>/.exec(xml)![1];
  return { xml, cases, failures, tests: Number(/tests="(\d+)"/.exec(top)![1]), failed: Number(/failures="(\d+)"/.exec(top)![1]) };
}

describe('mmdiff smoke --junit', () => {
  it('a corpus case that diverges: its testcase fails with the case and the repro command; the campaigns are skipped', async () => {
    const dir = corpus('diverging', { 'clean.mm': CLEAN, 'sealed.mm': SEALED });
    const junit = join(root, 'a.xml');
    const r = await mmdiff(['smoke', '--corpus', dir, '--seconds', '0', '--out', join(root, 'out-a'), '--junit', junit], { env: env({ MMDIFF_INJECT: 'mseal-mprotect-last', GITHUB_ACTIONS: 'true' }) });
    expect(r.code, r.err).toBe(1);
    const j = readJUnit(junit);
    // two corpus cases, and one campaign per profile (model,impl: 6.18 and 6.10), not run
    expect(j.cases.map((c) => c.name)).toEqual([join(dir, 'clean.mm'), join(dir, 'sealed.mm'), 'fuzz model,impl', 'fuzz model@6.10,impl@6.10']);
    expect(j.tests).toBe(4);
    expect(j.failed).toBe(1);
    expect(j.cases[0].body).toBe('');
    expect(j.cases[2].body).toMatch(/<skipped message="not run: the corpus replay failed"\/>/);
    expect(j.failures).toHaveLength(1);
    expect(j.failures[0].message).toMatch(/mprotect/);
    expect(j.failures[0].text).toContain(SEALED);
    expect(j.failures[0].text).toContain(`MMDIFF_INJECT=mseal-mprotect-last npx mmdiff repro ${join(dir, 'sealed.mm')} --targets model,impl`);
    expect(r.out).toMatch(new RegExp(`^::error file=${join(dir, 'sealed.mm').replace(/[.]/g, '\\.')},line=5::.*mprotect`, 'm'));
    expect(r.out).toContain('repro: MMDIFF_INJECT=mseal-mprotect-last npx mmdiff repro');
  });

  it('a campaign that finds a divergence: its testcase fails with the minimized case; the log shows it too', async () => {
    const dir = corpus('clean', { 'a.mm': CLEAN, 'b.mm': 'fork()\n' });
    const junit = join(root, 'b.xml');
    const r = await mmdiff(['smoke', '--corpus', dir, '--seconds', '60', '--out', join(root, 'out-b'), '--junit', junit], { env: env({ MMDIFF_INJECT: 'mseal-mprotect-last', GITHUB_ACTIONS: 'true' }), timeoutMs: 170_000 });
    expect(r.code, r.err).toBe(1);
    const j = readJUnit(junit);
    expect(j.cases.map((c) => c.name)).toEqual([join(dir, 'a.mm'), join(dir, 'b.mm'), 'fuzz model,impl', 'fuzz model@6.10,impl@6.10']);
    expect(j.failed).toBe(1);
    expect(j.cases[2].body).toMatch(/<failure /);
    expect(j.cases[3].body).toMatch(/<skipped message="not run: fuzz model,impl found a divergence"\/>/);
    const f = j.failures[0];
    // the minimized case as written, with its header, and how to reproduce it
    const file = /^divergence: .*\n(.*\.mm)\n/m.exec(r.out)?.[1];
    expect(file, r.out).toBeDefined();
    const text = readFileSync(file!, 'utf8');
    expect(text).toMatch(/^# mmdiff 1\n(# machine .*\n)?# divergence: /);
    expect(text).toContain('mseal(');
    expect(f.text).toContain(text);
    expect(f.text).toContain(`MMDIFF_INJECT=mseal-mprotect-last npx mmdiff repro ${file} --targets model,impl`);
    // the log: the case text and the repro command, and an annotation on the case's file
    expect(r.out).toContain(text);
    expect(r.out).toContain(`repro: MMDIFF_INJECT=mseal-mprotect-last npx mmdiff repro ${file} --targets model,impl`);
    expect(r.out).toMatch(/^::error file=[^,]*\.mm,line=\d+::mmdiff smoke \(model,impl\): /m);
  }, 180_000);

  it('a clean run: every testcase passes, no annotation', async () => {
    const dir = corpus('clean2', { 'a.mm': CLEAN });
    const junit = join(root, 'c.xml');
    const r = await mmdiff(['smoke', '--corpus', dir, '--seconds', '0', '--out', join(root, 'out-c'), '--junit', junit], { env: env({ GITHUB_ACTIONS: 'true' }) });
    expect(r.code, r.err).toBe(0);
    const j = readJUnit(junit);
    expect(j.tests).toBe(3);
    expect(j.failed).toBe(0);
    expect(r.out).not.toContain('::error');
  });

  it('a bad --junit path is one line, exit 2, before anything runs', async () => {
    const r = await mmdiff(['smoke', '--seconds', '0', '--out', join(root, 'out-d'), '--junit', root]);
    expect(r).toMatchObject({ code: 2, out: '' });
    expect(r.err).toMatch(/^mmdiff: --junit .*: is a directory\n$/);
  });
});

describe('escaping', () => {
  it('XML: markup, quotes, and characters XML 1.0 cannot hold', () => {
    expect(xmlEscape(`a<b>&"c'`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;');
    expect(xmlEscape('x\x00y\x1bz\tw\n')).toBe('x\\u0000y\\u001bz\tw\n');
    const xml = junitXml('s', [{ classname: 'corpus', name: 'a"&<.mm', seconds: 0.5, failure: { message: 'm<', text: ']]></failure>' } }]);
    expect(xml).toContain('name="a&quot;&amp;&lt;.mm"');
    expect(xml).toContain('<failure message="m&lt;" type="divergence">]]&gt;&lt;/failure&gt;</failure>');
  });
  it('GitHub annotations: newlines and the property separators', () => {
    expect(githubError('a,b:c.mm', 3, '50% of\nit')).toBe('::error file=a%2Cb%3Ac.mm,line=3::50%25 of%0Ait\n');
  });
});
