// `mmdiff run FILE --target T [--json]`: one target's trace of one program.

import { formatResult, OPS, printOp, pteText, traceToJSON, protString, vmFlagNames, hex, type Trace, type Program } from '../abi/index.js';
import { checkAssertionsBatched } from '../fuzz/assertions.js';
import { checkExpectations } from '../fuzz/expect.js';
import { honour } from '../fuzz/honour.js';
import { loadProgram, UserError } from '../fuzz/load.js';
import { openTarget, type Target } from '../fuzz/target.js';
import { TARGETS } from '../fuzz/targets.js';

export const RUN_HELP = `usage: mmdiff run FILE --target T [--json]

Runs the program in FILE on target T (${Object.keys(TARGETS).join(', ')}) and prints each op's
result and the final state. With --json the trace is one JSON object.
Exit status: 0 when every expectation (= result) and state assertion (#! lines)
written in FILE holds, 1 otherwise, 2 for bad input, 3 when the target cannot run
the program here. On --target kernel a case written for another machine (the
default one: pku=1, mmap_min_addr 0x1000, …) runs when everything it expects holds on
this machine too (checked on the model), its assertions cut to what /proc shows;
otherwise every mismatch is listed with the # machine line of this host.`;

export async function runCommand(pos: string[], opts: Record<string, unknown>): Promise<number> {
  if (pos.length !== 1) throw new UserError(`run: expected one FILE, got ${pos.length}`);
  const target = opts.target as string | undefined;
  if (!target) throw new UserError(`run: --target is required (${Object.keys(TARGETS).join(', ')})`);
  const { file, prog: written, lines, assertLines } = loadProgram(pos[0]);
  const t = await openTarget(target);
  try {
    // the live kernel is the machine it is: run the case as it can honour it (fuzz/honour.ts)
    let prog = written;
    if (t.layout) {
      const h = honour(t.layout, t.unsupportedOps ?? [], written, t.observe);
      if ('mismatches' in h) {
        process.stderr.write(`${file}: not run on ${t.name}: this machine cannot honour the case:\n${h.mismatches.map((m) => `  ${m}\n`).join('')}  a case written for this machine has: ${h.machineLine}\n`);
        return 3;
      }
      prog = h.run;
    }
    return await runOn(t, file, prog, lines, assertLines, opts.json === true);
  } finally {
    await t.close?.();
  }
}

async function runOn(t: Target, file: string, prog: Program, lines: readonly number[], assertLines: readonly number[], json: boolean): Promise<number> {
  const target = t.name;
  const observe = t.observe ?? ((x: Trace) => x);
  const trace = await t.run(prog);
  if (trace.unsupported) {
    process.stderr.write(`${file}: not run on ${target}: ${trace.unsupported}\n`);
    return 3;
  }
  if (json) process.stdout.write(JSON.stringify(traceToJSON(trace, prog)) + '\n');
  else process.stdout.write(renderTrace(trace, prog));
  const bad = checkExpectations(prog, trace);
  for (const m of bad) {
    process.stderr.write(`${file}:${lines[m.op]}: ${prog.ops[m.op].name}: expected ${m.expected}, got ${m.actual}\n`);
  }
  if (trace.crash) process.stderr.write(`${file}:${lines[trace.crash.op] ?? '-'}: target ${target} crashed: ${trace.crash.message}\n`);
  const failed = await checkAssertionsBatched(prog, async (ps) => (await t.runMany(ps)).map(observe), observe(trace));
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
