// The impl target's Machine: dispatches ops (u64 bigint registers in, converted once),
// runs the CPU actions (read/write/exec words, wrpkru, the shadow-stack instructions,
// trampolines) and builds snapshots.

import type { Coverage, Machine } from '../abi/machine.js';
import type { OpName } from '../abi/ops.js';
import type { MachineConfig } from '../abi/program.js';
import { err, fault, type Result } from '../abi/result.js';
import { FrameNumbering, type FrameWords, type PteState, type ProcState, type RawState, type VmaState } from '../abi/trace.js';
import { sysBrk } from './brk.js';
import { EXEC, GPF, MAPERR, READ, translate, WRITE } from './fault.js';
import { doFork } from './fork.js';
import { ZERO_FRAME } from './frames.js';
import { Kernel, type Proc } from './kernel.js';
import { sysMadvise } from './madvise.js';
import { sysMmap } from './mmap.js';
import { sysMprotect } from './mprotect.js';
import { sysMremap } from './mremap.js';
import { sysMseal } from './mseal.js';
import { sysMunmap } from './munmap.js';
import { memWrite } from './procmem.js';
import { pkeyAlloc, pkeyFree } from './pkeys.js';
import * as pte from './pte.js';
import { sysArchPrctl, sysMapShadowStack } from './shstk.js';
import * as insn from './shstk-insn.js';
import { deliverSignal, sigreturn } from './signal.js';
import { execTrampoline, sysClose, trampfdCreate, trampfdWriteCode, trampfdWriteData } from './trampfd-sys.js';
import { VMF_MASK, pkeyOfFlags, protOf } from './vma.js';
import { F_RESERVED } from './reserved.js';

const ZERO = 0n;
const SIGILL = fault('SIGILL', 'ILL_ILLOPN');
const USER_TOP = 2n ** 47n;
const B53 = 2n ** 53n;
const KERNEL_HALF = 0xffff800000000000n;
/** Pages of the user half: vpn < 2^35. */
const USER_PAGES = 2 ** 35;

export class ImplMachine implements Machine {
  readonly k: Kernel;

  constructor(cfg: MachineConfig, _cov?: Coverage) {
    this.k = new Kernel(cfg);
  }

  /** Bytes this machine holds, as its structures count them (impl/bytes.ts). */
  bytes(): number {
    return 24 + 8 + this.k.bytes();
  }

  alive(pid: number): boolean {
    const p = this.k.procs[pid];
    return p !== undefined && p.alive;
  }

