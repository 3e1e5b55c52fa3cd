import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { coAction } from './co-action.ts';
import { benjaminiHochberg, bhStopLevel, poissonUpperTail, significance } from './significance.ts';
import { precisionWarnings, SPEEDS } from './speeds.ts';
import type { Traces } from './traces.ts';
import { tracesOf } from '../../../test/support/traces-of.ts';

const S = 1000;
const traces = tracesOf;

// Hand-worked, window 10 s, M = 1. A=0/B=1 meet on keys 0–2 (1 s apart): 3 pairs. C=2/D=3 share keys 3–10 but
// 1000 s apart: no pairs. E=4/F=5 meet on keys 11–16: 6 pairs. Every key has 2 traces, so all 34 traces can pair:
// n_A = n_B = 3, n_C = n_D = 8, n_E = n_F = 6, N = 34, P = 9.
//   μ_AB = 2·3·3·(9 − 3 + 1)/34² = 126/1156,  μ_EF = 2·6·6·(9 − 6 + 1)/34² = 288/1156.
function handWorked(): Traces {
  const rows: [number, number, number, number][] = [];
  let action = 0;
  for (let k = 0; k < 3; k++) rows.push([0, k, 100 * k, action++], [1, k, 100 * k + 1, action++]);
  for (let k = 3; k < 11; k++) rows.push([2, k, 100 * k, action++], [3, k, 100 * k + 1000, action++]);
  for (let k = 11; k < 17; k++) rows.push([4, k, 100 * k, action++], [5, k, 100 * k + 1, action++]);
  return traces(rows);
}

const poissonTail = (x: number, mu: number) => {
  let below = 0;
  let f = 1;
  for (let i = 0; i < x; i++) {
    if (i > 0) f *= i;
    below += (Math.exp(-mu) * mu ** i) / f;
  }
  return 1 - below;
};
const close = (a: number, b: number, rel = 1e-6) => assert.ok(Math.abs(a - b) <= rel * Math.abs(b), `${a} ≉ ${b}`);

test('hand-worked: expected meetings, z, p and BH q under the configuration null', () => {
  const t = handWorked();
  const kernel = coAction(t, { window: 10 * S, minParticipation: 1 });
  assert.equal(kernel.stats.pairsCounted, 9);
  const r = significance(t, kernel, { window: 10 * S, minParticipation: 1 });
  assert.deepEqual([...r.a], [0, 4]);
  assert.deepEqual([...r.b], [1, 5]);
  const muAB = 126 / 1156;
  const muEF = 288 / 1156;
  close(r.expected[0]!, muAB, 1e-12);
  close(r.expected[1]!, muEF, 1e-12);
  close(r.z[0]!, (3 - muAB) / Math.sqrt(muAB), 1e-12);
  close(r.p[0]!, poissonTail(3, muAB));
  close(r.p[1]!, poissonTail(6, muEF));
  close(r.lift[1]!, 6 / muEF, 1e-12);
  // BH with m = 2: the smaller p (E–F) is doubled unless the larger one is smaller; the larger keeps its p.
  close(r.q[0]!, r.p[0]!, 1e-12);
  close(r.q[1]!, Math.min(2 * r.p[1]!, r.p[0]!), 1e-12);
  assert.deepEqual([...r.significant], [1, 1]);
});

test('meeting on a single key is never significant (minKeys = 2), however many pairs', () => {
  // G and H post three times each within one second on one key: 9 pairs, 1 key.
  const rows: [number, number, number, number][] = [];
  for (let i = 0; i < 3; i++) rows.push([0, 0, i * 0.1, i], [1, 0, 0.5 + i * 0.1, 10 + i]);
  for (let k = 1; k < 20; k++) rows.push([2, k, 0, 100 + k], [3, k, 5000, 200 + k]);
  const t = traces(rows);
  const kernel = coAction(t, { window: 10 * S, minParticipation: 1 });
  const r = significance(t, kernel, { window: 10 * S, minParticipation: 1, alpha: 1 });
  assert.equal(kernel.edges.pairs[0], 9);
  assert.equal(r.significant[0], 0);
  assert.equal(significance(t, kernel, { window: 10 * S, minParticipation: 1, alpha: 1, minKeys: 1 }).significant[0], 1);
});

