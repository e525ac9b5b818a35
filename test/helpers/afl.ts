// Debian's afl++ for the tests that check mmdiff's fuzzer_stats with AFL++'s own
// afl-whatsup. Unlike the browser (helpers/chromium.ts), a machine where it cannot be
// had skips those tests with the reason: fuzzer_stats is an interface to another
// project's tool.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const AFL_WHATSUP = '/usr/bin/afl-whatsup';

function apt(args: string[]): { ok: boolean; output: string } {
  const r = spawnSync('apt-get', args, { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, timeout: 600_000 });
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

/** Where a downloaded copy of the package is unpacked (kept between runs). */
const CACHE = join(process.cwd(), 'node_modules', '.cache', 'mmdiff-afl');

/**
 * The path of afl-whatsup, or why it is not there and could not be had. afl-whatsup is a
 * shell script: where the package is not installed, Debian's afl++ .deb is downloaded
 * and unpacked (apt-get download, dpkg-deb -x) instead of installed, which would pull in
 * clang and take minutes.
 */
export function ensureAflWhatsup(): { path: string } | { missing: string } {
  if (existsSync(AFL_WHATSUP)) return { path: AFL_WHATSUP };
  const cached = join(CACHE, 'usr', 'bin', 'afl-whatsup');
  if (existsSync(cached)) return { path: cached };
  if (process.platform !== 'linux') return { missing: `${AFL_WHATSUP} is missing and this is not Linux` };
  const dl = mkdtempSync(join(tmpdir(), 'mmdiff-afl-'));
  const download = () => spawnSync('apt-get', ['download', 'afl++'], { cwd: dl, encoding: 'utf8', timeout: 120_000 });
  let r = download();
  // the package lists may be missing or stale on a fresh machine
  if (r.status !== 0 && apt(['update']).ok) r = download();
  const deb = readdirSync(dl).find((f) => f.endsWith('.deb'));
  if (r.status !== 0 || !deb) return { missing: `could not download Debian's afl++ package: ${`${r.stderr ?? ''}${r.error ?? ''}`.trim().split('\n').slice(-2).join(' | ')}` };
  mkdirSync(CACHE, { recursive: true });
  const x = spawnSync('dpkg-deb', ['-x', join(dl, deb), CACHE], { encoding: 'utf8', timeout: 60_000 });
  if (x.status !== 0 || !existsSync(cached)) return { missing: `could not unpack ${deb}: ${(x.stderr ?? '').trim()}` };
  process.stderr.write(`unpacked afl-whatsup from ${deb}\n`);
  return { path: cached };
}
