import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { coAction } from './co-action.ts';
import { benjaminiHochberg, significance, upperTail } from './significance.ts';
import { precisionWarnings, SPEEDS } from './speeds.ts';
import type { Traces } from './traces.ts';

const S = 1000;
function traces(rows: readonly [account: number, key: number, seconds: number, action: number][]): Traces {
  return {
    count: rows.length,
    account: Int32Array.from(rows, (r) => r[0]),
    key: Int32Array.from(rows, (r) => r[1]),
    time: Float64Array.from(rows, (r) => r[2] * S),
    action: Int32Array.from(rows, (r) => r[3]),
  };
}

// Hand-worked. A=0 and B=1 share keys 0–2, each within 1 s. C=2 and D=3 share keys 3–10, each 1000 s apart.
// Every key has 2 traces (one size class): D_k = 1 distinct-account pair; P_k = 1 on keys 0–2, 0 on keys 3–10
// → π₀ = 3/11 for the class and overall.
// For A–B on key k the others are nobody: P' = D' = 0, so π_k = (0 + 1·3/11) / (0 + 1) = 3/11 = q_k (m_a = m_b = 1).
// X = 3 of Y = 3: μ = 9/11, var = 3·(3/11)(8/11) = 72/121, z = (24/11)/(√72/11) = 24/√72 = 2√2, p = (3/11)³.
function handWorked(): Traces {
  const rows: [number, number, number, number][] = [];
  let action = 0;
  for (let k = 0; k < 3; k++) rows.push([0, k, 100 * k, action++], [1, k, 100 * k + 1, action++]);
  for (let k = 3; k < 11; k++) rows.push([2, k, 100 * k, action++], [3, k, 100 * k + 1000, action++]);
  return traces(rows);
}

test('hand-worked: exact expected count, z and p for a pair that co-acts on all its common keys', () => {
  const t = handWorked();
  const r = significance(t, { count: 1, a: Int32Array.of(0), b: Int32Array.of(1) }, { window: 10 * S });
  assert.equal(r.baseRate, 3 / 11);
  assert.equal(r.commonKeys[0], 3);
  assert.equal(r.coKeys[0], 3);
  assert.ok(Math.abs(r.expected[0]! - 9 / 11) < 1e-12);
  assert.ok(Math.abs(r.z[0]! - 2 * Math.SQRT2) < 1e-12);
  assert.ok(Math.abs(r.p[0]! - 27 / 1331) < 1e-12);
  // One test: q = p = 0.0203 > 0.01 → not significant at the default alpha; significant at 0.05.
  assert.equal(r.significant[0], 0);
  const loose = significance(t, { count: 1, a: Int32Array.of(0), b: Int32Array.of(1) }, { window: 10 * S, alpha: 0.05 });
  assert.equal(loose.significant[0], 1);
});

test('one co-acted key is never significant, however small its p (minCoKeys = 2)', () => {
  const t = handWorked();
  // Only key 0 for A–B: drop their traces on keys 1 and 2.
  const rows: [number, number, number, number][] = [];
  for (let i = 0; i < t.count; i++) if (!(t.account[i]! < 2 && t.key[i]! > 0)) rows.push([t.account[i]!, t.key[i]!, t.time[i]! / S, t.action[i]!]);
  const edge = { count: 1, a: Int32Array.of(0), b: Int32Array.of(1) };
  const r = significance(traces(rows), edge, { window: 10 * S, alpha: 1 });
  assert.equal(r.coKeys[0], 1);
  assert.equal(r.significant[0], 0);
  assert.equal(significance(traces(rows), edge, { window: 10 * S, alpha: 1, minCoKeys: 1 }).significant[0], 1);
});

test('a key where everybody co-acts carries no evidence: bystanders raise the p-value', () => {
  const base = handWorked();
  const rows: [number, number, number, number][] = [];
  for (let i = 0; i < base.count; i++) rows.push([base.account[i]!, base.key[i]!, base.time[i]! / S, base.action[i]!]);
  // Ten more accounts pile onto key 0 within the same second.
  for (let x = 0; x < 10; x++) rows.push([10 + x, 0, 0, 100 + x]);
  const edge = { count: 1, a: Int32Array.of(0), b: Int32Array.of(1) };
  const quiet = significance(base, edge, { window: 10 * S });
  const crowded = significance(traces(rows), edge, { window: 10 * S });
  assert.ok(crowded.p[0]! > quiet.p[0]!);
});

test('upper tail: exact Poisson-binomial against hand values', () => {
  // Two fair coins: P(X ≥ 1) = 3/4, P(X ≥ 2) = 1/4.
  assert.equal(upperTail([0.5, 0.5], 1, 1, 0.5), 0.75);
  assert.equal(upperTail([0.5, 0.5], 2, 1, 0.5), 0.25);
  assert.equal(upperTail([0.2], 0, 0.2, 0.16), 1);
});

test('Benjamini–Hochberg: R p.adjust(c(0.01, 0.04, 0.03, 0.2), "BH") = 0.04 0.0533 0.0533 0.2', () => {
  const q = benjaminiHochberg(Float64Array.of(0.01, 0.04, 0.03, 0.2));
  assert.deepEqual([...q].map((x) => x.toFixed(4)), ['0.0400', '0.0533', '0.0533', '0.2000']);
});

const arbTraces = fc
  .array(fc.tuple(fc.nat(5), fc.nat(4), fc.nat(200), fc.nat(1000)), { minLength: 2, maxLength: 40 })
  .map((rows) => traces(rows.map((r, i) => [r[0], r[1], r[2], i] as [number, number, number, number])));

test('property: symmetric in a and b, and independent of row order', () => {
  fc.assert(
    fc.property(arbTraces, fc.nat(30), (t, w) => {
      const edges = coAction(t, { window: w * S, minParticipation: 1 }).edges;
      const r = significance(t, edges, { window: w * S });
      const swapped = significance(t, { count: edges.count, a: edges.b, b: edges.a }, { window: w * S });
      assert.deepEqual([...swapped.p], [...r.p]);
      assert.deepEqual([...swapped.z], [...r.z]);
      const n = t.count;
      const rev = (arr: Int32Array | Float64Array) => arr.map((_, i) => arr[n - 1 - i]!);
      const flipped: Traces = { count: n, account: rev(t.account) as Int32Array, key: rev(t.key) as Int32Array, time: rev(t.time) as Float64Array, action: rev(t.action) as Int32Array };
      const f = significance(flipped, edges, { window: w * S });
      assert.deepEqual([...f.p], [...r.p]);
      for (let e = 0; e < r.count; e++) assert.ok(r.p[e]! >= 0 && r.p[e]! <= 1 && r.coKeys[e]! <= r.commonKeys[e]!);
    }),
    { numRuns: 150, seed: 11 },
  );
});

test('property: no hidden state or randomness — the same input gives identical output twice', () => {
  fc.assert(
    fc.property(arbTraces, fc.nat(30), (t, w) => {
      const first = coAction(t, { window: w * S, minParticipation: 1 });
      const second = coAction(t, { window: w * S, minParticipation: 1 });
      assert.deepEqual(second, first);
      assert.deepEqual(significance(t, second.edges, { window: w * S }), significance(t, first.edges, { window: w * S }));
    }),
    { numRuns: 50, seed: 5 },
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
