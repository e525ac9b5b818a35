// `mmdiff minimize FILE`: shrink a diverging case, keeping its signature.

import { parse, print, type Program } from '../abi/index.js';
import { registersAt } from '../fuzz/assertions.js';
import { caseText, withExpectations, writeFileAtomic } from '../fuzz/casefile.js';
import { execute } from '../fuzz/execute.js';
import { loadProgram, UserError } from '../fuzz/load.js';
import { minimize } from '../fuzz/minimize/index.js';
import { targetPair } from '../fuzz/target.js';

export const MINIMIZE_HELP = `usage: mmdiff minimize FILE [--targets model,impl] [--out FILE]

Shrinks a case whose targets diverge: drops ops (delta debugging, fixing rN and
process references), then simplifies arguments, keeping the same divergence
signature. Writes FILE with .min.mm (or --out) and prints ops before and after.`;

export function minimizeCommand(pos: string[], v: Record<string, unknown>): number {
  if (pos.length !== 1) throw new UserError(`minimize: expected one FILE, got ${pos.length}`);
  const spec = (v.targets as string | undefined) ?? 'model,impl';
  const [a, b] = targetPair(spec);
  const { file, prog } = loadProgram(pos[0]);
  const stripped: Program = { ...prog, ops: prog.ops.map((op) => ({ ...op, expect: undefined, lead: undefined, note: undefined })) };
  const d0 = execute(stripped, a, b).divergence;
  if (!d0) throw new UserError(`${file}: ${a.name} and ${b.name} agree on this case; nothing to minimize`);
  const r = minimize(
    stripped,
    {
      fails: (p) => execute(p, a, b).divergence?.signature === d0.signature,
      bindings: (p) => registersAt(p, a.run(p), p.ops.length),
    },
    { divergentOp: d0.op },
  );
  const d = execute(r.prog, a, b).divergence ?? d0;
  const out = (v.out as string | undefined) ?? file.replace(/(\.mm)?$/, '.min.mm');
  const text = caseText(withExpectations(parse(print(r.prog)), a.run(r.prog)), { signature: d.signature, class: d.class, targets: spec, detail: d.detail, opsBefore: r.opsBefore });
  writeFileAtomic(out, text);
  process.stdout.write(`${d.signature}: ${r.opsBefore} -> ${r.opsAfter} ops (${r.tests} runs)\n${out}\n`);
  return 0;
}
