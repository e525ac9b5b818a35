// Decoding a PROGRAM message (kernel/protocol.ts encodeProgram) into OPS and TERMS:
//   u32 id, u32 nops, then per op: u8 code, u8 proc, u8 nargs, u8 0, and per argument
//   u8 nterms followed by nterms x (u8 kind, u64 value). A reference term's value is
//   the index of the earlier op whose result it names.
#include "io.h"
#include "proto.h"

static const u8 *p, *end;

static int get(void *dst, u64 n) {
  if ((u64)(end - p) < n) return -1;
  memcpy(dst, p, n);
  p += n;
  return 0;
}

int decode_program(const u8 *buf, u64 len, u32 *id) {
  p = buf;
  end = buf + len;
  u32 nops;
  if (get(id, 4) || get(&nops, 4) || nops > MAXOPS) return -1;
  u32 nt = 0;
  for (u32 i = 0; i < nops; i++) {
    struct op *o = &OPS[i];
    u8 hdr[4];
    if (get(hdr, 4)) return -1;
    o->code = hdr[0] < OP_COUNT ? hdr[0] : OP_UNSUPPORTED;
    o->proc = hdr[1];
    o->nargs = hdr[2];
    if (o->nargs > MAXARGS) return -1;
    for (u32 j = 0; j < o->nargs; j++) {
      u8 n;
      if (get(&n, 1)) return -1;
      o->argn[j] = n;
      o->argt[j] = nt;
      for (u32 k = 0; k < n; k++) {
        if (nt >= MAXTERMS) return -1;
        u8 kind;
        if (get(&kind, 1) || kind > TERM_SUB_REF || get(&TERMS[nt].v, 8)) return -1;
        TERMS[nt].kind = kind;
        nt++;
      }
    }
    for (u32 j = o->nargs; j < MAXARGS; j++) o->argn[j] = 0;
  }
  if (p != end) return -1;
  CTL->nops = nops;
  return 0;
}
