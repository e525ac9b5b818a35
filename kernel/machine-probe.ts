// What this host's kernel is, for the machine parameters /proc/meminfo answers:
// `ramSwap` (MemTotal + SwapTotal: totalram_pages() + total_swap_pages, the limit
// mm/util.c: __vm_enough_memory puts on one request under vm.overcommit_memory=0) and
// `hugePages` (free 2 MiB huge pages not reserved: HugePages_Free - HugePages_Rsvd, what
// mm/hugetlb.c: hugetlb_acct_memory can still reserve without surplus pages), and from sysfs
// `gbPages` (a 1 GiB hstate exists).
// The kernel target's layout takes them (see the report of issue 14: `ramSwap: probe.ramSwap`).

import { existsSync, readFileSync } from 'node:fs';
import type { MachineConfig } from '../abi/index.js';

export type ProbedMachine = Pick<MachineConfig, 'ramSwap' | 'hugePages' | 'gbPages'>;

/** The `Key:   123 kB` fields of a /proc/meminfo text (values as written, units dropped). */
function fields(text: string): Map<string, bigint> {
  const out = new Map<string, bigint>();
  for (const line of text.split('\n')) {
    const m = /^([A-Za-z_()0-9]+):\s+([0-9]+)(\s+kB)?\s*$/.exec(line);
    if (m) out.set(m[1], BigInt(m[2]) * (m[3] ? 1024n : 1n));
  }
  return out;
}

/** The parameters from a /proc/meminfo text; throws if a field it needs is missing. */
export function parseMeminfo(text: string): ProbedMachine {
  const f = fields(text);
  const need = (k: string): bigint => {
    const v = f.get(k);
    if (v === undefined) throw new Error(`/proc/meminfo has no ${k}`);
    return v;
  };
  // fs/proc/meminfo.c: MemTotal is totalram_pages() and SwapTotal total_swap_pages, in kB: page multiples
  const ramSwap = need('MemTotal') + need('SwapTotal');
  // only 2 MiB pages are modelled: another default huge page size counts as no pool
  const hugeSize = f.get('Hugepagesize');
  const free = (f.get('HugePages_Free') ?? 0n) - (f.get('HugePages_Rsvd') ?? 0n);
  const hugePages = hugeSize === 2n << 20n && free > 0n ? Number(free) : 0;
  return { ramSwap, hugePages, gbPages: true };
}

/**
 * This host's values: /proc/meminfo, and whether hugetlb has a 1 GiB hstate (a CPU with GBPAGES
 * registers one at boot: /sys/kernel/mm/hugepages/hugepages-1048576kB exists).
 */
export function probeMachine(path = '/proc/meminfo', hugepagesDir = '/sys/kernel/mm/hugepages'): ProbedMachine {
  return { ...parseMeminfo(readFileSync(path, 'utf8')), gbPages: existsSync(`${hugepagesDir}/hugepages-1048576kB`) };
}

/**
 * Why a helper with THP allowed would not be the machine's `thp=1` here, or null when it
 * is: `thp=1` is transparent huge pages for MADV_HUGEPAGE ranges (and MADV_COLLAPSE), as
 * /sys/kernel/mm/transparent_hugepage/enabled = `madvise` gives them (docs/kernel-differences.md
 * "THP on this host"); `always` would give every aligned range huge pages, `never` none.
 */
export function thpUnavailable(path = '/sys/kernel/mm/transparent_hugepage/enabled'): string | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return `no ${path} (a kernel without CONFIG_TRANSPARENT_HUGEPAGE)`;
  }
  const mode = /\[(\w+)\]/.exec(text)?.[1] ?? text.trim();
  return mode === 'madvise' ? null : `${path} is '${mode}', and thp=1 is 'madvise'`;
}