test('Poisson upper tail: hand values, tiny tails without cancellation, both branches', () => {
  close(poissonUpperTail(1, 0.5), 1 - Math.exp(-0.5), 1e-12);
  close(poissonUpperTail(2, 3), 1 - 4 * Math.exp(-3), 1e-12);
  // P(X ≥ 40 | μ = 1) ≈ e^{-1}/40! · (1 + 1/41 + …): far below double precision of 1 − CDF.
  const lf40 = Array.from({ length: 40 }, (_, i) => Math.log(i + 1)).reduce((s, v) => s + v, 0);
  close(poissonUpperTail(40, 1), Math.exp(-1 - lf40) * (1 + 1 / 41 + 1 / (41 * 42) + 1 / (41 * 42 * 43)), 1e-6);
  assert.equal(poissonUpperTail(0, 2), 1);
  assert.equal(poissonUpperTail(3, 0), 0);
});

test('Benjamini–Hochberg: R p.adjust(c(0.01, 0.04, 0.03, 0.2), "BH") = 0.04 0.0533 0.0533 0.2', () => {
  const q = benjaminiHochberg(Float64Array.of(0.01, 0.04, 0.03, 0.2));
  assert.deepEqual([...q].map((x) => x.toFixed(4)), ['0.0400', '0.0533', '0.0533', '0.2000']);
});

test('Benjamini–Hochberg with untested hypotheses: R p.adjust(c(0.01, 0.04, 1, 1), "BH")[1:2] = 0.04 0.08', () => {
  const q = benjaminiHochberg(Float64Array.of(0.01, 0.04), 2);
  assert.deepEqual([...q].map((x) => x.toFixed(4)), ['0.0400', '0.0800']);
});

test('property: untested hypotheses count as p = 1 (same q as the padded list)', () => {
  fc.assert(
    fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 30 }), fc.nat(20), (ps, extra) => {
      const padded = benjaminiHochberg(Float64Array.from([...ps, ...Array<number>(extra).fill(1)]));
      assert.deepEqual([...benjaminiHochberg(Float64Array.from(ps), extra)], [...padded.subarray(0, ps.length)]);
    }),
    { numRuns: 300, seed: 9 },
  );
});

test('property: BH equals the textbook definition (sort by p, ties by index, running minimum from the top)', () => {
  const reference = (p: Float64Array, untested: number): Float64Array => {
    const m = p.length + untested;
    const idx = Array.from({ length: p.length }, (_, i) => i).sort((x, y) => p[x]! - p[y]! || x - y);
    const q = new Float64Array(p.length);
    let running = 1;
    for (let r = p.length - 1; r >= 0; r--) {
      running = Math.min(running, (p[idx[r]!]! * m) / (r + 1));
      q[idx[r]!] = running;
    }
    return q;
  };
  // Few distinct values (many ties, −0 next to 0, subnormals) and any doubles in [0, 1] or beyond.
  const value = fc.oneof(
    fc.constantFrom(0, -0, 1, 0.5, 0.01, 5e-324, 1e-300, 2),
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.double({ min: -1, max: 3, noNaN: true }),
  );
  fc.assert(
    fc.property(fc.array(value, { maxLength: 200 }), fc.nat(20), (ps, extra) => {
      const p = Float64Array.from(ps);
      assert.deepEqual([...benjaminiHochberg(p, extra)], [...reference(p, extra)]);
    }),
    { numRuns: 400, seed: 11 },
  );
});

const arbTraces = fc
  .array(fc.tuple(fc.nat(5), fc.nat(4), fc.nat(200), fc.nat(1000)), { minLength: 2, maxLength: 40 })
  .map((rows) => traces(rows.map((r, i) => [r[0], r[1], r[2], i] as [number, number, number, number])));

test('property: row order does not matter, and no hidden state (same input, identical output)', () => {
  fc.assert(
    fc.property(arbTraces, fc.nat(30), fc.integer({ min: 1, max: 3 }), (t, w, m) => {
      const o = { window: w * S, minParticipation: m };
      const first = coAction(t, o);
      const r = significance(t, first, o);
      assert.deepEqual(significance(t, coAction(t, o), o), r);
      const n = t.count;
      const rev = <T extends Int32Array | Float64Array>(arr: T) => arr.map((_, i) => arr[n - 1 - i]!) as T;
      const flipped: Traces = { count: n, account: rev(t.account), key: rev(t.key), time: rev(t.time), action: rev(t.action) };
      const f = significance(flipped, coAction(flipped, o), o);
      assert.deepEqual([...f.p], [...r.p]);
      assert.deepEqual([...f.a], [...r.a]);
      for (let e = 0; e < r.count; e++) assert.ok(r.p[e]! >= 0 && r.p[e]! <= 1 && r.q[e]! >= r.p[e]!);
    }),
    { numRuns: 150, seed: 5 },
  );
});

