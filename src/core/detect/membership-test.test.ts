import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { coAction } from './co-action.ts';
import { membershipTest, poissonBinomialTail, presences, type Presences } from './membership-test.ts';
import { benjaminiHochberg, bhStopLevel, significance } from './significance.ts';
import type { Traces } from './traces.ts';

function traces(rows: readonly [account: number, key: number, seconds: number][]): Traces {
  return {
    count: rows.length,
    account: Int32Array.from(rows, (r) => r[0]),
    key: Int32Array.from(rows, (r) => r[1]),
    time: Float64Array.from(rows, (r) => r[2] * 1000),
    action: Int32Array.from(rows, (_, i) => i),
  };
}

// Hand-worked. Keys 0–1: accounts 0 and 1 alone. Key 2: a crowd of 0, 1, 2, 3, 4, 5 (everybody at once).
// Key 3: 2 and 3. Account 6 acts once on key 4, alone (key dropped: fewer than 2 accounts).
// Sizes s = [2, 2, 6, 2], S = 12; d_0 = d_1 = 3, d_2 = d_3 = 2, d_4 = d_5 = 1.
//   Edge 0–1, X = 3 keys. Direction 0→1: pool S − d_1 = 9; s' = s − 1 on all three keys (1 is on each):
//     q = 1 − (1 − 1/9)³ on keys 0, 1 and 1 − (1 − 5/9)³ on key 2.
//   Edge 2–3, X = 2 (keys 2 and 3). Direction 2→3: pool 10, q = 1 − (1 − 5/10)² = 0.75 (key 2),
//     1 − (1 − 1/10)² = 0.19 (key 3): P(both) = 0.1425. Symmetric, so p = 0.1425.
function handWorked(): Traces {
  return traces([
    [0, 0, 0], [1, 0, 1], [0, 1, 100], [1, 1, 101],
    [0, 2, 200], [1, 2, 201], [2, 2, 202], [3, 2, 203], [4, 2, 204], [5, 2, 205],
    [2, 3, 300], [3, 3, 301], [6, 4, 400],
  ]);
}

test('presences: distinct keys per account over keys with ≥ 2 accounts', () => {
  const p = presences(handWorked(), 1);
  assert.equal(p.total, 12);
  assert.deepEqual([...p.size], [2, 2, 6, 2, 1]);
  assert.deepEqual([...p.key.subarray(p.start[0]!, p.start[1]!)], [0, 1, 2]);
  assert.deepEqual([...p.key.subarray(p.start[6]!, p.start[7]!)], []);
});

test('membership test: hand-worked p-values and expectations', () => {
  const t = handWorked();
  const edges = { count: 2, a: Int32Array.from([0, 2]), b: Int32Array.from([1, 3]), keys: Int32Array.from([3, 2]) };
  const r = membershipTest(t, edges, 1);
  const small = 1 - (8 / 9) ** 3;
  const crowd = 1 - (4 / 9) ** 3;
  assert.ok(Math.abs(r.p[0]! - small * small * crowd) < 1e-12);
  assert.ok(Math.abs(r.expected[0]! - (2 * small + crowd)) < 1e-12);
  assert.ok(Math.abs(r.p[1]! - 0.75 * 0.19) < 1e-12);
  assert.ok(Math.abs(r.expected[1]! - 0.94) < 1e-12);
});

test('membership test: meeting under a crowded key is expected, under quiet keys it is not', () => {
  // 40 accounts comment under 6 viral posts (everyone within a minute); accounts 0 and 1 also meet alone under
  // 6 quiet posts. Pairs of the crowd meet 6 times too, but the crowd explains them (each q_k ≈ 0.6).
  const rows: [number, number, number][] = [];
  for (let k = 0; k < 6; k++) for (let a = 0; a < 40; a++) rows.push([a, k, k * 1000 + a]);
  for (let k = 6; k < 12; k++) rows.push([0, k, k * 1000], [1, k, k * 1000 + 5]);
  const t = traces(rows);
  const kernel = coAction(t, { window: 60_000, minParticipation: 2 });
  const sig = significance(t, kernel, { window: 60_000, minParticipation: 2, null: 'membership' });
  const at = (a: number, b: number) => [...Array(sig.count).keys()].find((e) => sig.a[e] === a && sig.b[e] === b)!;
  assert.equal(sig.significant[at(0, 1)], 1);
  assert.equal(sig.significant[at(2, 3)], 0);
  assert.ok(sig.p[at(2, 3)]! > 0.05 && sig.q[at(0, 1)]! < 1e-4);
});

test('poissonBinomialTail: matches enumeration', () => {
  const q = [0.1, 0.5, 0.9, 0.3];
  for (let x = 0; x <= 5; x++) {
    let want = 0;
    for (let m = 0; m < 16; m++) {
      let pr = 1;
      let c = 0;
      for (let i = 0; i < 4; i++) {
        const on = (m >> i) & 1;
        c += on;
        pr *= on ? q[i]! : 1 - q[i]!;
      }
      if (c >= x) want += pr;
    }
    assert.ok(Math.abs(poissonBinomialTail(q, x) - want) < 1e-12, `x=${x}`);
  }
});

test('membership test: an edge met on fewer than minKeys keys gets p = 1 without a walk', () => {
  const edges = { count: 2, a: Int32Array.from([0, 2]), b: Int32Array.from([1, 3]), keys: Int32Array.from([3, 1]) };
  const r = membershipTest(handWorked(), edges, 1, 2);
  const full = membershipTest(handWorked(), edges, 1);
  assert.equal(r.p[1], 1);
  assert.ok(Math.abs(full.p[1]! - (1 - 0.25 * 0.81)) < 1e-12); // walked: P(X ≥ 1) for q = 0.75, 0.19
  assert.equal(r.p[0], full.p[0]);
});

