// mmdiff's version, read from package.json once: `mmdiff --version` prints it and
// fuzzer_stats carries it (afl_version), so the two can never disagree. The file is
// looked for above this module, which runs from fuzz/ (tsx) or dist/fuzz/ (built).

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function readVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 3; i++, dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    try {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'mmdiff' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // not our package.json (or unreadable): keep looking upwards
    }
  }
  return 'unknown';
}

export const MMDIFF_VERSION = readVersion();