  exec(pid: number, op: OpName, a: readonly bigint[]): Result {
    const k = this.k;
    const mm = k.procs[pid];
    switch (op) {
      case 'read':
        return this.access(mm, a[0], READ, 0, 0);
      case 'write': {
        const v = a[1];
        if (v < B53) {
          const n = Number(v);
          return this.access(mm, a[0], WRITE, n % 4294967296, Math.floor(n / 4294967296));
        }
        return this.access(mm, a[0], WRITE, Number(v & 0xffffffffn), Number(v >> 32n));
      }
      case 'exec': {
        const r = this.access(mm, a[0], EXEC, 0, 0);
        // a trampfd page runs its trampolines (only machines that created a trampfd look)
        if (r === ZERO && k.tfd.count > 0) {
          // the trampoline loads its table slots as 8-byte user reads
          return execTrampoline(k, mm, Number(a[0]), (at) => this.access(mm, at, READ, 0, 0)) ?? ZERO;
        }
        return r;
      }
      case 'mmap':
        return sysMmap(k, mm, a);
      case 'munmap':
        return sysMunmap(k, mm, a);
      case 'mprotect':
        return sysMprotect(k, mm, a, false);
      case 'pkey_mprotect':
        return sysMprotect(k, mm, a, true);
      case 'mseal':
        return sysMseal(k, mm, a);
      case 'madvise':
        return sysMadvise(k, mm, a);
      case 'mremap':
        return sysMremap(k, mm, a);
      case 'brk':
        return sysBrk(k, mm, a);
      case 'pkey_alloc':
        return pkeyAlloc(k, mm, a[0], a[1]);
      case 'pkey_free':
        return pkeyFree(k, mm, a[0]);
      case 'wrpkru':
        if (!k.pku) return SIGILL;
        mm.pkru = Number(a[0] & 0xffffffffn);
        return ZERO;
      case 'fork': {
        const c = doFork(k, mm);
        return c ? BigInt(c.pid) : err('ENOMEM');
      }
      case 'exit':
        k.exitMm(mm);
        return ZERO;
      case 'map_shadow_stack':
        return sysMapShadowStack(k, mm, a);
      case 'arch_prctl':
        // ARCH_SHSTK_STATUS: put_user() of one u64, a user write (a fault makes it EFAULT)
        return sysArchPrctl(k, mm, a, (at, v) => this.access(mm, at, WRITE, v, 0) === ZERO);
      // shadow-stack instructions: plain / #UD while the process's SHSTK feature is off
      case 'call':
        return insn.call(k, mm, a[0]);
      case 'ret':
        return insn.ret(k, mm, a[0]);
      case 'incssp':
        return insn.incssp(k, mm, a[0]);
      case 'wrss':
        return insn.wrss(k, mm, a[0], a[1]);
      case 'rstorssp':
        return insn.rstorssp(k, mm, a[0]);
      case 'saveprevssp':
        return insn.saveprevssp(k, mm);
      case 'trampfd_create':
        return trampfdCreate(k, mm, a[0]);
      case 'trampfd_write_code':
        return trampfdWriteCode(k, mm, a);
      case 'trampfd_write_data':
        return trampfdWriteData(k, mm, a);
      case 'close':
        return sysClose(mm, a[0]);
      case 'mem_write':
        return memWrite(k, mm, a[0], a[1]);
      // signals: the kernel reads the shadow-stack sigframe token with get_user(), a user read
      case 'signal':
        return deliverSignal(k, mm, a[0], (at) => this.access(mm, at, READ, 0, 0));
      case 'sigreturn':
        return sigreturn(k, mm, (at) => this.access(mm, at, READ, 0, 0));
    }
    throw new Error(`impl: unknown op ${String(op)}`);
  }

  /** A CPU access of 8 bytes (read/write) or an instruction fetch (exec) at addr. */
  private access(mm: Proc, addrR: bigint, kind: number, lo: number, hi: number): Result {
    if (addrR >= USER_TOP) return addrR >= KERNEL_HALF ? MAPERR : GPF;
    const addr = Number(addrR);
    const vpn = Math.floor(addr / 4096);
    const off = addr - vpn * 4096;
    const k = this.k;
    if (kind === EXEC) {
      const f = translate(k, mm, vpn, EXEC);
      return typeof f === 'string' ? f : ZERO;
    }
    // a word reaching past the canonical user half is #GP before any translation
    if (off > 4088 && vpn + 1 >= USER_PAGES) return GPF;
    const f1 = translate(k, mm, vpn, kind);
    if (typeof f1 === 'string') return f1;
    if (off <= 4088) {
      if (kind === READ) return this.readIn(f1, off, 8, 0, 0, 0);
      this.writeIn(f1, off, 8, lo, hi, 0);
      return ZERO;
    }
    // the word spans two pages: translate the upper one too before touching data
    const f2 = translate(k, mm, vpn + 1, kind);
    if (typeof f2 === 'string') return f2;
    const n1 = 4096 - off;
    if (kind === READ) {
      const a = this.readIn(f1, off, n1, 0, 0, 0);
      return this.readIn(f2, 0, 8 - n1, Number(a & 0xffffffffn), Number(a >> 32n), n1);
    }
    this.writeIn(f1, off, n1, lo, hi, 0);
    this.writeIn(f2, 0, 8 - n1, lo, hi, n1);
    return ZERO;
  }