test('property: stopping above a level keeps every p at or below it exact, and every other p above it', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.nat(7), fc.nat(9), fc.nat(300)), { maxLength: 80 }),
      fc.double({ min: 0.001, max: 0.9, noNaN: true }),
      (rows, level) => {
        const t = traces(rows);
        const kernel = coAction(t, { window: 60_000, minParticipation: 1 });
        const full = membershipTest(t, kernel.edges, 1);
        const cut = membershipTest(t, kernel.edges, 1, 1, level);
        for (let e = 0; e < full.count; e++) {
          if (full.p[e]! <= level) assert.deepEqual([cut.p[e], cut.z[e], cut.expected[e]], [full.p[e], full.z[e], full.expected[e]]);
          else assert.ok(cut.p[e]! > level && cut.p[e]! <= full.p[e]!);
        }
      },
    ),
    { numRuns: 300, seed: 13 },
  );
});

test('property: significance under the co-membership null stops at the BH level and rejects exactly what full p-values would', () => {
  // A group of accounts meets on several keys within seconds, among random comments: about a third of the cases
  // have significant edges, and some edges are stopped early.
  const data = fc.record({
    group: fc.integer({ min: 2, max: 6 }),
    shared: fc.integer({ min: 2, max: 8 }),
    noise: fc.array(fc.tuple(fc.nat(19), fc.nat(39), fc.nat(3000)), { maxLength: 200 }),
    alpha: fc.double({ min: 0.01, max: 0.5, noNaN: true }),
  });
  let rejected = 0;
  let stopped = 0;
  fc.assert(
    fc.property(data, ({ group, shared, noise, alpha }) => {
      const rows: [number, number, number][] = [];
      for (let k = 0; k < shared; k++) for (let a = 0; a < group; a++) rows.push([a, k * 5, k * 100 + a]);
      const t = traces([...rows, ...noise]);
      const o = { window: 60_000, minParticipation: 1 };
      // Edges met on one key are only counted by the kernel (tests with p = 1), as in layer-edges.ts.
      const kernel = coAction(t, { ...o, edgeMinKeys: 2 });
      const sig = significance(t, kernel, { ...o, alpha, null: 'membership', minKeys: 2 });
      const full = membershipTest(t, kernel.edges, 1, 2);
      const q = benjaminiHochberg(full.p, kernel.droppedEdges);
      const level = bhStopLevel(alpha, kernel.edges.count, kernel.droppedEdges);
      for (let e = 0; e < kernel.edges.count; e++) {
        const want = q[e]! <= alpha && kernel.edges.keys[e]! >= 2 ? 1 : 0;
        assert.equal(sig.significant[e], want);
        rejected += want;
        if (want === 1) assert.deepEqual([sig.p[e], sig.q[e], sig.z[e]], [full.p[e], q[e], full.z[e]]);
        if (full.p[e]! <= level) assert.equal(sig.p[e], full.p[e]);
        else assert.ok(sig.p[e]! > level);
        if (sig.p[e] !== full.p[e]) stopped++;
      }
    }),
    { numRuns: 300, seed: 29 },
  );
  assert.ok(rejected > 100 && stopped > 10, `rejected ${rejected}, stopped ${stopped}`);
});

test('bhStopLevel: alpha scaled by the share of tests with p-values', () => {
  assert.equal(bhStopLevel(0.05, 10, 90), 0.005);
  assert.equal(bhStopLevel(0.05, 0, 0), 0.05);
  // At the level itself BH can still reject: n tests all at p = alpha·n/m give q = alpha.
  const p = new Float64Array(10).fill(bhStopLevel(0.05, 10, 90));
  assert.ok(Math.abs(benjaminiHochberg(p, 90)[0]! - 0.05) < 1e-15);
});

/** The reference: distinct (account, key) codes of kept accounts, sorted, counted per key, then grouped per account. */
function sortedPresences(traces: Traces, minParticipation: number): Presences {
  const perAccount = new Map<number, number>();
  for (let t = 0; t < traces.count; t++) perAccount.set(traces.account[t]!, (perAccount.get(traces.account[t]!) ?? 0) + 1);
  let accounts = 0;
  let keys = 0;
  for (let t = 0; t < traces.count; t++) {
    accounts = Math.max(accounts, traces.account[t]! + 1);
    keys = Math.max(keys, traces.key[t]! + 1);
  }
  const codes = new Set<number>();
  for (let t = 0; t < traces.count; t++) {
    if (perAccount.get(traces.account[t]!)! >= minParticipation) codes.add(traces.account[t]! * keys + traces.key[t]!);
  }
  const sorted = [...codes].sort((x, y) => x - y);
  const size = new Float64Array(keys);
  for (const c of sorted) size[c % keys]!++;
  const start = new Int32Array(accounts + 1);
  const kept: number[] = [];
  for (const c of sorted) {
    const k = c % keys;
    if (size[k]! < 2) continue;
    start[(c - k) / keys + 1]!++;
    kept.push(k);
  }
  for (let a = 0; a < accounts; a++) start[a + 1]! += start[a]!;
  return { start, key: Int32Array.from(kept), size, total: kept.length };
}

test('property: presences from the kernel\'s segments, or sorted here, equal the sorted reference', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.nat(12), fc.nat(15), fc.nat(500)), { maxLength: 150 }), fc.integer({ min: 1, max: 3 }), (rows, m) => {
      const t = traces(rows);
      const kernel = coAction(t, { window: 60_000, minParticipation: m });
      const want = sortedPresences(t, m);
      assert.deepStrictEqual(presences(t, m, kernel.segments), want);
      assert.deepStrictEqual(presences(t, m), want);
    }),
    { numRuns: 500, seed: 31 },
  );
});
