// The sample of Stryker's mutants that `npm run bench:mutation` runs. Stryker 9 has no
// sampling option, and testing all of impl/'s mutants (thousands) with a 10 s campaign
// each would take many hours, so:
//  1. every mutant of impl/*.ts is listed by Stryker's own instrumenter (the package
//     @stryker-mutator/core runs, same mutators, same ids of mutator and replacement);
//  2. their source locations (a location holds one or more mutants: `a < b` gives
//     `a <= b`, `a >= b`, `true`, `false`) are shuffled with a seeded PRNG and drawn
//     until the drawn locations hold SAMPLE mutants: uniform over locations, all the
//     mutants of a drawn location tested, so the score is a ratio estimate per mutant;
//  3. Stryker is given one `mutate` range per drawn location (`impl/x.ts:L:C-L:C`), and
//     the ignorer plugin below ignores, inside those ranges, every node that is neither
//     a drawn location nor contains one (a range includes the nodes nested in it).
// The nodes between two nested drawn locations (an `if` between a drawn block and a
// drawn condition in it) cannot be ignored without ignoring the inner one: Stryker runs
// their mutants too, and bench/mutation.json says how many.
//
// Environment: MMDIFF_MUTATION_SAMPLE (mutants, default 120), MMDIFF_MUTATION_SAMPLE_SEED
// (default 17). The same seed and the same impl/ give the same sample.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { declareValuePlugin, PluginKind } from '@stryker-mutator/api/plugin';
// a dependency of @stryker-mutator/core, at the version core uses
import { Instrumenter } from '@stryker-mutator/instrumenter';

export const SAMPLE = Number(process.env.MMDIFF_MUTATION_SAMPLE ?? 120);
export const SAMPLE_SEED = Number(process.env.MMDIFF_MUTATION_SAMPLE_SEED ?? 17);
const DIR = 'impl';

const quiet = { trace() {}, debug() {}, info() {}, warn() {}, error() {}, fatal() {}, isTraceEnabled: () => false, isDebugEnabled: () => false, isInfoEnabled: () => false, isWarnEnabled: () => false, isErrorEnabled: () => false, isFatalEnabled: () => false };

/** mulberry32: a small seeded PRNG, so the sample needs no dependency. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A location as Stryker's API gives it (0-based lines, 0-based columns), as a key. */
const keyOf = (file, loc) => `${file}:${loc.start.line}:${loc.start.column}-${loc.end.line}:${loc.end.column}`;

/** Every mutant of impl/*.ts, as Stryker's instrumenter makes them (ignored ones left out). */
export async function allMutants(root = process.cwd()) {
  const files = readdirSync(join(root, DIR))
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((f) => ({ name: join(root, DIR, f), content: readFileSync(join(root, DIR, f), 'utf8'), mutate: true }));
  const { mutants } = await new Instrumenter(quiet).instrument(files, { plugins: null, excludedMutations: [], ignorers: [] });
  return mutants
    .filter((m) => m.status !== 'Ignored')
    .map((m) => ({ file: relative(root, m.fileName), location: m.location, mutatorName: m.mutatorName, replacement: m.replacement }));
}

let drawn;

/**
 * The sample: the drawn locations (Stryker's 0-based lines), the `mutate` patterns for
 * them, and the count of mutants they hold. Computed once per process.
 */
export async function drawSample(root = process.cwd(), size = SAMPLE, seed = SAMPLE_SEED) {
  if (drawn) return drawn;
  const mutants = await allMutants(root);
  const byLoc = new Map();
  for (const m of mutants) {
    const k = keyOf(m.file, m.location);
    if (!byLoc.has(k)) byLoc.set(k, { file: m.file, location: m.location, mutants: 0 });
    byLoc.get(k).mutants++;
  }
  const locs = [...byLoc.values()];
  const rnd = prng(seed);
  for (let i = locs.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [locs[i], locs[j]] = [locs[j], locs[i]];
  }
  const chosen = [];
  let count = 0;
  for (const l of locs) {
    if (count >= size) break;
    chosen.push(l);
    count += l.mutants;
  }
  chosen.sort((a, b) => keyOf(a.file, a.location).localeCompare(keyOf(b.file, b.location)));
  const mutate = chosen.map(({ file, location: { start, end } }) => `${file}:${start.line + 1}:${start.column}-${end.line + 1}:${end.column}`);
  drawn = { seed, size, totalMutants: mutants.length, totalLocations: locs.length, locations: chosen, mutants: count, mutate };
  return drawn;
}

// --- the ignorer plugin (stryker.config.mjs: plugins, ignorers: ['mmdiff-sample']) ---

const inside = (outer, inner) =>
  (outer.start.line < inner.start.line || (outer.start.line === inner.start.line && outer.start.column <= inner.start.column)) &&
  (outer.end.line > inner.end.line || (outer.end.line === inner.end.line && outer.end.column >= inner.end.column));

/** Drawn locations by file, in Babel's terms (1-based lines). */
let babelLocs;

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'mmdiff-sample', {
    shouldIgnore(path) {
      // the sample was drawn when stryker.config.mjs loaded, in this same process
      if (!drawn) throw new Error('bench/mutation/sample.mjs: the sample is not drawn (run Stryker with stryker.config.mjs)');
      if (!babelLocs) {
        babelLocs = new Map();
        for (const { file, location: { start, end } } of drawn.locations) {
          const l = { start: { line: start.line + 1, column: start.column }, end: { line: end.line + 1, column: end.column } };
          babelLocs.set(file, [...(babelLocs.get(file) ?? []), l]);
        }
      }
      const loc = path.node.loc;
      const name = path.hub?.file?.opts?.filename;
      if (!loc || !name) return undefined;
      const mine = babelLocs.get(relative(process.cwd(), name));
      if (!mine) return undefined;
      // a drawn location, or a node holding one (an ancestor), is not ignored: ignoring
      // it would ignore everything nested in it
      if (mine.some((l) => inside(loc, l))) return undefined;
      return 'not in the sample of bench/mutation/sample.mjs';
    },
  }),
];

// `node bench/mutation/sample.mjs`: print the sample
if (import.meta.url === `file://${process.argv[1]}`) {
  const s = await drawSample();
  console.log(JSON.stringify({ ...s, locations: undefined }, null, 1));
}
