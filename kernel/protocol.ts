// The wire protocol of the kernel helper (kernel/helper/proto.h is the other side).
// Every message is [u32 type][u32 body length][body], little-endian.
//
//   HELLO   helper -> driver, once at start: the layout the helper measured.
//   PROGRAM driver -> helper: u32 id, u32 nops, then per op u8 code, u8 proc, u8 nargs,
//           u8 0 and per argument u8 nterms + nterms x (u8 kind, u64 value): a literal
//           (+/-) or the result of an earlier op (+/-, value = that op's index). The
//           driver resolves each `rN` to the op that last bound N, so the helper
//           evaluates arguments exactly as abi/machine.ts runProgram does.
//   REPLY   helper -> driver, one per PROGRAM, in order: u32 id, u32 status (0 ran,
//           1 unsupported, 2 crash), u32 status_op, u32 nresults, u16 message length +
//           message, nresults x (u32 kind, u32 aux, u64 value), then for status 0 the
//           end state: u32 nprocs, per process u32 pid, u32 alive, u64 brk, u32 pkru,
//           u32 nvmas, u32 npages, u32 0, nvmas x (u64 start, u64 end, u32 prot,
//           u32 VMF flags, u32 pkey, u32 0), npages x (u64 addr, u64 pfn, u32 kind,
//           u32 pagemap bits 55..63, u64 raw PTE — 0 unless HELLO said pteBits); then
//           u32 nframes, per frame u64 pfn, u32 nwords, nwords x (u16 word index, u64 value).

import {
  PTE_OBSERVED_MASK,
  SI_CODE,
  SIGNAL,
  errNumber,
  type Arg,
  type OpName,
  type ProcState,
  type Program,
  type PteState,
  type RawState,
  type Result,
  type SiCodeName,
  type SignalName,
  type VmaState,
} from '../abi/index.js';

export const PROTO_VERSION = 2;
export const MSG_HELLO = 1;
export const MSG_PROGRAM = 2;
export const MSG_REPLY = 3;

/** Op codes of the helper (proto.h); ops missing here are unsupported by the kernel target. */
export const OP_CODES: Partial<Record<OpName, number>> = {
  mmap: 1,
  munmap: 2,
  mprotect: 3,
  pkey_mprotect: 4,
  pkey_alloc: 5,
  pkey_free: 6,
  mseal: 7,
  madvise: 8,
  mremap: 9,
  brk: 10,
  fork: 11,
  exit: 12,
  read: 13,
  write: 14,
  exec: 15,
  wrpkru: 16,
  mem_write: 17,
};

/** Limits of the helper (io.h). */
export const MAX_OPS = 16384;
export const MAX_PROCS = 64;

const FEAT_PKU = 1;
const FEAT_SHSTK = 2;
const FEAT_THP_DISABLED = 4;
const FEAT_PAGEMAP_SCAN_GUARD = 8;
const FEAT_PTE_BITS = 16;

export interface HelperVma {
  readonly start: bigint;
  readonly end: bigint;
  /** PROT_READ|PROT_WRITE|PROT_EXEC */
  readonly prot: number;
  /** VMF bits (abi/vmflags.ts) from smaps VmFlags. */
  readonly flags: number;
}

