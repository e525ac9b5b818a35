// Generation and mutation on recipes (fuzz/arbitrary/program.ts): every edit of a
// recipe list is a valid program, so mutation needs no fix-ups. Mutations: insert,
// remove, duplicate or change an op, change one decision, switch the program's flavour
// (mm / shadow stacks / trampfd: the first recipe's `proc`), splice two programs.

import { RECIPE_CHOICES, RECIPE_MAX, type Recipe } from './arbitrary/program.js';
import type { Rng } from './rng.js';

export function randomRecipe(rng: Rng): Recipe {
  const n = new Array<number>(RECIPE_CHOICES);
  for (let i = 0; i < RECIPE_CHOICES; i++) n[i] = rng.below(RECIPE_MAX + 1);
  return { op: rng.below(RECIPE_MAX + 1), proc: rng.below(RECIPE_MAX + 1), n };
}

export function randomRecipes(rng: Rng, maxOps: number): Recipe[] {
  const len = 1 + rng.below(maxOps);
  const out: Recipe[] = [];
  for (let i = 0; i < len; i++) out.push(randomRecipe(rng));
  return out;
}

function tweak(rng: Rng, r: Recipe): Recipe {
  const n = r.n.slice();
  const k = rng.below(3);
  if (k === 0) return { ...r, op: rng.below(RECIPE_MAX + 1) };
  if (k === 1) return { ...r, proc: rng.below(RECIPE_MAX + 1) };
  const i = rng.below(n.length);
  n[i] = rng.chance(50) ? rng.below(RECIPE_MAX + 1) : (n[i] + 1 + rng.below(3)) % (RECIPE_MAX + 1);
  return { ...r, n };
}

/** One to four stacked mutations of `base` (AFL's havoc, on recipes). */
export function mutate(rng: Rng, base: readonly Recipe[], other: readonly Recipe[] | undefined, maxOps: number): Recipe[] {
  let out = base.slice();
  const rounds = 1 + rng.below(4);
  for (let k = 0; k < rounds; k++) {
    const m = rng.below(other ? 8 : 7);
    const at = rng.below(out.length + 1);
    switch (m) {
      case 0: // insert a fresh op
        out.splice(at, 0, randomRecipe(rng));
        break;
      case 1: // remove an op
        if (out.length > 1) out.splice(rng.below(out.length), 1);
        break;
      case 2: // duplicate an op (same decisions, later context)
        if (out.length) out.splice(at, 0, out[rng.below(out.length)]);
        break;
      case 3:
      case 4: // change one decision of one op
        if (out.length) {
          const i = rng.below(out.length);
          out[i] = tweak(rng, out[i]);
        }
        break;
      case 5: // replace an op
        if (out.length) out[rng.below(out.length)] = randomRecipe(rng);
        break;
      case 6: // switch flavour: the same recipes read as another kind of program
        if (out.length) out[0] = { ...out[0], proc: rng.below(RECIPE_MAX + 1) };
        break;
      case 7: // splice: a prefix of this program, a suffix of the other
        out = out.slice(0, at).concat(other!.slice(rng.below(other!.length)));
        break;
    }
  }
  if (out.length > maxOps) out.length = maxOps;
  if (out.length === 0) out.push(randomRecipe(rng));
  return out;
}
