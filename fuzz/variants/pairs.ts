// The design-variant pairs `mmdiff variants` diffs: for each, the two designs in a few
// sentences with their sources, and the readings — one sentence per kind of divergence
// saying which rule of which design it shows. The rules are model/profile.ts and
// model/variants/; the sources are cited there in full.

import { formatResult, MADV, MAP, MREMAP, OPS, PROT, type Divergence, type Op, type Program, type Result, type Trace } from '../../abi/index.js';

export interface Bucket {
  readonly prog: Program;
  readonly a: Trace;
  readonly b: Trace;
  readonly d: Divergence;
}

export interface VariantPair {
  /** `--targets` of the campaign. */
  readonly targets: string;
  /** Directory name under reports/variants-SEED/. */
  readonly slug: string;
  readonly title: string;
  /** Markdown paragraphs: the two designs and where they come from. */
  readonly intro: string;
  /** A sentence saying what the bucket shows, or null (a generic sentence is used). */
  readonly reading: (x: Bucket) => string | null;
}

/** The op at the first divergence, its results on both sides as printed in `.mm`. */
export function firstDifference(x: Bucket): { i: number; op: Op; a: string; b: string } | null {
  const i = x.d.op;
  if (i === null || i >= x.prog.ops.length) return null;
  const op = x.prog.ops[i];
  const k = OPS[op.name].returns;
  const show = (r: Result | undefined) => (r === undefined ? '(none)' : formatResult(r, k));
  return { i, op, a: show(x.a.results[i]), b: show(x.b.results[i]) };
}

const lit = (op: Op, i: number): bigint | null => (typeof op.args[i] === 'bigint' ? (op.args[i] as bigint) : null);
const has = (v: bigint | null, bit: number) => v !== null && (v & BigInt(bit)) !== 0n;

/** Whether an mmap/mprotect/pkey_mprotect among ops 0..upto has prot bit `bit`. */
function usesBit(prog: Program, upto: number, bit: number): boolean {
  return prog.ops.slice(0, upto + 1).some((o) => {
    const i = o.name === 'mmap' || o.name === 'mprotect' || o.name === 'pkey_mprotect' ? 2 : -1;
    return i >= 0 && has(lit(o, i), bit);
  });
}

/** The result of op `k` on one side, as printed. */
function res(x: Bucket, side: 'a' | 'b', k: number): string {
  const r = x[side].results[k];
  return r === undefined ? '(none)' : formatResult(r, OPS[x.prog.ops[k].name].returns);
}

/** The last op before `i` both sides refused with -EPERM (a seal check). */
function earlierBothEperm(x: Bucket, i: number): { k: number; op: Op } | null {
  for (let k = i - 1; k >= 0; k--) {
    if (res(x, 'a', k) === '-EPERM' && res(x, 'b', k) === '-EPERM') return { k, op: x.prog.ops[k] };
  }
  return null;
}

/** The op's result on both sides, or (state divergence, equal results) what differs in the final states. */
function effect(x: Bucket, f: { a: string; b: string }): string {
  return f.a !== f.b ? `${f.a} vs ${f.b}` : `the results agree, the final states differ: ${x.d.detail}`;
}

const isMprotect = (name: string) => name === 'mprotect' || name === 'pkey_mprotect';
const isExecOnly = (op: Op) => isMprotect(op.name) && lit(op, 2) === BigInt(PROT.EXEC);

const SEAL_OPS = new Set(['munmap', 'mmap', 'mprotect', 'pkey_mprotect', 'madvise', 'mremap', 'brk']);

