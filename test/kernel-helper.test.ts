// The live-kernel target: the helper's HELLO layout, the protocol, real programs
// compared with the model through what the kernel can observe (the target's observer,
// abi/observe.ts: real PTE bits where the helper's BPF walker loads), a helper killed
// mid-batch, and programs the kernel target refuses.

import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compare,
  DEFAULT_MACHINE,
  parse,
  print,
  runProgram,
  type Program,
  type Trace,
} from '../abi/index.js';
import { observable, observeTrace, observeTraceWithPtes } from '../abi/observe.js';
import { VMF } from '../abi/vmflags.js';
import { createImpl } from '../impl/index.js';
import { decodeReply, encodeProgram, MSG_PROGRAM } from '../kernel/protocol.js';
import { defaultHelperPath, startKernelTarget, type KernelTarget } from '../kernel/index.js';
import { createModel } from '../model/index.js';

const built = existsSync(defaultHelperPath());

function prog(text: string, machine?: Program['machine']): Program {
  const p = parse('# mmdiff 1\n' + text.trim().split('\n').map((l) => l.trim()).join('\n') + '\n');
  return machine ? { ...p, machine } : p;
}

describe('reserved ranges in the machine config', () => {
  it('parse and print as `# machine reserved=…`, and hide from snapshots', () => {
    const text = '# mmdiff 1\n# machine pku=0 reserved=0x400000-0x406000,0x7ffffafc0000-0x7ffffb000000:growsdown\nr0 = mmap(NULL, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)\n';
    const p = parse(text);
    expect(p.machine?.reserved).toEqual([
      { start: 0x400000n, end: 0x406000n },
      { start: 0x7ffffafc0000n, end: 0x7ffffb000000n, growsdown: true },
    ]);
    expect(print(p)).toBe(text);
    for (const f of [createModel, createImpl]) {
      const t = runProgram(f, p);
      expect(t.state.processes[0].vmas).toHaveLength(1);
    }
    expect(() => parse('# mmdiff 1\n# machine reserved=0x1000-0x800\n')).toThrow(/reserved/);
  });
  it('count for placement and never merge', () => {
    // a reserved range right below mmap_base: the first mapping goes below it, and a
    // mapping adjacent to it stays a VMA of its own
    const p = parse(`# mmdiff 1
# machine reserved=0x7ffff7ffe000-0x7ffff7fff000
r0 = mmap(NULL, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
`);
    for (const f of [createModel, createImpl]) {
      const t = runProgram(f, p);
      expect(t.results[0]).toBe(0x7ffff7ffd000n);
      expect(t.state.processes[0].vmas.map((v) => [v.start, v.end])).toEqual([[0x7ffff7ffd000n, 0x7ffff7ffe000n]]);
    }
  });
});

