// PDQ, Meta's 256-bit perceptual photo hash, ported from the reference (ThreatExchange pdq/java
// PDQHasher.java and pdq/cpp/hashing/pdqhashing.cpp): luma → Jarosz tent blur → 64x64 samples →
// quality from gradients → 16x16 low-frequency DCT (coefficients 1..16, no DC) → one bit per coefficient,
// set when it is above the median. Hashes of the 8 rotations/flips come from sign flips and transposes of
// the DCT (dihedral.ts), so a mirrored copy can be matched without re-hashing it.
//
// Quality (0..100) counts significant 64x64 gradients; Meta treats < 50 as too flat to trust.
import { tentDownsample64, type Rect } from './jarosz.ts';
import { emptyHash, type Hash256 } from './hash256.ts';

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
  // Each term is an integer below 101, so the total is exact in any order: one pass over both directions.
  // |trunc(x)| = trunc(|x|) and (−d)·100/255 = −(d·100/255), so each term is (|d|·100/255) | 0.
  let sum = 0;
  for (let i = 0; i < 63; i++) {
    const r = i * 64;
    for (let j = 0; j < 63; j++) {
      const v = b[r + j]!;
      sum += ((Math.abs(v - b[r + 64 + j]!) * 100) / 255) | 0;
      sum += ((Math.abs(v - b[r + j + 1]!) * 100) / 255) | 0;
    }
    sum += ((Math.abs(b[r + 63]! - b[r + 127]!) * 100) / 255) | 0;
  }
  for (let j = 0; j < 63; j++) sum += ((Math.abs(b[4032 + j]! - b[4033 + j]!) * 100) / 255) | 0;
  return Math.min(100, Math.floor(sum / 90));
}

// DCT row i (frequency i + 1) is symmetric about the middle for odd i and antisymmetric for even i:
// D[i][63 − k] = (−1)^(i+1) D[i][k]. So each product folds the 64 inputs into 32 sums (a[k] + a[63 − k]) and
// 32 differences first, halving the multiply-adds. Eight dot products run side by side (independent sums,
// each still added in order k = 0..31, so the result is the same to the last bit as one at a time).
// EVEN[k * 8 + q] = D[2q][k] (rows that take differences), ODD[k * 8 + q] = D[2q + 1][k] (sums).
const EVEN = new Float64Array(32 * 8);
const ODD = new Float64Array(32 * 8);
for (let k = 0; k < 32; k++) {
  for (let q = 0; q < 8; q++) {
    EVEN[k * 8 + q] = DCT[2 * q * 64 + k]!;
    ODD[k * 8 + q] = DCT[(2 * q + 1) * 64 + k]!;
  }
}
const HALF = (() => {
  const h = new Float64Array(16 * 32);
  for (let i = 0; i < 16; i++) for (let k = 0; k < 32; k++) h[i * 32 + k] = DCT[i * 64 + k]!;
  return h;
})();
const sums = new Float64Array(32 * 16);
const diffs = new Float64Array(32 * 16);
const u = new Float64Array(64 * 16);

/** B = D A Dᵀ on a 64x64 buffer, keeping coefficients 1..16 in each direction. */
export function dct64To16(a: Float32Array): Float32Array {
  // U = A Dᵀ (64x16): fold each row of A, then dot with the half rows of D.
  for (let r = 0; r < 64; r++) {
    const ar = r * 64;
    let e0 = 0, e1 = 0, e2 = 0, e3 = 0, e4 = 0, e5 = 0, e6 = 0, e7 = 0;
    for (let k = 0, h = 0; k < 32; k++, h += 8) {
      const d = a[ar + k]! - a[ar + 63 - k]!;
      e0 += d * EVEN[h]!;
      e1 += d * EVEN[h + 1]!;
      e2 += d * EVEN[h + 2]!;
      e3 += d * EVEN[h + 3]!;
      e4 += d * EVEN[h + 4]!;
      e5 += d * EVEN[h + 5]!;
      e6 += d * EVEN[h + 6]!;
      e7 += d * EVEN[h + 7]!;
    }
    let o0 = 0, o1 = 0, o2 = 0, o3 = 0, o4 = 0, o5 = 0, o6 = 0, o7 = 0;
    for (let k = 0, h = 0; k < 32; k++, h += 8) {
      const m = a[ar + k]! + a[ar + 63 - k]!;
      o0 += m * ODD[h]!;
      o1 += m * ODD[h + 1]!;
      o2 += m * ODD[h + 2]!;
      o3 += m * ODD[h + 3]!;
      o4 += m * ODD[h + 4]!;
      o5 += m * ODD[h + 5]!;
      o6 += m * ODD[h + 6]!;
      o7 += m * ODD[h + 7]!;
    }
    const o = r * 16;
    u[o] = e0; u[o + 1] = o0; u[o + 2] = e1; u[o + 3] = o1; u[o + 4] = e2; u[o + 5] = o2; u[o + 6] = e3; u[o + 7] = o3;
    u[o + 8] = e4; u[o + 9] = o4; u[o + 10] = e5; u[o + 11] = o5; u[o + 12] = e6; u[o + 13] = o6; u[o + 14] = e7; u[o + 15] = o7;
  }
  // B = D U (16x16): fold the 64 rows of U the same way.
  for (let k = 0; k < 32; k++) {
    const x = k * 16;
    const y = (63 - k) * 16;
    for (let j = 0; j < 16; j++) {
      sums[x + j] = u[x + j]! + u[y + j]!;
      diffs[x + j] = u[x + j]! - u[y + j]!;
    }
  }
  const b = new Float32Array(256);
  for (let i = 0; i < 16; i++) {
    const src = (i & 1) === 0 ? diffs : sums;
    const hi = i * 32;
    for (let j = 0; j < 16; j += 8) {
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
      for (let k = 0; k < 32; k++) {
        const w = HALF[hi + k]!;
        const p = k * 16 + j;
        s0 += w * src[p]!;
        s1 += w * src[p + 1]!;
        s2 += w * src[p + 2]!;
        s3 += w * src[p + 3]!;
        s4 += w * src[p + 4]!;
        s5 += w * src[p + 5]!;
        s6 += w * src[p + 6]!;
        s7 += w * src[p + 7]!;
      }
      const o = i * 16 + j;
      b[o] = s0; b[o + 1] = s1; b[o + 2] = s2; b[o + 3] = s3; b[o + 4] = s4; b[o + 5] = s5; b[o + 6] = s6; b[o + 7] = s7;
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

const work = new Float32Array(256);

/** The k-th smallest of a[0..n) (k from 0), by Hoare's quickselect; reorders a. */
function select(a: Float32Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const x = a[lo]!;
    const y = a[(lo + hi) >> 1]!;
    const z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i++] = a[j]!;
        a[j--] = t;
      }
    }
    // a[lo..j] ≤ pivot, a[j+1..i-1] = pivot, a[i..hi] ≥ pivot.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

/** One bit per coefficient: set when above the median (the 128th smallest, as Torben's method in the reference). */
export function hashFromDct(dct: Float32Array): Hash256 {
  work.set(dct);
  const median = select(work, 256, 127);
  const h = emptyHash();
  for (let w = 0; w < 8; w++) {
    let bits = 0;
    for (let b = 0, k = w * 32; b < 32; b++, k++) if (dct[k]! > median) bits |= 1 << b;
    h[w] = bits;
  }
  return h;
}