/** The layout the helper reported at start. */
export interface Hello {
  readonly version: number;
  /** The CPU has protection keys and the kernel enabled them (CPUID OSPKE). */
  readonly pku: boolean;
  /** User shadow stacks usable (never, so far: map_shadow_stack is ENOSYS here). */
  readonly shstk: boolean;
  /** PR_SET_THP_DISABLE is in force for the helper's processes. */
  readonly thpDisabled: boolean;
  /** PAGEMAP_SCAN knows PAGE_IS_GUARD (else the helper reads pagemap per VMA). */
  readonly pagemapScanGuard: boolean;
  /**
   * The helper reads each present page's real PTE through its BPF page-table walker
   * (helper/ptewalk.c): traces carry P RW US A D NX SavedDirty PROTNONE and the pkey
   * bits. Without it (not root, no BPF, disabled) only present-or-not is shown.
   */
  readonly pteBits: boolean;
  /** How the walker was set up, or why it is off. */
  readonly pteNote: string;
  readonly pageSize: number;
  /** mm->mmap_base: the first top-down mapping of length L lands at mmapBase - L. */
  readonly mmapBase: bigint;
  /** The free top of the mmap area programs get: above the helper's highest VMA below mmapBase. */
  readonly arena: { readonly start: bigint; readonly end: bigint };
  /** start_brk == brk of every fresh process. */
  readonly brk: bigint;
  /** PKRU of a fresh process (0 without pku). */
  readonly pkru: number;
  /** /proc/sys/vm/max_map_count */
  readonly maxMapCount: number;
  /**
   * The mmap_min_addr placement uses: max(/proc/sys/vm/mmap_min_addr,
   * CONFIG_LSM_MMAP_MIN_ADDR) (security/min_addr.c), measured with a low hint.
   */
  readonly mmapMinAddr: bigint;
  /** /proc/sys/vm/mmap_min_addr (dac_mmap_min_addr: below it MAP_FIXED needs CAP_SYS_RAWIO, which root has). */
  readonly dacMmapMinAddr: bigint;
  /** /proc/sys/vm/overcommit_memory (0 heuristic, 1 always, 2 never). */
  readonly overcommitMemory: number;
  /** RAM + swap in bytes: the largest single request heuristic overcommit accepts. */
  readonly commitLimit: bigint;
  /** PFN of the shared zero page. */
  readonly zeroPfn: number;
  /** The helper's own VMAs (binary, data page, IO area, stack), present in every program process. */
  readonly helperVmas: readonly HelperVma[];
  readonly helperVmaCount: number;
  /** uname -r */
  readonly kernel: string;
}

class Reader {
  off = 0;
  constructor(readonly b: Buffer) {}
  u8(): number {
    return this.b.readUInt8(this.off++);
  }
  u16(): number {
    const v = this.b.readUInt16LE(this.off);
    this.off += 2;
    return v;
  }
  u32(): number {
    const v = this.b.readUInt32LE(this.off);
    this.off += 4;
    return v;
  }
  u64(): bigint {
    const v = this.b.readBigUInt64LE(this.off);
    this.off += 8;
    return v;
  }
  /** A u64 known to fit a double exactly (PFNs). */
  u64n(): number {
    const lo = this.b.readUInt32LE(this.off);
    const hi = this.b.readUInt32LE(this.off + 4);
    this.off += 8;
    return hi * 0x100000000 + lo;
  }
  text(n: number): string {
    const s = this.b.toString('utf8', this.off, this.off + n);
    this.off += n;
    return s;
  }
}

export function decodeHello(body: Buffer): Hello {
  const r = new Reader(body);
  const version = r.u32();
  if (version !== PROTO_VERSION) throw new Error(`kernel helper speaks protocol ${version}, the driver ${PROTO_VERSION}`);
  const features = r.u32();
  const pageSize = Number(r.u64());
  const mmapBase = r.u64();
  const brk = r.u64();
  const pkru = r.u32();
  const maxMapCount = r.u32();
  const mmapMinAddr = r.u64();
  const dacMmapMinAddr = r.u64();
  const overcommitMemory = r.u32();
  r.u32();
  const commitLimit = r.u64();
  const zeroPfn = r.u64n();
  const n = r.u32();
  r.u32();
  const helperVmas: HelperVma[] = [];
  for (let i = 0; i < n; i++) helperVmas.push({ start: r.u64(), end: r.u64(), prot: r.u32(), flags: r.u32() });
  const kernel = r.text(r.u32());
  const pteNote = r.text(r.u32());
  let arenaStart = 0n;
  for (const v of helperVmas) if (v.end <= mmapBase && v.end > arenaStart) arenaStart = v.end;
  return {
    version,
    pku: (features & FEAT_PKU) !== 0,
    shstk: (features & FEAT_SHSTK) !== 0,
    thpDisabled: (features & FEAT_THP_DISABLED) !== 0,
    pagemapScanGuard: (features & FEAT_PAGEMAP_SCAN_GUARD) !== 0,
    pteBits: (features & FEAT_PTE_BITS) !== 0,
    pteNote,
    pageSize,
    mmapBase,
    arena: { start: arenaStart, end: mmapBase },
    brk,
    pkru,
    maxMapCount,
    mmapMinAddr,
    dacMmapMinAddr,
    overcommitMemory,
    commitLimit,
    zeroPfn,
    helperVmas,
    helperVmaCount: helperVmas.length,
    kernel,
  };
}

