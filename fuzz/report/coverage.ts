// What the campaign reached, for the report's coverage section: per family of model
// rules (`mprotect:split` is family mprotect) how many of the rules the model's source
// names (census.ts modelRules) the campaign's features reached, and which never; per op
// name how many ops ran and how many programs first diverged at one (summary.ops, counted
// by the workers). Divergence kinds (`diverge:*` features) are not coverage: left out.

import type { Summary } from '../campaign.js';

export interface FamilyCoverage {
  readonly family: string;
  readonly reached: number;
  readonly total: number;
  /** The family's rules no program reached, without the family prefix. */
  readonly unreached: readonly string[];
}

export interface OpRow {
  readonly op: string;
  /** Ops of this name run; null for '(final state)', which is no op. */
  readonly ran: number | null;
  /** Programs whose first divergence was at an op of this name. */
  readonly diverged: number;
}

export interface Coverage {
  /** Null when the model is not a target: no rules are reported. */
  readonly families: readonly FamilyCoverage[] | null;
  readonly rulesReached: number;
  readonly rulesTotal: number;
  /** Features that are neither named rules nor divergence kinds (result kinds, rules named at run time). */
  readonly otherFeatures: number;
  /** `diverge:*` features: kinds of divergence, kept out of the feature list. */
  readonly divergeKinds: number;
  /** Null for a summary written before ops were counted. */
  readonly ops: readonly OpRow[] | null;
  readonly opsRan: number;
  /** For a resumed campaign, the programs of its last run: the per-op counts are of those only (a checkpoint does not keep them). */
  readonly opsSinceResume: number | null;
}

/** A feature without the machine suffix the model adds (`fault:cow-copy+pkey`). */
const ruleOf = (f: string) => f.replace(/\+(pkey|shstk)$/, '');

export const isDivergeFeature = (f: string) => f.startsWith('diverge:');

export function coverageOf(s: Summary, rules: readonly string[]): Coverage {
  const features = s.features.filter((f) => !isDivergeFeature(f));
  const reached = new Set(features.map(ruleOf));
  const named = new Set(rules);
  const withModel = String(s.settings.targets).split(',').some((t) => t.trim().split('@')[0] === 'model');
  let families: FamilyCoverage[] | null = null;
  if (withModel) {
    const by = new Map<string, string[]>();
    for (const r of rules) {
      const fam = r.slice(0, r.indexOf(':'));
      by.set(fam, [...(by.get(fam) ?? []), r]);
    }
    families = [...by]
      .map(([family, rs]) => ({ family, total: rs.length, reached: rs.filter((r) => reached.has(r)).length, unreached: rs.filter((r) => !reached.has(r)).map((r) => r.slice(family.length + 1)) }))
      .sort((a, b) => a.family.localeCompare(b.family));
  }
  const rulesReached = withModel ? rules.filter((r) => reached.has(r)).length : 0;
  const rawOps = s.ops && typeof s.ops === 'object' ? Object.entries(s.ops) : null;
  const ops = rawOps
    ?.map(([op, c]): OpRow => ({ op, ran: op === '(final state)' ? null : Number(c?.ran ?? 0), diverged: Number(c?.diverged ?? 0) }))
    .sort((a, b) => (b.ran ?? -1) - (a.ran ?? -1) || a.op.localeCompare(b.op));
  return {
    families,
    rulesReached,
    rulesTotal: withModel ? rules.length : 0,
    otherFeatures: [...reached].filter((f) => !named.has(f)).length,
    divergeKinds: s.features.length - features.length,
    ops: ops ?? null,
    opsRan: (ops ?? []).reduce((n, r) => n + (r.ran ?? 0), 0),
    opsSinceResume: s.resumed ? s.programs - s.resumed.programs : null,
  };
}
