// `mmdiff repro FILE [--targets a,b]`: both traces side by side, the first
// divergence marked, and every state difference.

import { execute } from '../fuzz/execute.js';
import { loadProgram, UserError } from '../fuzz/load.js';
import { sideBySide, stateDiff } from '../fuzz/statediff.js';
import { withPair } from '../fuzz/pair.js';

export const REPRO_HELP = `usage: mmdiff repro FILE [--targets model,impl]

Runs FILE on both targets and shows the results side by side (>> marks the first
divergence), the divergence's signature, and every difference in the final state.
Exit status: 1 when the targets diverge, 0 when they agree.`;

export async function reproCommand(pos: string[], v: Record<string, unknown>): Promise<number> {
  if (pos.length !== 1) throw new UserError(`repro: expected one FILE, got ${pos.length}`);
  const spec = (v.targets as string | undefined) ?? 'model,impl';
  const { file, prog } = loadProgram(pos[0]);
  const { out, names } = await withPair(spec, async (pair) => ({ out: await execute(prog, pair), names: pair.names }));
  process.stdout.write(`${file} on ${names[0]} and ${names[1]}\n\n`);
  process.stdout.write(sideBySide(prog, out.a, out.b, names, out.divergence));
  if (out.unsupported) {
    process.stdout.write(`\nnot comparable: ${out.unsupported}\n`);
    return 0;
  }
  const d = out.divergence;
  if (!d) {
    process.stdout.write('\nno divergence: results and final states are identical\n');
    return 0;
  }
  process.stdout.write(`\nfirst divergence: ${d.signature}\n  ${d.detail}\n`);
  const diff = stateDiff(out.a, out.b, names);
  process.stdout.write(diff.length ? `\nstate differences:\n${diff.map((l) => '  ' + l).join('\n')}\n` : '\nfinal states are identical\n');
  return 1;
}
