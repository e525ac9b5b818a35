// fuzzer_stats, checked with AFL++'s own afl-whatsup: a campaign with --sync-dir is
// one live fuzzer of the sync directory while it runs, and afterwards (a dead
// instance, `-d`) its statistics add up to what summary.json says. Also: every queue
// entry is a file of OUT/queue/, and no value in fuzzer_stats can run as shell when
// afl-whatsup sources the file.

import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from '../abi/index.js';
import { fuzzerStats, rulesReached, statValue } from '../fuzz/campaign/stats.js';
import type { Summary } from '../fuzz/campaign.js';
import { ensureAflWhatsup } from './helpers/afl.js';
import { mmdiff } from './helpers/cli.js';

const root = mkdtempSync(join(tmpdir(), 'mmdiff-stats-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** fuzzer_stats as key → value. */
function readStats(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').trimEnd().split('\n')) {
    const m = /^(\w+)\s*: (.*)$/.exec(line);
    expect(m, `fuzzer_stats line ${JSON.stringify(line)}`).not.toBeNull();
    out[m![1]] = m![2];
  }
  return out;
}

async function whatsup(path: string, ...args: string[]): Promise<string> {
  // tput complains without a terminal; its complaints go to stderr, ignored
  const r = await promisify(execFile)(path, [...args], { encoding: 'utf8', env: { ...process.env, TERM: 'dumb' } });
  return r.stdout;
}

const afl = ensureAflWhatsup();
const skip = 'missing' in afl ? afl.missing : '';
if (skip) console.warn(`fuzzer-stats: afl-whatsup tests skipped: ${skip}`);

describe('fuzzer_stats read by afl-whatsup', () => {
  it.skipIf(skip !== '')(`a --sync-dir instance is a live fuzzer while it runs, and its execs add up afterwards${skip ? ` (skipped: ${skip})` : ''}`, async () => {
    const whatsupPath = (afl as { path: string }).path;
    const sync = join(root, 'sync');
    const out = join(root, 'out');
    const stats = join(sync, 'a', 'fuzzer_stats');
    const run = mmdiff(['fuzz', '--sync-dir', sync, '--instance', 'a', '--out', out, '--minutes', '0.3', '--workers', '1', '--seed', '3']);
    let done = false;
    void run.then(() => (done = true));
    // while it runs: afl-whatsup (the full listing, which does the most arithmetic) sees one live fuzzer
    let live = '';
    while (!done && !live) {
      if (existsSync(stats)) live = await whatsup(whatsupPath, sync);
      else await new Promise((r) => setTimeout(r, 200));
    }
    const r = await run;
    expect(r.code, r.err).toBe(0);
    expect(live, 'the campaign ended before it wrote fuzzer_stats').not.toBe('');
    expect(live).toMatch(/>>> a \(0 days, 0 hrs\) fuzzer PID: \d+ <<</);
    expect(live).toMatch(/Fuzzers alive : 1\n/);
    expect(live).not.toMatch(/division by zero|not found|bad number|Illegal number/);

    const sum = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Summary;
    const s = readStats(stats);
    expect(readStats(join(out, 'fuzzer_stats'))).toMatchObject({ execs_done: s.execs_done, afl_banner: 'a' });
    expect(Number(s.execs_done)).toBe(sum.programs);
    expect(s).toMatchObject({ afl_banner: 'a', afl_version: 'mmdiff-0.1.0', target_mode: 'differential model,impl', saved_crashes: '0', saved_hangs: '0', last_crash: '0' });
    for (const k of ['start_time', 'last_update', 'run_time', 'fuzzer_pid', 'cycles_done', 'execs_done', 'corpus_count', 'cur_item', 'pending_favs', 'pending_total', 'last_find', 'last_crash', 'last_hang', 'exec_timeout']) {
      expect(s[k], k).toMatch(/^\d+$/);
    }
    expect(Number(s.corpus_count)).toBeGreaterThan(0);
    expect(s.bitmap_cvg).toMatch(/^\d+\.\d\d%$/);
    expect(Number(s.edges_found)).toBeLessThanOrEqual(Number(s.total_edges));
    expect(Number(s.last_update) - Number(s.start_time)).toBeGreaterThanOrEqual(Number(s.run_time) - 1);
    expect(s.command_line).toMatch(/fuzz --sync-dir .* --instance a /);

    // afterwards the instance is dead: excluded, unless -d, and then its execs are counted
    const dead = await whatsup(whatsupPath, '-s', '-d', sync);
    expect(dead).toMatch(/Fuzzers alive : 0\n/);
    expect(dead).toMatch(/Dead or remote : 1 \(included in stats\)/);
    const m = Math.floor(sum.programs / 1e6);
    const k = Math.floor(sum.programs / 1000) % 1000;
    expect(dead).toContain(`Total execs : ${m > 0 ? `${m} millions, ${k} thousands` : `${k} thousands`}`);
    expect(dead).toMatch(/Crashes saved : 0\n/);

    // the queue as files: every entry of OUT/queue/ is a case; the sync dir has those it found
    const queue = readdirSync(join(out, 'queue')).sort();
    expect(queue.length).toBeGreaterThanOrEqual(Number(s.corpus_count));
    expect(queue[0]).toBe('id-000000.mm');
    for (const f of queue) expect(() => parse(readFileSync(join(out, 'queue', f), 'utf8')), f).not.toThrow();
    expect(queue.length).toBeGreaterThanOrEqual(readdirSync(join(sync, 'a', 'queue')).length);
  }, 180_000);
});

describe('fuzzer_stats values', () => {
  const base = {
    startMs: 1_700_000_000_000, nowMs: 1_700_000_060_500, elapsedMs: 60_500, pid: 42, programs: 12_345, rate: 204, lastMinuteRate: 198,
    corpus: 0, features: 812, buckets: 3, hangs: 1, lastFindMs: 1_700_000_050_000, lastCrashMs: 0, lastHangMs: 0, programsSinceCrash: 12_345,
    execTimeoutMs: 60, peakRssMb: 300, unsupported: 2, flaky: 0, banner: 'a', targets: 'model,impl', commandLine: 'mmdiff fuzz',
  };
  it('are in AFL++ format, integers where afl-whatsup computes, a divisor never 0', () => {
    const text = fuzzerStats(base);
    expect(text).toMatch(/^start_time {8}: 1700000000\nlast_update {7}: 1700000060\nrun_time {10}: 60\nfuzzer_pid {8}: 42\n/);
    expect(text).toContain('execs_done        : 12345\n');
    expect(text).toContain('corpus_count      : 1\n'); // a --blind campaign: afl-whatsup divides by it
    expect(text).toContain('saved_crashes     : 3\nsaved_hangs       : 1\n');
    expect(text).toContain('last_find         : 1700000050\nlast_crash        : 0\n');
    expect(text).toContain('bitmap_cvg        : n/a\n');
    expect(fuzzerStats({ ...base, rules: { reached: 1, known: 4 } })).toContain('bitmap_cvg        : 25.00%\n');
    expect(text.endsWith('command_line      : mmdiff fuzz\n')).toBe(true);
  });
  it('count a model rule once, whatever variants of it (+pkey, +shstk) were reached', () => {
    expect(rulesReached(['mmap:ok', 'mmap:ok+pkey', 'mprotect:sealed+shstk', 'op:mmap'], new Set(['mmap:ok', 'mprotect:sealed', 'munmap:ok']))).toBe(2);
  });
  it('cannot carry shell into afl-whatsup, which sources the file', () => {
    const hostile = 'x"; touch /tmp/pwned; echo "$(id)`id`\\\nevil=1';
    const v = statValue(hostile);
    expect(v).not.toMatch(/["$`\\\n\r]/);
    const text = fuzzerStats({ ...base, banner: hostile, commandLine: hostile, targets: hostile });
    expect(text.split('\n').filter(Boolean)).toHaveLength(fuzzerStats(base).split('\n').filter(Boolean).length);
  });
});
