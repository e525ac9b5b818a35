// `mmdiff corpus ls|check|merge`: list, validate and deduplicate case directories.

import { basename, join } from 'node:path';
import { parse, print } from '../abi/index.js';
import { execute } from '../fuzz/execute.js';
import { findCases, loadProgram, UserError } from '../fuzz/load.js';
import { withPair } from '../fuzz/pair.js';
import { checkOutDir, checkOutFile, writeOutput } from './options.js';

export const CORPUS_HELP = `usage: mmdiff corpus ls [DIR] [--targets model,impl]
       mmdiff corpus check [DIR]
       mmdiff corpus merge OUT DIR... [--targets model,impl]

ls     each case with its op count and what the targets do with it now
check  parse every case; one line per bad file; exit 1 if any is bad
merge  copy into OUT the smallest case of every divergence signature found in the
       DIRs (cases on which the targets agree are kept once per file name)`;

export async function corpusCommand(pos: string[], v: Record<string, unknown>): Promise<number> {
  const [sub, ...rest] = pos;
  const spec = (v.targets as string | undefined) ?? 'model,impl';
  if ((sub === 'ls' || sub === 'check') && rest.length > 1) throw new UserError(`corpus ${sub}: expected at most one DIR, got ${rest.length}`);
  switch (sub) {
    case 'ls': {
      const files = findCases(rest[0] ?? 'corpus');
      return withPair(spec, async (pair) => {
        for (const file of files) {
          try {
            const { prog } = loadProgram(file);
            const out = await execute(prog, pair);
            const verdict = out.unsupported ? `not run: ${out.unsupported}` : out.divergence ? out.divergence.signature : 'agree';
            process.stdout.write(`${file}  ${prog.ops.length} ops  ${verdict}\n`);
          } catch (e) {
            process.stdout.write(`${file}  unreadable: ${(e as Error).message}\n`);
          }
        }
        return 0;
      });
    }
    case 'check': {
      let bad = 0;
      const files = findCases(rest[0] ?? 'corpus');
      for (const file of files) {
        try {
          loadProgram(file);
        } catch (e) {
          bad++;
          process.stderr.write(`${(e as Error).message}\n`);
        }
      }
      process.stdout.write(`${files.length} cases, ${bad} bad\n`);
      return bad ? 1 : 0;
    }
    case 'merge': {
      const [out, ...dirs] = rest;
      if (!out || !dirs.length) throw new UserError('corpus merge: expected OUT and at least one DIR');
      checkOutDir('OUT', out);
      const inputs = dirs.map((dir) => findCases(dir)); // every DIR is checked before any work
      const best = new Map<string, { file: string; ops: number; text: string }>();
      await withPair(spec, async (pair) => {
        for (const files of inputs) {
          for (const file of files) {
            const { prog } = loadProgram(file);
            const d = (await execute(prog, pair)).divergence;
            const key = d ? `sig:${d.signature}` : `file:${basename(file)}`;
            const prev = best.get(key);
            if (!prev || prog.ops.length < prev.ops) best.set(key, { file, ops: prog.ops.length, text: print(parse(print(prog))) });
          }
        }
      });
      // one file per kept case: two cases with the same file name from different DIRs both stay
      const writes: Array<[string, string]> = [];
      const names = new Set<string>();
      for (const { file, text } of best.values()) {
        let name = basename(file);
        for (let k = 2; names.has(name); k++) name = basename(file).replace(/(\.mm)?$/, `-${k}.mm`);
        names.add(name);
        writes.push([join(out, name), text]);
      }
      for (const [path] of writes) checkOutFile('OUT', path);
      for (const [path, text] of writes) writeOutput(path, text);
      process.stdout.write(`${best.size} cases written to ${out}\n`);
      return 0;
    }
    default:
      throw new UserError(`corpus: expected ls, check or merge${sub ? `, got '${sub}'` : ''}`);
  }
}
