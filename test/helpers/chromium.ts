// Debian's Chromium for the browser tests, installed with apt-get where it is missing
// (CI starts from a machine that may not have it; we run as root there). A machine
// where it cannot be installed fails the test with the reason: a browser test that
// silently skips would hide a broken report.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';

function apt(args: string[]): { ok: boolean; output: string } {
  const r = spawnSync('apt-get', args, { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, timeout: 600_000 });
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

/** The path of a Chromium binary, installing Debian's `chromium` package if needed. */
export function ensureChromium(): string {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  if (process.platform !== 'linux' || process.getuid?.() !== 0) {
    throw new Error(`${CHROMIUM} is missing and this process is not root on Linux: install Debian's 'chromium' package (apt-get install chromium)`);
  }
  // the package lists may be missing or stale on a fresh machine: install, else update and retry
  let r = apt(['install', '-y', 'chromium']);
  if (!r.ok) {
    const u = apt(['update']);
    r = u.ok ? apt(['install', '-y', 'chromium']) : u;
  }
  if (!r.ok || !existsSync(CHROMIUM)) {
    throw new Error(`could not install chromium with apt-get: ${r.output.trim().split('\n').slice(-3).join(' | ')}`);
  }
  process.stderr.write('installed chromium (apt-get install chromium)\n');
  return CHROMIUM;
}
