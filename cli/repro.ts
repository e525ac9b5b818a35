// `mmdiff repro FILE [--targets a,b]`: both traces side by side, the first
// divergence marked, and every state difference.

import { execute } from '../fuzz/execute.js';
import { loadProgram, UserError } from '../fuzz/load.js';
import { sideBySide, stateDiff } from '../fuzz/statediff.js';
import { targetPair } from '../fuzz/target.js';

export const REPRO_HELP = `usage: mmdiff repro FILE [--targets model,impl]

Runs FILE on both targets and shows the results side by side (>> marks the first
divergence), the divergence's signature, and every difference in the final state.
Exit status: 1 when the targets diverge, 0 when they agree.`;

export function reproCommand(pos: string[], v: Record<string, unknown>): number {
  if (pos.length !== 1) throw new UserError(`repro: expected one FILE, got ${pos.length}`);
  const spec = (v.targets as string | undefined) ?? 'model,impl';
  const [a, b] = targetPair(spec);
  const { file, prog } = loadProgram(pos[0]);
  const out = execute(prog, a, b);
  const names: [string, string] = [a.name, b.name];
  process.stdout.write(`${file} on ${a.name} and ${b.name}\n\n`);
  process.stdout.write(sideBySide(prog, out.a, out.b, names, out.divergence));
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
