// Replaying a `.mm` file as a test: every op that carries an expectation must
// produce exactly that result.

import { formatResult, OPS, type Program, type Trace } from '../abi/index.js';

export interface Mismatch {
  readonly op: number;
  readonly expected: string;
  readonly actual: string;
}

export function checkExpectations(prog: Program, trace: Trace): Mismatch[] {
  const out: Mismatch[] = [];
  prog.ops.forEach((op, i) => {
    if (op.expect === undefined) return;
    const kind = OPS[op.name].returns;
    const expected = formatResult(op.expect, kind);
    if (i >= trace.results.length) {
      out.push({ op: i, expected, actual: trace.crash ? `crash: ${trace.crash.message}` : '(not run)' });
      return;
    }
    const actual = formatResult(trace.results[i], kind);
    if (actual !== expected) out.push({ op: i, expected, actual });
  });
  return out;
}
