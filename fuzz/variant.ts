// The impl variant a command re-runs a case with. A campaign records the impl bugs it
// ran with (MMDIFF_INJECT names) in summary.json and in each case's header, so repro,
// minimize and report switch the same bugs on by themselves: a copied case, or a report
// made again in another shell, shows the divergence the campaign saw. MMDIFF_INJECT
// stays the user's switch: set as well, it must name the same bugs, else the command
// stops with one line rather than run a case on an impl it was not found with.

import { createImpl } from '../impl/index.js';
import { withFault } from './faults.js';
import { localTarget, fromRunSync } from './local-target.js';
import { UserError } from './load.js';
import { INJECTED, mutantImpl, mutants, parseInject } from './mutants.js';
import { openTarget, pairSpecs, type Target } from './target.js';
import { TargetPair } from './pair.js';
import { PROFILES, TARGETS } from './targets.js';
import { machineOf, type MachineFactory, type Profile, type Program } from '../abi/index.js';

/** `a,b` or `(none)`: how a message names a set of injected bugs. */
export function injectText(names: readonly string[]): string {
  return names.length ? names.join(',') : '(none)';
}

export const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);

/**
 * The bugs to switch on for something `what` that recorded `recorded` (null: it records
 * nothing, an older or hand-written file): MMDIFF_INJECT when nothing is recorded, else
 * the recorded bugs, which MMDIFF_INJECT, when set (not empty), must name exactly.
 * Whether this mmdiff has the recorded bugs is knownBugs()'s question.
 */
export function chooseInject(recorded: readonly string[] | null, what: string, env: string | undefined = process.env.MMDIFF_INJECT): string[] {
  const fromEnv = parseInject(env);
  if (recorded === null) return fromEnv;
  const want = [...new Set(recorded)].sort();
  if (env !== undefined && env.trim() !== '' && !sameSet(fromEnv, want)) {
    throw new UserError(`${what} records MMDIFF_INJECT=${injectText(want)} (the impl bugs it ran with), but MMDIFF_INJECT=${env} is set: unset it (the recorded bugs are switched on) or set it to the same`);
  }
  return want;
}

/** `names` when this mmdiff has every one of them (bench/mutants/), else one line saying which it lacks. */
export function knownBugs(names: readonly string[], what: string): string[] {
  const known = mutants();
  const unknown = names.find((n) => !known.has(n));
  if (unknown !== undefined) throw new UserError(`${what} records MMDIFF_INJECT=${names.join(',')} (the impl bugs it ran with), but this mmdiff has no bug '${unknown}' in bench/mutants/`);
  return [...names];
}

/** impl's factory with `names` applied: the process's own when they are MMDIFF_INJECT's, else built here. */
async function implFactory(names: readonly string[]): Promise<MachineFactory> {
  return withFault('impl', names.length ? await mutantImpl(names) : createImpl);
}

/** impl (or impl@profile) with the named bugs, as fuzz/targets.ts opens impl: the profiles impl has, and only those. */
async function openImpl(spec: string, names: readonly string[]): Promise<Target> {
  const profile = spec.split('@')[1] as Profile | undefined;
  const over = profile ? PROFILES[profile] : undefined;
  const has = TARGETS.impl.profiles;
  const t = localTarget(spec, await implFactory(names), over);
  const gated = fromRunSync(spec, (p: Program, cov) => {
    const want = over?.profile ?? machineOf(p).profile;
    if (has.includes(want)) return t.runSync(p, cov);
    return { results: [], state: { processes: [], contents: [] }, unsupported: `${spec} has no profile '${want}' (it has ${has.join(', ')})` };
  });
  return { ...gated, profiles: over?.profile ? [] : has };
}

/** Whether `names` are the bugs this process's impl target has already (MMDIFF_INJECT when it started). */
function isProcessImpl(names: readonly string[]): boolean {
  return sameSet(names, INJECTED);
}

/** The pair `spec` with impl carrying the bugs `names` (other targets as they are). */
export async function openVariantPair(spec: string, names: readonly string[]): Promise<TargetPair> {
  const specs = pairSpecs(spec);
  const open = (s: string) => (s.split('@')[0] === 'impl' && !isProcessImpl(names) ? openImpl(s, names) : openTarget(s));
  const a = await open(specs[0]);
  try {
    return new TargetPair(a, await open(specs[1]));
  } catch (e) {
    await a.close?.();
    throw e;
  }
}

/** Runs `fn` with the variant pair open, and closes it however `fn` ends. */
export async function withVariantPair<T>(spec: string, names: readonly string[], fn: (pair: TargetPair) => Promise<T>): Promise<T> {
  const pair = await openVariantPair(spec, names);
  try {
    return await fn(pair);
  } finally {
    await pair.close();
  }
}

/** Whether a pair spec runs impl at all (only then do injected bugs matter). */
export function runsImpl(spec: string): boolean {
  return spec.split(',').some((s) => s.trim().split('@')[0] === 'impl');
}
