// `mmdiff smoke`: for CI. Replays the corpus on both targets, then fuzzes for a few
// seconds with a fixed seed under each profile both targets have; exit 1 on a
// divergence, with the minimized case and the command that reproduces it in the log
// (a CI log is often all a reader has), as JUnit XML (--junit) and, on GitHub
// Actions, as error annotations.

import { availableParallelism } from 'node:os';
import { isAbsolute, join, relative } from 'node:path';
import { readFileSync } from 'node:fs';
import { runCampaign, type Bucket } from '../fuzz/campaign.js';
import { loadCheckpoint } from '../fuzz/campaign/checkpoint.js';
import { execute } from '../fuzz/execute.js';
import { checkExpectations } from '../fuzz/expect.js';
import { findCases, loadProgram, UserError } from '../fuzz/load.js';
import { withPair, type TargetPair } from '../fuzz/pair.js';
import { shellWords } from '../fuzz/report/shell.js';
import { pairSpecs } from '../fuzz/target.js';
import { profilePairs } from '../fuzz/targets.js';
import { printSummary } from './fuzz.js';
import { githubError, junitXml, type JUnitCase } from './junit.js';
import { checkOutDir, checkOutFile, intOption, numOption, writeOutput } from './options.js';
import { reportAfterCampaign } from './report.js';

export const SMOKE_HELP = `usage: mmdiff smoke [--seconds S] [--seed S] [--targets model,impl] [--corpus DIR] [--out DIR]
                    [--junit FILE]

CI smoke fuzzing. 1) every .mm under --corpus (default corpus/) must give the same
trace on both targets and meet its expectations; 2) fuzz campaigns of --seconds in
all (default 60) with a fixed --seed (default 1), one per kernel profile both targets
offer (model,impl: 6.18 in --out, then 6.10 in --out/6.10). Exit 1 on the first
divergence, printing the minimized case and the command that reproduces it; 0 otherwise.

  --junit FILE    also write a JUnit XML report: one testcase per corpus case and one
                  per campaign; a failure holds the case and its repro command
With GITHUB_ACTIONS=true, each divergence is also an ::error annotation on its file.`;

export const SMOKE_OPTIONS = {
  seconds: { type: 'string' },
  seed: { type: 'string' },
  targets: { type: 'string' },
  corpus: { type: 'string' },
  out: { type: 'string' },
  junit: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The command that shows a case's divergence; with the injected impl bugs it ran with. */
function reproCommand(file: string, targets: string): string {
  const inject = process.env.MMDIFF_INJECT ? [`MMDIFF_INJECT=${process.env.MMDIFF_INJECT}`] : [];
  return shellWords([...inject, 'npx', 'mmdiff', 'repro', file, '--targets', targets]);
}

/** A path as an annotation names it: relative to the working directory (the checkout) when inside it. */
function annotationPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

function annotate(file: string, line: number, message: string): void {
  if (process.env.GITHUB_ACTIONS === 'true') process.stdout.write(githubError(annotationPath(file), line, message));
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    return `(cannot read ${file}: ${(e as Error).message})`;
  }
}

const since = (t0: number) => (Date.now() - t0) / 1000;

export async function smokeCommand(pos: string[], v: Record<string, unknown>): Promise<number> {
  if (pos.length) throw new UserError(`smoke: unexpected argument '${pos[0]}'`);
  const seconds = numOption('seconds', v.seconds, 60, 0, 3600);
  const seed = intOption('seed', v.seed, 1, 0, 0xffffffff);
  const spec = (v.targets as string | undefined) ?? 'model,impl';
  const corpusRoot = (v.corpus as string | undefined) ?? 'corpus';
  const outDir = (v.out as string | undefined) ?? join('reports', `smoke-${seed}`);
  const junit = v.junit as string | undefined;
  checkOutDir('--out', outDir);
  if (junit !== undefined) checkOutFile('--junit', junit);
  // what the campaign would refuse in --out, refused before the corpus is replayed
  const cp = loadCheckpoint(outDir);
  if (cp && cp.targets !== spec) throw new UserError(`${outDir} holds a campaign of --targets ${cp.targets}; give another --out for ${spec}`);
  const cases: JUnitCase[] = [];
  const campaigns = profilePairs(...pairSpecs(spec));
  const status = await smoke();
  // written when smoke reached a verdict (pass or divergence); bad input writes nothing
  if (junit !== undefined) writeOutput(junit, junitXml('mmdiff smoke', cases));
  return status;

  async function smoke(): Promise<number> {
    const failed = await replayCorpus(findCases(corpusRoot), spec, cases);
    const skipAll = (why: string) => {
      for (const targets of campaigns) cases.push({ classname: 'fuzz', name: `fuzz ${targets}`, seconds: 0, skipped: why });
    };
    if (failed) {
      skipAll('not run: the corpus replay failed');
      return 1;
    }
    if (seconds === 0) {
      skipAll('not run: --seconds 0');
      return 0;
    }
    // one campaign per profile both targets offer (model,impl: 6.18, then 6.10), --seconds shared
    // between them; the default pair writes to --out, the others to --out/PROFILE
    for (const [i, targets] of campaigns.entries()) {
      const out = i === 0 ? outDir : join(outDir, targets.split(',')[0].split('@')[1]);
      const t0 = Date.now();
      const found = await smokeCampaign(targets, seed, (seconds * 1000) / campaigns.length, out);
      const name = `fuzz ${targets}`;
      if (!found.length) {
        cases.push({ classname: 'fuzz', name, seconds: since(t0) });
        continue;
      }
      const text: string[] = [];
      await withPair(targets, async (pair) => {
        for (const b of found) text.push(await reportFound(b, targets, pair));
      });
      cases.push({ classname: 'fuzz', name, file: found[0].file, seconds: since(t0), failure: { message: found.map((b) => b.signature).join('; '), text: text.join('\n') } });
      for (const later of campaigns.slice(i + 1)) cases.push({ classname: 'fuzz', name: `fuzz ${later}`, seconds: 0, skipped: `not run: fuzz ${targets} found a divergence` });
      return 1;
    }
    return 0;
  }
}

