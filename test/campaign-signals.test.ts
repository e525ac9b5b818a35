// A campaign stopped by a signal writes what it found and says how it ended (exit
// 128 + the signal); a second campaign on the same --out is refused while the first
// runs; a full disk stops a campaign with one line and leaves its files whole.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { CLI, mmdiff } from './helpers/cli.js';
const tmp = (name: string) => mkdtempSync(join(tmpdir(), `mmdiff-${name}-`));

function start(out: string, ...args: string[]): { child: ChildProcess; exit: Promise<number | null>; err: () => string } {
  const child = spawn(CLI[0], [...CLI.slice(1), 'fuzz', '--workers', '1', '--minutes', '10', '--seed', '5', '--out', out, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d) => (err += String(d)));
  const exit = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, exit, err: () => err };
}

/** Waits until `cond` holds (polling), or fails after `ms` — a bound, not a duration the test relies on. */
async function until(cond: () => boolean, ms = 90_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.concurrent('signals', () => {
  for (const [sig, code] of [['SIGTERM', 143], ['SIGINT', 130], ['SIGHUP', 129]] as const) {
    it(`${sig}: the summary is written and the exit status is ${code}`, async () => {
      const out = tmp('sig');
      const c = start(out);
      await until(() => existsSync(join(out, 'state.json')));
      c.child.kill(sig);
      expect(await c.exit, c.err()).toBe(code);
      const s = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
      expect(s.stopped).toBe('interrupted');
      expect(s.programs).toBeGreaterThan(0);
      expect(existsSync(join(out, '.lock'))).toBe(false);
    }, 120_000);
  }
});

describe('one campaign per output directory', () => {
  it('refuses a second campaign on the same --out while the first runs, and takes over the lock of a dead one', async () => {
    const out = tmp('lock');
    const first = start(out);
    await until(() => existsSync(join(out, 'state.json')));
    const second = await mmdiff(['fuzz', '--runs', '10', '--out', out]);
    expect(second.code).toBe(2);
    expect(second.err.trim().split('\n')).toEqual([expect.stringMatching(/--out .* is in use by another campaign \(pid \d+\)/)]);
    first.child.kill('SIGKILL');
    await first.exit;
    // the lock of a process that is gone is taken over: the campaign resumes
    const third = await mmdiff(['fuzz', '--workers', '1', '--runs', '1000', '--out', out]);
    expect(third.code, third.err).toBe(0);
    expect(third.err).toMatch(/resuming the campaign/);
  }, 180_000);
});

describe('a full disk', () => {
  it('stops the campaign with one line, a non-zero status, and whole files', async (ctx) => {
    const mnt = tmp('full');
    // a 256 KiB tmpfs: room for the first checkpoint, not for the campaign
    const m = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mnt], { encoding: 'utf8' });
    // reported as skipped (not passed) where no tmpfs can be mounted
    if (m.status !== 0) ctx.skip(`cannot mount a tmpfs here (${m.stderr.trim()})`);
    try {
      const out = join(mnt, 'out');
      mkdirSync(out);
      const r = await mmdiff(['fuzz', '--workers', '1', '--runs', '200000', '--seed', '3', '--out', out], { env: { ...process.env, MMDIFF_INJECT: 'mseal-mprotect-last' } });
      expect(r.code, r.err).not.toBe(0);
      expect(r.code).not.toBeNull();
      const lines = r.err.trim().split('\n');
      expect(lines[lines.length - 1]).toMatch(/cannot write \(ENOSPC\)/);
      expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
      // every file there is whole: the checkpoint parses (if one was written), no temp file is left
      if (existsSync(join(out, 'state.json'))) expect(() => JSON.parse(readFileSync(join(out, 'state.json'), 'utf8'))).not.toThrow();
      const left = spawnSync('find', [out, '-name', '*.tmp'], { encoding: 'utf8' }).stdout.trim();
      expect(left).toBe('');
    } finally {
      spawnSync('umount', [mnt]);
      rmSync(mnt, { recursive: true, force: true });
    }
  }, 180_000);
});
