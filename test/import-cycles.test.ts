// No import cycles between the project's modules (issue 17: a cycle makes a part that
// cannot be read or tested alone). Type-only imports count too: they tie the modules'
// meaning together all the same.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOTS = ['abi', 'model', 'impl', 'fuzz', 'kernel', 'cli', 'bench'];
const IMPORT = /^\s*(?:import|export)\s[^'";]*?from\s+['"](\.[^'"]+)['"]/gm;

function sources(): string[] {
  return ROOTS.flatMap((r) => readdirSync(r, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => normalize(join(r, f))));
}

function graph(files: readonly string[]): Map<string, string[]> {
  const known = new Set(files);
  const g = new Map<string, string[]>();
  for (const f of files) {
    const deps: string[] = [];
    for (const m of readFileSync(f, 'utf8').matchAll(IMPORT)) {
      const to = normalize(join(dirname(f), m[1].replace(/\.js$/, '.ts')));
      if (known.has(to)) deps.push(to);
    }
    g.set(f, deps);
  }
  return g;
}

/** Every cycle found by a depth-first search, each as the path that closes it. */
function cycles(g: Map<string, string[]>): string[][] {
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const out: string[][] = [];
  const visit = (f: string) => {
    state.set(f, 1);
    stack.push(f);
    for (const d of g.get(f) ?? []) {
      if (state.get(d) === 1) out.push([...stack.slice(stack.indexOf(d)), d]);
      else if (!state.has(d)) visit(d);
    }
    stack.pop();
    state.set(f, 2);
  };
  for (const f of g.keys()) if (!state.has(f)) visit(f);
  return out;
}

describe('imports', () => {
  it('the checker sees a cycle', () => {
    expect(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]]))).toEqual([['a', 'b', 'c', 'a']]);
  });
  it('have no cycles', () => {
    const g = graph(sources());
    expect(g.size).toBeGreaterThan(100);
    expect(cycles(g).map((c) => c.join(' → '))).toEqual([]);
  });
});
