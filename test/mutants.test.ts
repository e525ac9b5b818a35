// The deliberate impl bugs of bench/mutants/ stay current: every patch still applies
// to impl/, the patched copy loads, and it still changes behaviour — the mutant's
// program (NAME.mm beside it) agrees on model and the real impl and diverges on the
// mutant. MMDIFF_INJECT is checked too: off by default, unknown names refused.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compare, parse, runProgram, type MachineFactory } from '../abi/index.js';
import { INJECTED, MUTANT_DIR, mutantImpl, mutants, parseInject, patchedSources } from '../fuzz/mutants.js';
import { createImpl } from '../impl/index.js';
import { createModel } from '../model/index.js';

const names = [...mutants().keys()];

function diverges(name: string, impl: MachineFactory): string | null {
  const prog = parse(readFileSync(join(MUTANT_DIR, `${name}.mm`), 'utf8'));
  const d = compare(runProgram(createModel, prog), runProgram(impl, prog), prog);
  return d ? d.signature : null;
}

describe('bench/mutants', () => {
  it('has a catalogue with what each gets wrong and the rule it breaks', () => {
    expect(names.length).toBeGreaterThanOrEqual(41);
    for (const m of mutants().values()) {
      expect(m.wrong, m.name).not.toBe('');
      expect(m.rule, m.name).not.toBe('');
    }
  });

  it('is off by default, and MMDIFF_INJECT refuses an unknown name', () => {
    expect(INJECTED).toEqual([]);
    expect(parseInject(' munmap-len0-ok,munmap-len0-ok ')).toEqual(['munmap-len0-ok']);
    expect(() => parseInject('munmap-len0-ok,no-such-bug')).toThrow(/unknown bug 'no-such-bug'/);
  });

  it('leaves impl/ free of switches', () => {
    for (const [f, text] of patchedSources([])) expect(text, f).not.toMatch(/MMDIFF_INJECT|\bBUG\./);
  });

  it('agrees on every mutant program with the real impl', () => {
    for (const n of names) expect(diverges(n, createImpl), n).toBeNull();
  });

  it.each(names)('%s still applies and changes behaviour', async (name) => {
    expect(diverges(name, await mutantImpl([name]))).not.toBeNull();
  });

  it('applies several mutants at once', async () => {
    const impl = await mutantImpl(['munmap-len0-ok', 'merge-ignores-pkey']);
    expect(diverges('munmap-len0-ok', impl)).not.toBeNull();
    expect(diverges('merge-ignores-pkey', impl)).not.toBeNull();
  });
});