/** Encodes a PROGRAM message (header included). Every op must have an OP_CODES entry. */
export function encodeProgram(id: number, prog: Program): Buffer {
  // size: header 16, per op 4 + per arg 1 + 9 per term
  let size = 16;
  for (const op of prog.ops) {
    size += 4;
    for (const a of op.args) size += 1 + 9 * (typeof a === 'bigint' ? 1 : a.length);
  }
  const b = Buffer.allocUnsafe(size);
  b.writeUInt32LE(MSG_PROGRAM, 0);
  b.writeUInt32LE(size - 8, 4);
  b.writeUInt32LE(id >>> 0, 8);
  b.writeUInt32LE(prog.ops.length, 12);
  let o = 16;
  const boundAt = new Map<number, number>(); // rN -> index of the op that last bound it
  prog.ops.forEach((op, i) => {
    const code = OP_CODES[op.name];
    if (code === undefined) throw new Error(`op ${op.name} has no helper op code`);
    b.writeUInt8(code, o);
    b.writeUInt8(Math.min(op.proc, 255), o + 1);
    b.writeUInt8(op.args.length, o + 2);
    b.writeUInt8(0, o + 3);
    o += 4;
    for (const a of op.args) o = encodeArg(b, o, a, boundAt);
    if (op.bind !== undefined) boundAt.set(op.bind, i);
  });
  return b;
}

function encodeArg(b: Buffer, o: number, a: Arg, boundAt: ReadonlyMap<number, number>): number {
  if (typeof a === 'bigint') {
    b.writeUInt8(1, o);
    b.writeUInt8(0, o + 1);
    b.writeBigUInt64LE(a, o + 2);
    return o + 10;
  }
  b.writeUInt8(a.length, o++);
  for (const t of a) {
    if (t.ref !== undefined) {
      const at = boundAt.get(t.ref);
      // an unbound rN reads as 0 (abi/program.ts evalArg)
      if (at === undefined) {
        b.writeUInt8(t.neg ? 1 : 0, o);
        b.writeBigUInt64LE(0n, o + 1);
      } else {
        b.writeUInt8(t.neg ? 3 : 2, o);
        b.writeBigUInt64LE(BigInt(at), o + 1);
      }
    } else {
      b.writeUInt8(t.neg ? 1 : 0, o);
      b.writeBigUInt64LE(t.lit as bigint, o + 1);
    }
    o += 9;
  }
  return o;
}

const SIGNAL_NAME = new Map<number, SignalName>(Object.entries(SIGNAL).map(([k, v]) => [v, k as SignalName]));
/** si_code names per signal (include/uapi/asm-generic/siginfo.h). */
const CODE_PREFIX: Record<SignalName, string> = { SIGSEGV: 'SEGV_', SIGBUS: 'BUS_', SIGILL: 'ILL_' };

function codeName(sig: SignalName, code: number): string {
  if (code === SI_CODE.SI_KERNEL) return 'SI_KERNEL';
  const hit = Object.entries(SI_CODE).find(([k, v]) => v === code && k.startsWith(CODE_PREFIX[sig]));
  return hit ? (hit[0] as SiCodeName) : String(code);
}

