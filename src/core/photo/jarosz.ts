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

/**
 * A mirror-symmetric tent for the crop ladder (not PDQ-compatible): output s is a triangle of half-width
 * max(1, n / cellsPerRadius) pixels centred exactly on cell centre (s + 0.5) n / 64. The reference's even box
 * windows lean half a pixel right, which shifts a mirrored photo's grid by up to a pixel per pass; at avatar
 * sizes (≈200 px, cells of 3 px) that alone costs ~20 bits. This tent commutes with mirroring.
 */
export function symmetricTentRows(n: number, cellsPerRadius = 64): TentRow[] {
  const r = Math.max(1, n / cellsPerRadius);
  const rows: TentRow[] = [];
  for (let s = 0; s < 64; s++) {
    const c = ((s + 0.5) * n) / 64 - 0.5;
    const start = Math.max(0, Math.floor(c - r) + 1);
    const end = Math.min(n - 1, Math.ceil(c + r) - 1);
    const weights = new Float64Array(end - start + 1);
    let total = 0;
    for (let k = start; k <= end; k++) total += weights[k - start] = 1 - Math.abs(k - c) / r;
    for (let k = 0; k < weights.length; k++) weights[k] = weights[k]! / total;
    rows.push({ start, weights });
  }
  return rows;
}

/** Which downsample filter: Meta's (PDQ-compatible) or the mirror-symmetric one. */
export type TentKind = 'pdq' | 'symmetric';

const memo = new Map<string, TentRow[]>();
/** Tent rows, remembered per filter and dimension (photos come in few sizes). */
export function tentRowsCached(n: number, kind: TentKind = 'pdq'): TentRow[] {
  const key = kind + n;
  let rows = memo.get(key);
  if (!rows) {
    rows = kind === 'pdq' ? tentRows(n) : symmetricTentRows(n);
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

/** Tent-filters a rectangle of a luma buffer (row-major, `stride` values per row) down to 64x64. */
export function tentDownsample64(luma: Float32Array, stride: number, r: Rect, kind: TentKind = 'pdq'): Float32Array {
  const cols = tentRowsCached(r.w, kind);
  const rows = tentRowsCached(r.h, kind);
  // Sweep 1: every input row of the rectangle → 64 column-filtered values.
  if (scratch.length < r.h * 64) scratch = new Float64Array(r.h * 64);
  const t = scratch;
  for (let i = 0; i < r.h; i++) {
    const base = (r.y + i) * stride + r.x;
    for (let s = 0; s < 64; s++) {
      const c = cols[s]!;
      const w = c.weights;
      let acc = 0;
      let p = base + c.start;
      for (let k = 0; k < w.length; k++) acc += w[k]! * luma[p++]!;
      t[i * 64 + s] = acc;
    }
  }
  // Sweep 2: 64 output rows, each a weighted sum of the filtered rows.
  const out = new Float32Array(4096);
  const acc = new Float64Array(64);
  for (let s = 0; s < 64; s++) {
    const rw = rows[s]!;
    acc.fill(0);
    for (let k = 0; k < rw.weights.length; k++) {
      const w = rw.weights[k]!;
      const off = (rw.start + k) * 64;
      for (let j = 0; j < 64; j++) acc[j] = acc[j]! + w * t[off + j]!;
    }
    out.set(acc, s * 64);
  }
  return out;
}
