// trampfd objects (trampfd RFC v2, SEMANTICS §11, docs/conventions.md "Trampoline fd"):
// the descriptors written to each trampfd, its creator, whether it is mapped, and the page
// of generated trampolines it hands to its VMAs. The page is generated on the first fault
// when the object has none and let go at every close of a VMA of the file (trampfd_close),
// which also clears "mapped". The syscalls, the mmap and the execution of a trampoline are
// in impl/trampfd-sys.ts.

import { TRAMPFD } from '../abi/constants.js';
import { arrayBytes, objectBytes } from './bytes.js';
import { F_FILE, type Frames } from './frames.js';

/** x86 hardware register numbers of the uapi enum reg_64_name x64_rax (7) .. x64_r15 (21). */
const HW_REG = [0, 3, 1, 2, 6, 7, 5, 8, 9, 10, 11, 12, 13, 14, 15];
const U64 = 0xffffffffffffffffn;

/** A valid register of the RFC's enum (x64_rax .. x64_r15). */
export function validReg(reg: number): boolean {
  return reg >= TRAMPFD.REG_X64_RAX && reg < TRAMPFD.REG_X64_MAX;
}

/** One trampfd: its creator, the two descriptors, whether it is mapped, and its page. */
export interface TrampFd {
  readonly creator: number;
  /** trampfd->code != NULL: written, with a table other than 0. */
  codeSet: boolean;
  codeN: number;
  codeReg: number;
  codeTable: bigint;
  /** trampfd->data != NULL. */
  dataSet: boolean;
  dataReg: number;
  dataTable: bigint;
  /** trampfd->mapped: set by a successful mmap, cleared by the close of any VMA of the file. */
  mapped: boolean;
  /** trampfd->page (one reference held by the object), -1 before the first fault and after a close. */
  frame: number;
}

/** The trampfds of a machine, by id (1, 2, ...); objects live as long as the machine. */
export class TrampFds {
  private readonly objs: TrampFd[] = [];

  constructor(private readonly fr: Frames) {}

  /** Bytes held (impl/bytes.ts): one object of 10 fields and two u64 bigints per trampfd, the array, this object (pages: Frames). */
  bytes(): number {
    return objectBytes(2) + arrayBytes(this.objs) + this.objs.length * (objectBytes(10) + 2 * 24);
  }

  /** Objects created so far (the exec path looks for trampolines only when there are some). */
  get count(): number {
    return this.objs.length;
  }

  create(creator: number): number {
    this.objs.push({
      creator, codeSet: false, codeN: 0, codeReg: 0, codeTable: 0n, dataSet: false, dataReg: 0, dataTable: 0n,
      mapped: false, frame: -1,
    });
    return this.objs.length;
  }

  get(id: number): TrampFd {
    return this.objs[id - 1];
  }

  /**
   * trampfd_close (vm_ops->close of every VMA of the file, a fork child's copy too): the object
   * lets its page go (PTEs still mapping it keep their references) and is no longer mapped.
   */
  close(id: number): void {
    const t = this.objs[id - 1];
    t.mapped = false;
    if (t.frame >= 0) this.fr.put(t.frame);
    t.frame = -1;
  }

  /** The trampoline page, generated now if the object has none (trampfd_fault). */
  page(id: number): number {
    const t = this.objs[id - 1];
    if (t.frame < 0) {
      t.frame = this.fr.alloc(F_FILE);
      this.fill(t, t.frame);
    }
    return t.frame;
  }

  /** Write the code of every trampoline X < code.ntrampolines into frame f. */
  private fill(t: TrampFd, f: number): void {
    const b = new Uint8Array(4096);
    for (let x = 0; x < t.codeN; x++) slotBytes(t, x, b, x * TRAMPFD.CODE_SIZE);
    const dv = new DataView(b.buffer);
    for (let w = 0; w < 512; w++) {
      const lo = dv.getUint32(8 * w, true);
      const hi = dv.getUint32(8 * w + 4, true);
      if (lo !== 0 || hi !== 0) this.fr.setWord(f, w, lo, hi);
    }
  }
}

/**
 * The 40 bytes of trampoline X at b[o], at the fixed offsets of the RFC v2 patch 2/4
 * trampfd_code_fill_64: endbr64 (0), movabs (4), movq (%c),%c with ModRM mod=00 for every
 * register (14: for r12, rbp, r13 not the intended load — the RFC's slip, kept), the same
 * for %d (17, 27), jmpq *%c behind REX 0x40|B (30), nopl (33), zeroes (36..39).
 */
export function slotBytes(t: TrampFd, x: number, b: Uint8Array, o: number): void {
  const c = HW_REG[t.codeReg - TRAMPFD.REG_X64_RAX];
  const d = HW_REG[t.dataReg - TRAMPFD.REG_X64_RAX];
  b.set([0xf3, 0x0f, 0x1e, 0xfa], o); // endbr64
  load(b, o + 4, c, (t.codeTable + BigInt(8 * x)) & U64);
  load(b, o + 17, d, (t.dataTable + BigInt(8 * x)) & U64);
  b[o + 30] = 0x40 | (c >> 3); // jmpq *%c: REX (B for r8-r15), FF /4
  b[o + 31] = 0xff;
  b[o + 32] = 0xe0 | (c & 7);
  b[o + 33] = 0x0f; // nopl (%rax)
  b[o + 34] = 0x1f;
  b[o + 35] = 0x00;
  b.fill(0, o + 36, o + TRAMPFD.CODE_SIZE);
}

/** `movabs $slot, %r` (10 bytes) then `movq (%r), %r` as REX, 8B, ModRM (3 bytes) at b[o]. */
function load(b: Uint8Array, o: number, r: number, slot: bigint): void {
  const ext = r >> 3;
  b[o] = 0x48 | ext; // REX.W (+B)
  b[o + 1] = 0xb8 | (r & 7);
  for (let i = 0; i < 8; i++) b[o + 2 + i] = Number((slot >> BigInt(8 * i)) & 0xffn);
  b[o + 10] = 0x48 | (ext << 2) | ext; // REX.W (+R +B)
  b[o + 11] = 0x8b;
  b[o + 12] = ((r & 7) << 3) | (r & 7);
}
