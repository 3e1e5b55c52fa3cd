import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { dct64To16, hashFromDct, pdqDct, pdqQuality } from './pdq.ts';
import { DIHEDRAL, dihedralDct } from './dihedral.ts';
import { getBit } from './hash256.ts';
import { referenceDownsample64 } from './jarosz-reference.ts';
import { tentDownsample64, tentRowsCached } from './jarosz.ts';

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

test('the unrolled tent downsample equals its straightforward sums (columns, then rows) bit for bit', () => {
  fc.assert(
    fc.property(fc.integer({ min: 5, max: 900 }), fc.integer({ min: 5, max: 900 }), fc.nat(), (w, h, seed) => {
      const img = image(w + 3, h + 2, seed);
      const r = { x: 2, y: 1, w, h };
      const cols = tentRowsCached(w);
      const rows = tentRowsCached(h);
      const direct = new Float32Array(4096);
      for (let s = 0; s < 64; s++) {
        for (let j = 0; j < 64; j++) {
          let acc = 0;
          for (let k = 0; k < rows.taps; k++) {
            const y = r.y + rows.starts[s]! + k;
            let v = 0;
            for (let c = 0; c < cols.taps; c++) v += cols.weights[j * cols.taps + c]! * img[y * (w + 3) + r.x + cols.starts[j]! + c]!;
            acc += rows.weights[s * rows.taps + k]! * v;
          }
          direct[s * 64 + j] = acc;
        }
      }
      assert.deepEqual(tentDownsample64(img, w + 3, r), direct);
    }),
    { seed: 13, numRuns: 40 },
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

// The straightforward forms of the fast kernels, summing in the same order: the fast ones must equal them
// to the last bit (stored fingerprints and the reference test depend on every bit staying where it was).
function directDct(a: Float32Array): Float32Array {
  const D = (i: number, j: number): number => Math.fround(Math.fround(Math.sqrt(2 / 64)) * Math.cos((Math.PI / 2 / 64) * (i + 1) * (2 * j + 1)));
  const u = new Float64Array(64 * 16);
  for (let r = 0; r < 64; r++) {
    for (let j = 0; j < 16; j++) {
      let s = 0;
      for (let k = 0; k < 32; k++) {
        const x = a[r * 64 + k]!;
        const y = a[r * 64 + 63 - k]!;
        s += ((j & 1) === 0 ? x - y : x + y) * D(j, k);
      }
      u[r * 16 + j] = s;
    }
  }
  const b = new Float32Array(256);
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 16; j++) {
      let s = 0;
      for (let k = 0; k < 32; k++) {
        const x = u[k * 16 + j]!;
        const y = u[(63 - k) * 16 + j]!;
        s += D(i, k) * ((i & 1) === 0 ? x - y : x + y);
      }
      b[i * 16 + j] = s;
    }
  }
  return b;
}

function directQuality(b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < 63; i++) for (let j = 0; j < 64; j++) sum += Math.abs(Math.trunc(((b[i * 64 + j]! - b[(i + 1) * 64 + j]!) * 100) / 255));
  for (let i = 0; i < 64; i++) for (let j = 0; j < 63; j++) sum += Math.abs(Math.trunc(((b[i * 64 + j]! - b[i * 64 + j + 1]!) * 100) / 255));
  return Math.min(100, Math.floor(sum / 90));
}

test('the unrolled DCT equals the one-sum-at-a-time folded DCT bit for bit', () => {
  fc.assert(
    fc.property(fc.nat(), (seed) => {
      const img = image(64, 64, seed).map((v, i) => v * 0.731 + (i % 7) / 3);
      assert.deepEqual(dct64To16(img), directDct(img));
    }),
    { seed: 23, numRuns: 30 },
  );
});

test('quality in one pass equals the two-pass reference formula', () => {
  fc.assert(
    fc.property(fc.nat(), fc.integer({ min: 1, max: 255 }), (seed, range) => {
      const img = image(64, 64, seed).map((v) => ((v % range) * 255) / range + 0.37);
      assert.equal(pdqQuality(img), directQuality(img));
    }),
    { seed: 29, numRuns: 60 },
  );
});

test('the median found by selection gives the bits of the sorted median, ties included', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 256, maxLength: 256 }), (xs) => {
      const dct = Float32Array.from(xs, (x) => x / 4);
      const median = Float32Array.from(dct).sort()[127]!;
      const h = hashFromDct(dct);
      for (let k = 0; k < 256; k++) assert.equal(getBit(h, k), dct[k]! > median, `bit ${k}`);
    }),
    { seed: 31, numRuns: 200 },
  );
});
