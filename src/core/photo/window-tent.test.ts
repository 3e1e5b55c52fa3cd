import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { resample, windowTent, workingCopy } from './window-tent.ts';

function image(w: number, h: number, seed: number): Float32Array {
  let s = seed >>> 0 || 1;
  return new Float32Array(w * h).map(() => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) % 256;
  });
}

const mirror = (img: Float32Array, w: number): Float32Array => img.map((_, i) => img[Math.floor(i / w) * w + (w - 1 - (i % w))]!);

test('every sample’s weights sum to 1 and stay inside the axis', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 900 }), fc.integer({ min: 1, max: 200 }), fc.double({ min: 0.5, max: 1, noNaN: true }), (n, m, frac) => {
      const len = n * frac;
      const t = windowTent(n, m, (n - len) / 2, len);
      for (let s = 0; s < m; s++) {
        let sum = 0;
        for (let k = 0; k < t.taps; k++) sum += t.weights[s * t.taps + k]!;
        assert.ok(Math.abs(sum - 1) < 1e-9, `n=${n} m=${m} s=${s}: ${sum}`);
        assert.ok(t.starts[s]! >= 0 && t.starts[s]! + t.taps <= n);
      }
    }),
    { seed: 17, numRuns: 200 },
  );
});

test('centred windows commute with mirroring: resample(mirror(x)) = mirror(resample(x))', () => {
  fc.assert(
    fc.property(fc.integer({ min: 8, max: 400 }), fc.integer({ min: 8, max: 400 }), fc.constantFrom(1, 0.95, 0.9, 0.8), fc.nat(), (w, h, scale, seed) => {
      const img = image(w, h, seed);
      const work = workingCopy(img, w, h, 160);
      const workM = workingCopy(mirror(img, w), w, h, 160);
      const cw = work.width * scale;
      const cols = windowTent(work.width, 64, (work.width - cw) / 2, cw);
      const rows = windowTent(work.height, 64, 0, work.height);
      const a = mirror(resample(work.img, work.width, cols, rows), 64);
      const b = resample(workM.img, workM.width, cols, rows);
      for (let i = 0; i < 4096; i++) assert.ok(Math.abs(a[i]! - b[i]!) < 1e-3, `w=${w} h=${h} scale=${scale} cell ${i}`);
    }),
    { seed: 19, numRuns: 60 },
  );
});

test('a working copy keeps small photos as they are and shrinks large ones to the limit', () => {
  const small = image(120, 150, 1);
  assert.equal(workingCopy(small, 120, 150, 160).img, small);
  const big = workingCopy(image(1600, 1000, 2), 1600, 1000, 160);
  assert.deepEqual([big.width, big.height], [160, 100]);
  // A flat photo stays flat: the weights are an average.
  const flat = workingCopy(new Float32Array(500 * 400).fill(77), 500, 400, 160);
  assert.ok(flat.img.every((v) => Math.abs(v - 77) < 1e-3));
});

test('resample equals the straightforward sums (rows, then columns, taps in order) bit for bit', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 8, max: 700 }),
      fc.integer({ min: 8, max: 700 }),
      fc.integer({ min: 4, max: 160 }),
      fc.double({ min: 0.5, max: 1, noNaN: true }),
      fc.nat(),
      (w, h, m, frac, seed) => {
        const img = image(w, h, seed);
        const cols = windowTent(w, Math.min(m, w), (w * (1 - frac)) / 2, w * frac);
        const rows = windowTent(h, m, (h * (1 - frac)) / 3, h * frac);
        const direct = new Float32Array(rows.m * cols.m);
        for (let s = 0; s < rows.m; s++) {
          for (let j = 0; j < cols.m; j++) {
            let acc = 0;
            for (let c = 0; c < cols.taps; c++) {
              const x = cols.starts[j]! + c;
              let v = 0;
              for (let k = 0; k < rows.taps; k++) v += rows.weights[s * rows.taps + k]! * img[(rows.starts[s]! + k) * w + x]!;
              acc += cols.weights[j * cols.taps + c]! * v;
            }
            direct[s * cols.m + j] = acc;
          }
        }
        assert.deepEqual(resample(img, w, cols, rows), direct);
      },
    ),
    { seed: 37, numRuns: 60 },
  );
});
