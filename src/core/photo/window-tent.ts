// Mirror-symmetric resampling for the crop ladder (not part of PDQ): each output sample is a triangle
// (tent) of half-width one output cell, centred exactly on the cell centre in continuous pixel coordinates,
// over any window [x0, x0 + len) of an axis, fractional ends allowed. Centred windows therefore commute
// with mirroring, and a crop's window lands on the same picture content whatever the photo's size.
// Used twice: to shrink a photo once to a small working copy (≤ 160 px a side), then to sample every rung
// of the ladder from that copy at 64x64; ~2 multiply-adds per working-copy pixel per rung.

/** m samples along an axis of n pixels: sample s reads weights[s*taps..] starting at pixel starts[s]. */
export interface WindowTent {
  m: number;
  taps: number;
  starts: Int32Array;
  weights: Float64Array;
}

const memo = new Map<string, WindowTent>();

/** Tent weights for m samples over [x0, x0 + len) of an n-pixel axis (edges clipped, rows sum to 1). */
export function windowTent(n: number, m: number, x0: number, len: number): WindowTent {
  const key = `${n}/${m}/${x0}/${len}`;
  const hit = memo.get(key);
  if (hit) return hit;
  const r = Math.max(1, len / m);
  const rows: { start: number; w: number[] }[] = [];
  for (let s = 0; s < m; s++) {
    const c = x0 + ((s + 0.5) * len) / m - 0.5;
    const start = Math.max(0, Math.floor(c - r) + 1);
    const end = Math.min(n - 1, Math.ceil(c + r) - 1);
    const w: number[] = [];
    for (let k = start; k <= end; k++) w.push(1 - Math.abs(k - c) / r);
    if (w.length === 0) w.push(1); // a window reaching past the edge: nearest pixel
    const total = w.reduce((a, b) => a + b, 0);
    rows.push({ start: Math.min(start, n - 1), w: w.map((v) => v / total) });
  }
  const taps = Math.max(...rows.map((x) => x.w.length));
  const starts = new Int32Array(m);
  const weights = new Float64Array(m * taps);
  rows.forEach((row, s) => {
    const start = Math.max(0, Math.min(row.start, n - taps));
    starts[s] = start;
    weights.set(row.w, s * taps + (row.start - start));
  });
  const tent = { m, taps, starts, weights };
  if (memo.size > 4096) memo.clear();
  memo.set(key, tent);
  return tent;
}

// Scratch for the row pass, reused across calls (hashing is synchronous, so calls never overlap).
let scratch = new Float64Array(0);

/**
 * Applies a column tent and a row tent to a row-major image: an (rows.m x cols.m) result. Rows first, over
 * just the columns the column tent reads: its inner loop runs along a whole image row (long and contiguous),
 * and the short tap loops only run on the m output rows.
 */
export function resample(img: Float32Array, width: number, cols: WindowTent, rows: WindowTent): Float32Array {
  const mc = cols.m;
  const mr = rows.m;
  const cTaps = cols.taps;
  const cW = cols.weights;
  const cS = cols.starts;
  const rTaps = rows.taps;
  const rW = rows.weights;
  const rS = rows.starts;
  const c0 = cS[0]!;
  const span = cS[mc - 1]! + cTaps - c0;
  if (scratch.length < mr * span) scratch = new Float64Array(mr * span);
  const t = scratch;
  for (let s = 0; s < mr; s++) {
    const to = s * span;
    t.fill(0, to, to + span);
    for (let k = 0; k < rTaps; k++) {
      const w = rW[s * rTaps + k]!;
      if (w === 0) continue;
      const base = (rS[s]! + k) * width + c0;
      for (let x = 0; x < span; x++) t[to + x] = t[to + x]! + w * img[base + x]!;
    }
  }
  const out = new Float32Array(mr * mc);
  for (let s = 0; s < mr; s++) {
    const to = s * span - c0;
    const o = s * mc;
    for (let j = 0; j < mc; j++) {
      let acc = 0;
      const p = to + cS[j]!;
      const wo = j * cTaps;
      for (let k = 0; k < cTaps; k++) acc += cW[wo + k]! * t[p + k]!;
      out[o + j] = acc;
    }
  }
  return out;
}

/** A working copy of a photo, at most maxSide pixels a side (the photo itself when already small). */
export interface WorkingCopy {
  img: Float32Array;
  width: number;
  height: number;
  /** Working-copy pixels per photo pixel, across and down. */
  sx: number;
  sy: number;
}

/** Shrinks a luma image with the symmetric tent so its long side is at most maxSide. */
export function workingCopy(luma: Float32Array, width: number, height: number, maxSide: number): WorkingCopy {
  const long = Math.max(width, height);
  if (long <= maxSide) return { img: luma, width, height, sx: 1, sy: 1 };
  const scale = maxSide / long;
  const w = Math.max(1, Math.round(width * scale));
  const h = Math.max(1, Math.round(height * scale));
  const img = resample(luma, width, windowTent(width, w, 0, width), windowTent(height, h, 0, height));
  return { img, width: w, height: h, sx: w / width, sy: h / height };
}