/** Prints a campaign's divergence (case text, repro command) and annotates it; the text for JUnit. */
async function reportFound(b: Bucket, targets: string, pair: TargetPair): Promise<string> {
  const text = readText(b.file);
  const repro = reproCommand(b.file, targets);
  // the line of the first divergent op in the minimized case, as it diverges now; a
  // hang's or a dead worker's program would hang or kill smoke itself: not re-run
  let line = 1;
  const lost = b.class === 'hang' || (b.class === 'crash' && b.signature.startsWith('worker '));
  try {
    const { prog, lines } = loadProgram(b.file);
    const op = lost ? 0 : ((await execute(prog, pair)).divergence?.op ?? 0);
    line = lines[op] ?? lines[0] ?? 1;
  } catch {
    // a witness the campaign kept unreadable (commented out): its first line
  }
  process.stdout.write(`divergence: ${b.signature}\n${b.file}\n${text.replace(/\n?$/, '\n')}repro: ${repro}\n`);
  annotate(b.file, line, `mmdiff smoke (${targets}): ${b.signature}: ${b.detail}. Reproduce: ${repro}`);
  return `${b.signature}: ${b.detail}\n\n${text.replace(/\n?$/, '\n')}\nrepro: ${repro}\n`;
}

/** Replays every case on both targets; each is a JUnit case. The number of problems. */
async function replayCorpus(files: string[], spec: string, cases: JUnitCase[]): Promise<number> {
  let failed = 0;
  const names = await withPair(spec, async (pair) => {
    for (const file of files) {
      const t0 = Date.now();
      const { prog, lines } = loadProgram(file);
      const out = await execute(prog, pair);
      if (out.unsupported) {
        process.stderr.write(`${file}: not run: ${out.unsupported}\n`);
        cases.push({ classname: 'corpus', name: file, file, seconds: since(t0), skipped: `not run: ${out.unsupported}` });
        continue;
      }
      const problems: Array<{ line: number; message: string; repro: string }> = [];
      if (out.divergence) {
        const d = out.divergence;
        problems.push({ line: lines[d.op ?? 0] ?? 1, message: `${d.signature}: ${d.detail}`, repro: reproCommand(file, spec) });
      }
      for (const [name, tr] of [[pair.a.name, out.a], [pair.b.name, out.b]] as const) {
        for (const m of checkExpectations(prog, tr)) {
          problems.push({ line: lines[m.op], message: `${name}: ${prog.ops[m.op].name}: expected ${m.expected}, got ${m.actual}`, repro: shellWords(['npx', 'mmdiff', 'run', file, '--target', name]) });
        }
      }
      for (const p of problems) {
        process.stderr.write(`${file}:${p.line}: ${p.message}\n`);
        process.stdout.write(`repro: ${p.repro}\n`);
        annotate(file, p.line, `${p.message}. Reproduce: ${p.repro}`);
      }
      failed += problems.length;
      const failure = problems.length
        ? { message: problems.map((p) => p.message).join('; '), text: `${problems.map((p) => `${file}:${p.line}: ${p.message}\nrepro: ${p.repro}`).join('\n')}\n\n${readText(file)}` }
        : undefined;
      cases.push({ classname: 'corpus', name: file, file, seconds: since(t0), ...(failure ? { failure } : {}) });
    }
    return pair.names;
  });
  process.stderr.write(`corpus: ${files.length} cases replayed on ${names[0]} and ${names[1]}, ${failed} problems\n`);
  return failed;
}

/** A fuzz campaign that stops at the first divergence; the buckets it found (not the corpus's). */
async function smokeCampaign(targets: string, seed: number, durationMs: number, outDir: string): Promise<Bucket[]> {
  const sum = await runCampaign({
    targets,
    workers: Math.min(2, Math.max(1, availableParallelism())),
    seed,
    durationMs,
    corpusDir: join(outDir, 'corpus'),
    outDir,
    maxOps: 24,
    batchSize: 1000,
    batchTimeoutMs: 60_000,
    stopOnDivergence: true,
  });
  writeOutput(join(outDir, 'summary.json'), JSON.stringify(sum, null, 1) + '\n');
  printSummary(sum, outDir);
  await reportAfterCampaign(outDir);
  return sum.buckets.filter((x) => !x.fromCorpus);
}
