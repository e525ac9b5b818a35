// One running kernel helper (kernel/build/mmdiff-helper): spawns it, reads its HELLO,
// sends PROGRAM messages as fast as the caller submits them (pipelining) and resolves
// each submission with its REPLY, in order. When the helper dies, every submission
// still waiting is rejected with a HelperDied error carrying the helper's last stderr.

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeHello, decodeReply, MSG_HELLO, MSG_REPLY, type Hello, type Reply } from './protocol.js';

/** kernel/build/mmdiff-helper, found from this file both in the tree and in dist/. */
export function defaultHelperPath(): string {
  if (process.env.MMDIFF_HELPER) return process.env.MMDIFF_HELPER;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const p = join(dir, 'kernel', 'build', 'mmdiff-helper');
    if (existsSync(p)) return p;
    const q = join(dir, 'build', 'mmdiff-helper');
    if (existsSync(q)) return q;
    dir = dirname(dir);
  }
  return join(dirname(fileURLToPath(import.meta.url)), 'build', 'mmdiff-helper');
}

export class HelperDied extends Error {
  override name = 'HelperDied';
}

interface Pending {
  readonly resolve: (r: Reply) => void;
  readonly reject: (e: Error) => void;
}

export class HelperProcess {
  readonly hello: Hello;
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly pending: Pending[] = [];
  private chunks: Buffer[] = [];
  private buffered = 0;
  private stderr = '';
  private deadError: HelperDied | null = null;
  private exited: Promise<void>;

  private constructor(child: ChildProcessWithoutNullStreams, hello: Hello, rest: Buffer[], exited: Promise<void>) {
    this.child = child;
    this.hello = hello;
    this.exited = exited;
    for (const b of rest) this.onData(b);
  }

  /** Starts a helper and waits for its HELLO. `args`: `--thp` keeps the system's THP setting. */
  static start(path = defaultHelperPath(), args: readonly string[] = []): Promise<HelperProcess> {
    if (!existsSync(path)) {
      return Promise.reject(new Error(`kernel helper not built: ${path} is missing (run \`npm run build:helper\`)`));
    }
    return new Promise((resolve, reject) => {
      const child = spawn(path, [...args], { stdio: ['pipe', 'pipe', 'pipe'] });
      let stderr = '';
      let got: Buffer[] = [];
      let size = 0;
      let helper: HelperProcess | null = null;
      const exited = new Promise<void>((res) => child.once('exit', () => res()));
      const onErr = (d: Buffer) => {
        if (helper) helper.stderr = (helper.stderr + d.toString()).slice(-2000);
        else stderr = (stderr + d.toString()).slice(-2000);
      };
      child.stderr.on('data', onErr);
      const onData = (d: Buffer) => {
        got.push(d);
        size += d.length;
        if (size < 8) return;
        const all = Buffer.concat(got);
        const type = all.readUInt32LE(0);
        const len = all.readUInt32LE(4);
        if (all.length < 8 + len) {
          got = [all];
          return;
        }
        child.stdout.off('data', onData);
        child.off('exit', onEarlyExit);
        if (type !== MSG_HELLO) {
          child.kill('SIGKILL');
          reject(new Error(`kernel helper: expected HELLO, got message type ${type}`));
          return;
        }
        let hello: Hello;
        try {
          hello = decodeHello(all.subarray(8, 8 + len));
        } catch (e) {
          child.kill('SIGKILL');
          reject(e);
          return;
        }
        helper = new HelperProcess(child, hello, [all.subarray(8 + len)], exited);
        helper.stderr = stderr;
        resolve(helper);
      };
      const onEarlyExit = (code: number | null, sig: string | null) => {
        reject(new Error(`kernel helper exited before HELLO (${sig ?? `exit ${code}`}): ${stderr.trim() || 'no message'}`));
      };
      child.once('exit', onEarlyExit);
      child.once('error', (e) => reject(new Error(`kernel helper: ${e.message}`)));
      child.stdout.on('data', onData);
    }).then((h) => {
      const helper = h as HelperProcess;
      helper.attach();
      return helper;
    });
  }

  private attach(): void {
    this.child.stdout.on('data', (d: Buffer) => this.onData(d));
    this.child.stdin.on('error', () => {}); // EPIPE after a death: reported through 'exit'
    this.child.once('exit', (code, sig) => {
      const why = sig ? `killed by ${sig}` : `exit ${code}`;
      this.deadError = new HelperDied(`kernel helper died (${why})${this.stderr.trim() ? ': ' + this.stderr.trim() : ''}`);
      for (const p of this.pending.splice(0)) p.reject(this.deadError);
    });
  }

  get alive(): boolean {
    return this.deadError === null;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Number of programs sent and not yet answered. */
  get inFlight(): number {
    return this.pending.length;
  }

  /** Sends one encoded PROGRAM; resolves with its REPLY. */
  submit(msg: Buffer): Promise<Reply> {
    if (this.deadError) return Promise.reject(this.deadError);
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      this.child.stdin.write(msg);
    });
  }

  private onData(d: Buffer): void {
    if (!d.length) return;
    this.chunks.push(d);
    this.buffered += d.length;
    for (;;) {
      if (this.buffered < 8) return;
      let head = this.chunks[0];
      if (head.length < 8) {
        head = Buffer.concat(this.chunks);
        this.chunks = [head];
      }
      const len = head.readUInt32LE(4);
      if (this.buffered < 8 + len) return;
      if (head.length < 8 + len) {
        head = Buffer.concat(this.chunks);
        this.chunks = [head];
      }
      const type = head.readUInt32LE(0);
      const body = head.subarray(8, 8 + len);
      const rest = head.subarray(8 + len);
      this.chunks[0] = rest;
      if (!rest.length) this.chunks.shift();
      this.buffered -= 8 + len;
      const p = this.pending.shift();
      if (!p) continue;
      if (type !== MSG_REPLY) {
        p.reject(new Error(`kernel helper: expected REPLY, got message type ${type}`));
        continue;
      }
      try {
        p.resolve(decodeReply(body));
      } catch (e) {
        p.reject(e as Error);
      }
    }
  }

  /** SIGKILL (tests use it to simulate a crash). */
  kill(): void {
    this.child.kill('SIGKILL');
  }

  /** Ends the helper: closes its stdin (it exits when input ends) and waits. */
  async close(): Promise<void> {
    if (this.deadError) return;
    this.child.stdin.end();
    const t = setTimeout(() => this.child.kill('SIGKILL'), 2000);
    await this.exited;
    clearTimeout(t);
  }
}
