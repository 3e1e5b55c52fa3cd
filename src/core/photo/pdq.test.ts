import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { dct64To16, hashFromDct, pdqDct, pdqQuality } from './pdq.ts';
import { DIHEDRAL, dihedralDct } from './dihedral.ts';
import { getBit } from './hash256.ts';
import { referenceDownsample64 } from './jarosz-reference.ts';
import { tentDownsample64 } from './jarosz.ts';

// A seeded pseudo-random image (no Math.random in tests).
function image(w: number, h: number, seed: number): Float32Array {
  const out = new Float32Array(w * h);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < out.length; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out[i] = (s >>> 0) % 256;
  }
  return out;
}

test('the fast tent downsample equals the reference blur-and-decimate (up to float rounding)', () => {
  fc.assert(
    fc.property(fc.integer({ min: 5, max: 700 }), fc.integer({ min: 5, max: 700 }), fc.nat(), (w, h, seed) => {
      const img = image(w, h, seed);
      const fast = tentDownsample64(img, w, { x: 0, y: 0, w, h });
      const ref = referenceDownsample64(img, h, w);
      for (let i = 0; i < 4096; i++) assert.ok(Math.abs(fast[i]! - ref[i]!) < 1e-2, `w=${w} h=${h} cell ${i}: ${fast[i]} vs ${ref[i]}`);
    }),
    { seed: 11, numRuns: 40 },
  );
});

test('median bits: exactly the coefficients above the 128th smallest are set', () => {
  const dct = new Float32Array(256).map((_, i) => (i * 37) % 256); // a permutation of 0..255
  const h = hashFromDct(dct);
  for (let k = 0; k < 256; k++) assert.equal(getBit(h, k), dct[k]! > 127, `bit ${k}`);
});

test('quality: 0 for a flat image, 100 for strong detail, 0 and an empty hash below 5 pixels a side', () => {
  assert.equal(pdqQuality(new Float32Array(4096).fill(120)), 0);
  const checker = new Float32Array(4096).map((_, i) => (((i >> 6) + i) & 1 ? 255 : 0));
  assert.equal(pdqQuality(checker), 100);
  // One step of 255 across a single row boundary: 64 gradients of 100 → 6400 / 90 = 71.
  const step = new Float32Array(4096).map((_, i) => (i < 2048 ? 0 : 255));
  assert.equal(pdqQuality(step), 71);
  const tiny = pdqDct(new Float32Array(4 * 40).fill(9), 4, 40);
  assert.equal(tiny.quality, 0);
  assert.ok(tiny.dct.every((v) => v === 0));
});

// The 8 dihedral transforms of a 64x64 image, in pixels. PDQ uses a 64x64 input as is, so the DCT of the
// transformed pixels must equal the transformed DCT exactly (up to float rounding).
const PIXEL_OPS: Record<(typeof DIHEDRAL)[number], (i: number, j: number) => [number, number]> = {
  original: (i, j) => [i, j],
  flipY: (i, j) => [i, 63 - j], // mirror image: left and right swap
  flipX: (i, j) => [63 - i, j], // upside down
  rotate180: (i, j) => [63 - i, 63 - j],
  flipPlus1: (i, j) => [j, i], // transpose
  flipMinus1: (i, j) => [63 - j, 63 - i],
  rotate90: (i, j) => [j, 63 - i], // a quarter turn anticlockwise
  rotate270: (i, j) => [63 - j, i], // a quarter turn clockwise
};

test('dihedral DCT variants equal the DCT of the transformed pixels', () => {
  const img = image(64, 64, 3);
  const base = dct64To16(img);
  for (const t of DIHEDRAL) {
    const moved = new Float32Array(4096);
    for (let i = 0; i < 64; i++) {
      for (let j = 0; j < 64; j++) {
        const [si, sj] = PIXEL_OPS[t](i, j);
        moved[i * 64 + j] = img[si * 64 + sj]!;
      }
    }
    const direct = dct64To16(moved);
    const derived = dihedralDct(base, t);
    for (let k = 0; k < 256; k++) assert.ok(Math.abs(direct[k]! - derived[k]!) < 1e-2, `${t} coefficient ${k}`);
  }
});
