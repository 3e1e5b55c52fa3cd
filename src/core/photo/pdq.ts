// PDQ, Meta's 256-bit perceptual photo hash, ported from the reference (ThreatExchange pdq/java
// PDQHasher.java and pdq/cpp/hashing/pdqhashing.cpp): luma → Jarosz tent blur → 64x64 samples →
// quality from gradients → 16x16 low-frequency DCT (coefficients 1..16, no DC) → one bit per coefficient,
// set when it is above the median. Hashes of the 8 rotations/flips come from sign flips and transposes of
// the DCT (dihedral.ts), so a mirrored copy can be matched without re-hashing it.
//
// Quality (0..100) counts significant 64x64 gradients; Meta treats < 50 as too flat to trust.
import { tentDownsample64, type Rect } from './jarosz.ts';
import { emptyHash, setBit, type Hash256 } from './hash256.ts';

/** Images smaller than this in either dimension get an empty hash and quality 0 (as the reference). */
export const PDQ_MIN_DIM = 5;

/** Luma weights (ITU-R BT.601) used by the reference's RGB → luma step. */
export const LUMA_WEIGHTS = [0.299, 0.587, 0.114] as const;

const DCT_SCALE = Math.fround(Math.sqrt(2 / 64));
// 16x64 DCT-II rows 1..16, as Float32 like the reference.
const DCT = (() => {
  const d = new Float64Array(16 * 64);
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 64; j++) d[i * 64 + j] = Math.fround(DCT_SCALE * Math.cos((Math.PI / 2 / 64) * (i + 1) * (2 * j + 1)));
  }
  return d;
})();

/** A 16x16 DCT (row-major Float32Array(256)) and the quality of the image it came from. */
export interface PdqDct {
  dct: Float32Array;
  quality: number;
}

/** Quality metric on the 64x64 downsample: summed truncated gradients in percent of full scale, / 90, capped. */
export function pdqQuality(b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < 63; i++) {
    for (let j = 0; j < 64; j++) sum += Math.abs(Math.trunc(((b[i * 64 + j]! - b[(i + 1) * 64 + j]!) * 100) / 255));
  }
  for (let i = 0; i < 64; i++) {
    for (let j = 0; j < 63; j++) sum += Math.abs(Math.trunc(((b[i * 64 + j]! - b[i * 64 + j + 1]!) * 100) / 255));
  }
  return Math.min(100, Math.floor(sum / 90));
}

// DCT row i (frequency i + 1) is symmetric about the middle for odd i and antisymmetric for even i:
// D[i][63 − k] = (−1)^(i+1) D[i][k]. So each product folds the 64 inputs into 32 sums (a[k] + a[63 − k]) and
// 32 differences first, halving the multiply-adds.
const HALF = (() => {
  const h = new Float64Array(16 * 32);
  for (let i = 0; i < 16; i++) for (let k = 0; k < 32; k++) h[i * 32 + k] = DCT[i * 64 + k]!;
  return h;
})();
const sums = new Float64Array(64 * 32);
const diffs = new Float64Array(64 * 32);
const u = new Float64Array(64 * 16);

/** B = D A Dᵀ on a 64x64 buffer, keeping coefficients 1..16 in each direction. */
export function dct64To16(a: Float32Array): Float32Array {
  const H = HALF;
  // U = A Dᵀ (64x16): fold each row of A, then dot with the half rows of D.
  for (let r = 0; r < 64; r++) {
    const ar = r * 64;
    const o = r * 32;
    for (let k = 0; k < 32; k++) {
      const x = a[ar + k]!;
      const y = a[ar + 63 - k]!;
      sums[o + k] = x + y;
      diffs[o + k] = x - y;
    }
    for (let j = 0; j < 16; j++) {
      const src = (j & 1) === 0 ? diffs : sums;
      const hj = j * 32;
      let s = 0;
      for (let k = 0; k < 32; k++) s += src[o + k]! * H[hj + k]!;
      u[r * 16 + j] = s;
    }
  }
  // B = D U (16x16): fold the 64 rows of U the same way.
  for (let k = 0; k < 32; k++) {
    const x = k * 16;
    const y = (63 - k) * 16;
    for (let j = 0; j < 16; j++) {
      sums[k * 16 + j] = u[x + j]! + u[y + j]!;
      diffs[k * 16 + j] = u[x + j]! - u[y + j]!;
    }
  }
  const b = new Float32Array(256);
  for (let i = 0; i < 16; i++) {
    const src = (i & 1) === 0 ? diffs : sums;
    const hi = i * 32;
    for (let j = 0; j < 16; j++) {
      let s = 0;
      for (let k = 0; k < 32; k++) s += H[hi + k]! * src[k * 16 + j]!;
      b[i * 16 + j] = s;
    }
  }
  return b;
}

/** The 64x64 tent-filtered downsample of a rectangle of a luma buffer (row-major, `stride` values a row). */
export function downsample64(luma: Float32Array, stride: number, r: Rect): Float32Array {
  if (r.w === 64 && r.h === 64) {
    // As the reference: a 64x64 input is used as is (e.g. frames ffmpeg already scaled).
    const out = new Float32Array(4096);
    for (let i = 0; i < 64; i++) out.set(luma.subarray((r.y + i) * stride + r.x, (r.y + i) * stride + r.x + 64), i * 64);
    return out;
  }
  return tentDownsample64(luma, stride, r);
}

/** PDQ's DCT and quality for a rectangle of a luma buffer (whole buffer when `r` is left out). */
export function pdqDct(luma: Float32Array, height: number, width: number, r?: Rect): PdqDct {
  const rect = r ?? { x: 0, y: 0, w: width, h: height };
  if (rect.h < PDQ_MIN_DIM || rect.w < PDQ_MIN_DIM) return { dct: new Float32Array(256), quality: 0 };
  const small = downsample64(luma, width, rect);
  return { dct: dct64To16(small), quality: pdqQuality(small) };
}

/** One bit per coefficient: set when above the median (the 128th smallest, as Torben's method in the reference). */
export function hashFromDct(dct: Float32Array): Hash256 {
  const sorted = Float32Array.from(dct).sort();
  const median = sorted[127]!;
  const h = emptyHash();
  for (let k = 0; k < 256; k++) if (dct[k]! > median) setBit(h, k);
  return h;
}
