import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { coAction } from './co-action.ts';
import { timingTest, upperTail } from './timing-test.ts';
import type { Traces } from './traces.ts';
import { tracesOf } from '../../../test/support/traces-of.ts';

const S = 1000;
const traces = tracesOf;

// Hand-worked. A=0 and B=1 share keys 0–2, each within 1 s. C=2 and D=3 share keys 3–10, each 1000 s apart.
// Every key has 2 traces (one size class): D_k = 1 distinct-account pair; P_k = 1 on keys 0–2, 0 on keys 3–10
// → π₀ = 3/11 for the class and overall. For A–B on key k the others are nobody: P' = D' = 0, so
// π_k = (0 + 1·3/11) / (0 + 1) = 3/11 = q_k (m_a = m_b = 1).
// X = 3 of Y = 3: μ = 9/11, var = 3·(3/11)(8/11) = 72/121, z = (24/11)/(√72/11) = 24/√72 = 2√2, p = (3/11)³.
function handWorked(): Traces {
  const rows: [number, number, number, number][] = [];
  let action = 0;
  for (let k = 0; k < 3; k++) rows.push([0, k, 100 * k, action++], [1, k, 100 * k + 1, action++]);
  for (let k = 3; k < 11; k++) rows.push([2, k, 100 * k, action++], [3, k, 100 * k + 1000, action++]);
  return traces(rows);
}
const AB = { count: 1, a: Int32Array.of(0), b: Int32Array.of(1) };

test('hand-worked: exact expected count, z and p for a pair that co-acts on all its common keys', () => {
  const r = timingTest(handWorked(), AB, { window: 10 * S });
  assert.equal(r.baseRate, 3 / 11);
  assert.equal(r.commonKeys[0], 3);
  assert.equal(r.coKeys[0], 3);
  assert.ok(Math.abs(r.expected[0]! - 9 / 11) < 1e-12);
  assert.ok(Math.abs(r.z[0]! - 2 * Math.SQRT2) < 1e-12);
  assert.ok(Math.abs(r.p[0]! - 27 / 1331) < 1e-12);
});

test('a key where everybody co-acts carries no evidence: bystanders raise the p-value', () => {
  const base = handWorked();
  const rows: [number, number, number, number][] = [];
  for (let i = 0; i < base.count; i++) rows.push([base.account[i]!, base.key[i]!, base.time[i]! / S, base.action[i]!]);
  for (let x = 0; x < 10; x++) rows.push([10 + x, 0, 0, 100 + x]);
  const quiet = timingTest(base, AB, { window: 10 * S });
  const crowded = timingTest(traces(rows), AB, { window: 10 * S });
  assert.ok(crowded.p[0]! > quiet.p[0]!);
});

test('upper tail: exact Poisson-binomial against hand values', () => {
  // Two fair coins: P(X ≥ 1) = 3/4, P(X ≥ 2) = 1/4.
  assert.equal(upperTail([0.5, 0.5], 1, 1, 0.5), 0.75);
  assert.equal(upperTail([0.5, 0.5], 2, 1, 0.5), 0.25);
  assert.equal(upperTail([0.2], 0, 0.2, 0.16), 1);
});

const arbTraces = fc
  .array(fc.tuple(fc.nat(5), fc.nat(4), fc.nat(200), fc.nat(1000)), { minLength: 2, maxLength: 40 })
  .map((rows) => traces(rows.map((r, i) => [r[0], r[1], r[2], i] as [number, number, number, number])));

test('property: symmetric in a and b, and independent of row order', () => {
  fc.assert(
    fc.property(arbTraces, fc.nat(30), (t, w) => {
      const edges = coAction(t, { window: w * S, minParticipation: 1 }).edges;
      const r = timingTest(t, edges, { window: w * S });
      const swapped = timingTest(t, { count: edges.count, a: edges.b, b: edges.a }, { window: w * S });
      assert.deepEqual([...swapped.p], [...r.p]);
      assert.deepEqual([...swapped.z], [...r.z]);
      const n = t.count;
      const rev = <T extends Int32Array | Float64Array>(arr: T) => arr.map((_, i) => arr[n - 1 - i]!) as T;
      const flipped: Traces = { count: n, account: rev(t.account), key: rev(t.key), time: rev(t.time), action: rev(t.action) };
      assert.deepEqual([...timingTest(flipped, edges, { window: w * S }).p], [...r.p]);
      for (let e = 0; e < r.count; e++) assert.ok(r.p[e]! >= 0 && r.p[e]! <= 1 && r.coKeys[e]! <= r.commonKeys[e]!);
    }),
    { numRuns: 150, seed: 11 },
  );
});