export const PAIRS: readonly VariantPair[] = [
  {
    targets: 'model@6.18,model@6.10',
    slug: '6.18-vs-6.10',
    title: 'Per-VMA seal checks (6.12+) vs up-front seal checks (6.10–6.11)',
    intro: [
      '**model@6.18** checks a seal per VMA, inside each walk (`vma_is_sealed` in `vms_gather_munmap_vmas`, `mprotect_fixup`, ' +
        '`check_prep_vma`; `can_madvise_modify`), so an `EPERM` can come after earlier VMAs were changed or split — Pedro Falcato, ' +
        '"mm: Optimize mseal checks" (merged for 6.12), SEMANTICS.md §4.4. ' +
        '**model@6.10** is Linux 6.10–6.11 as merged from Jeff Xu\'s mseal series (v10, 2024-04-15, ' +
        '"[PATCH v10 2/5] mseal: add mseal syscall"): `can_modify_mm(mm, start, end)` walks the whole range first in munmap, ' +
        'mprotect (after the VMA lookup), `mmap_region` (MAP_FIXED), mremap, and `can_modify_mm_madv` in madvise (with 6.10\'s ' +
        '`is_madv_discard()` bitmask bug, fixed in 6.11, that also matches advice that discards nothing), so a sealed VMA ' +
        'anywhere in the range means `EPERM` with nothing changed.',
      'The 6.10 profile is the whole 6.10 kernel, so it also lacks what came later: `MADV_GUARD_INSTALL/REMOVE` (6.13), ' +
        '`MAP_DROPPABLE` (6.11), the trampfd RFC ops (never merged, part of the 6.18 profile only) and the 6.17 mremap rework. ' +
        'Those differences show up here too; they are not about sealing.',
    ].join('\n\n'),
    reading: (x) => {
      const f = firstDifference(x);
      if (!f) return null;
      const name = f.op.name;
      const state = x.d.class !== 'result';
      if (name.startsWith('trampfd_') || name === 'close') {
        return `\`${name}\` is part of the trampfd RFC, which only the 6.18 profile models: under 6.10 it is \`-ENOSYS\`.`;
      }
      const adv = name === 'madvise' ? lit(f.op, 2) : null;
      if (adv === BigInt(MADV.GUARD_INSTALL) || adv === BigInt(MADV.GUARD_REMOVE)) {
        if (state) return 'Both refuse the guard-region advice, but 6.18 knows it (6.13+) and installed guard markers in the VMAs before the one it refuses, while to 6.10 it is unknown advice, refused before anything is done.';
        return `Guard-region advice arrived in 6.13: to 6.10 it is unknown advice (\`-EINVAL\`)${f.a === '-EPERM' ? ', while 6.18 refuses it on the sealed VMA (a discard of sealed read-only memory)' : ''}.`;
      }
      const flags = name === 'mmap' ? lit(f.op, 3) : null;
      if (flags !== null && (flags & BigInt(MAP.TYPE)) === BigInt(MAP.DROPPABLE) && f.b === '-EINVAL') {
        return `\`MAP_DROPPABLE\` arrived in 6.11: to 6.10 it is an unknown mapping type (\`-EINVAL\`)${f.a === '-EPERM' ? '; 6.18 gets as far as the sealed VMA the MAP_FIXED would replace' : ''}.`;
      }
      if (name === 'madvise' && f.b === '-EPERM' && f.a !== '-EPERM') {
        return `6.10's up-front \`can_modify_mm_madv\` refuses the whole range because it holds a sealed read-only anonymous VMA (and its \`is_madv_discard\` bitmask also matches advice that discards nothing); 6.18 decides per VMA and per advice: ${f.a}.`;
      }
      if (name === 'mremap' && f.b === '-EFAULT' && has(lit(f.op, 3), MREMAP.FIXED) && lit(f.op, 1) !== null && lit(f.op, 1) === lit(f.op, 2)) {
        return 'Since 6.17 a move-only `MREMAP_FIXED` may span several VMAs and holes (`remap_move`); 6.10 needs the old range inside one VMA (`-EFAULT`).';
      }
      if (SEAL_OPS.has(name) && f.b === '-EPERM' && f.a !== '-EPERM') {
        return `6.10 checks the seals of the whole range before anything else, so \`${name}\` is \`-EPERM\`; 6.18 checks each VMA as its walk reaches it and stops earlier with ${f.a}.`;
      }
      if (SEAL_OPS.has(name) && f.a === '-EPERM' && f.b !== '-EPERM') {
        return `6.18 refuses the sealed VMA (\`-EPERM\`) before 6.10 gets that far: 6.10 fails another check first (${f.b}).`;
      }
      if (state && isExecOnly(f.op) && f.a === '-EPERM') {
        return `Both refuse \`${name}(PROT_EXEC)\` of a sealed VMA, but 6.18 allocates the execute-only protection key in its walk (\`arch_override_mprotect_pkey\`) before \`mprotect_fixup\` finds the seal; 6.10's up-front check returns before any key is allocated.`;
      }
      if (state && name === 'brk') {
        return 'Both fail to shrink the heap over its sealed end (brk stays where it was), but 6.18 goes through the munmap walk, which splits the heap VMA before it meets the sealed part; 6.10 checks the seal up front and changes nothing.';
      }
      if (state && name === 'mremap' && f.a === '-EPERM' && f.b === '-EPERM') {
        return 'Both refuse the mremap with `-EPERM`, but 6.18 shrinks through the munmap walk (the VMA at the old address itself is not sealed), which splits it before it meets the sealed VMA further on; 6.10 checks the whole old range up front.';
      }
      if (state && SEAL_OPS.has(name) && f.a === '-EPERM' && f.b === '-EPERM') {
        return `Both refuse \`${name}\` with \`-EPERM\`, but 6.18 checks per VMA and has already changed, split or zapped the VMAs before the sealed one; 6.10's up-front check leaves everything as it was.`;
      }
      const g = x.prog.ops.slice(0, f.i).findIndex((o) => o.name === 'madvise' && (lit(o, 2) === BigInt(MADV.GUARD_INSTALL) || lit(o, 2) === BigInt(MADV.GUARD_REMOVE)));
      if (g >= 0 && res(x, 'a', g) === res(x, 'b', g)) {
        return `Guard-region advice (op ${g}) failed the same way on both, but 6.18 (6.13+) had already installed guard markers in the VMAs before the one it refused, while 6.10 refused the unknown advice outright; so \`${name}\` now differs: ${effect(x, f)}.`;
      }
      const e = earlierBothEperm(x, f.i);
      if (e && isExecOnly(e.op)) {
        return `\`${e.op.name}(PROT_EXEC)\` (op ${e.k}) was refused with \`-EPERM\` by both, but only 6.18 had already allocated the execute-only protection key in its walk (and given it to the VMAs before the sealed one); so \`${name}\` now differs: ${effect(x, f)}.`;
      }
      if (e) {
        return `\`${e.op.name}\` (op ${e.k}) was refused with \`-EPERM\` by both, but 6.18's per-VMA check came after it had changed (or split) the VMAs before the sealed one, and 6.10's up-front check changed nothing; so \`${name}\` now differs: ${effect(x, f)}.`;
      }
      return null;
    },
  },
  {
    targets: 'model@mseal,model@prot-seal',
    slug: 'mseal-vs-prot-seal',
    title: 'mseal() as a syscall vs sealing through PROT_SEAL in mmap/mprotect',
    intro: [
      '**model@mseal** is the design Linux merged (6.10; the 6.18 rules): a seal is set only by `mseal(addr, len, 0)`, which ' +
        'refuses a range with a hole (`-ENOMEM`) before sealing anything and is idempotent. To mmap and mprotect, `PROT_SEAL` ' +
        '(0x04000000) is an unknown bit: mmap ignores it, mprotect is `-EINVAL`.',
      '**model@prot-seal** seals through the protection instead, as Jeff Xu\'s mseal v4–v8 did for mmap ("[PATCH v7 0/4] ' +
        'Introduce mseal()", 2024-01-22: "The PROT_SEAL bit in prot field of mmap(). When present, it marks the map sealed since ' +
        'creation", `_BITUL(26)`) and as Theo de Raadt asked about for mprotect ("Re: [PATCH v8 0/4] Introduce mseal", 2024-02-01: ' +
        '"do these two sequences have _exactly_ the same behaviour … mprotect(addr, len, PROT_READ); mseal(addr, len, 0); … ' +
        'mprotect(addr, len, PROT_READ | PROT_SEAL)?"). `mmap(prot|PROT_SEAL)` makes a sealed VMA; `mprotect(prot|PROT_SEAL)` ' +
        'changes and seals each VMA of its walk in one pass, so a hole is `-ENOMEM` after earlier VMAs were sealed, and an ' +
        'already sealed VMA is `-EPERM` (not idempotent). There is no `mseal()` (`-ENOSYS`); MAP_SEALABLE (v4–v8) is not ' +
        'modelled. Theo ("Re: [PATCH v7 0/4]", 2024-01-22: "OpenBSD won\'t be doing this. I had PROT_IMMUTABLE as a draft") and ' +
        'Eric Biggers ("Re: [PATCH v8 2/4]", 2024-02-01: "adds three new UAPIs") objected; v9 dropped the flags. ' +
        'Definition and sources: `model/variants/prot-seal.ts`.',
    ].join('\n\n'),
    reading: (x) => {
      const f = firstDifference(x);
      if (!f) return null;
      const name = f.op.name;
      const state = x.d.class !== 'result';
      if (name === 'mseal' && f.b === '-ENOSYS') {
        return `The prot-seal design has no \`mseal()\` syscall (\`-ENOSYS\`); under the mseal design the same call gives ${f.a}.`;
      }
      if (isMprotect(name) && has(lit(f.op, 2), PROT.SEAL) && f.a === '-EINVAL') {
        const why =
          f.b === '-ENOMEM'
            ? ' and walks the range: `-ENOMEM` at the hole, after it sealed (and changed) the VMAs before it — mseal() refuses a range with a hole before sealing anything'
            : f.b === '-EPERM'
              ? ' and walks the range: `-EPERM`, because a sealed VMA cannot be changed — re-sealing through mprotect is not idempotent, mseal() would return 0'
              : f.b === '0'
                ? ' and seals the range with its new protection'
                : ` and walks the range (${f.b})`;
        return `To the mseal design \`PROT_SEAL\` is an unknown \`${name}\` bit (\`-EINVAL\` before any lookup); the prot-seal design accepts it${why}.`;
      }
      const sealedEarlier = usesBit(x.prog, f.i - 1, PROT.SEAL);
      if (name === 'mmap' && has(lit(f.op, 2), PROT.SEAL) && !sealedEarlier) {
        if (x.d.class === 'seal') return '`mmap(PROT_SEAL)` makes a sealed VMA in the prot-seal design; the mseal design ignores the unknown bit and the VMA stays unsealed.';
        if (state) return `\`mmap(PROT_SEAL)\` makes a VMA sealed from creation in the prot-seal design, and a sealed VMA merges only with sealed neighbours, so the VMA layout differs: ${x.d.detail}.`;
      }
      if (sealedEarlier && SEAL_OPS.has(name) && f.b === '-EPERM' && f.a !== '-EPERM') {
        return `An earlier \`PROT_SEAL\` sealed the range in the prot-seal design only, so \`${name}\` is \`-EPERM\` there and ${f.a} in the mseal design, which ignored the bit.`;
      }
      if (sealedEarlier && state && /vma\.(bounds|count)/.test(x.d.signature)) {
        return `Only the prot-seal design sealed the mapping an earlier \`PROT_SEAL\` named, and a sealed VMA merges only with sealed neighbours, so after \`${name}\` (op ${f.i}) the VMA layouts differ: ${x.d.detail}.`;
      }
      if (sealedEarlier) {
        return `Only the prot-seal design sealed the mapping an earlier \`PROT_SEAL\` named; \`${name}\` (op ${f.i}) then differs: ${effect(x, f)}.`;
      }
      return null;
    },
  },
  {
    targets: 'model@map-shadow-stack,model@prot-shadowstack',
    slug: 'map-shadow-stack-vs-prot-shadowstack',
    title: 'map_shadow_stack() vs a PROT_SHADOWSTACK protection bit',
    intro: [
      '**model@map-shadow-stack** is the design Linux merged (6.6; the 6.18 rules on a CET machine, `shstk=1`): ' +
        '`map_shadow_stack(addr, size, SHADOW_STACK_SET_TOKEN)` maps a private shadow-stack VMA above 4 GiB with a one-page ' +
        'guard gap below it and has the kernel write the restore token (WRUSS), so the memory is never writable by ordinary ' +
        'stores; mprotect cannot make or unmake a shadow stack. To mmap and mprotect, `PROT_SHADOWSTACK` (0x40) is an unknown bit.',
      '**model@prot-shadowstack** makes shadow stacks with a protection bit, as Yu-cheng Yu\'s CET series did until 2021 ' +
        '("[PATCH v25 30/30] mm: Introduce PROT_SHSTK for shadow stack", 2021-04-15) and Deepak Gupta\'s RISC-V RFC proposed ' +
        'generically ("mmap : Introducing new protection \\"PROT_SHADOWSTACK\\" for mmap", 2023-02-12, value 0x40): ' +
        '`mmap(PROT_READ|PROT_SHADOWSTACK)` makes a shadow stack (private anonymous only; no token; the guard gap applies but ' +
        '4 GiB is not enforced), `mprotect(PROT_SHADOWSTACK)` (thread with shadow stacks enabled, no PROT_WRITE) turns private ' +
        'memory — with whatever data userspace wrote into it — into a shadow stack, and an mprotect without the bit turns a ' +
        'shadow stack back into ordinary memory. `map_shadow_stack()` does not exist (`-ENOSYS`). Rick Edgecombe\'s ' +
        '"x86/shstk: Introduce map_shadow_stack syscall" (2022–2023, merged for 6.6) explains the rejection: "other threads ' +
        'could write to the shadow stack during the writable window"; Mike Rapoport (2023-03-14): "Having shadow stack flags for ' +
        'mmap() adds unnecessary complexity to the core-mm". Definition and sources: `model/variants/prot-shadowstack.ts`.',
    ].join('\n\n'),
    reading: (x) => {
      const f = firstDifference(x);
      if (!f) return null;
      const name = f.op.name;
      const state = x.d.class !== 'result';
      const ssBit = (op: Op) => has(lit(op, 2), PROT.SHADOWSTACK);
      if (name === 'map_shadow_stack' && f.b === '-ENOSYS') {
        return `The PROT_SHADOWSTACK design has no \`map_shadow_stack()\` (\`-ENOSYS\`); the merged design gives ${f.a}.`;
      }
      if (isMprotect(name) && ssBit(f.op) && f.a === '-EINVAL') {
        return `To the merged design \`PROT_SHADOWSTACK\` is an unknown \`${name}\` bit (\`-EINVAL\`); the PROT design accepts it${f.b === '0' ? ' and turns the range into a shadow stack, with whatever data it held' : ` and walks the range (${f.b})`}.`;
      }
      if (isMprotect(name) && ssBit(f.op) && f.b === '-EINVAL') {
        return `The PROT design refuses \`PROT_SHADOWSTACK\` here (shadow stacks not enabled in the thread, PROT_WRITE with it, or a shared or file VMA in the range), while the merged design ${f.a === '-EINVAL' ? 'refuses the unknown bit too' : `gives ${f.a}`}.`;
      }
      if (name === 'mmap' && ssBit(f.op) && f.b === '-EINVAL') {
        return 'The PROT design refuses a shared (or file-backed) shadow stack (`arch_validate_flags`); the merged design ignores the unknown bit and maps ordinary memory.';
      }
      if (name === 'mmap' && ssBit(f.op)) {
        return `\`mmap(PROT_SHADOWSTACK)\` makes a shadow-stack VMA in the PROT design (writable only by shadow-stack accesses, no token, a one-page gap below it, no 4 GiB floor); the merged design ignores the bit and maps ordinary memory${f.a !== f.b ? `, here even at another address because of that gap: ${f.a} vs ${f.b}` : ''}.`;
      }
      const made = x.prog.ops.slice(0, f.i).find((o) => o.name === 'mmap' && ssBit(o));
      const populated = made && (has(lit(made, 3), MAP.LOCKED) || has(lit(made, 3), MAP.POPULATE));
      if (state && populated && /^(\w+) pte\./.test(x.d.signature)) {
        return 'MAP_LOCKED/MAP_POPULATE prefault the ordinary writable mapping of the merged design, but not the PROT design\'s shadow stack (GUP does not write one without FOLL_FORCE), so the PTEs differ even after the stack became ordinary memory again.';
      }
      if (isMprotect(name) && !ssBit(f.op) && state) {
        return `In the PROT design an \`${name}\` without \`PROT_SHADOWSTACK\` turns a shadow stack into ordinary memory (its shadow-stack PTEs write-protected); the merged design keeps VM_SHADOW_STACK whatever the prot.`;
      }
      if (name === 'arch_prctl' && made && f.b === '-EFAULT') {
        return '`ARCH_SHSTK_STATUS` stores the feature word with an ordinary kernel write (`put_user`), which memory that is a shadow stack in the PROT design refuses (`-EFAULT`); in the merged design the same mapping is ordinary writable memory.';
      }
      if ((name === 'mmap' || name === 'mremap') && made && x.d.class === 'result' && f.a.startsWith('0x') && f.b.startsWith('0x')) {
        return `The PROT design's shadow stack keeps the page below it free (its \`vm_start_gap\`), so \`${name}\` places the next mapping a page further down than the merged design, where the same call made ordinary memory: ${f.a} vs ${f.b}.`;
      }
      if (name === 'madvise' && made && f.a === '-EPERM' && f.b !== '-EPERM') {
        return 'A shadow-stack VMA carries VM_WRITE, so the madvise rule for sealed memory counts it as writable and lets discard advice through; the merged design mapped the same call as ordinary memory without PROT_WRITE, which a seal protects from discards (`-EPERM`).';
      }
      if (name === 'rstorssp' && f.b === 'fault SIGSEGV SEGV_CPERR' && made) {
        return 'RSTORSSP on a fresh `PROT_SHADOWSTACK` stack finds no restore token — in this design the kernel writes none — and raises #CP (`SEGV_CPERR`); in the merged design the mapping is ordinary memory and the shadow-stack access faults (`SEGV_ACCERR`).';
      }
      if (made && f.a !== f.b && (name === 'write' || name === 'read' || name === 'wrss' || name === 'call' || name === 'ret' || name === 'incssp')) {
        return `Only the PROT design made a shadow stack of the earlier \`mmap(PROT_SHADOWSTACK)\`, so \`${name}\` meets a shadow stack there and ordinary memory in the merged design: ${f.a} vs ${f.b}.`;
      }
      if (made || x.prog.ops.slice(0, f.i).some((o) => isMprotect(o.name) && ssBit(o))) {
        return `Only the PROT design made a shadow stack where an earlier \`PROT_SHADOWSTACK\` asked for one; \`${name}\` (op ${f.i}) then differs: ${effect(x, f)}.`;
      }
      if (x.prog.ops.slice(0, f.i).some((o) => o.name === 'map_shadow_stack')) {
        return `An earlier \`map_shadow_stack()\` mapped a shadow stack only in the merged design (the PROT design has no such syscall); \`${name}\` (op ${f.i}) then differs: ${effect(x, f)}.`;
      }
      return null;
    },
  },
];
