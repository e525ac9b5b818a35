// A target runs programs and returns their traces. In-process targets (model, impl)
// wrap a MachineFactory; the kernel target drives a native helper and pipelines a
// batch of programs, so the interface is asynchronous and batched.
// A target spec is `name` or `name@profile` (model@6.10: the model under 6.10 rules).

import type { MachineConfig, Profile } from '../abi/index.js';
import type { LocalTarget } from './local-target.js';
import type { Target } from './target-api.js';
import { UserError } from './load.js';
import { PROFILES, TARGETS, type TargetOpener } from './targets.js';

function parseSpec(spec: string): { name: string; open: TargetOpener; over?: Partial<MachineConfig> } {
  const [name, profile, extra] = spec.split('@');
  const open = Object.hasOwn(TARGETS, name) ? TARGETS[name] : undefined; // not Object.prototype's toString
  if (!open || extra !== undefined) throw new UserError(`unknown target '${spec}' (${Object.keys(TARGETS).join(', ')}; a profile as model@6.10)`);
  if (profile === undefined) return { name, open };
  if (!open.profiles.includes(profile as Profile)) {
    const has = open.profiles.length ? `${name} has ${open.profiles.join(', ')}` : `${name} has no profiles`;
    if (Object.hasOwn(PROFILES, profile)) throw new UserError(`'${spec}': ${name} has no profile '${profile}' (${has}; the design variants are the model's: model@${profile})`);
    throw new UserError(`unknown profile '${profile}' in '${spec}' (${has})`);
  }
  return { name, open, over: PROFILES[profile as Profile] };
}

/** Checks a spec without starting anything: a bad name is one line before work begins. */
export function checkTarget(spec: string): void {
  parseSpec(spec);
}

export type { LocalTarget, Target };

export async function openTarget(spec: string): Promise<Target> {
  const { open, over } = parseSpec(spec);
  return open.open(spec, over);
}

/** An in-process target by spec (model, impl, model@6.10), for synchronous use. */
export function localTargetOf(spec: string): LocalTarget {
  const { name, open, over } = parseSpec(spec);
  if (!open.openLocal) throw new UserError(`target '${name}' does not run in-process`);
  return open.openLocal(spec, over);
}

/** Parses `--targets a,b`: exactly two distinct target specs. */
export function pairSpecs(list: string): [string, string] {
  const specs = list.split(',').map((s) => s.trim()).filter(Boolean);
  if (specs.length !== 2) throw new UserError(`--targets needs two targets, like model,impl (got '${list}')`);
  if (specs[0] === specs[1]) throw new UserError(`--targets names '${specs[0]}' twice`);
  for (const s of specs) checkTarget(s);
  return [specs[0], specs[1]];
}
