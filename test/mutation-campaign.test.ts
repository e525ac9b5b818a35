// The command `npm run bench:mutation` gives Stryker (bench/mutation/campaign.ts): a
// killed mutant is a non-zero exit, a survivor zero. Stryker itself is a benchmark and
// never runs here; a bug of bench/mutants/ (MMDIFF_INJECT) stands in for its mutant.

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

async function campaign(env: Record<string, string>): Promise<{ code: number; out: string }> {
  const e = { ...process.env, ...env };
  delete e.__STRYKER_ACTIVE_MUTANT__;
  delete e.MMDIFF_MUTATION_LOG;
  delete e.MMDIFF_MUTATION_SECONDS;
  try {
    // from the sources, as Stryker runs it; a limit for a loaded machine, not a wait
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'bench/mutation/campaign.ts'], { env: e, timeout: 150_000 });
    return { code: 0, out: stdout };
  } catch (err) {
    const x = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof x.code === 'number' ? x.code : -1, out: `${x.stdout ?? ''}${x.stderr ?? ''}` };
  }
}

describe('bench/mutation/campaign.ts', () => {
  it('exits 1 when the campaign finds a divergence (a killed mutant) and 0 on the clean impl', async () => {
    const [bug, clean] = await Promise.all([
      campaign({ MMDIFF_INJECT: 'dontneed-keeps-zero', MMDIFF_MUTATION_RUNS: '3000' }),
      campaign({ MMDIFF_INJECT: '', MMDIFF_MUTATION_RUNS: '300' }),
    ]);
    expect(bug.out).toMatch(/killed by /);
    expect(bug.code).toBe(1);
    expect(clean.out).toMatch(/: 300 programs in .*: no divergence/);
    expect(clean.code).toBe(0);
  }, 160_000);
});
