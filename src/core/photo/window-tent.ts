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
let tapW = new Float64Array(0);
let tapAt = new Int32Array(0);

/**
 * Applies a column tent and a row tent to a row-major image: an (rows.m x cols.m) result. Rows first, over
 * just the columns the column tent reads: its inner loop runs along a whole image row (long and contiguous),
 * and the short tap loops only run on the m output rows. Each sum runs over its taps in order from 0, so the
 * unrolled loops below give exactly (bit for bit) the straightforward double sums.
 */
export function resample(img: Float32Array, width: number, cols: WindowTent, rows: WindowTent): Float32Array {
  const mc = cols.m;
  const mr = rows.m;
  const c0 = cols.starts[0]!;
  const span = cols.starts[mc - 1]! + cols.taps - c0;
  if (scratch.length < mr * span) scratch = new Float64Array(mr * span);
  rowPass(img, width, c0, span, rows, scratch);
  const out = new Float32Array(mr * mc);
  colPass(scratch, span, c0, mr, cols, out);
  return out;
}

// t[s][x] = Σ_k w[s][k] · img[starts[s] + k][c0 + x] over the non-zero weights, in tap order.
function rowPass(img: Float32Array, width: number, c0: number, span: number, rows: WindowTent, t: Float64Array): void {
  const rTaps = rows.taps;
  const rW = rows.weights;
  const rS = rows.starts;
  if (tapW.length < rTaps) {
    tapW = new Float64Array(rTaps);
    tapAt = new Int32Array(rTaps);
  }
  const ws = tapW;
  const at = tapAt;
  for (let s = 0; s < rows.m; s++) {
    let n = 0;
    for (let k = 0; k < rTaps; k++) {
      const w = rW[s * rTaps + k]!;
      if (w === 0) continue;
      ws[n] = w;
      at[n++] = (rS[s]! + k) * width + c0;
    }
    const to = s * span;
    if (n === 3) {
      const w0 = ws[0]!, w1 = ws[1]!, w2 = ws[2]!;
      const a0 = at[0]!, a1 = at[1]!, a2 = at[2]!;
      for (let x = 0; x < span; x++) t[to + x] = w0 * img[a0 + x]! + w1 * img[a1 + x]! + w2 * img[a2 + x]!;
    } else if (n === 4) {
      const w0 = ws[0]!, w1 = ws[1]!, w2 = ws[2]!, w3 = ws[3]!;
      const a0 = at[0]!, a1 = at[1]!, a2 = at[2]!, a3 = at[3]!;
      for (let x = 0; x < span; x++) t[to + x] = w0 * img[a0 + x]! + w1 * img[a1 + x]! + w2 * img[a2 + x]! + w3 * img[a3 + x]!;
    } else if (n === 5) {
      const w0 = ws[0]!, w1 = ws[1]!, w2 = ws[2]!, w3 = ws[3]!, w4 = ws[4]!;
      const a0 = at[0]!, a1 = at[1]!, a2 = at[2]!, a3 = at[3]!, a4 = at[4]!;
      for (let x = 0; x < span; x++) {
        t[to + x] = w0 * img[a0 + x]! + w1 * img[a1 + x]! + w2 * img[a2 + x]! + w3 * img[a3 + x]! + w4 * img[a4 + x]!;
      }
    } else {
      t.fill(0, to, to + span);
      for (let k = 0; k < n; k++) {
        const w = ws[k]!;
        const a = at[k]!;
        for (let x = 0; x < span; x++) t[to + x] = t[to + x]! + w * img[a + x]!;
      }
    }
  }
}

// out[s][j] = Σ_k cW[j][k] · t[s][cS[j] + k] over all taps in order (a zero weight adds an exact 0). Four
// output rows at a time share each weight load. The same loop as jarosz.ts's sweep 1, kept apart on purpose: the
// array types are the other way round there (see the comment at that loop).
function colPass(t: Float64Array, span: number, c0: number, mr: number, cols: WindowTent, out: Float32Array): void {
  const mc = cols.m;
  const cTaps = cols.taps;
  const cW = cols.weights;
  const cS = cols.starts;
  let s = 0;
  for (; s + 4 <= mr; s += 4) {
    const to = s * span - c0;
    const o = s * mc;
    for (let j = 0; j < mc; j++) {
      const p = to + cS[j]!;
      const wo = j * cTaps;
      let a0 = 0, a1 = 0, a2 = 0, a3 = 0;
      for (let k = 0; k < cTaps; k++) {
        const w = cW[wo + k]!;
        const q = p + k;
        a0 += w * t[q]!;
        a1 += w * t[q + span]!;
        a2 += w * t[q + 2 * span]!;
        a3 += w * t[q + 3 * span]!;
      }
      out[o + j] = a0;
      out[o + mc + j] = a1;
      out[o + 2 * mc + j] = a2;
      out[o + 3 * mc + j] = a3;
    }
  }
  for (; s < mr; s++) {
    const to = s * span - c0;
    for (let j = 0; j < mc; j++) {
      let acc = 0;
      const p = to + cS[j]!;
      const wo = j * cTaps;
      for (let k = 0; k < cTaps; k++) acc += cW[wo + k]! * t[p + k]!;
      out[s * mc + j] = acc;
    }
  }
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
