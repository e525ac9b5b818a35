// What the impl-vs-model benchmarks share: CPU time, a seeded xorshift32, the
// constants their workloads are written in.

import { MAP, PROT } from '../abi/index.js';

/**
 * CPU milliseconds of this process (user + system, all its threads): the machine is shared
 * (2 cores, load often far above 2), so wall time measures the neighbours as much as the code.
 */
export const cpuMs = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

/** xorshift32: deterministic, cheap. */
export function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}

export const B = (n: number): bigint => BigInt(n);
export const PAGE = 4096;
export const RW = B(PROT.READ | PROT.WRITE);
export const ANON = MAP.PRIVATE | MAP.ANONYMOUS;
