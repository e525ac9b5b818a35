// The frame allocator: reference counts, reuse through the free list, sparse contents
// (inline word, promotion to a dense page, copies).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Frames, ZERO_FRAME } from '../impl/frames.js';

describe('impl frames', () => {
  it('counts references and recycles freed frames', () => {
    const fr = new Frames(2);
    const a = fr.alloc(0);
    const b = fr.alloc(0);
    expect(a).not.toBe(ZERO_FRAME);
    expect(a).not.toBe(b);
    fr.get(a);
    expect(fr.ref[a]).toBe(2);
    fr.put(a);
    expect(fr.live).toBe(2);
    fr.put(a);
    expect(fr.live).toBe(1);
    expect(fr.alloc(0)).toBe(a);
    fr.get(ZERO_FRAME);
    fr.put(ZERO_FRAME);
    expect(fr.ref[ZERO_FRAME]).toBe(0);
  });

  it('stores words like a byte array', () => {
    const op = fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 4095 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 0xffffffff }));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 100 }), (ops) => {
        const fr = new Frames(2);
        const refs = new Map<number, Uint8Array>();
        const frames: number[] = [];
        const fresh = (): number => {
          const f = fr.alloc(0);
          frames.push(f);
          refs.set(f, new Uint8Array(4096));
          return f;
        };
        fresh();
        for (const [kind, off, b, w] of ops) {
          const f = frames[w % frames.length];
          const ref = refs.get(f)!;
          if (kind === 0) {
            fr.setByte(f, off, b);
            ref[off] = b;
          } else if (kind === 1) {
            const word = off >>> 3;
            fr.setWord(f, word, w, b ? w ^ 0x5a5a : 0);
            new DataView(ref.buffer).setUint32(word * 8, w, true);
            new DataView(ref.buffer).setUint32(word * 8 + 4, b ? w ^ 0x5a5a : 0, true);
          } else if (kind === 2) {
            const c = fr.copy(f, 0);
            frames.push(c);
            refs.set(c, ref.slice());
          } else fresh();
        }
        for (const f of frames) {
          const ref = refs.get(f)!;
          for (let off = 0; off < 4096; off += 97) expect(fr.byte(f, off)).toBe(ref[off]);
          const words: Array<[number, number, number]> = [];
          fr.words(f, (w, lo, hi) => words.push([w, lo, hi]));
          const dv = new DataView(ref.buffer);
          const want: Array<[number, number, number]> = [];
          for (let w = 0; w < 512; w++) {
            const lo = dv.getUint32(w * 8, true);
            const hi = dv.getUint32(w * 8 + 4, true);
            if (lo || hi) want.push([w, lo, hi]);
          }
          expect(words).toEqual(want);
        }
      }),
      { numRuns: 200 },
    );
  });
});
