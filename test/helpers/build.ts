// vitest globalSetup: compiles the sources to dist/ once, so the tests' child processes
// run `bin/mmdiff.js` as users do, instead of each transforming the whole project
// through tsx again (about 1 s of CPU a child, and again in each of its worker threads).

import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

export default function setup(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  // type errors still emit JavaScript; only a compiler that could not run stops the suite
  if (r.status !== 0 && r.status !== 2) throw new Error(`tsc -p tsconfig.json failed (${r.status ?? r.signal}): ${r.stderr || r.stdout}`);
}