test('speeds and the precision warning', () => {
  assert.deepEqual(SPEEDS, { seconds: 10_000, minutes: 600_000, day: 86_400_000 });
  // precision indices: 1 = s, 2 = min. Three of four actions have minutes.
  const w = precisionWarnings(Uint8Array.of(2, 2, 2, 1), SPEEDS.seconds);
  assert.equal(w.length, 1);
  assert.equal(w[0]!.precision, 'min');
  assert.equal(w[0]!.actions, 3);
  assert.equal(w[0]!.share, 0.75);
  assert.deepEqual(precisionWarnings(Uint8Array.of(2, 2), SPEEDS.minutes), []);
});

test('property: BH ranking only the p-values at or below the stop level rejects the same tests with the same q ≤ alpha', () => {
  fc.assert(
    fc.property(
      fc.array(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 0.02, noNaN: true }), fc.constantFrom(0, 1)), { maxLength: 80 }),
      fc.nat(50),
      fc.constantFrom(0.01, 0.05, 0.2),
      (ps, untested, alpha) => {
        const p = Float64Array.from(ps);
        const full = benjaminiHochberg(p, untested);
        const fast = benjaminiHochberg(p, untested, bhStopLevel(alpha, p.length, untested));
        for (let i = 0; i < p.length; i++) {
          assert.equal(fast[i]! <= alpha, full[i]! <= alpha);
          if (full[i]! <= alpha) assert.equal(fast[i], full[i]);
          else assert.ok(fast[i]! >= full[i]!);
        }
      },
    ),
  );
});

test('property: BH with p-values of some untested hypotheses equals BH of the full list, for the tested ones', () => {
  const p01 = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 0.01, 0.5, 1));
  fc.assert(
    fc.property(fc.array(p01, { maxLength: 60 }), fc.array(p01, { maxLength: 60 }), fc.nat(20), fc.constantFrom(Infinity, 0.05, 0.2), (ps, us, rest, level) => {
      const p = Float64Array.from(ps);
      const full = benjaminiHochberg(Float64Array.from([...ps, ...us]), rest, level);
      const part = benjaminiHochberg(p, us.length + rest, level, Float64Array.from(us));
      assert.deepEqual([...part], [...full.subarray(0, p.length)]);
    }),
    { numRuns: 400 },
  );
});

// Dense traces (few accounts and keys, times within a minute): edges met on two keys beside one-key edges.
const denseTraces = fc
  .array(fc.tuple(fc.nat(4), fc.nat(3), fc.nat(60)), { minLength: 6, maxLength: 40 })
  .map((rows) => traces(rows.map((r, i) => [r[0], r[1], r[2], i] as [number, number, number, number])));

test('property: the configuration null on edges of two keys, the one-key edges ranked apart, gives the full kernel’s results', () => {
  fc.assert(
    fc.property(denseTraces, fc.nat(30), fc.integer({ min: 1, max: 2 }), fc.constantFrom(0.05, 0.5, 1), (t, w, m, alpha) => {
      const o = { window: w * S, minParticipation: m, alpha };
      const full = significance(t, coAction(t, o), o);
      const sparse = significance(t, coAction(t, { ...o, edgeMinKeys: 2, keepDropped: true }), o);
      const two = coAction(t, o).edges.keys;
      const kept = [...full.a.keys()].filter((e) => two[e]! >= 2);
      assert.equal(sparse.count, kept.length);
      for (const [i, e] of kept.entries()) {
        assert.deepEqual(
          [sparse.a[i], sparse.b[i], sparse.p[i], sparse.q[i], sparse.z[i], sparse.significant[i]],
          [full.a[e], full.b[e], full.p[e], full.q[e], full.z[e], full.significant[e]],
        );
      }
      assert.equal(sparse.significant.reduce((s, x) => s + x, 0), full.significant.reduce((s, x) => s + x, 0));
    }),
    { numRuns: 300 },
  );
});
