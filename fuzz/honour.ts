// Running a case written for one machine on the live kernel here. A case names its
// machine (`# machine`, else the default one); the kernel is the machine it is. Some
// parameters the kernel cannot take on at all (profile, shstk, max_map_count — a global
// sysctl —, the helper's mmap_base and brk start); for the others (pku, mmap_min_addr,
// the zero page, THP, CONFIG_MEMORY_FAILURE, the helper's own memory) the case is
// honoured where everything it expects still holds on the kernel's machine, checked on
// the model — except the parameters the target takes on per program (its layout's
// PER_PROGRAM: `thp`, where the kernel target starts a helper with THP allowed or not as
// the case asks), which the case keeps. Assertions are projected onto what the kernel can observe (the target's
// observer, abi/observe.ts): PTE bits as the observer keeps them (present-or-not
// without the helper's PTE walker, exact with it), VMA flags smaps cannot show and the
// pkeys/ssp/shstk scalars are dropped.

import { hex, machineOf, perProgramKeys, PTE_BIT_NAMES, printMachine, runProgram, type MachineConfig, type Op, type OpName, type Program, type Trace } from '../abi/index.js';
import { KERNEL_VISIBLE_VMF, observedPteBits, observeTrace } from '../abi/observe.js';
import { VMF_NAMES } from '../abi/vmflags.js';
import { createModel } from '../model/index.js';
import { checkAssertions } from './assertions.js';
import { checkExpectations } from './expect.js';

export type Honoured = { readonly run: Program } | { readonly skip: string; readonly mismatches: readonly string[]; readonly machineLine: string };


const INVISIBLE_VMA_FLAGS = new Set(VMF_NAMES.filter(([, b]) => !(b & KERNEL_VISIBLE_VMF)).map(([n]) => n));
const MASKED_SCALARS = /^(pkeys|ssp|shstk)\b/;

/** PTE bit words of an assertion as `observe` keeps them (PKEY=n included). */
function projectPteWords(bits: readonly string[], observe: (t: Trace) => Trace): string[] {
  let v = 0n;
  for (const w of bits) {
    if (w.startsWith('PKEY=')) v |= BigInt(Number(w.slice(5)) & 15) << 59n;
    else {
      const b = PTE_BIT_NAMES.find(([n]) => n === w);
      if (b) v |= 1n << BigInt(b[1]);
    }
  }
  const kept = observedPteBits(observe, v);
  const words = PTE_BIT_NAMES.filter(([, i]) => (kept >> BigInt(i)) & 1n).map(([n]) => n);
  const key = (kept >> 59n) & 0xfn;
  return key ? [...words, `PKEY=${key}`] : words;
}

/**
 * One `#!` assertion (the text after `#!`) as the kernel can check it, or null if
 * nothing of it is visible; `observe` is the kernel target's observer.
 */
export function projectAssertion(body: string, observe: (t: Trace) => Trace = observeTrace): string | null {
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
    const bits = projectPteWords(words.slice(2, -1), observe);
    if (bits.join(' ') === words.slice(2, -1).join(' ')) return body;
    return `${head}pte ${words[1]} ${bits.map((b) => b + ' ').join('')}${frame}`;
  }
  const clauses = rest.split('|').map((c) => c.trim()).filter((c) => !MASKED_SCALARS.test(c));
  return clauses.length ? `${head}${clauses.join(' | ')}` : null;
}

function projectComments(cs: readonly string[] | undefined, observe: (t: Trace) => Trace): string[] | undefined {
  return cs?.map((c) => {
    if (!c.startsWith('!')) return c;
    const p = projectAssertion(c.slice(1), observe);
    return p === null ? ' (masked assertion)' : '!' + p;
  });
}

/** The program with its assertions projected onto what the kernel observes. */
export function projectProgram(p: Program, observe: (t: Trace) => Trace = observeTrace): Program {
  return { ...p, ops: p.ops.map((op): Op => (op.lead ? { ...op, lead: projectComments(op.lead, observe) } : op)), trailer: projectComments(p.trailer, observe) };
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
 * The program as the kernel (with `layout`, lacking `unsupportedOps`, showing what
 * `observe` keeps) runs it, or every reason it cannot, with the `# machine` line of this
 * host (a case written for it runs).
 */
export function honour(layout: Partial<MachineConfig>, unsupportedOps: readonly OpName[], prog: Program, observe: (t: Trace) => Trace = observeTrace): Honoured {
  const m = machineOf(prog);
  const free = perProgramKeys(layout);
  const host: MachineConfig = { ...m, ...layout };
  for (const key of free) (host as unknown as Record<string, unknown>)[key] = m[key];
  const machineLine = printMachine(layout) ?? '# machine (the default)';
  const mismatches: string[] = [];
  for (const [key, why] of FIXED) if (m[key] !== host[key]) mismatches.push(`machine ${key}=${show(m[key])}, here ${show(host[key])} (${why})`);
  const ops = [...new Set(prog.ops.filter((o) => unsupportedOps.includes(o.name)).map((o) => o.name))];
  for (const op of ops) mismatches.push(`uses ${op}, which the kernel target cannot run`);
  if (mismatches.length) return { skip: mismatches.join('; '), mismatches, machineLine };
  // written for its own pku, zero page, … and an empty address space: honoured where its
  // expectations and assertions hold just as well on the kernel's machine (on the model)
  const soft: string[] = [];
  for (const key of ['pku', 'mmapMinAddr', 'zeroPage', 'thp', 'memoryFailure', 'ramSwap', 'hugePages', 'gbPages'] as const) {
    if (layout[key] !== undefined && !free.includes(key) && m[key] !== layout[key]) soft.push(`${key}=${show(m[key])} (here ${show(layout[key])})`);
  }
  const run = projectProgram({ ...prog, machine: host }, observe);
  const why = soft.length ? `needs ${soft.join(', ')}` : "depends on the helper's reserved memory";
  const model = (p: Program) => observe(runProgram(createModel, p));
  const t = model(run);
  const bad = checkExpectations(prog, t);
  const failed = bad.length ? [] : checkAssertions(run, model, t);
  const found = [...bad.map((b) => `op ${b.op} ${prog.ops[b.op].name} gives ${b.actual}, not ${b.expected}`), ...failed.map((f) => f.message)];
  if (!found.length) return { run };
  mismatches.push(...soft.map((s) => `needs ${s}`), ...found.map((f) => `on the kernel's machine ${f}`));
  return { skip: `${why}: on the kernel's machine ${found[0]}`, mismatches, machineLine };
}
