// One bucket per cause. A divergence a whole run shows is often an effect: a munmap
// that zaps too little is seen much later as a read that faults on one side only, or
// as a different mmap address. Replaying prefixes finds the first op after which the
// two targets disagree at all — in its result or in the state it leaves — and the
// bucket is named after that op and the kind of that first difference; whatever the
// full run showed later is folded into it (`later`), not a bucket of its own.
//
// The key's subject is the op (pkey_mprotect counts as mprotect), except where a rule
// of the reference target says more and stays the same however the bug is reached:
// the fault path of a memory access that left different PTEs (`fault:cow-copy`, be the
// access a write, a CALL or a populating madvise), and the check the reference target
// failed where the other passed (`mprotect:sealed-EPERM`: a check missed). The rule the
// reference took is always shown (`rule`), the values in `shows`.

import { type Coverage, type Divergence, type Program, type Result, type Trace } from '../abi/index.js';
import { resultKind } from '../abi/compare.js';
import type { TargetPair } from './pair.js';

/** Feature prefixes that describe an op's own rules (a feature of another family can be hit on the way). */
const FAMILY: Readonly<Record<string, readonly string[]>> = {
  mmap: ['mmap', 'area', 'merge', 'trampfd'],
  mprotect: ['mprotect'],
  pkey_mprotect: ['mprotect', 'pkey_mprotect'],
  madvise: ['madvise', 'populate'],
  read: ['fault', 'stack'],
  write: ['fault', 'stack'],
  exec: ['fault', 'stack', 'trampfd'],
  call: ['shstk-insn', 'fault'],
  ret: ['shstk-insn', 'fault'],
  wrss: ['shstk-insn', 'fault'],
  rstorssp: ['shstk-insn', 'fault'],
  saveprevssp: ['shstk-insn', 'fault'],
  incssp: ['shstk-insn', 'fault'],
  map_shadow_stack: ['shstk'],
  arch_prctl: ['shstk', 'uaccess'],
  trampfd_create: ['trampfd', 'files', 'uaccess'],
  trampfd_write_code: ['trampfd'],
  trampfd_write_data: ['trampfd'],
  close: ['close', 'trampfd'],
};

/** Stack growth refused (the access then faults). */
const STACK_REFUSED = /^stack:(guard-gap|below-min|rlimit)/;
/** Features of a refusal: an errno path, or stack growth refused. */
const REFUSAL = new RegExp(`-E[A-Z0-9]+(\\+(pkey|shstk))?$|${STACK_REFUSED.source}`);

/**
 * The rule an op took, from the features the reference target hit while running it:
 * for an op that failed (`failed`), its first refusal; else the last one of the op's own
 * family (the decisive check: an errno path returns right after its feature), else the
 * last one at all. `+pkey`/`+shstk` variants of a rule are the same rule.
 */
export function ruleOf(opName: string, features: readonly string[], failed?: boolean): string | undefined {
  // an op that failed: the first errno path taken is where the error came from, whichever
  // op called the shared code (split_vma's ENOMEM under mprotect, madvise, mseal, …)
  const origin = failed ? features.find((f) => REFUSAL.test(f)) : undefined;
  if (origin) return origin.replace(/\+(pkey|shstk)$/, '');
  const fam = FAMILY[opName] ?? [opName];
  const own = features.filter((f) => fam.includes(f.slice(0, f.indexOf(':'))));
  const f = own.length ? own[own.length - 1] : features[features.length - 1];
  return f?.replace(/\+(pkey|shstk)$/, '');
}

/** Collects the features hit by each op of one run. */
export class PerOpCoverage implements Coverage {
  readonly byOp: string[][] = [];
  private cur: string[] | null = null;
  op(i: number): void {
    this.cur = this.byOp[i] = [];
  }
  hit(f: string): void {
    this.cur?.push(f);
  }
}

/** A crash message without the parts that vary from run to run (numbers, addresses). */
function crashKey(message: string | undefined): string {
  return (message ?? '').split('\n')[0].replace(/0x[0-9a-f]+|\d+/gi, 'N').slice(0, 80);
}

