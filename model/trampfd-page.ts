// The trampoline page of a trampfd (trampfd RFC v2 patch 2/4, x86: trampfd_fault and
// the code generator; docs/conventions.md "Trampoline fd").
//
// The trampfd's page (trampfd->page), allocated and filled on the first fault of any VMA
// mapping it; trampfd_close of any such VMA lets it go (PTEs keep what they map) and
// clears trampfd->mapped. Slot X < code.ntrampolines, at page + 40X, is the 40-byte
// x86-64 trampoline at fixed offsets (trampfd_code_fill_64)
//   0 endbr64 ; 4 movabs $&code_table[X], %c ; 14 movq (%c), %c
//   17 movabs $&data_table[X], %d ; 27 movq (%d), %d ; 30 jmpq *%c ; 33 nopl (%rax) ; 36 zeroes
// (c, d: the descriptors' registers); the rest of the page is zero. The PTE is built
// from the VMA's vm_page_prot like any file page: P=1 RW=0 A=1 D=0, NX from the VMA.

import { TRAMPFD } from '../abi/index.js';
import { allocFrame, hit, maybeFreeFrame, type Kernel, type Mm, type Trampfd, type Vma } from './mm.js';
import { mkPte } from './pte.js';
import { setPte } from './zap.js';

/**
 * Hardware register numbers of the uapi `enum reg_64_name` (x64_rax = 7, rbx, rcx, rdx,
 * rsi, rdi, rbp, r8 .. r15 = 21): rax 0, rcx 1, rdx 2, rbx 3, rbp 5, rsi 6, rdi 7, r8-r15 8-15.
 */
const HW_REG: readonly number[] = [0, 3, 1, 2, 6, 7, 5, 8, 9, 10, 11, 12, 13, 14, 15];

/** The hardware number of a register named by the trampfd register enum (7..21). */
export function hwReg(enumReg: number): number {
  return HW_REG[enumReg - TRAMPFD.REG_X64_RAX];
}

function imm64(v: bigint): number[] {
  const out: number[] = [];
  for (let i = 0; i < 8; i++) out.push(Number((v >> BigInt(8 * i)) & 0xffn));
  return out;
}

/** movabs $imm64, %r — REX.W|REX.B, B8+r (trampfd_code_fill_64, addr[4..13] / [17..26]). */
function movabs(r: number, imm: bigint): number[] {
  return [0x48 | ((r & 8) >> 3), 0xb8 | (r & 7), ...imm64(imm)];
}

/**
 * movq (%r), %r as trampfd_code_fill_64 writes it (addr[14..16] / [27..29]): REX.W|REX.R|REX.B,
 * 8B, ModRM mod=00 reg=r rm=r — always three bytes. For rm=100 (r12) and rm=101 (rbp, r13) that
 * is not `mov (%r),%r` on a CPU (a SIB byte / RIP-relative disp32 would follow): the RFC's slip,
 * kept as the spec (docs/conventions.md).
 */
function movLoad(r: number): number[] {
  return [0x48 | ((r & 8) >> 1) | ((r & 8) >> 3), 0x8b, ((r & 7) << 3) | (r & 7)];
}

/** jmpq *%r (addr[30..32]): `0x40 | REX.B` — an empty REX prefix 0x40 for rax..rdi — FF, E0+r. */
function jmpReg(r: number): number[] {
  return [0x40 | ((r & 8) >> 3), 0xff, 0xe0 | (r & 7)];
}

/** The 40 bytes of trampoline X, exactly as the RFC v2 patch 2/4 trampfd_code_fill_64 writes them. */
export function trampolineBytes(t: Trampfd, x: number): Uint8Array {
  const code = t.code!;
  const data = t.data!;
  const c = hwReg(code.reg);
  const d = hwReg(data.reg);
  // u64 *code = trampfd->code; ... code++: the immediates are &code_table[X], &data_table[X]
  const slot = BigInt(8 * x);
  const bytes = [
    0xf3, 0x0f, 0x1e, 0xfa, // endbr64
    ...movabs(c, (code.table + slot) & ((1n << 64n) - 1n)),
    ...movLoad(c),
    ...movabs(d, (data.table + slot) & ((1n << 64n) - 1n)),
    ...movLoad(d),
    ...jmpReg(c),
    0x0f, 0x1f, 0x00, // nopl (%rax)
  ]; // then memset(&addr[36], 0, TRAMPFD_CODE_64_SIZE - 36)
  const out = new Uint8Array(TRAMPFD.CODE_SIZE);
  out.set(bytes);
  return out;
}

/** The whole page: code.ntrampolines trampolines, then zeroes. */
export function trampolinePage(t: Trampfd): Uint8Array {
  const page = new Uint8Array(4096);
  for (let x = 0; x < t.code!.ntrampolines; x++) page.set(trampolineBytes(t, x), x * TRAMPFD.CODE_SIZE);
  return page;
}

/** trampfd_fault: map the trampfd's page (allocated and filled on the first fault). */
export function trampfdFault(k: Kernel, mm: Mm, vma: Vma, page: bigint): 'ok' {
  const t = vma.trampfd!;
  if (!t.page) {
    hit(k, 'trampfd:page-fill');
    const f = allocFrame(k, false);
    // the page belongs to the file, like a page-cache page: it outlives its PTEs
    f.inCache = true;
    f.data = trampolinePage(t);
    t.page = f;
  } else {
    hit(k, 'trampfd:page-map');
  }
  setPte(mm, page, mkPte(vma, t.page));
  return 'ok';
}

/**
 * Whether addr starts trampoline X of the trampfd mapped there: X < code.ntrampolines and the
 * 40 bytes at addr are still the ones trampfd_code_fill wrote for X (the trampfd's page, or a
 * private copy of it a write fault made and nothing changed since). Other bytes are not run.
 */
export function trampolineAt(k: Kernel, mm: Mm, vma: Vma, addr: bigint): number | null {
  const t = vma.trampfd;
  if (!t?.code || !t.data) return null;
  const off = Number(addr & 0xfffn);
  const x = off / TRAMPFD.CODE_SIZE;
  if (!Number.isInteger(x) || x >= t.code.ntrampolines) {
    hit(k, 'trampfd:exec-not-a-slot');
    return null;
  }
  const data = mm.ptes.get(addr >> 12n)?.frame?.data;
  const want = trampolineBytes(t, x);
  for (let i = 0; i < want.length; i++) {
    if ((data ? data[off + i] : 0) !== want[i]) {
      hit(k, 'trampfd:exec-bytes-changed');
      return null;
    }
  }
  return x;
}

/**
 * trampfd_close (vm_ops->close of every VMA mapping the file: munmap, MAP_FIXED over it,
 * exit, a fork child's copy too): `__free_pages(trampfd->page); trampfd->page = NULL;
 * trampfd->mapped = false` — the file's reference to its page goes (PTEs that still map it
 * keep it), the next fault fills a new page, and the creator may mmap the file again.
 */
export function trampfdClose(k: Kernel, t: Trampfd): void {
  hit(k, 'trampfd:close');
  t.mapped = false;
  if (t.page) {
    hit(k, 'trampfd:page-free');
    t.page.inCache = false;
    maybeFreeFrame(k, t.page);
    t.page = null;
  }
}
