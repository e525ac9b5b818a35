// Reading a campaign's summary.json for the report. The file may come from an older
// or interrupted campaign, or be hand-edited, so its shape is checked field by field:
// anything the report relies on that is missing or of the wrong type is one clear
// UserError naming the file and the field, never a crash halfway through rendering.

import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Bucket, Snapshot, Summary } from '../campaign.js';
import { UserError } from '../load.js';

type Json = Record<string, unknown>;

const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

function need(cond: boolean, file: string, what: string): asserts cond {
  if (!cond) throw new UserError(`${file}: malformed summary: ${what}`);
}

function checkSnapshot(s: unknown, file: string, i: number): void {
  need(isObject(s), file, `timeline[${i}] is not an object`);
  for (const k of ['elapsedMs', 'programs', 'features', 'buckets', 'rate'] as const) {
    need(typeof s[k] === 'number' && Number.isFinite(s[k]), file, `timeline[${i}].${k} is not a number`);
  }
}

function checkBucket(b: unknown, file: string, i: number): void {
  need(isObject(b), file, `buckets[${i}] is not an object`);
  for (const k of ['signature', 'class', 'file'] as const) need(typeof b[k] === 'string', file, `buckets[${i}].${k} is not a string`);
  need(typeof b.count === 'number', file, `buckets[${i}].count is not a number`);
}

/** summary.json of campaign directory `dir`, checked enough to render. */
export function readSummary(dir: string): Summary {
  let isDir: boolean;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    throw new UserError(`${dir}: no such directory`);
  }
  if (!isDir) throw new UserError(`${dir}: not a directory (give the campaign's --out directory)`);
  const file = join(dir, 'summary.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(`${file}: ${code === 'ENOENT' ? 'no such file (is this a campaign directory?)' : (e as Error).message}`);
  }
  let j: unknown;
  try {
    j = JSON.parse(text);
  } catch (e) {
    throw new UserError(`${file}: not valid JSON: ${(e as Error).message.split('\n')[0]}`);
  }
  need(isObject(j), file, 'not a JSON object');
  need(isObject(j.settings), file, 'settings is not an object');
  need(typeof j.settings.targets === 'string', file, 'settings.targets is not a string');
  need(typeof j.programs === 'number', file, 'programs is not a number');
  need(typeof j.elapsedMs === 'number', file, 'elapsedMs is not a number');
  need(Array.isArray(j.features), file, 'features is not a list');
  need(Array.isArray(j.timeline), file, 'timeline is not a list');
  need(Array.isArray(j.buckets), file, 'buckets is not a list');
  j.timeline.forEach((s, i) => checkSnapshot(s, file, i));
  j.buckets.forEach((b, i) => checkBucket(b, file, i));
  return {
    ...(j as unknown as Summary),
    timeline: j.timeline as Snapshot[],
    buckets: j.buckets as Bucket[],
    corpusRetriage: Array.isArray(j.corpusRetriage) ? (j.corpusRetriage as Summary['corpusRetriage']) : [],
  };
}
