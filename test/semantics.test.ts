// The semantic suite: every `.mm` file under corpus/ is replayed on every in-process
// target; every written expectation (`= result`) and state assertion (`#!`) must
// hold. The kernel target runs the same suite in test/kernel-semantics.test.ts.
// A case whose `# machine profile=` a target has no profile for (the model's design
// variants, corpus/variants/) is skipped on that target.

import { describe, expect, it } from 'vitest';
import { machineOf, runProgram, type Program } from '../abi/index.js';
import { checkAssertions } from '../fuzz/assertions.js';
import { checkExpectations } from '../fuzz/expect.js';
import { findCases, loadProgram } from '../fuzz/load.js';
import { TARGETS } from '../fuzz/targets.js';

const files = findCases('corpus');

const local = Object.keys(TARGETS).filter((t) => TARGETS[t].factory);

describe.each(local)('corpus on %s', (target) => {
  it('has cases', () => {
    expect(files.length).toBeGreaterThan(0);
  });
  it.for(files)('%s', (file, ctx) => {
    const { prog, lines, assertLines } = loadProgram(file);
    const profile = machineOf(prog).profile;
    if (!TARGETS[target].profiles.includes(profile)) {
      ctx.skip(`${target} has no profile ${profile}`);
      return;
    }
    const run = (p: Program) => runProgram(TARGETS[target].factory!, p);
    const trace = run(prog);
    const problems = checkExpectations(prog, trace).map(
      (m) => `${file}:${lines[m.op]}: ${prog.ops[m.op].name}: expected ${m.expected}, got ${m.actual}`,
    );
    if (trace.crash) problems.push(`${file}:${lines[trace.crash.op] ?? 'end'}: ${target} crashed: ${trace.crash.message}`);
    for (const f of checkAssertions(prog, run, trace)) problems.push(`${file}:${assertLines[f.index]}: ${f.message}`);
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
