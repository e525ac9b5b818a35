// The targets by name. model/ and impl/ each provide a MachineFactory and run
// in-process; the kernel target starts a native helper (kernel/), loaded only when
// a campaign asks for it.

import { DEFAULT_MACHINE, machineOf, PROFILE_NAMES, type Coverage, type MachineConfig, type MachineFactory, type Profile, type Program, type Trace } from '../abi/index.js';
import { createImpl } from '../impl/index.js';
import { createModel } from '../model/index.js';
import { withFault } from './faults.js';
import { INJECTED, mutantImpl } from './mutants.js';
import { fromRunSync, localTarget, type LocalTarget } from './local-target.js';
import type { Target } from './target-api.js';

export interface TargetOpener {
  /** Set for in-process targets. */
  readonly factory?: MachineFactory;
  /** The profiles a `name@profile` spec (or a program's `# machine profile=`) may name; none: no profiles. */
  readonly profiles: readonly Profile[];
  open(spec: string, over?: Partial<MachineConfig>): Promise<Target>;
  /** An in-process target, for synchronous use. */
  openLocal?(spec: string, over?: Partial<MachineConfig>): LocalTarget;
}

/**
 * Every profile a spec may name, with the machine parameters `name@profile` sets (they
 * override the program's own `# machine` line). The shadow-stack pair runs on a CET machine.
 */
export const PROFILES: Readonly<Record<Profile, Partial<MachineConfig>>> = {
  '6.18': { profile: '6.18' },
  '6.10': { profile: '6.10' },
  mseal: { profile: 'mseal' },
  'prot-seal': { profile: 'prot-seal' },
  'map-shadow-stack': { profile: 'map-shadow-stack', shstk: true },
  'prot-shadowstack': { profile: 'prot-shadowstack', shstk: true },
};

/** The kernel profiles proper: the design variants are the model's only (model/variants/). */
const KERNEL_PROFILES: readonly Profile[] = ['6.18', '6.10'];

/**
 * A local target that runs only programs of the profiles it has: another profile (a
 * program's own `# machine profile=`) is not run — its trace says why (no verdict).
 */
function onlyProfiles(t: LocalTarget, profiles: readonly Profile[], over?: Partial<MachineConfig>): LocalTarget {
  const why = (p: Program): string | null => {
    const profile = over?.profile ?? machineOf(p).profile;
    return profiles.includes(profile) ? null : `${t.name} has no profile '${profile}' (it has ${profiles.join(', ')})`;
  };
  const runSync = (p: Program, cov?: Coverage): Trace => {
    const w = why(p);
    return w ? { results: [], state: { processes: [], contents: [] }, unsupported: w } : t.runSync(p, cov);
  };
  return { ...t, ...fromRunSync(t.name, runSync), profiles: over?.profile ? [] : profiles };
}

function local(name: string, factory: MachineFactory, profiles: readonly Profile[], ready?: Promise<unknown>): TargetOpener {
  const f = withFault(name, factory);
  const openLocal = (spec: string, over?: Partial<MachineConfig>) => onlyProfiles(localTarget(spec, f, over), profiles, over);
  return { factory: f, profiles, openLocal, open: async (spec, over) => (await ready, openLocal(spec, over)) };
}

// MMDIFF_INJECT swaps in a patched copy of impl/ (fuzz/mutants.ts). It loads
// asynchronously, and opening the target waits for it: a top-level await here would
// break worker threads started with tsx.
let implFactory: MachineFactory = createImpl;
const implReady = INJECTED.length ? mutantImpl(INJECTED).then((f) => void (implFactory = f)) : undefined;
const lateImpl: MachineFactory = (cfg, cov) => {
  if (implFactory === createImpl && INJECTED.length) throw new Error('the mutant impl (MMDIFF_INJECT) is still loading: open the target first');
  return implFactory(cfg, cov);
};

/**
 * The kernel target's module, loaded only when a kernel target opens. Run from sources
 * (tsx) in a worker thread, a dynamic import goes past tsx's loader (`.js` is not mapped
 * to `.ts`, `.ts` is an unknown extension) — every model,kernel batch then killed its
 * worker — so the source is loaded through tsx's own API when the compiled file is not
 * there (tsx is a dev dependency; compiled, this path is never taken).
 */
async function kernelModule(): Promise<typeof import('../kernel/target.js')> {
  try {
    return await import('../kernel/target.js');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND' || !import.meta.url.endsWith('.ts')) throw e;
    const api = 'tsx/esm/api';
    const { tsImport } = (await import(api)) as { tsImport: (spec: string, from: string) => Promise<unknown> };
    return (await tsImport('../kernel/target.ts', import.meta.url)) as typeof import('../kernel/target.js');
  }
}

export const TARGETS: Readonly<Record<string, TargetOpener>> = {
  model: local('model', createModel, PROFILE_NAMES),
  impl: local('impl', lateImpl, KERNEL_PROFILES, implReady),
  kernel: {
    profiles: [],
    open: async () => (await kernelModule()).openKernelTarget(),
  },
};

export function targetNames(): string[] {
  return Object.keys(TARGETS);
}

/**
 * The pairs of `--targets a,b` to run once per profile both targets offer: `a@P,b@P` for
 * every profile P of both (the default profile as the plain pair `a,b`). A spec that names
 * a profile already, or a pair with no profile in common (the kernel has none), is one pair.
 */
export function profilePairs(a: string, b: string): string[] {
  if (a.includes('@') || b.includes('@')) return [`${a},${b}`];
  const pa = TARGETS[a]?.profiles ?? [];
  const shared = (TARGETS[b]?.profiles ?? []).filter((p) => pa.includes(p));
  if (!shared.length) return [`${a},${b}`];
  return shared.map((p) => (p === DEFAULT_MACHINE.profile ? `${a},${b}` : `${a}@${p},${b}@${p}`));
}