function prefix(prog: Program, n: number): Program {
  return { ...prog, ops: prog.ops.slice(0, n) };
}

/**
 * The divergence `d` of the full run of `prog`, re-named after its cause. `ta`/`tb` are
 * the full run's traces (for crash messages).
 */
export async function cause(prog: Program, pair: TargetPair, d: Divergence, ta?: Trace, tb?: Trace): Promise<Divergence> {
  if (d.class === 'invariant' || d.class === 'hang') return d;
  if (d.class === 'crash') {
    // a crash's cause is where the target threw, not the op that got there: one bug that
    // breaks a helper every op uses must not give a bucket per op (the op stays in the detail)
    const op = d.op ?? prog.ops.length;
    const aThrew = ta?.crash?.op === op;
    const msg = crashKey(aThrew ? ta?.crash?.message : tb?.crash?.message);
    const who = aThrew ? pair.a.name : tb?.crash ? pair.b.name : null;
    return who ? { ...d, signature: `crash in ${who}${msg ? `: ${msg}` : ''}` } : d;
  }
  // the last op that can be the cause: the first differing result, or the end
  const last = d.op ?? prog.ops.length - 1;
  if (last < 0) return d;
  const differsAfter = async (k: number): Promise<Divergence | null> => {
    const p = prefix(prog, k + 1);
    const [a, b] = await Promise.all([pair.a.run(p), pair.b.run(p)]);
    return pair.compare(a, b, p);
  };
  // smallest k with a difference after op k (the states of two targets, once apart,
  // rarely come back together, so a binary search finds the first)
  let lo = -1;
  let hi = last;
  let first: Divergence = d;
  while (lo + 1 < hi) {
    const mid = (lo + hi) >> 1;
    const e = await differsAfter(mid);
    if (e) {
      hi = mid;
      first = e;
    } else lo = mid;
  }
  const c = hi;
  const name = prog.ops[c].name;
  const { features, result } = await featuresAt(prog, c, pair);
  const failed = first.class === 'result' && /^result (-E|SEGV_|BUS_|ILL_|SI_KERNEL)/.test(first.what);
  const rule = features.length ? ruleOf(name, features, failed) : undefined;
  // what the whole run showed, when it is another difference than the cause's own
  const folded = c !== d.op || first.what !== d.what;
  const later = d.op !== null ? `then op ${d.op} ${prog.ops[d.op]?.name}: ${d.shows}` : `then at the end: ${d.shows}`;
  // an op that failed the same way on both sides but left other state: what it did
  // before failing differs, whichever field or errno shows it (an mmap that takes the
  // execute-only pkey before failing fails in a dozen ways)
  const partial = first.class !== 'result' && result !== undefined && /^-E/.test(resultKind(result));
  // a failed op's partial work differs: keyed by the op (the shared unmap when it ran:
  // MAP_FIXED and mremap unmap before they fail), and also by the check that stopped it —
  // an op that takes an execute-only pkey before failing fails at many checks, a split
  // limit stops mprotect, madvise and mseal alike
  const what = partial ? `${first.class} state after an error` : keyWhat(coarse(first.what), referenceFailed(first, rule));
  const refused = partial && features.some((f) => UNMAPPED.test(f)) ? 'munmap' : undefined;
  // stack growth the reference refused and the other side allowed: every difference that
  // follows (a fault, a VMA, an EIO, a short write) is that growth
  const stack = features.find((f) => STACK_REFUSED.test(f));
  const signature = stack ? `${strip(stack)} growth on one side only` : `${refused ?? subject(name, first, features, rule)} ${what}`;
  // both failed, differently: the other side's errno names a check it took wrongly (a hole
  // seen too early meets EINVAL, EPERM, … checks of the reference), the reference's check
  // one the other side missed (a missed EEXIST goes on to EINVAL, ENOMEM, … checks): which,
  // one divergence cannot tell, so it carries both keys and a campaign folds on either
  const both = !partial && !stack && /^result /.test(first.what) ? bothFailed(first.what) : null;
  const refusal = features.find((f) => REFUSAL.test(f));
  const also = !refusal || stack ? undefined : both ? `${strip(refusal)} result ${both}/*` : partial && !refused ? `${strip(refusal)} ${what}` : undefined;
  return { ...first, op: c, signature, ...(also && also !== signature ? { also } : {}), ...(rule ? { rule } : {}), ...(folded ? { later } : {}) };
}

