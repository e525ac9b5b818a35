// A `.mm` case run on the impl alone: its expectations, `#!` assertions and crash, as a
// list of problems (empty when the case holds). Shared by the impl behaviour tests.

import { expect } from 'vitest';
import { parse, runProgram } from '../../abi/index.js';
import { checkAssertions } from '../../fuzz/assertions.js';
import { checkExpectations } from '../../fuzz/expect.js';
import { createImpl } from '../../impl/index.js';

export function implProblems(text: string): string[] {
  const prog = parse(`# mmdiff 1\n${text.trim()}\n`);
  const run = (p: typeof prog) => runProgram(createImpl, p);
  const trace = run(prog);
  const out = checkExpectations(prog, trace).map((m) => `op ${m.op} ${prog.ops[m.op].name}: expected ${m.expected}, got ${m.actual}`);
  if (trace.crash) out.push(`crash at op ${trace.crash.op}: ${trace.crash.message}`);
  for (const f of checkAssertions(prog, run, trace)) out.push(f.message);
  return out;
}

export const holds = (text: string) => expect(implProblems(text)).toEqual([]);
