// Runs `mmdiff ...` as a child process without blocking the test worker: a spawnSync
// of a long campaign stops the worker's event loop, and vitest's RPC then times out
// ("Timeout calling onTaskUpdate") on a loaded machine. A child still running after
// `timeoutMs` is killed with SIGKILL (a hung child never hangs the suite).

import { spawn } from 'node:child_process';

export interface CliRun {
  /** The exit status; null when the child was killed by a signal (then `signal`). */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly out: string;
  readonly err: string;
}

/** The compiled CLI (test/helpers/build.ts compiles it before the suite). */
export const CLI = [process.execPath, 'bin/mmdiff.js'];

export function mmdiff(args: readonly string[], opts: { env?: Record<string, string | undefined>; timeoutMs?: number } = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(CLI[0], [...CLI.slice(1), ...args], { env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (err += String(d)));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 150_000);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, out, err });
    });
  });
}