/** The features the reference target (the pair's first with coverage) hit at op `c`, and its result there. */
async function featuresAt(prog: Program, c: number, pair: TargetPair): Promise<{ features: string[]; result?: Result }> {
  const p = prefix(prog, c + 1);
  let result: Result | undefined;
  for (const t of [pair.a, pair.b]) {
    const cov = new PerOpCoverage();
    const tr = await t.run(p, cov);
    result ??= tr.results[c];
    const fs = cov.byOp[c];
    if (fs?.length) return { features: fs, result };
  }
  return { features: [], result };
}

/**
 * PTE bits that differ (RW, D, SavedDirty, A, …) are one kind: a bug that leaves a PTE
 * writable also leaves it dirty, and which bit a comparison meets first depends on the
 * page. Frames and presence stay apart. A PTE table one side kept is presence too: a zap
 * that stops short leaves the last page's PTE when it was populated, its table when not.
 */
function coarse(what: string): string {
  return what.replace(/^pte\.table /, 'pte.exists ').replace(/^pte\.(?!frame|exists)[A-Za-z]+( .*)?$/, 'pte.bits');
}

/** Fault paths that make or change a PTE (the others fail the access). */
const PTE_PATHS = /^fault:(cow-|wp-|anon-alloc|zero-page|shmem-alloc|shmem-fault-around)/;

/** Ops that touch memory and may fault (their PTE effects are the fault handler's). */
const ACCESSES = new Set(['read', 'write', 'exec', 'call', 'ret', 'wrss', 'rstorssp', 'saveprevssp', 'incssp', 'madvise', 'mmap', 'mremap', 'trampfd_create', 'arch_prctl', 'mem_write', 'signal', 'sigreturn']);
/** Ops that are one syscall under two names. */
const SAME_OP: Readonly<Record<string, string>> = { pkey_mprotect: 'mprotect' };

const strip = (f: string) => f.replace(/\+(pkey|shstk)$/, '');

/** The key's subject: the fault path of differing PTEs, a check missed, else the op. */
function subject(name: string, first: Divergence, features: readonly string[], rule: string | undefined): string {
  // a trampoline ran: whatever differs (where it jumped, the fault or the PTEs of loading
  // its tables) is the trampoline's rule, not the fault path it met on the way
  // (unless the other side faulted, alone or with another code: its code names it, as
  // for any access)
  if (name === 'exec' && !otherSideFaulted(first) && features.some((f) => f.startsWith('trampfd:exec') && f !== 'trampfd:exec-not-a-slot' && f !== 'trampfd:exec-bytes-changed')) return 'trampfd:exec';
  if ((first.class === 'pte' || first.class === 'content') && ACCESSES.has(name)) {
    const faults = features.filter((f) => f.startsWith('fault:'));
    const making = faults.filter((f) => PTE_PATHS.test(f));
    // the reference's fault made a PTE the other side lacks: the other side never took
    // that fault (an access check refused it), so which path made the page says nothing
    // (a pkey check that fires wrongly meets the zero-page, anon and shmem paths alike)
    if (making.length && /^pte\.exists 1\/0/.test(first.what)) return 'access';
    // wp_page_copy copies the zero page and a shared page alike
    if (making.length) return strip(making[making.length - 1]).replace(/^fault:cow-(zero|copy)$/, 'fault:wp-page-copy');
    if (faults.length) return strip(faults[faults.length - 1]);
  }
  if (referenceFailed(first, rule)) return rule!.replace(/-partial$/, '');
  // a VMA layout where the reference refused a merge: the merge rule, whichever op merged
  // (before the unmap: a MAP_FIXED that unmaps and then merges wrongly is a merge bug)
  if (first.what.startsWith('vma.layout') && features.includes('merge:attrs-differ')) return 'merge:attrs-differ';
  // a VMA layout after the unmap every unmapping syscall shares (do_vmi_munmap under
  // MAP_FIXED, mremap, brk): one unmap bug, one key, whichever syscall unmapped
  if (first.what.startsWith('vma.layout') && features.some((f) => UNMAPPED.test(f))) return 'munmap';
  // a fault on one side: which access met it matters less than the reference's fault path
  // (a stack that grows into its guard gap faults reads, writes, calls, … alike)
  const m = resultPair(first.what);
  if (m && (isFault(m[1]) || isFault(m[2])) && ACCESSES.has(name)) {
    // only the other side faulted, or with another code: the reference's path explains
    // nothing, the other side's code does (a pkey check that fires too often meets the
    // reference's MAPERR, ACCERR and CPERR paths alike)
    if (!isFault(m[1]) || isFault(m[2])) return 'access';
    const refused = features.find((f) => REFUSAL.test(f));
    if (refused) return strip(refused);
    const faults = features.filter((f) => f.startsWith('fault:') || f.startsWith('stack:'));
    return faults.length ? strip(faults[faults.length - 1]) : 'access';
  }
  return SAME_OP[name] ?? name;
}

