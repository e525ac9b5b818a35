// A standard jsfuzz target (https://gitlab.com/gitlab-org/security-products/analyzers/fuzzers/jsfuzz):
// jsfuzz feeds bytes guided by code coverage of model and impl; the bytes decode into
// recipes (fuzz/gen/program.ts), hence always into a valid program, which runs
// on both targets. A divergence throws, and jsfuzz saves the input as a crash.
//
//   npm run jsfuzz            (bundles this file to CJS so jsfuzz can instrument it)

import { compare, print, runProgram } from '../abi/index.js';
import { createImpl } from '../impl/index.js';
import { createModel } from '../model/index.js';
import { buildProgram, RECIPE_CHOICES, type Recipe } from './gen/program.js';

const BYTES = 2 + RECIPE_CHOICES; // op, proc, one byte per decision

/**
 * Bytes → recipes, one byte per decision so that a one-byte mutation changes one
 * decision; a short last group is padded with zeros.
 */
export function decode(buf: Uint8Array, maxOps = 32): Recipe[] {
  const out: Recipe[] = [];
  const byte = (i: number) => (i < buf.length ? buf[i] : 0);
  const n = Math.min(maxOps, Math.ceil(buf.length / BYTES));
  for (let r = 0; r < n; r++) {
    const base = r * BYTES;
    const choices: number[] = [];
    for (let k = 0; k < RECIPE_CHOICES; k++) choices.push(byte(base + 2 + k));
    out.push({ op: byte(base) * 257, proc: byte(base + 1), n: choices });
  }
  return out;
}

export function fuzz(buf: Uint8Array): void {
  const recipes = decode(buf);
  if (!recipes.length) return;
  const prog = buildProgram(recipes);
  const d = compare(runProgram(createModel, prog), runProgram(createImpl, prog), prog);
  if (d) throw new Error(`divergence ${d.signature}: ${d.detail}\n${print(prog)}`);
}
