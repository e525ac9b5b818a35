// The trampoline page of a trampfd (trampfd RFC v2 patch 2/4, x86: trampfd_fault and
// the code generator; docs/conventions.md "Trampoline fd").
//
// One page per trampfd, allocated and filled on the first fault of any VMA mapping it,
// freed when no VMA maps the file any more (trampfd_close). Slot X < code.ntrampolines,
// at page + 40X, is the 40-byte x86-64 trampoline
//   endbr64
//   movabs $&code_table[X], %c ; mov (%c), %c
//   movabs $&data_table[X], %d ; mov (%d), %d
//   jmp *%c ; nopl (%rax) ; zero padding
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

/** movabs $imm64, %r — REX.W|REX.B, B8+r. */
function movabs(r: number, imm: bigint): number[] {
  return [0x48 | (r >> 3), 0xb8 + (r & 7), ...imm64(imm)];
}

/** mov (%r), %r — REX.W|REX.R|REX.B, 8B, ModRM (+ SIB for r12, + disp8 0 for rbp/r13). */
function movLoad(r: number): number[] {
  const rex = 0x48 | ((r >> 3) << 2) | (r >> 3);
  const low = r & 7;
  // rm = 100 means "SIB follows": base r12 needs SIB 0x24
  if (low === 4) return [rex, 0x8b, (low << 3) | 4, 0x24];
  // mod = 00, rm = 101 means RIP-relative: base rbp/r13 needs mod = 01 with disp8 0
  if (low === 5) return [rex, 0x8b, 0x40 | (low << 3) | 5, 0x00];
  return [rex, 0x8b, (low << 3) | low];
}

/** jmp *%r — [REX.B] FF /4. */
function jmpReg(r: number): number[] {
  return [...(r >= 8 ? [0x41] : []), 0xff, 0xe0 + (r & 7)];
}

/** The 40 bytes of trampoline X. */
export function trampolineBytes(t: Trampfd, x: number): Uint8Array {
  const code = t.code!;
  const data = t.data!;
  const c = hwReg(code.reg);
  const d = hwReg(data.reg);
  const slot = BigInt(8 * x);
  const bytes = [
    0xf3, 0x0f, 0x1e, 0xfa, // endbr64
    ...movabs(c, (code.table + slot) & ((1n << 64n) - 1n)),
    ...movLoad(c),
    ...movabs(d, (data.table + slot) & ((1n << 64n) - 1n)),
    ...movLoad(d),
    ...jmpReg(c),
    0x0f, 0x1f, 0x00, // nopl (%rax)
  ];
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

/** Whether any VMA of a live process maps the trampfd. */
export function trampfdMapped(k: Kernel, t: Trampfd): boolean {
  return k.procs.some((p) => p.alive && p.mm.vmas.some((v) => v.trampfd === t));
}

/**
 * trampfd_close (vm_ops->close of the last VMA): once nothing maps the file, its page is
 * freed and the file may be mapped again. Called after VMAs were removed.
 */
export function trampfdRelease(k: Kernel, t: Trampfd): void {
  if (trampfdMapped(k, t)) return;
  if (t.page) {
    hit(k, 'trampfd:page-free');
    t.page.inCache = false;
    maybeFreeFrame(k, t.page);
    t.page = null;
  }
}