/** The shared unmap did its work (split and zapped VMAs). */
const UNMAPPED = /^munmap:(ok|complete|split-start|split-end)$/;

/** `result A/B`: [, the reference's result kind, the other side's]. */
const resultPair = (what: string): RegExpExecArray | null => /^result ([^/]+)\/(.+)$/.exec(what);

/** The reference's errno or code when both sides failed or faulted, differently. */
function bothFailed(what: string): string | null {
  const m = resultPair(what);
  if (!m || m[1] === m[2]) return null;
  const failed = (k: string) => k.startsWith('-E') || isFault(k);
  return failed(m[1]) && failed(m[2]) ? m[1] : null;
}

/** The other side faulted where the reference did not, or with another code. */
function otherSideFaulted(first: Divergence): boolean {
  const m = resultPair(first.what);
  return m !== null && isFault(m[2]) && m[1] !== m[2];
}

const isFault = (k: string) => /^(SEGV_|BUS_|ILL_)/.test(k) || k === 'SI_KERNEL';

/** Only the reference target failed the op with an errno: the check it failed names the cause. */
function referenceFailed(first: Divergence, rule: string | undefined): boolean {
  return first.class === 'result' && rule !== undefined && /^result -E[^/]*\/(?!-E)/.test(first.what);
}

/**
 * The result pair of a key. Where the reference faulted, only "fault" (its path is the
 * subject; which fault is in `shows`). Where only the reference failed a check, the other side's result
 * (success, a value) is one bug either way: only the reference's errno. Where only the
 * other side failed or faulted, or both did in different ways, the other side's errno or
 * code names it: which check of the reference fired varies with the program, what the
 * other side returned does not.
 */
function keyWhat(what: string, referenceFailed: boolean): string {
  const m = resultPair(what);
  if (!m) return what;
  if (referenceFailed) return `result ${m[1]}/*`;
  const [a, b] = [m[1], m[2]];
  const isErrno = (k: string) => k.startsWith('-E');
  // only the other side failed, or failed with another errno: its errno names it (a
  // madvise that returns ENOMEM at a hole too early meets EINVAL, EPERM, … checks)
  if (isErrno(b)) return `result */${b}`;
  // both faulted, with other codes: the other side's code names it (subject 'access')
  if (isFault(a) && isFault(b)) return `result */${b}`;
  // the reference faulted: its path names it (the subject), whatever the other side did
  if (isFault(a)) return 'result fault/*';
  // only the other side faulted: its code names it
  if (isFault(b)) return `result */${b}`;
  return what;
}