  /** Read n bytes of frame f at off into byte positions skip.. of the word (lo, hi). */
  private readIn(f: number, off: number, n: number, lo: number, hi: number, skip: number): bigint {
    const fr = this.k.fr;
    if (n === 8 && (off & 7) === 0) {
      if (f === ZERO_FRAME) return ZERO;
      lo = fr.wordLo(f, off >>> 3);
      hi = fr.wordHi(f, off >>> 3);
    } else if (f !== ZERO_FRAME) {
      for (let i = 0; i < n; i++) {
        const b = fr.byte(f, off + i);
        const j = skip + i;
        if (j < 4) lo = (lo | (b << (8 * j))) >>> 0;
        else hi = (hi | (b << (8 * (j - 4)))) >>> 0;
      }
    }
    if (hi === 0) return lo === 0 ? ZERO : BigInt(lo);
    return (BigInt(hi) << 32n) | BigInt(lo);
  }

  private writeIn(f: number, off: number, n: number, lo: number, hi: number, skip: number): void {
    const fr = this.k.fr;
    if (n === 8 && (off & 7) === 0) {
      fr.setWord(f, off >>> 3, lo >>> 0, hi >>> 0);
      return;
    }
    for (let i = 0; i < n; i++) {
      const j = skip + i;
      const b = j < 4 ? (lo >>> (8 * j)) & 0xff : (hi >>> (8 * (j - 4))) & 0xff;
      fr.setByte(f, off + i, b);
    }
  }

  snapshot(): RawState {
    const k = this.k;
    // frames numbered in the order canonicalize() would (processes by pid, pages by address)
    const numbering = new FrameNumbering();
    const processes: ProcState[] = [...k.procs].sort((a, b) => a.pid - b.pid).map((p) => this.procState(p, numbering));
    const fr = k.fr;
    return {
      processes,
      content(frame: number): FrameWords {
        const out: Array<readonly [number, bigint]> = [];
        fr.words(numbering.frames[frame], (w, lo, hi) => out.push([w * 8, (BigInt(hi) << 32n) | BigInt(lo)]));
        return out;
      },
    };
  }

  private procState(p: Proc, numbering: FrameNumbering): ProcState {
    const k = this.k;
    const vp = k.vp;
    const vmas: VmaState[] = [];
    const ptes: PteState[] = [];
    const ptTables: bigint[] = [];
    if (p.alive) {
      for (let r = p.tree.first(); r >= 0; r = p.tree.next(r)) {
        const fl = vp.fl[r];
        if (fl & F_RESERVED) continue;
        vmas.push({
          start: BigInt(vp.vs[r]) * 4096n,
          end: BigInt(vp.ve[r]) * 4096n,
          prot: protOf(fl),
          flags: fl & VMF_MASK,
          pkey: pkeyOfFlags(fl),
        });
      }
      const pt = k.pt;
      // the observed bits of consecutive PTEs are mostly alike (a huge page's 512): one BigInt for a run
      let lastLo = -1;
      let lastHi = -1;
      let lastBits = ZERO;
      pt.walk(p.pgd, 0, USER_PAGES, (_c, t, i0, i1, base) => {
        // a leaf table that is no huge PMD is the block's PTE table (kept while THP is on)
        if (k.thp && !pt.leafHuge[t]) ptTables.push(BigInt(base * 4096));
        for (let i = i0; i < i1; i++) {
          const l = pt.L[2 * (t * 512 + i)];
          const h = pt.L[2 * (t * 512 + i) + 1];
          if (l === 0 && h === 0) continue;
          const addr = BigInt((base + i) * 4096); // below 2^47: exact as a double
          if (pte.isGuard(l, h)) {
            ptes.push({ addr, bits: ZERO, frame: null, guard: true });
            continue;
          }
          const f = pte.pfnOf(l, h);
          const lo = (l & pte.OBS_LO) >>> 0;
          const hi = (h & pte.OBS_HI) >>> 0;
          if (lo !== lastLo || hi !== lastHi) {
            lastLo = lo;
            lastHi = hi;
            lastBits = (BigInt(hi) << 32n) | BigInt(lo);
          }
          ptes.push({ addr, bits: lastBits, frame: f === ZERO_FRAME ? 'Z' : numbering.of(f) });
        }
      }, null);
    }
    return {
      pid: p.pid,
      alive: p.alive,
      vmas,
      ptes,
      brk: BigInt(p.brk),
      pkru: p.pkru,
      pkeys: p.pkeys,
      ssp: BigInt(p.ssp),
      shstk: p.shstk,
      ...(k.thp ? { ptTables } : {}),
    };
  }
}
