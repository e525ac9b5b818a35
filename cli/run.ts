// `mmdiff run FILE --target T [--json]`: one target's trace of one program.

import { formatResult, OPS, printOp, pteText, runProgram, traceToJSON, protString, vmFlagNames, hex, type Trace, type Program } from '../abi/index.js';
import { checkAssertions } from '../fuzz/assertions.js';
import { checkExpectations } from '../fuzz/expect.js';
import { loadProgram, UserError } from '../fuzz/load.js';
import { TARGETS } from '../fuzz/targets.js';

export const RUN_HELP = `usage: mmdiff run FILE --target T [--json]

Runs the program in FILE on target T (${Object.keys(TARGETS).join(', ')}) and prints each op's
result and the final state. With --json the trace is one JSON object.
Exit status: 0 when every expectation (= result) and state assertion (#! lines)
written in FILE holds, 1 otherwise, 2 for bad input.`;

export function runCommand(pos: string[], opts: Record<string, unknown>): number {
  if (pos.length !== 1) throw new UserError(`run: expected one FILE, got ${pos.length}`);
  const target = opts.target as string | undefined;
  if (!target) throw new UserError(`run: --target is required (${Object.keys(TARGETS).join(', ')})`);
  const factory = TARGETS[target];
  if (!factory) throw new UserError(`run: unknown target '${target}' (${Object.keys(TARGETS).join(', ')})`);
  const { file, prog, lines, assertLines } = loadProgram(pos[0]);
  const trace = runProgram(factory, prog);
  if (opts.json) process.stdout.write(JSON.stringify(traceToJSON(trace, prog)) + '\n');
  else process.stdout.write(renderTrace(trace, prog));
  const bad = checkExpectations(prog, trace);
  for (const m of bad) {
    process.stderr.write(`${file}:${lines[m.op]}: ${prog.ops[m.op].name}: expected ${m.expected}, got ${m.actual}\n`);
  }
  if (trace.crash) process.stderr.write(`${file}:${lines[trace.crash.op] ?? '-'}: target ${target} crashed: ${trace.crash.message}\n`);
  const failed = checkAssertions(prog, (p) => runProgram(factory, p), trace);
  for (const f of failed) process.stderr.write(`${file}:${assertLines[f.index]}: ${f.message}\n`);
  return bad.length || trace.crash || failed.length ? 1 : 0;
}

export function renderTrace(trace: Trace, prog: Program): string {
  const out: string[] = [];
  prog.ops.forEach((op, i) => {
    const r = i < trace.results.length ? formatResult(trace.results[i], OPS[op.name].returns) : '(not run)';
    out.push(`${String(i).padStart(3)}  ${printOp({ ...op, expect: undefined, note: undefined })}  => ${r}`);
  });
  for (const p of trace.state.processes) {
    out.push(`p${p.pid}${p.alive ? '' : ' (exited)'}: brk=${hex(p.brk)} pkru=${hex(BigInt(p.pkru))} pkeys=${hex(BigInt(p.pkeys))}${p.ssp ? ` ssp=${hex(p.ssp)}` : ''}`);
    for (const v of p.vmas) {
      out.push(`  ${hex(v.start)}-${hex(v.end)} ${protString(v.prot)}${v.pkey ? ` pkey=${v.pkey}` : ''} ${vmFlagNames(v.flags).join(' ')}`.trimEnd());
    }
    for (const e of p.ptes) out.push(`    ${hex(e.addr)} ${pteText(e)}`);
  }
  for (const c of trace.state.contents) {
    out.push(`frame ${c.frame}: ${c.words.map(([o, v]) => `+${hex(BigInt(o))}=${hex(v)}`).join(' ')}`);
  }
  return out.join('\n') + '\n';
}
