// `OUT/report.html` for a campaign directory: gather (summary, case files, re-runs),
// render, write atomically so a reader never sees half a report.

import { join } from 'node:path';
import { writeFileAtomic } from '../casefile.js';
import { collectReport } from './data.js';
import { renderReport } from './html.js';

export const REPORT_FILE = 'report.html';

/** Writes DIR/report.html and returns its path. Bad DIR or summary.json: UserError. */
export async function writeReport(dir: string): Promise<string> {
  const html = renderReport(await collectReport(dir));
  const path = join(dir, REPORT_FILE);
  writeFileAtomic(path, html);
  return path;
}