describe.skipIf(!built)('kernel helper', () => {
  let k: KernelTarget & { readonly processes: readonly { kill(): void; pid?: number }[] };
  beforeAll(async () => {
    k = await startKernelTarget();
  });
  afterAll(async () => {
    await k?.close();
  });

  /** Runs on the kernel and the model (and impl) with the kernel's layout; returns the kernel trace. */
  async function agree(text: string): Promise<Trace> {
    const p = prog(text, k.layout());
    const kt = await k.run(p);
    expect(kt.unsupported, kt.unsupported).toBeUndefined();
    expect(kt.crash, kt.crash?.message).toBeUndefined();
    const mt = runProgram(createModel, p);
    const it = runProgram(createImpl, p);
    const d = compare(k.observe(mt), k.observe(kt), p);
    expect(d, d ? `${d.signature}: ${d.detail}\n${print(p)}` : '').toBeNull();
    expect(compare(mt, it, p)).toBeNull();
    return kt;
  }

  it('reports the layout DEFAULT_MACHINE describes', () => {
    const h = k.hello;
    expect(h.mmapBase).toBe(DEFAULT_MACHINE.mmapBase);
    expect(h.brk).toBe(DEFAULT_MACHINE.brkStart);
    expect(h.dacMmapMinAddr).toBe(BigInt(readFileSync('/proc/sys/vm/mmap_min_addr', 'utf8').trim()));
    expect(h.mmapMinAddr >= h.dacMmapMinAddr).toBe(true);
    expect(h.maxMapCount).toBe(Number(readFileSync('/proc/sys/vm/max_map_count', 'utf8').trim()));
    expect(h.pageSize).toBe(4096);
    // a zero page unless the kernel forbids it (a PVM guest's pvm_no_zero_page=1): zeroPfn 0
    const forbidden = /(^|\s)pvm_no_zero_page=1(\s|$)/.test(readFileSync('/proc/cmdline', 'utf8'));
    expect(h.zeroPfn > 0).toBe(!forbidden);
    expect(k.layout().zeroPage).toBe(!forbidden);
    expect(h.shstk).toBe(false);
    expect(h.pkru).toBe(h.pku ? 0x55555554 : 0);
    // binary, data page, its own stack and the IO area; the exec-time stack is gone
    expect(h.helperVmaCount).toBe(4);
    expect(h.helperVmas.filter((v) => v.flags & VMF.GROWSDOWN)).toHaveLength(0);
    expect(h.helperVmas.every((v) => v.end <= 0x7fffff000000n)).toBe(true);
    expect(h.arena.end).toBe(h.mmapBase);
    for (const v of h.helperVmas) expect(v.end <= h.arena.start || v.start >= h.arena.end).toBe(true);
    const layout = k.layout();
    expect(layout.reserved).toHaveLength(4);
    expect(layout.pku).toBe(h.pku);
  });

  it('encodes arguments as literals and references to earlier ops', () => {
    // a generated program may bind r0 twice: a reference names the latest binding
    const base = prog(`
      r0 = mmap(NULL, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
      r1 = mmap(NULL, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
      munmap(r1-0x1000+0x1000, 0x1000)
    `);
    const p: Program = {
      ops: [
        base.ops[0],
        { ...base.ops[1], bind: 0 },
        { ...base.ops[2], args: [[{ neg: false, ref: 0 }, { neg: true, lit: 0x1000n }, { neg: false, lit: 0x1000n }], 0x1000n] },
      ],
    };
    const b = encodeProgram(7, p);
    expect(b.readUInt32LE(0)).toBe(MSG_PROGRAM);
    expect(b.readUInt32LE(4)).toBe(b.length - 8);
    expect(b.readUInt32LE(8)).toBe(7);
    expect(b.readUInt32LE(12)).toBe(3);
    // the last op's first argument: 3 terms, the first a reference to op 1 (the latest r0)
    const tail = b.subarray(b.length - (1 + 3 * 9 + 10));
    expect(tail.readUInt8(0)).toBe(3);
    expect(tail.readUInt8(1)).toBe(2); // +ref
    expect(tail.readBigUInt64LE(2)).toBe(1n);
    expect(tail.readUInt8(10)).toBe(1); // -literal
    expect(tail.readBigUInt64LE(11)).toBe(0x1000n);
  });

  it('decodes a reply with results, processes, pages and frames', () => {
    const b = Buffer.alloc(400);
    let o = 0;
    const u32 = (v: number) => (o = b.writeUInt32LE(v, o));
    const u64 = (v: bigint) => (o = b.writeBigUInt64LE(v, o));
    u32(9); u32(0); u32(0); u32(3); o = b.writeUInt16LE(0, o);
    u32(0); u32(0); u64(0x7ffff7ffe000n); // value
    u32(1); u32(12); u64(0n); // -ENOMEM
    u32(2); u32(11 | (2 << 8)); u64(0n); // fault SIGSEGV SEGV_ACCERR
    u32(1); // one process
    u32(0); u32(1); u64(0x4c9000n); u32(0); u32(1); u32(2); u32(0);
    u64(0x7ffff7ffe000n); u64(0x7ffff7fff000n); u32(3); u32(VMF.ACCOUNT); u32(0); u32(0);
    u64(0x7ffff7ffe000n); u64(1234n); u32(1); u32(0); u64(0n);
    u64(0x7ffff7ffe000n + 0x1000n); u64(0n); u32(3); u32(0); u64(0n);
    u32(1); u64(1234n); u32(1); o = b.writeUInt16LE(1, o); u64(0x41n);
    const r = decodeReply(b.subarray(0, o));
    expect(r.id).toBe(9);
    expect(r.results).toEqual([0x7ffff7ffe000n, '-ENOMEM', 'fault SIGSEGV SEGV_ACCERR']);
    const p0 = r.state!.processes[0];
    expect(p0.vmas[0].flags).toBe(VMF.ACCOUNT);
    expect(p0.ptes).toEqual([
      { addr: 0x7ffff7ffe000n, bits: 1n, frame: 1234 },
      { addr: 0x7ffff7fff000n, bits: 0n, frame: null, guard: true },
    ]);
    expect(r.state!.content(1234)).toEqual([[8, 0x41n]]);
    // with the walker a page carries its raw PTE: the PFN and bits outside PTE_OBSERVED_MASK go
    const c = Buffer.from(b.subarray(0, o));
    const at = c.indexOf(Buffer.from('d204000000000000', 'hex')) + 16; // after addr, pfn 1234 of the first page
    c.writeBigUInt64LE(0x84000004d2000225n, at); // NX SavedDirty PFN 0x4d200 _PAGE_SPECIAL A US P
    expect(decodeReply(c).state!.processes[0].ptes[0]).toEqual({ addr: 0x7ffff7ffe000n, bits: 0x8400000000000025n, frame: 1234 });
  });

  it('runs mmap, mprotect, munmap and merges like the model', async () => {
    const t = await agree(`
      r0 = mmap(NULL, 0x5000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
      mprotect(r0+0x1000, 0x1000, PROT_READ)
      munmap(r0+0x3000, 0x1000)
      r1 = mmap(r0+0x3000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
      mprotect(r0+0x1000, 0x1000, PROT_READ|PROT_WRITE)
      write(r0+0x3ff8, 0x1122334455667788)
      read(r0+0x3ffc)
      read(r0+0xffc)
      mmap(r0, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE, -1, 0)
    `);
    expect(t.results[0]).toBe(0x7ffff7ffa000n);
    expect(t.results[6]).toBe(0x11223344n);
    expect(t.results[8]).toBe('-EEXIST');
  });

  it('runs mseal, guard markers and madvise like the model', async () => {
    const t = await agree(`
      r0 = mmap(NULL, 0x4000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
      write(r0, 0x1)
      mseal(r0+0x3000, 0x1000, 0)
      munmap(r0+0x3000, 0x1000)
      mprotect(r0, 0x4000, PROT_READ)
      madvise(r0+0x1000, 0x1000, MADV_GUARD_INSTALL)
      read(r0+0x1000)
      madvise(r0, 0x1000, MADV_DONTNEED)
      read(r0)
      madvise(r0+0x2000, 0x1000, MADV_WIPEONFORK)
      madvise(r0+0x1000, 0x1000, MADV_GUARD_REMOVE)
    `);
    expect(t.results[3]).toBe('-EPERM');
    expect(t.results[4]).toBe('-EPERM');
    expect(t.results[6]).toBe('fault SIGSEGV SEGV_MAPERR');
    const vmas = t.state.processes[0].vmas;
    expect(vmas.some((v) => v.flags & VMF.SEALED)).toBe(true);
    expect(vmas.some((v) => v.flags & VMF.GUARD)).toBe(true);
  });

  it('runs mremap and brk like the model', async () => {
    await agree(`
      r0 = mmap(NULL, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
      write(r0+0x1000, 0x77)
      r1 = mremap(r0, 0x2000, 0x8000, MREMAP_MAYMOVE, 0)
      read(r1+0x1000)
      r2 = mremap(r1, 0x8000, 0x1000, 0, 0)
      r3 = mremap(r1, 0x1000, 0x1000, MREMAP_MAYMOVE|MREMAP_DONTUNMAP, 0)
      r4 = brk(0)
      r5 = brk(r4+0x3001)
      write(r4+0x2ff8, 0x5)
      brk(r4+0x1000)
      brk(r4-0x1000)
    `);
  });

  it('forks with copy-on-write, exit and -ESRCH like the model', async () => {
    const t = await agree(`
      r0 = mmap(NULL, 0x3000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
      write(r0, 0x1)
      read(r0+0x1000)
      r1 = mmap(NULL, 0x1000, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS, -1, 0)
      write(r1, 0x5)
      r2 = fork()
      p1: write(r0+0x8, 0x2)
      p1: write(r1+0x8, 0x6)
      r3 = p1: fork()
      p2: read(r1+0x8)
      p1: exit(0)
      p1: read(r0)
      write(r0+0x10, 0x3)
      p2: read(r0)
    `);
    expect(t.results[5]).toBe(1n);
    expect(t.results[8]).toBe(2n);
    expect(t.results[9]).toBe(6n);
    expect(t.results[11]).toBe('-ESRCH');
    const [p0, p1, p2] = t.state.processes;
    expect(p1.alive).toBe(false);
    // p0 and p2 share the frame until one writes; the shared anonymous page is one frame
    const f = (p: typeof p0, a: bigint) => p.ptes.find((x) => x.addr === a)?.frame;
    const r0 = t.results[0] as bigint;
    const r1 = t.results[3] as bigint;
    expect(f(p0, r1)).toBe(f(p2, r1));
    expect(f(p0, r0)).not.toBe(f(p2, r0));
  });

  it('reports faults with signal and si_code like the model', async () => {
    const t = await agree(`
      read(0x1000)
      r0 = mmap(NULL, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
      read(r0)
      r1 = mmap(NULL, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
      write(r1, 0x1)
      exec(r1)
      read(0x800000000000)
      read(0xffff800000000000)
      r2 = mmap(NULL, 0x1000, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS, -1, 0)
      r3 = mremap(r2, 0x1000, 0x2000, MREMAP_MAYMOVE, 0)
      read(r3+0x1000)
      r4 = mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
      exec(r4)
      wrpkru(0)
    `);
    expect(t.results[0]).toBe('fault SIGSEGV SEGV_MAPERR');
    expect(t.results[2]).toBe('fault SIGSEGV SEGV_ACCERR');
    expect(t.results[4]).toBe('fault SIGSEGV SEGV_ACCERR');
    expect(t.results[5]).toBe('fault SIGSEGV SEGV_ACCERR');
    expect(t.results[6]).toBe('fault SIGSEGV SI_KERNEL');
    expect(t.results[7]).toBe('fault SIGSEGV SEGV_MAPERR');
    expect(t.results[10]).toBe('fault SIGBUS BUS_ADRERR');
    expect(t.results[12]).toBe(0n);
    expect(t.results[13]).toBe(k.hello.pku ? 0n : 'fault SIGILL ILL_ILLOPN');
  });

  it('runs pkey syscalls like the model', async () => {
    const t = await agree(`
      r0 = pkey_alloc(0, 0)
      r1 = mmap(NULL, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
      pkey_mprotect(r1, 0x1000, PROT_READ|PROT_WRITE, r0)
      write(r1, 0x1)
      pkey_free(r0)
      pkey_mprotect(r1, 0x1000, PROT_READ, -1)
    `);
    if (!k.hello.pku) expect(t.results[0]).toBe('-EINVAL');
    else expect(t.results[0]).toBe(1n);
  });

  it('observes what the kernel shows: present, guard, zero page, sharing, contents', async () => {
    const t = await agree(`
      r0 = mmap(NULL, 0x3000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
      read(r0)
      write(r0+0x1000, 0x42)
      madvise(r0+0x2000, 0x1000, MADV_GUARD_INSTALL)
      mprotect(r0+0x1000, 0x1000, PROT_NONE)
    `);
    const ptes = t.state.processes[0].ptes;
    // without a zero page the read takes a zeroed frame of its own (frame 0, no words);
    // with the PTE walker the bits are the real ones (see 'reads real PTE bits' below)
    const zp = k.layout().zeroPage;
    const real = k.hello.pteBits;
    expect(ptes.map((p) => [p.bits, p.frame === 'Z' ? 'Z' : p.frame === null ? null : 'f', !!p.guard])).toEqual([
      [real ? (zp ? 0x8000000000000025n : 0x8000000000000067n) : 1n, zp ? 'Z' : 'f', false],
      [real ? 0x0400000000000120n : 1n, 'f', false], // PROT_NONE: P=0 PROTNONE A, D moved to SavedDirty
      [0n, null, true],
    ]);
    expect(t.state.contents).toEqual([{ frame: zp ? 0 : 1, words: [[0, 0x42n]] }]);
    // the model's PTE bits are richer; observable() keeps exactly what the kernel has
    const m = runProgram(createModel, { ops: [], machine: k.layout() });
    expect(observable(m.state).processes[0].pkeys).toBe(0);
  });

  it('reads real PTE bits where BPF loads, and says why not elsewhere', async () => {
    const h = k.hello;
    if (!h.pteBits) {
      // not root, no BPF, or a kernel that refused the walker: the reason is reported
      expect(h.pteNote.length).toBeGreaterThan(0);
      expect(k.observe).toBe(observeTrace);
      return;
    }
    expect(h.pteNote).toMatch(/^BPF walker on syscalls\/sys_enter_getpgid: [45]-level paging, task_struct\.mm at \d+, mm_struct\.pgd at \d+$/);
    expect(k.observe).toBe(observeTraceWithPtes);
    // shared/KERNEL-TARGET.md "Reading real PTEs": written RW D; write-protected by
    // mprotect: D moves to SavedDirty; fork: both sides write-protected, the child's old
    const t = await agree(`
      r0 = mmap(NULL, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
      write(r0, 0x1)
      write(r0+0x1000, 0x2)
      mprotect(r0+0x1000, 0x1000, PROT_READ)
      r1 = fork()
      p1: write(r0, 0x3)
    `);
    const [p0, p1] = t.state.processes;
    expect(p0.ptes.map((p) => p.bits)).toEqual([0x8400000000000025n, 0x8400000000000025n]);
    expect(p1.ptes.map((p) => p.bits)).toEqual([0x8000000000000067n, 0x8400000000000005n]);
  });

  it('agrees with the model on PTE bits the hardware and the kernel set (exact where the walker runs)', async () => {
    // hardware D on a write to a clean writable PTE (after MADV_FREE), A again after
    // MADV_COLD, mprotect down and up, PROT_NONE and back, DONTNEED, mremap moving PTEs,
    // a forced write through /proc/self/mem into a read-only private page, fork of each
    for (const text of [
      `r0 = mmap(NULL, 0x3000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
       write(r0, 0x1)
       write(r0+0x1000, 0x2)
       madvise(r0, 0x2000, MADV_FREE)
       write(r0, 0x3)
       read(r0+0x2000)
       madvise(r0, 0x3000, MADV_COLD)
       read(r0+0x1000)`,
      `r0 = mmap(NULL, 0x3000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
       write(r0, 0x1)
       read(r0+0x1000)
       mprotect(r0, 0x3000, PROT_READ)
       mprotect(r0, 0x2000, PROT_READ|PROT_WRITE)
       mprotect(r0+0x1000, 0x1000, PROT_NONE)
       mprotect(r0+0x1000, 0x1000, PROT_READ|PROT_EXEC)
       madvise(r0+0x2000, 0x1000, MADV_DONTNEED)
       r1 = fork()
       p1: write(r0, 0x5)`,
      `r0 = mmap(NULL, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
       write(r0, 0x1)
       read(r0+0x1000)
       r1 = mremap(r0, 0x2000, 0x4000, MREMAP_MAYMOVE|MREMAP_FIXED, 0x30000000)
       mprotect(r1, 0x2000, PROT_READ)
       mem_write(r1+0x1000, 0x9)
       mem_write(r1, 0x8)
       r2 = mmap(NULL, 0x1000, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS, -1, 0)
       read(r2)
       r3 = fork()
       p1: write(r2, 0x4)
       p1: madvise(r1, 0x2000, MADV_DONTNEED)`,
    ]) await agree(text);
  });

  it('fetches for real in a VMA without VM_EXEC: the Accessed bit stays as a fetch leaves it', async () => {
    // a populated page, old in the fork child: a read probe would have made it young
    const t = await agree(`
      r0 = mmap(NULL, 0x2000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_POPULATE, -1, 0)
      r1 = fork()
      p1: exec(r0)
      p1: exec(r0+0x1000)
      r2 = mmap(NULL, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_FIXED|MAP_ANONYMOUS, -1, 0)
      exec(NULL)
    `);
    expect(t.results.slice(2)).toEqual(['fault SIGSEGV SEGV_ACCERR', 'fault SIGSEGV SEGV_ACCERR', 0n, 'fault SIGSEGV SEGV_ACCERR']);
  });

  it('falls back to present-or-not PTEs when the walker is off', async () => {
    const off = await startKernelTarget({ pteBits: false });
    try {
      expect(off.hello.pteBits).toBe(false);
      expect(off.hello.pteNote).toMatch(/disabled/);
      expect(off.observe).toBe(observeTrace);
      const p = prog(`
        r0 = mmap(NULL, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
        write(r0, 0x1)
        mprotect(r0, 0x1000, PROT_NONE)
        r1 = fork()
      `, off.layout());
      const kt = await off.run(p);
      expect(kt.state.processes.flatMap((q) => q.ptes.map((e) => e.bits))).toEqual([1n, 1n]);
      const mt = runProgram(createModel, p);
      expect(compare(off.observe(mt), off.observe(kt), p)).toBeNull();
      // the real bits differ from what the model has: only the walker compares them
      expect(mt.state.processes[0].ptes[0].bits).not.toBe(1n);
    } finally {
      await off.close();
    }
  });

  it('keeps the walkers of concurrent helpers apart (each filters by its cookie and tgid)', async () => {
    const [a, b] = await Promise.all([startKernelTarget({ helpers: 2 }), startKernelTarget()]);
    try {
      const progs = Array.from({ length: 60 }, (_, i) =>
        prog(`
          r0 = mmap(NULL, ${(i % 5 + 1) * 0x1000}, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
          write(r0, ${i})
          r1 = fork()
          p1: write(r0, 0x7)
          r2 = fork()
          mprotect(r0, 0x1000, PROT_READ)
        `, a.layout()),
      );
      const [ta, tb] = await Promise.all([a.runMany(progs), b.runMany(progs)]);
      progs.forEach((p, i) => {
        const mt = runProgram(createModel, p);
        for (const [t, tgt] of [[ta[i], a], [tb[i], b]] as const) {
          expect(t.crash, t.crash?.message).toBeUndefined();
          expect(compare(tgt.observe(mt), tgt.observe(t), p)).toBeNull();
        }
      });
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('refuses programs it cannot run, as unsupported (never a divergence)', async () => {
    const layout = k.layout();
    const [a, b, c, d] = await k.runMany([
      prog('munmap(0x400000, 0x1000)', layout),
      prog('r0 = map_shadow_stack(NULL, 0x1000, 0)', layout),
      prog('r0 = mmap(NULL, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)', { ...layout, maxMapCount: 7 }),
      prog(`r0 = mmap(NULL, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
            write(${k.hello.helperVmas[1].start}, 0x1)`, layout),
    ]);
    expect(a.unsupported).toMatch(/helper's memory/);
    expect(b.unsupported).toMatch(/map_shadow_stack/);
    expect(c.unsupported).toMatch(/maxMapCount/);
    expect(d.unsupported).toMatch(/helper's memory/);
    expect(d.results).toEqual([0x7ffff7ffe000n]);
    const model = runProgram(createModel, prog('munmap(0x400000, 0x1000)', layout));
    expect(compare(a, model)).toBeNull();
    // DEFAULT_MACHINE is not this machine (pku, mmapMinAddr): the layout must be adopted
    expect(k.unsupported(prog('read(0x1000)'))).toMatch(/^machine (pku|mmapMinAddr)=/);
    expect(k.unsupported(prog('read(0x1000)', layout))).toBeNull();
  });

  it('pipelines a batch over two helpers in order', async () => {
    const k2 = await startKernelTarget({ helpers: 2 });
    try {
      const progs = Array.from({ length: 40 }, (_, i) => prog(`r0 = mmap(NULL, ${(i + 1) * 0x1000}, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)`, k2.layout()));
      const ts = await k2.runMany(progs);
      ts.forEach((t, i) => expect(t.results[0]).toBe(0x7ffff7fff000n - BigInt(i + 1) * 0x1000n));
    } finally {
      await k2.close();
    }
  });

  it('restarts a helper killed mid-batch; the programs in flight come back as crashes', async () => {
    const layout = k.layout();
    const slow = prog(
      Array.from({ length: 200 }, (_, i) => `r${i} = mmap(NULL, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_POPULATE, -1, 0)`).join('\n'),
      layout,
    );
    const before = k.processes[0].pid;
    const batch = k.runMany(Array.from({ length: 200 }, () => slow));
    setTimeout(() => k.processes[0].kill(), 30);
    const ts = await batch;
    const crashed = ts.filter((t) => t.crash);
    expect(crashed.length).toBeGreaterThan(0);
    expect(crashed[0].crash!.message).toMatch(/kernel helper died \(killed by SIGKILL\)/);
    // answers before the kill are whole; none after a crash
    const first = ts.findIndex((t) => t.crash);
    expect(ts.slice(first).every((t) => t.crash)).toBe(true);
    const [t] = await k.runMany([prog('r0 = mmap(NULL, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)', layout)]);
    expect(t.results).toEqual([0x7ffff7ffe000n]);
    expect(k.processes[0].pid).not.toBe(before);
  });
});

if (!built) {
  describe('kernel helper', () => {
    it.skip(`kernel helper not built (${defaultHelperPath()} missing): run npm run build:helper`, () => {});
  });
}
