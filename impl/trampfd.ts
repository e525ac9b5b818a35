// trampfd objects (trampfd RFC v2, SEMANTICS §11, docs/conventions.md "Trampoline fd"):
// the descriptors written to each trampfd, its creator, how many VMAs map it, and the one
// page of generated trampolines it hands to its VMAs. The page is generated on the first
// fault after a mapping exists and dropped when the last VMA goes (trampfd_close). The
// syscalls, the mmap and the execution of a trampoline are in impl/trampfd-sys.ts.

import { TRAMPFD } from '../abi/constants.js';
import { F_FILE, type Frames } from './frames.js';

/** x86 hardware register numbers of the uapi enum reg_64_name x64_rax (7) .. x64_r15 (21). */
const HW_REG = [0, 3, 1, 2, 6, 7, 5, 8, 9, 10, 11, 12, 13, 14, 15];
const U64 = 0xffffffffffffffffn;

/** A valid register of the RFC's enum (x64_rax .. x64_r15). */
export function validReg(reg: number): boolean {
  return reg >= TRAMPFD.REG_X64_RAX && reg < TRAMPFD.REG_X64_MAX;
}

/** One trampfd: its creator, the two descriptors, its mappings and its page. */
export interface TrampFd {
  readonly creator: number;
  codeSet: boolean;
  codeN: number;
  codeReg: number;
  codeTable: bigint;
  dataSet: boolean;
  dataReg: number;
  dataTable: bigint;
  /** VMAs mapping it (a mapping exists while > 0: mmap is then EEXIST). */
  maps: number;
  /** The trampoline page (one reference held by the object), -1 before the first fault. */
  frame: number;
}

/** The trampfds of a machine, by id (1, 2, ...); objects live as long as the machine. */
export class TrampFds {
  private readonly objs: TrampFd[] = [];

  constructor(private readonly fr: Frames) {}

  /** Objects created so far (the exec path looks for trampolines only when there are some). */
  get count(): number {
    return this.objs.length;
  }

  create(creator: number): number {
    this.objs.push({
      creator, codeSet: false, codeN: 0, codeReg: 0, codeTable: 0n, dataSet: false, dataReg: 0, dataTable: 0n,
      maps: 0, frame: -1,
    });
    return this.objs.length;
  }

  get(id: number): TrampFd {
    return this.objs[id - 1];
  }

  /** One more VMA maps the object. */
  hold(id: number): void {
    this.objs[id - 1].maps++;
  }

  /** A VMA mapping the object went away (trampfd_close): the last one frees the page. */
  release(id: number): void {
    const t = this.objs[id - 1];
    if (--t.maps !== 0) return;
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
    const c = HW_REG[t.codeReg - TRAMPFD.REG_X64_RAX];
    const d = HW_REG[t.dataReg - TRAMPFD.REG_X64_RAX];
    for (let x = 0; x < t.codeN; x++) {
      let o = x * TRAMPFD.CODE_SIZE;
      b[o++] = 0xf3; // endbr64
      b[o++] = 0x0f;
      b[o++] = 0x1e;
      b[o++] = 0xfa;
      o = loadSlot(b, o, c, (t.codeTable + BigInt(8 * x)) & U64);
      o = loadSlot(b, o, d, (t.dataTable + BigInt(8 * x)) & U64);
      if (c >= 8) b[o++] = 0x41; // jmp *%c
      b[o++] = 0xff;
      b[o++] = 0xe0 + (c & 7);
      b[o++] = 0x0f; // nopl (%rax)
      b[o++] = 0x1f;
      b[o++] = 0x00;
    }
    const dv = new DataView(b.buffer);
    for (let w = 0; w < 512; w++) {
      const lo = dv.getUint32(8 * w, true);
      const hi = dv.getUint32(8 * w + 4, true);
      if (lo !== 0 || hi !== 0) this.fr.setWord(f, w, lo, hi);
    }
  }
}

/** `movabs $slot, %r` then `mov (%r), %r` at b[o]; returns the offset after them. */
function loadSlot(b: Uint8Array, o: number, r: number, slot: bigint): number {
  const ext = r >> 3;
  const low = r & 7;
  b[o++] = 0x48 | ext; // REX.W (+B)
  b[o++] = 0xb8 + low;
  for (let i = 0; i < 8; i++) b[o++] = Number((slot >> BigInt(8 * i)) & 0xffn);
  b[o++] = 0x48 | (ext << 2) | ext; // REX.W (+R +B)
  b[o++] = 0x8b;
  if (low === 4) {
    b[o++] = (low << 3) | 4; // r12 as a base needs a SIB byte
    b[o++] = 0x24;
  } else if (low === 5) {
    b[o++] = 0x40 | (low << 3) | 5; // rbp / r13 as a base: mod 01, disp8 0
    b[o++] = 0x00;
  } else b[o++] = (low << 3) | low;
  return o;
}
