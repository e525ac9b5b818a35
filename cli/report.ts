// `mmdiff report DIR`: the campaign in DIR as one self-contained HTML file,
// DIR/report.html. `fuzz` and `smoke` write it too when they end.

import { UserError } from '../fuzz/load.js';
import { writeReport } from '../fuzz/report/index.js';

export const REPORT_HELP = `usage: mmdiff report DIR

Writes DIR/report.html for the campaign in DIR (a fuzz or smoke --out directory):
the settings and seed, charts of programs/s, features and buckets over time, and a
section per bucket with its minimized case, both targets' traces side by side (re-run
now, the first divergent op marked), the state differences and the repro command.
One file, no network: open it anywhere. Prints the report's path.`;

export async function reportCommand(pos: string[]): Promise<number> {
  if (pos.length !== 1) throw new UserError(`report: expected one DIR, got ${pos.length}`);
  process.stdout.write(`${await writeReport(pos[0])}\n`);
  return 0;
}

/** After a campaign: write its report, or say in one line why not; the summary is written already and stays. */
export async function reportAfterCampaign(outDir: string): Promise<void> {
  try {
    process.stderr.write(`report: ${await writeReport(outDir)}\n`);
  } catch (e) {
    process.stderr.write(`report: not written: ${e instanceof Error ? e.message : String(e)}\n`);
  }
}