const faultCache = new Map<number, string>();
function faultResult(aux: number): string {
  const key = aux & 0xffff;
  let s = faultCache.get(key);
  if (s === undefined) {
    const sig = aux & 0xff;
    const name = SIGNAL_NAME.get(sig);
    s = name ? `fault ${name} ${codeName(name, (aux >> 8) & 0xff)}` : `fault SIG${sig} ${(aux >> 8) & 0xff}`;
    faultCache.set(key, s);
  }
  return s;
}

export type ReplyStatus = 'ok' | 'unsupported' | 'crash';

export interface Reply {
  readonly id: number;
  readonly status: ReplyStatus;
  /** The op the helper refused or failed at (unsupported / crash). */
  readonly statusOp: number;
  readonly message: string;
  readonly results: Result[];
  /** The end state with frames = PFNs (status 'ok' only). */
  readonly state: RawState | null;
}

const STATUS: ReplyStatus[] = ['ok', 'unsupported', 'crash'];
export const PG_PRESENT = 1;
export const PG_ZERO = 2;
export const PG_GUARD = 3;
/** A present PTE without the walker: only P (abi/observe.ts). */
const PRESENT_BITS = 1n;

export function decodeReply(body: Buffer): Reply {
  const r = new Reader(body);
  const id = r.u32();
  const status = STATUS[r.u32()] ?? 'crash';
  const statusOp = r.u32();
  const nres = r.u32();
  const message = r.text(r.u16());
  const results: Result[] = new Array(nres);
  for (let i = 0; i < nres; i++) {
    const kind = r.u32();
    const aux = r.u32();
    const val = r.u64();
    if (kind === 0) results[i] = val;
    else if (kind === 1) {
      results[i] = errNumber(aux);
    } else results[i] = faultResult(aux);
  }
  if (status !== 'ok') return { id, status, statusOp, message, results, state: null };
  const processes: ProcState[] = [];
  const nprocs = r.u32();
  for (let k = 0; k < nprocs; k++) {
    const pid = r.u32();
    const alive = r.u32() !== 0;
    const brk = r.u64();
    const pkru = r.u32();
    const nv = r.u32();
    const np = r.u32();
    r.u32();
    const vmas: VmaState[] = new Array(nv);
    for (let i = 0; i < nv; i++) {
      const start = r.u64();
      const end = r.u64();
      const prot = r.u32();
      const flags = r.u32();
      const pkey = r.u32();
      r.u32();
      vmas[i] = { start, end, prot, flags, pkey };
    }
    const ptes: PteState[] = new Array(np);
    for (let i = 0; i < np; i++) {
      const addr = r.u64();
      const pfn = r.u64n();
      const kind = r.u32();
      r.u32();
      const pte = r.u64();
      ptes[i] =
        kind === PG_GUARD
          ? { addr, bits: 0n, frame: null, guard: true }
          : { addr, bits: pte === 0n ? PRESENT_BITS : pte & PTE_OBSERVED_MASK, frame: kind === PG_ZERO ? 'Z' : pfn };
    }
    // the kernel cannot show the pkeys bitmap, SSP or shadow-stack features (abi/observe.ts)
    processes.push({ pid, alive, vmas, ptes, brk, pkru, pkeys: 0, ssp: 0n, shstk: 0 });
  }
  const frames = new Map<number, Array<readonly [number, bigint]>>();
  const nframes = r.u32();
  for (let f = 0; f < nframes; f++) {
    const pfn = r.u64n();
    const n = r.u32();
    const words: Array<readonly [number, bigint]> = new Array(n);
    for (let i = 0; i < n; i++) {
      const idx = r.u16();
      words[i] = [idx * 8, r.u64()];
    }
    frames.set(pfn, words);
  }
  const state: RawState = { processes, content: (frame) => frames.get(frame) ?? [] };
  return { id, status, statusOp, message, results, state };
}
