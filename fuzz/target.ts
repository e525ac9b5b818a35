// A target runs a program and returns its trace. In-process targets (model, impl)
// wrap a MachineFactory; the kernel target (a native helper) fits the same shape.
// A target spec is `name` or `name@profile` (model@6.10: the model under 6.10 rules).

import { runProgram, type Coverage, type MachineConfig, type Program, type Trace } from '../abi/index.js';
import { UserError } from './load.js';
import { TARGETS } from './targets.js';

export interface Target {
  readonly name: string;
  run(prog: Program, cov?: Coverage): Trace;
}

const PROFILES: ReadonlySet<string> = new Set(['6.18', '6.10']);

export function target(spec: string): Target {
  const [name, profile] = spec.split('@');
  const factory = TARGETS[name];
  if (!factory) throw new UserError(`unknown target '${name}' (${Object.keys(TARGETS).join(', ')})`);
  if (profile !== undefined && !PROFILES.has(profile)) {
    throw new UserError(`unknown profile '${profile}' in '${spec}' (${[...PROFILES].join(', ')})`);
  }
  if (profile === undefined) return { name: spec, run: (p, cov) => runProgram(factory, p, cov) };
  const over: Partial<MachineConfig> = { profile: profile as MachineConfig['profile'] };
  return { name: spec, run: (p, cov) => runProgram(factory, { ...p, machine: { ...p.machine, ...over } }, cov) };
}

/** Parses `--targets a,b`: exactly two distinct target specs. */
export function targetPair(list: string): [Target, Target] {
  const specs = list.split(',').map((s) => s.trim()).filter(Boolean);
  if (specs.length !== 2) throw new UserError(`--targets needs two targets, like model,impl (got '${list}')`);
  if (specs[0] === specs[1]) throw new UserError(`--targets names '${specs[0]}' twice`);
  return [target(specs[0]), target(specs[1])];
}
