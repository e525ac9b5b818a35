// What an overnight campaign must survive, each through the real command line:
// kill -9 at a random moment (nothing torn, resume continues), a hung target, a
// target that throws, a worker that dies; and what it must guarantee: the same seed
// gives the same buckets and minimized files.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../abi/index.js';
import type { Summary } from '../fuzz/campaign.js';
import { CLI, mmdiff } from './helpers/cli.js';


const BUG = 'mseal-mprotect-last';

async function fuzz(env: Record<string, string>, ...args: string[]) {
  const r = await mmdiff(['fuzz', '--workers', '2', ...args], { env: { ...process.env, ...env } });
  return { code: r.code, err: r.err };
}
const summary = (out: string): Summary => JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
const tmp = (name: string) => mkdtempSync(join(tmpdir(), `mmdiff-${name}-`));

/** Every file a kill could have torn: each case parses, each JSON file parses. */
function assertWhole(dir: string): void {
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath, e.name);
    if (e.name.endsWith('.mm')) expect(() => parse(readFileSync(path, 'utf8')), path).not.toThrow();
    if (e.name.endsWith('.json')) expect(() => JSON.parse(readFileSync(path, 'utf8')), path).not.toThrow();
  }
}

describe('kill -9 and resume', () => {
  it('leaves whole files and the next run resumes the campaign', async () => {
    const out = tmp('kill');
    const child = spawn(CLI[0], [...CLI.slice(1), 'fuzz', '--workers', '2', '--minutes', '5', '--seed', '3', '--out', out], {
      env: { ...process.env, MMDIFF_INJECT: BUG },
      stdio: 'ignore',
    });
    // a random moment after the first checkpoint that holds programs (a condition, not a
    // duration: on a loaded machine the first batches may take long)
    const ran = () => {
      try {
        return JSON.parse(readFileSync(join(out, 'state.json'), 'utf8')).programs > 0;
      } catch {
        return false;
      }
    };
    const deadline = Date.now() + 100_000;
    while (!ran() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, Math.random() * 3000));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    assertWhole(out);
    const before = JSON.parse(readFileSync(join(out, 'state.json'), 'utf8'));
    expect(before.programs).toBeGreaterThan(0);

    const r = await fuzz({ MMDIFF_INJECT: BUG }, '--runs', '2000', '--seed', '99', '--out', out);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/resuming the campaign/);
    const s = summary(out);
    expect(s.resumed?.programs).toBe(before.programs);
    expect(s.programs).toBe(before.programs + 2000);
    expect(s.settings.seed).toBe(3); // the checkpoint's seed, not the new --seed
    const sigs = new Set(s.buckets.map((b) => b.signature));
    for (const b of before.buckets) expect(sigs.has(b.signature)).toBe(true);
    expect(s.timeline[0].elapsedMs).toBe(before.timeline[0].elapsedMs); // statistics continue
    assertWhole(out);
    expect(readdirSync(join(out, 'corpus')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 180_000);
});

/** Two seeds: one with mremap (the op the hang fault hits), one without; the semantic
 * suite as seeds would make the throw and exit faults replace a worker for every case
 * with a fork or brk, which is slow and tests nothing more. */
function seedDir(): string {
  const seeds = tmp('seeds');
  writeFileSync(join(seeds, 'a.mm'), 'r0 = mmap(NULL, 0x2000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)\nmremap(r0, 0x2000, 0x1000, 0, NULL)\n');
  writeFileSync(join(seeds, 'b.mm'), 'r0 = mmap(NULL, 0x2000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)\nmunmap(r0, 0x1000)\n');
  return seeds;
}

// side by side: the hang test mostly waits for its batch timeouts
describe.concurrent('a target that misbehaves becomes a bucket, and the campaign goes on', () => {
  it('a hang: detected by the batch timeout, recorded with its program; a hanging seed too, off the main thread', async () => {
    const out = tmp('hang');
    // two seeds, one of which hangs the impl: it is replayed on a worker, never on the
    // thread that answers signals, and becomes the hang bucket
    const seeds = seedDir();
    const r = await fuzz({ MMDIFF_FAULT: 'impl:hang:mremap' }, seeds, '--runs', '2000', '--seed', '1', '--batch-timeout', '5', '--out', out);
    expect(r.code, r.err).toBe(0);
    const s = summary(out);
    expect(s.programs).toBe(2000);
    const hang = s.buckets.find((b) => b.class === 'hang');
    expect(hang?.signature).toBe('hang');
    expect(hang!.count).toBeGreaterThan(1); // the seed, then generated programs
    const prog = parse(readFileSync(hang!.file, 'utf8'));
    expect(prog.ops.map((op) => op.name)).toEqual(['mmap', 'mremap']);
  }, 120_000);

  it('a target that throws: a crash bucket, minimized like any divergence', async () => {
    const out = tmp('throw');
    const r = await fuzz({ MMDIFF_FAULT: 'impl:throw:brk' }, seedDir(), '--runs', '3000', '--seed', '1', '--out', out);
    expect(r.code, r.err).toBe(0);
    const crash = summary(out).buckets.find((b) => b.class === 'crash');
    expect(crash?.signature).toMatch(/^crash in impl: Error: injected fault: brk throws/);
    expect(crash?.minimized?.opsAfter).toBeGreaterThan(0);
  }, 60_000);

  it('a worker that dies: a bucket with the program it was running', async () => {
    const out = tmp('exit');
    const r = await fuzz({ MMDIFF_FAULT: 'impl:exit:fork' }, seedDir(), '--runs', '3000', '--seed', '1', '--out', out);
    expect(r.code, r.err).toBe(0);
    const s = summary(out);
    expect(s.programs).toBe(3000);
    const dead = s.buckets.find((b) => b.signature === 'worker crash');
    expect(parse(readFileSync(dead!.file, 'utf8')).ops.some((op) => op.name === 'fork')).toBe(true);
  }, 60_000);
});

describe('determinism', () => {
  it('the same seed and options give the same buckets and minimized files', async () => {
    // the two campaigns run side by side: their outcome must not depend on the timing
    const runs = await Promise.all([tmp('det-a'), tmp('det-b')].map(async (out) => {
      const r = await fuzz({ MMDIFF_INJECT: BUG }, '--runs', '6000', '--seed', '9', '--out', out);
      expect(r.code, r.err).toBe(0);
      const s = summary(out);
      const files = Object.fromEntries(
        s.buckets.map((b) => [b.signature, readFileSync(b.file, 'utf8').replace(/^# found: .*\n/m, '')]),
      );
      return { buckets: s.buckets.map((b) => [b.signature, b.count, b.firstAt, b.minimized?.opsAfter]), files, features: s.features };
    }));
    expect(runs[0].buckets.length).toBeGreaterThan(0);
    expect(runs[1]).toEqual(runs[0]);
  }, 180_000);
});
