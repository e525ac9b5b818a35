// `mmdiff repro FILE [--targets a,b]`: both traces side by side, the first
// divergence marked, and every state difference. A case a campaign wrote with
// injected impl bugs (`# variant: MMDIFF_INJECT=...`) runs with them switched on.

import { caseOrigin, thisHost } from '../fuzz/casefile.js';
import { execute } from '../fuzz/execute.js';
import { loadProgram, UserError } from '../fuzz/load.js';
import { sideBySide, stateDiff } from '../fuzz/statediff.js';
import { chooseInject, knownBugs, runsImpl, withVariantPair } from '../fuzz/variant.js';

export const REPRO_HELP = `usage: mmdiff repro FILE [--targets model,impl]

Runs FILE on both targets (default: those its header names, else model,impl) and
shows the results side by side (>> marks the first divergence), the divergence's
signature, and every difference in the final state.
A case found with injected impl bugs (its header's '# variant: MMDIFF_INJECT=...')
runs with those bugs switched on; MMDIFF_INJECT, if set too, must name the same.
Exit status: 1 when the targets diverge, 0 when they agree.`;

export async function reproCommand(pos: string[], v: Record<string, unknown>): Promise<number> {
  if (pos.length !== 1) throw new UserError(`repro: expected one FILE, got ${pos.length}`);
  const { file, prog } = loadProgram(pos[0]);
  const origin = caseOrigin(prog);
  // the targets the case was found on (its header), unless --targets names others
  const spec = (v.targets as string | undefined) ?? origin.targets ?? 'model,impl';
  const inject = runsImpl(spec) ? knownBugs(chooseInject(origin.inject, file), file) : [];
  const { out, names } = await withVariantPair(spec, inject, async (pair) => ({ out: await execute(prog, pair), names: pair.names }));
  const bugs = inject.length ? ` (impl with MMDIFF_INJECT=${inject.join(',')}${origin.inject?.length && !process.env.MMDIFF_INJECT?.trim() ? ', as the case records' : ''})` : '';
  process.stdout.write(`${file} on ${names[0]} and ${names[1]}${bugs}\n\n`);
  process.stdout.write(sideBySide(prog, out.a, out.b, names, out.divergence));
  if (out.unsupported) {
    process.stdout.write(`\nnot comparable: ${out.unsupported}\n`);
    return 0;
  }
  const d = out.divergence;
  if (!d) {
    const elsewhere = origin.host && origin.host !== thisHost() ? ` (the case was found on ${origin.host}; this is ${thisHost()})` : '';
    process.stdout.write(`\nno divergence: results and final states are identical${elsewhere}\n`);
    return 0;
  }
  process.stdout.write(`\nfirst divergence: ${d.signature}\n  ${d.detail}\n`);
  const diff = stateDiff(out.a, out.b, names);
  process.stdout.write(diff.length ? `\nstate differences:\n${diff.map((l) => '  ' + l).join('\n')}\n` : '\nfinal states are identical\n');
  return 1;
}
