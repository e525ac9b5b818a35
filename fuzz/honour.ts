// Running a case written for one machine on the live kernel here. A case names its
// machine (`# machine`, else the default one); the kernel is the machine it is. Some
// parameters the kernel cannot take on at all (profile, shstk, max_map_count — a global
// sysctl —, the helper's mmap_base and brk start); for the others (pku, mmap_min_addr,
// the zero page, THP, CONFIG_MEMORY_FAILURE, the helper's own memory) the case is
// honoured where everything it expects still holds on the kernel's machine, checked on
// the model. Assertions are projected onto what the kernel can observe (abi/observe.ts):
// PTE bits become present-or-not, VMA flags smaps cannot show and the pkeys/ssp/shstk
// scalars are dropped.

import { hex, machineOf, printMachine, runProgram, type MachineConfig, type Op, type OpName, type Program } from '../abi/index.js';
import { KERNEL_VISIBLE_VMF, observeTrace } from '../abi/observe.js';
import { VMF_NAMES } from '../abi/vmflags.js';
import { createModel } from '../model/index.js';
import { checkAssertions } from './assertions.js';
import { checkExpectations } from './expect.js';

export type Honoured = { readonly run: Program } | { readonly skip: string; readonly mismatches: readonly string[]; readonly machineLine: string };

const INVISIBLE_VMA_FLAGS = new Set(VMF_NAMES.filter(([, b]) => !(b & KERNEL_VISIBLE_VMF)).map(([n]) => n));
const MASKED_SCALARS = /^(pkeys|ssp|shstk)\b/;

/** One `#!` assertion (the text after `#!`) as the kernel can check it, or null if nothing of it is visible. */
export function projectAssertion(body: string): string | null {
  const m = /^(\s*p\d+\s+)(.*)$/.exec(body);
  if (!m) return body;
  const [, head, rest] = m;
  const words = rest.trim().split(/\s+/);
  if (words[0] === 'vmas') {
    // flags smaps cannot show are dropped from each VMA
    const specs = rest.trim().slice(4).split('|').map((s) => s.trim().split(/\s+/).filter((w) => !INVISIBLE_VMA_FLAGS.has(w)).join(' '));
    return `${head}vmas ${specs.join(' | ')}`;
  }
  if (words[0] === 'pte') {
    const frame = words[words.length - 1];
    if (frame === 'none' || frame === 'guard') return body;
    const bits = words.slice(2, -1);
    const present = bits.includes('P') || bits.includes('PROTNONE');
    return `${head}pte ${words[1]} ${present ? 'P ' : ''}${frame}`;
  }
  const clauses = rest.split('|').map((c) => c.trim()).filter((c) => !MASKED_SCALARS.test(c));
  return clauses.length ? `${head}${clauses.join(' | ')}` : null;
}

function projectComments(cs: readonly string[] | undefined): string[] | undefined {
  return cs?.map((c) => {
    if (!c.startsWith('!')) return c;
    const p = projectAssertion(c.slice(1));
    return p === null ? ' (masked assertion)' : '!' + p;
  });
}

/** The program with its assertions projected onto what the kernel observes. */
export function projectProgram(p: Program): Program {
  return { ...p, ops: p.ops.map((op): Op => (op.lead ? { ...op, lead: projectComments(op.lead) } : op)), trailer: projectComments(p.trailer) };
}

/** Parameters the kernel here is, whatever a case asks: why it cannot be another value. */
const FIXED: ReadonlyArray<readonly [keyof MachineConfig, string]> = [
  ['profile', 'the kernel here is 6.18'],
  ['shstk', 'no user shadow stacks on this kernel'],
  ['maxMapCount', 'vm.max_map_count is a global sysctl'],
  ['mmapBase', 'the helper has its own mmap_base'],
  ['brkStart', 'the helper has its own brk start'],
];

const show = (v: unknown) => (typeof v === 'bigint' ? hex(v) : typeof v === 'boolean' ? (v ? '1' : '0') : String(v));

/**
 * The program as the kernel (with `layout`, lacking `unsupportedOps`) runs it, or every
 * reason it cannot, with the `# machine` line of this host (a case written for it runs).
 */
export function honour(layout: Partial<MachineConfig>, unsupportedOps: readonly OpName[], prog: Program): Honoured {
  const m = machineOf(prog);
  const host = { ...m, ...layout };
  const machineLine = printMachine(layout) ?? '# machine (the default)';
  const mismatches: string[] = [];
  for (const [key, why] of FIXED) if (m[key] !== host[key]) mismatches.push(`machine ${key}=${show(m[key])}, here ${show(host[key])} (${why})`);
  const ops = [...new Set(prog.ops.filter((o) => unsupportedOps.includes(o.name)).map((o) => o.name))];
  for (const op of ops) mismatches.push(`uses ${op}, which the kernel target cannot run`);
  if (mismatches.length) return { skip: mismatches.join('; '), mismatches, machineLine };
  // written for its own pku, zero page, … and an empty address space: honoured where its
  // expectations and assertions hold just as well on the kernel's machine (on the model)
  const soft: string[] = [];
  for (const key of ['pku', 'mmapMinAddr', 'zeroPage', 'thp', 'memoryFailure'] as const) {
    if (layout[key] !== undefined && m[key] !== layout[key]) soft.push(`${key}=${show(m[key])} (here ${show(layout[key])})`);
  }
  const run = projectProgram({ ...prog, machine: host });
  const why = soft.length ? `needs ${soft.join(', ')}` : "depends on the helper's reserved memory";
  const model = (p: Program) => observeTrace(runProgram(createModel, p));
  const t = model(run);
  const bad = checkExpectations(prog, t);
  const failed = bad.length ? [] : checkAssertions(run, model, t);
  const found = [...bad.map((b) => `op ${b.op} ${prog.ops[b.op].name} gives ${b.actual}, not ${b.expected}`), ...failed.map((f) => f.message)];
  if (!found.length) return { run };
  mismatches.push(...soft.map((s) => `needs ${s}`), ...found.map((f) => `on the kernel's machine ${f}`));
  return { skip: `${why}: on the kernel's machine ${found[0]}`, mismatches, machineLine };
}
