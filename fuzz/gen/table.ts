// The generator as a table: each op's argument resolver (one file per syscall family
// under ops/), which ops bind their result for later ops, and how often each op is
// drawn in each flavour of program.

import type { OpName } from '../../abi/index.js';
import type { Flavor } from './context.js';
import type { Resolver } from './site.js';
import { exec, memWrite, read, write } from './ops/access.js';
import { madvise } from './ops/madvise.js';
import { brk, mmap, mremap, munmap } from './ops/mmap.js';
import { exit, fork } from './ops/process.js';
import { mprotect, mseal, pkeyAlloc, pkeyFree, pkeyMprotect, wrpkru } from './ops/protect.js';
import { archPrctl, call, incssp, mapShadowStack, ret, rstorssp, saveprevssp, signal, sigreturn, wrss } from './ops/shstk.js';
import { close, trampfdCreate, trampfdWriteCode, trampfdWriteData } from './ops/trampfd.js';

export const RESOLVERS: Readonly<Record<OpName, Resolver>> = {
  mmap, munmap, mremap, brk,
  mprotect, pkey_mprotect: pkeyMprotect, pkey_alloc: pkeyAlloc, pkey_free: pkeyFree, wrpkru, mseal,
  madvise,
  fork, exit,
  read, write, exec, mem_write: memWrite,
  map_shadow_stack: mapShadowStack, arch_prctl: archPrctl, call, ret, wrss, rstorssp, saveprevssp, incssp, signal, sigreturn,
  trampfd_create: trampfdCreate, trampfd_write_code: trampfdWriteCode, trampfd_write_data: trampfdWriteData, close,
};

/** Ops whose result later ops use: addresses, descriptors, pkeys. */
export const BINDS: ReadonlySet<OpName> = new Set<OpName>(['mmap', 'mremap', 'brk', 'map_shadow_stack', 'trampfd_create', 'pkey_alloc']);

/** The shadow-stack ops (SEMANTICS §10). */
export const SHSTK_OPS: readonly OpName[] = ['map_shadow_stack', 'arch_prctl', 'call', 'ret', 'wrss', 'rstorssp', 'saveprevssp', 'incssp', 'signal', 'sigreturn'];
/** The trampfd ops (SEMANTICS §11); mmap of a trampfd and exec of its slots come from mmap and exec. */
export const TRAMPFD_OPS: readonly OpName[] = ['trampfd_create', 'trampfd_write_code', 'trampfd_write_data', 'close'];

const MM_WEIGHTS: ReadonlyArray<readonly [OpName, number]> = [
  ['mmap', 18], ['munmap', 7], ['mprotect', 9], ['pkey_mprotect', 3], ['pkey_alloc', 2], ['pkey_free', 1],
  ['mseal', 6], ['madvise', 10], ['mremap', 6], ['brk', 3], ['fork', 3], ['exit', 1],
  ['read', 10], ['write', 14], ['exec', 2], ['wrpkru', 2], ['mem_write', 4],
];

export const WEIGHTS: Readonly<Record<Flavor, ReadonlyArray<readonly [OpName, number]>>> = {
  mm: [
    ...MM_WEIGHTS,
    ['map_shadow_stack', 1], ['arch_prctl', 1], ['call', 1], ['ret', 1], ['wrss', 1], ['rstorssp', 1],
    ['trampfd_create', 1], ['trampfd_write_code', 1], ['trampfd_write_data', 1], ['close', 1],
  ],
  shstk: [
    ['mmap', 6], ['munmap', 4], ['mprotect', 5], ['pkey_mprotect', 1], ['pkey_alloc', 1], ['mseal', 2], ['madvise', 5],
    ['mremap', 2], ['fork', 3], ['exit', 1], ['read', 5], ['write', 3], ['wrpkru', 1],
    ['map_shadow_stack', 8], ['arch_prctl', 7], ['call', 10], ['ret', 9], ['wrss', 5], ['rstorssp', 5],
    ['saveprevssp', 4], ['incssp', 3], ['signal', 5], ['sigreturn', 3], ['mem_write', 3],
  ],
  // huge pages: whole and partial 2 MiB blocks touched, split (munmap, mprotect, madvise,
  // mremap, fork then write), collapsed
  thp: [
    ['mmap', 7], ['munmap', 6], ['mprotect', 8], ['pkey_mprotect', 1], ['pkey_alloc', 1], ['mseal', 2], ['madvise', 14],
    ['mremap', 5], ['fork', 4], ['exit', 1], ['read', 8], ['write', 14], ['wrpkru', 1], ['mem_write', 3],
  ],
  trampfd: [
    ['mmap', 14], ['munmap', 4], ['mprotect', 5], ['pkey_mprotect', 1], ['pkey_alloc', 1], ['mseal', 2], ['madvise', 4],
    ['mremap', 3], ['fork', 3], ['exit', 1], ['read', 5], ['write', 10], ['wrpkru', 1], ['exec', 10],
    ['trampfd_create', 6], ['trampfd_write_code', 6], ['trampfd_write_data', 6], ['close', 3], ['mem_write', 3],
  ],
};

/** The scene a flavoured program's first recipes mostly set (each step kept with chance 7/8). */
export const OPENINGS: Readonly<Record<Flavor, readonly OpName[]>> = {
  mm: [],
  // enable shadow stacks, map a second stack to pivot to, enable WRSS
  shstk: ['arch_prctl', 'map_shadow_stack', 'arch_prctl'],
  // memory for trampfd_info and the tables, the trampfd, its descriptors, its page
  trampfd: ['mmap', 'trampfd_create', 'trampfd_write_code', 'trampfd_write_data', 'mmap'],
  // a mapping of 2 MiB blocks (THP-aligned when a multiple of 2 MiB), MADV_HUGEPAGE on it, a touch
  thp: ['mmap', 'madvise', 'write'],
};

const namesCache = new Map<string, OpName[]>();
/** The weighted op list a recipe's `op` indexes for a flavour, without the excluded ops. */
export function opTable(flavor: Flavor, exclude: readonly OpName[] = []): OpName[] {
  const key = flavor + ':' + exclude.join(',');
  let names = namesCache.get(key);
  if (!names) {
    names = [];
    for (const [n, w] of WEIGHTS[flavor]) if (!exclude.includes(n)) for (let i = 0; i < w; i++) names.push(n);
    namesCache.set(key, names);
  }
  return names;
}
