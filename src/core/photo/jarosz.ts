// PDQ's downsample: a tent filter made of two X,Y passes of 1-D box filters (Jarosz, "Fast Image
// Convolutions", SIGGRAPH 2001), then point sampling at 64x64 cell centres, as in Meta's reference
// (ThreatExchange pdq/java PDQHasher.java: box1DFloat, jaroszFilterFloat, decimateFloat).
//
// The reference blurs every pixel four times and keeps 4096 of them. Box filters along rows and along columns
// are linear and commute, so blur-then-sample equals A · X · Bᵀ, where row r of A (64 x height) is the tent
// weight of each input row for output row r, and B likewise for columns. We build A and B once per dimension
// from the reference's exact box windows (shrinking at the edges) and apply them in two cache-friendly
// sweeps: ~2 multiply-adds per pixel instead of ~16 scattered ones. Results equal the reference up to float
// rounding (the reference sums in float32 with running sums).

/** Box window per pass: a 64-cell downsample wants a 1/64 tent, i.e. two passes of 1/128 (rounded up). */
export function jaroszWindow(dimension: number): number {
  return Math.floor((dimension + 127) / 128);
}

/** Tent weights of one output sample: input indices start..start+weights.length-1. */
export interface TentRow {
  start: number;
  weights: Float64Array;
}

// The reference box1DFloat's window at position i of a vector of length n: [lo, hi], mean over it.
function boxWindow(i: number, n: number, full: number): [number, number] {
  const half = Math.floor((full + 2) / 2);
  return [Math.max(0, i - (full - half)), Math.min(n - 1, i + half - 1)];
}

/** For a dimension of n pixels: the 64 sampled rows of (box ∘ box), each a short weight vector. */
export function tentRows(n: number): TentRow[] {
  const full = jaroszWindow(n);
  const rows: TentRow[] = [];
  for (let s = 0; s < 64; s++) {
    const centre = Math.floor(((s + 0.5) * n) / 64);
    const [lo1, hi1] = boxWindow(centre, n, full);
    const start = boxWindow(lo1, n, full)[0];
    const end = boxWindow(hi1, n, full)[1];
    const weights = new Float64Array(end - start + 1);
    for (let m = lo1; m <= hi1; m++) {
      const [lo2, hi2] = boxWindow(m, n, full);
      const w = 1 / (hi1 - lo1 + 1) / (hi2 - lo2 + 1);
      for (let k = lo2; k <= hi2; k++) weights[k - start] = weights[k - start]! + w;
    }
    rows.push({ start, weights });
  }
  return rows;
}

/** Tent rows packed for speed: 64 starts and 64 rows of `taps` weights each (zero-padded). */
export interface PackedTent {
  starts: Int32Array;
  taps: number;
  weights: Float64Array;
}

function pack(rows: TentRow[], n: number): PackedTent {
  const taps = Math.max(...rows.map((r) => r.weights.length));
  const starts = new Int32Array(64);
  const weights = new Float64Array(64 * taps);
  rows.forEach((r, s) => {
    // Keep every tap inside 0..n-1: rows near the end start earlier, with leading zero weights.
    const start = Math.min(r.start, n - taps);
    starts[s] = start;
    weights.set(r.weights, s * taps + (r.start - start));
  });
  return { starts, taps, weights };
}

const memo = new Map<number, PackedTent>();
/** Packed tent rows, remembered per dimension (photos come in few sizes). */
export function tentRowsCached(n: number): PackedTent {
  const key = n;
  let rows = memo.get(key);
  if (!rows) {
    rows = pack(tentRows(n), n);
    if (memo.size > 4096) memo.clear();
    memo.set(key, rows);
  }
  return rows;
}

/** A rectangle of a row-major buffer: left, top, width, height in pixels. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

// Scratch for sweep 1, reused across calls (hashing is synchronous, so calls never overlap).
let scratch = new Float64Array(0);
let tapW = new Float64Array(0);
let tapAt = new Int32Array(0);

/**
 * Tent-filters a rectangle of a luma buffer (row-major, `stride` values per row) down to 64x64. Every sum
 * runs over its taps in order from 0; the unrolled loops give exactly the straightforward double sums.
 */
export function tentDownsample64(luma: Float32Array, stride: number, r: Rect): Float32Array {
  const cols = tentRowsCached(r.w);
  const rows = tentRowsCached(r.h);
  // Sweep 1: every input row of the rectangle → 64 column-filtered values (zero-padded taps add exact zeros).
  if (scratch.length < r.h * 64) scratch = new Float64Array(r.h * 64);
  const t = scratch;
  if (tapW.length < rows.taps) {
    tapW = new Float64Array(rows.taps);
    tapAt = new Int32Array(rows.taps);
  }
  const cTaps = cols.taps;
  const cW = cols.weights;
  const cS = cols.starts;
  // Four input rows at a time share each weight load. window-tent.ts's colPass is the same loop over other array
  // types (Float64Array in, Float32Array out, where this reads Float32Array and writes Float64Array): one function
  // for both saw both types at each load and was 8–14 % slower in the resample (scratch A/B of 2026-11-29, 1,667
  // images a round), so the two copies stay.
  let i = 0;
  for (; i + 4 <= r.h; i += 4) {
    const base = (r.y + i) * stride + r.x;
    const ti = i * 64;
    for (let s = 0; s < 64; s++) {
      const p = base + cS[s]!;
      const wo = s * cTaps;
      let a0 = 0, a1 = 0, a2 = 0, a3 = 0;
      for (let k = 0; k < cTaps; k++) {
        const w = cW[wo + k]!;
        const q = p + k;
        a0 += w * luma[q]!;
        a1 += w * luma[q + stride]!;
        a2 += w * luma[q + 2 * stride]!;
        a3 += w * luma[q + 3 * stride]!;
      }
      t[ti + s] = a0;
      t[ti + 64 + s] = a1;
      t[ti + 128 + s] = a2;
      t[ti + 192 + s] = a3;
    }
  }
  for (; i < r.h; i++) {
    const base = (r.y + i) * stride + r.x;
    for (let s = 0; s < 64; s++) {
      let acc = 0;
      const p = base + cS[s]!;
      const wo = s * cTaps;
      for (let k = 0; k < cTaps; k++) acc += cW[wo + k]! * luma[p + k]!;
      t[i * 64 + s] = acc;
    }
  }
  // Sweep 2: 64 output rows, each a weighted sum of the filtered rows (zero weights skipped).
  const out = new Float32Array(4096);
  const rTaps = rows.taps;
  const rW = rows.weights;
  for (let s = 0; s < 64; s++) {
    let n = 0;
    for (let k = 0; k < rTaps; k++) {
      const w = rW[s * rTaps + k]!;
      if (w === 0) continue;
      tapW[n] = w;
      tapAt[n++] = (rows.starts[s]! + k) * 64;
    }
    const o = s * 64;
    if (n === 3) {
      const w0 = tapW[0]!, w1 = tapW[1]!, w2 = tapW[2]!;
      const a0 = tapAt[0]!, a1 = tapAt[1]!, a2 = tapAt[2]!;
      for (let j = 0; j < 64; j++) out[o + j] = w0 * t[a0 + j]! + w1 * t[a1 + j]! + w2 * t[a2 + j]!;
    } else {
      const acc = new Float64Array(64);
      for (let k = 0; k < n; k++) {
        const w = tapW[k]!;
        const a = tapAt[k]!;
        for (let j = 0; j < 64; j++) acc[j] = acc[j]! + w * t[a + j]!;
      }
      out.set(acc, o);
    }
  }
  return out;
}
