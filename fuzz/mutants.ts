// Deliberate impl bugs (mutants) for the bug-finding benchmark and the report demo,
// kept outside the code under test: each is a patch `bench/mutants/NAME.patch` (a
// `wrong:` and a `rule:` line, then a unified diff of impl/). MMDIFF_INJECT=name[,name]
// selects some; the patched copy of impl/ is built once in the temp directory
// (content-addressed, so every worker thread and every process reuses it) and loaded
// in place of impl/. Normal runs never touch any of this: impl/ has no switches.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { applyPatch, parsePatch } from 'diff';
import type { MachineFactory } from '../abi/index.js';
import { UserError } from './load.js';

export interface Mutant {
  readonly name: string;
  /** What the impl then gets wrong. */
  readonly wrong: string;
  /** The SEMANTICS.md rule it breaks. */
  readonly rule: string;
  readonly patch: string;
}

const here = fileURLToPath(import.meta.url);
/** Running from dist/ (compiled) or from the sources (tsx). */
const compiled = !here.endsWith('.ts');
const root = compiled ? join(dirname(here), '..', '..') : join(dirname(here), '..');
export const MUTANT_DIR = join(root, 'bench', 'mutants');

let cache: ReadonlyMap<string, Mutant> | undefined;

/** Every mutant, by name. */
export function mutants(): ReadonlyMap<string, Mutant> {
  if (cache) return cache;
  const out = new Map<string, Mutant>();
  const files = existsSync(MUTANT_DIR) ? readdirSync(MUTANT_DIR).filter((f) => f.endsWith('.patch')).sort() : [];
  for (const f of files) {
    const text = readFileSync(join(MUTANT_DIR, f), 'utf8');
    const field = (k: string) => new RegExp(`^${k}: (.*)$`, 'm').exec(text)?.[1] ?? '';
    out.set(basename(f, '.patch'), { name: basename(f, '.patch'), wrong: field('wrong'), rule: field('rule'), patch: text });
  }
  return (cache = out);
}

/** The mutant names of a MMDIFF_INJECT value; an unknown name is refused. */
export function parseInject(spec: string | undefined): string[] {
  const all = mutants();
  const out: string[] = [];
  for (const raw of (spec ?? '').split(',')) {
    const name = raw.trim();
    if (!name || out.includes(name)) continue;
    if (!all.has(name)) throw new UserError(`MMDIFF_INJECT: unknown bug '${name}' (known: ${[...all.keys()].join(', ')})`);
    out.push(name);
  }
  return out.sort();
}

/** The mutants this process runs with (MMDIFF_INJECT, read once). */
export const INJECTED: readonly string[] = Object.freeze(parseInject(typeof process === 'undefined' ? undefined : process.env.MMDIFF_INJECT));

/** impl/'s sources with the patches applied, by file name; a patch that no longer applies is an error. */
export function patchedSources(names: readonly string[]): Map<string, string> {
  const src = new Map<string, string>();
  for (const f of readdirSync(join(root, 'impl')).filter((x) => x.endsWith('.ts'))) src.set(f, readFileSync(join(root, 'impl', f), 'utf8'));
  for (const name of names) {
    const m = mutants().get(name);
    if (!m) throw new UserError(`unknown mutant '${name}'`);
    for (const p of parsePatch(m.patch)) {
      const file = (p.newFileName ?? '').replace(/^b\//, '');
      const f = file.startsWith('impl/') ? file.slice(5) : '';
      const before = src.get(f);
      // a context line or two may have changed around the mutant (fuzzFactor): the mutants test still checks each one changes behaviour
      const after = before === undefined ? false : applyPatch(before, p, { fuzzFactor: 2 });
      if (after === false) throw new UserError(`bench/mutants/${name}.patch no longer applies to ${file || '(no file)'}: make it again against the current impl/`);
      src.set(f, after);
    }
  }
  return src;
}

/**
 * Builds (once) the patched impl/ and returns its module's path: one ESM file bundled by
 * esbuild (a dev dependency, as the patches are) from the patched sources and abi/,
 * plain JavaScript, so it loads the same from tsx, vitest, worker threads or dist/.
 */
async function build(names: readonly string[]): Promise<string> {
  const src = patchedSources(names);
  const h = createHash('sha256');
  for (const [f, t] of [...src].sort()) h.update(f).update('\0').update(t).update('\0');
  for (const f of readdirSync(join(root, 'abi')).sort()) h.update(f).update(readFileSync(join(root, 'abi', f)));
  const file = join(tmpdir(), `mmdiff-mutant-${h.digest('hex').slice(0, 16)}.mjs`);
  if (existsSync(file)) return file;
  const { build: bundle } = await import('esbuild');
  const work = mkdtempSync(join(tmpdir(), 'mmdiff-mutant-src-'));
  try {
    mkdirSync(join(work, 'impl'));
    symlinkSync(join(root, 'abi'), join(work, 'abi'), 'dir');
    for (const [f, t] of src) writeFileSync(join(work, 'impl', f), t);
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    await bundle({ entryPoints: [join(work, 'impl', 'index.ts')], bundle: true, format: 'esm', platform: 'node', target: 'es2022', outfile: tmp, logLevel: 'silent' });
    // atomic: another thread or process may build the same file at the same time
    renameSync(tmp, file);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return file;
}

/** The impl factory with the named mutants applied. */
export async function mutantImpl(names: readonly string[]): Promise<MachineFactory> {
  const mod = (await import(pathToFileURL(await build(names)).href)) as { createImpl: MachineFactory };
  return mod.createImpl;
}
