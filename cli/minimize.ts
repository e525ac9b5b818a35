// `mmdiff minimize FILE`: shrink a diverging case, keeping its signature.

import { parse, print, type Program } from '../abi/index.js';
import { registersAt } from '../fuzz/assertions.js';
import { caseOrigin, caseText, thisHost, withExpectations } from '../fuzz/casefile.js';
import { execute } from '../fuzz/execute.js';
import { loadProgram, UserError } from '../fuzz/load.js';
import { minimize } from '../fuzz/minimize/index.js';
import { chooseInject, knownBugs, runsImpl, withVariantPair } from '../fuzz/variant.js';
import { checkOutFile, writeOutput } from './options.js';

export const MINIMIZE_HELP = `usage: mmdiff minimize FILE [--targets model,impl] [--out FILE]

Shrinks a case whose targets diverge (default: those its header names, else
model,impl): drops ops (delta debugging, fixing rN and process references), then
simplifies arguments, keeping the same divergence signature. Writes FILE with .min.mm (or --out) and prints ops before and after.
A case found with injected impl bugs ('# variant: MMDIFF_INJECT=...' in its header)
is minimized with them switched on, and the minimized case records them too.`;

export async function minimizeCommand(pos: string[], v: Record<string, unknown>): Promise<number> {
  if (pos.length !== 1) throw new UserError(`minimize: expected one FILE, got ${pos.length}`);
  const { file, prog } = loadProgram(pos[0]);
  // the targets the case was found on (its header), unless --targets names others
  const spec = (v.targets as string | undefined) ?? caseOrigin(prog).targets ?? 'model,impl';
  const out = (v.out as string | undefined) ?? file.replace(/(\.mm)?$/, '.min.mm');
  checkOutFile(v.out !== undefined ? '--out' : 'output', out); // before the work, not after
  const inject = runsImpl(spec) ? knownBugs(chooseInject(caseOrigin(prog).inject, file), file) : [];
  const stripped: Program = { ...prog, ops: prog.ops.map((op) => ({ ...op, expect: undefined, lead: undefined, note: undefined })) };
  const { r, d, text } = await withVariantPair(spec, inject, async (pair) => {
    const first = await execute(stripped, pair);
    const d0 = first.divergence;
    if (!d0) throw new UserError(`${file}: ${pair.a.name} and ${pair.b.name} agree on this case${first.unsupported ? ` (${first.unsupported})` : ''}; nothing to minimize`);
    const r = await minimize(
      first.prog,
      {
        fails: async (p) => (await execute(p, pair)).divergence?.signature === d0.signature,
        bindings: async (p) => registersAt(p, await pair.a.run(pair.adapt(p)), p.ops.length),
      },
      { divergentOp: d0.op },
    );
    const d = (await execute(r.prog, pair)).divergence ?? d0;
    const ref = await pair.a.run(pair.adapt(r.prog));
    const text = caseText(withExpectations(parse(print(r.prog)), ref), { signature: d.signature, class: d.class, targets: spec, detail: d.detail, opsBefore: r.opsBefore, inject, host: thisHost() });
    return { r, d, text };
  });
  writeOutput(out, text);
  process.stdout.write(`${d.signature}: ${r.opsBefore} -> ${r.opsAfter} ops (${r.tests} runs)\n${out}\n`);
  return 0;
}
