import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { coAction, type CoActionOptions } from './co-action.ts';
import type { Traces } from './traces.ts';
import { tracesOf } from '../../../test/support/traces-of.ts';

const S = 1000;

const traces = tracesOf;

// Accounts A=0 B=1 C=2 D=3; keys k0, k1; window 60 s, M = 2. Worked by hand:
//   k0: A@0, B@60 (Δ = 60 s, inclusive → pair), C@121 (61 s after B → none), D@30 (D has 1 trace → pruned first)
//   k1: A@10, B@10 (Δ = 0, A first by trace order), C@30 (pairs A and B at 20 s)
//   4 pairs; paired actions: A {0,3}, B {1,4}, C {5} → C fails M = 2 after pairing.
const worked = traces([
  [0, 0, 0, 0],
  [1, 0, 60, 1],
  [2, 0, 121, 2],
  [0, 1, 10, 3],
  [1, 1, 10, 4],
  [2, 1, 30, 5],
  [3, 0, 30, 6],
]);

function edgeRows(r: ReturnType<typeof coAction>): string[] {
  const e = r.edges;
  return Array.from({ length: e.count }, (_, i) => `${e.a[i]}-${e.b[i]} pairs=${e.pairs[i]} dt=${e.sumDt[i]} keys=${e.keys[i]}`);
}

test('hand-worked case, strict rule: only A–B survives, with exact totals and evidence', () => {
  const r = coAction(worked, { window: 60 * S, minParticipation: 2 });
  assert.deepEqual(edgeRows(r), ['0-1 pairs=2 dt=60000 keys=2']);
  // Both keys have 3 kept accounts, so each pair weighs 1 / log2(3).
  assert.ok(Math.abs(r.edges.weighted[0]! - 2 / Math.log2(3)) < 1e-12);
  const ev = r.pairs;
  assert.equal(ev.count, 2);
  assert.deepEqual([...ev.a], [0, 0]);
  assert.deepEqual([...ev.b], [1, 1]);
  assert.deepEqual([...ev.key], [0, 1]);
  assert.deepEqual([...ev.actionA], [0, 3]);
  assert.deepEqual([...ev.actionB], [1, 4]);
  assert.deepEqual([...ev.dt], [60000, 0]);
  assert.deepEqual([...r.passed], [1, 1, 0, 0]);
  assert.equal(r.stats.pairsCounted, 4);
  assert.equal(r.stats.accountsKept, 3);
  assert.deepEqual(r.cappedKeys, []);
});

test('hand-worked case, CooRTweet rule: a pair stays when either account passes', () => {
  const r = coAction(worked, { window: 60 * S, minParticipation: 2, rule: 'coortweet' });
  assert.deepEqual(edgeRows(r), ['0-1 pairs=2 dt=60000 keys=2', '0-2 pairs=1 dt=20000 keys=1', '1-2 pairs=1 dt=20000 keys=1']);
});

test('the window is inclusive: one ms less drops the 60 s pair', () => {
  const r = coAction(worked, { window: 60 * S - 1, minParticipation: 1 });
  assert.ok(!edgeRows(r).some((e) => e.startsWith('0-1') && e.includes('keys=2')));
  assert.ok(edgeRows(r).includes('0-1 pairs=1 dt=0 keys=1'));
});

test('loops: same account or same action never pair', () => {
  const r = coAction(
    traces([
      [0, 0, 0, 0],
      [0, 0, 1, 1],
      [1, 0, 2, 2],
      [2, 0, 3, 2],
    ]),
    { window: 10 * S, minParticipation: 1 },
  );
  // 0–1 twice (actions 0 and 1 with action 2), 0–2 twice, 1–2 never (both are action 2).
  assert.deepEqual(edgeRows(r), ['0-1 pairs=2 dt=3000 keys=1', '0-2 pairs=2 dt=5000 keys=1']);
});

const burst = traces([0, 1, 2, 3, 4].map((a) => [a, 0, 0, a] as [number, number, number, number]));

test('a popular key keeps exact counts but caps its evidence, and is reported', () => {
  const r = coAction(burst, { window: 0, minParticipation: 1, evidencePerKey: 3 });
  assert.equal(r.edges.count, 10);
  assert.equal(r.stats.pairsCounted, 10);
  assert.equal(r.pairs.count, 3);
  assert.deepEqual(r.cappedKeys, [{ key: 0, traces: 5, accounts: 5, pairs: 10, evidenceKept: 3, skipped: false }]);
});

test('a key beyond maxPairsPerKey is not enumerated and is reported as skipped', () => {
  const r = coAction(burst, { window: 0, minParticipation: 1, maxPairsPerKey: 9 });
  assert.equal(r.edges.count, 0);
  assert.deepEqual(r.cappedKeys, [{ key: 0, traces: 5, accounts: 5, pairs: 10, evidenceKept: 0, skipped: true }]);
});

// The obvious O(n²) oracle: every two traces of a key, then the same participation rules.
function bruteForce(t: Traces, o: CoActionOptions): string[] {
  const per = new Map<number, number>();
  for (let i = 0; i < t.count; i++) per.set(t.account[i]!, (per.get(t.account[i]!) ?? 0) + 1);
  const ok = (i: number) => per.get(t.account[i]!)! >= o.minParticipation;
  const found: [number, number, number, number][] = [];
  for (let i = 0; i < t.count; i++) {
    for (let j = i + 1; j < t.count; j++) {
      if (!ok(i) || !ok(j) || t.key[i] !== t.key[j] || t.account[i] === t.account[j] || t.action[i] === t.action[j]) continue;
      const dt = Math.abs(t.time[i]! - t.time[j]!);
      if (dt <= o.window) found.push([t.account[i]!, t.account[j]!, t.key[i]!, dt]);
    }
  }
  const paired = new Set<number>();
  for (let i = 0; i < t.count; i++) {
    for (let j = 0; j < t.count; j++) {
      if (i === j || !ok(i) || !ok(j) || t.key[i] !== t.key[j] || t.account[i] === t.account[j]) continue;
      if (t.action[i] !== t.action[j] && Math.abs(t.time[i]! - t.time[j]!) <= o.window) paired.add(t.action[i]!);
    }
  }
  const actionsOf = new Map<number, Set<number>>();
  for (let i = 0; i < t.count; i++) {
    if (ok(i) && paired.has(t.action[i]!)) actionsOf.set(t.account[i]!, (actionsOf.get(t.account[i]!) ?? new Set()).add(t.action[i]!));
  }
  const pass = (a: number) => (actionsOf.get(a)?.size ?? 0) >= o.minParticipation;
  const edges = new Map<string, { pairs: number; dt: number; keys: Set<number> }>();
  for (const [x, y, k, dt] of found) {
    const [a, b] = x < y ? [x, y] : [y, x];
    if (!pass(a) || !pass(b)) continue;
    const e = edges.get(`${a}-${b}`) ?? { pairs: 0, dt: 0, keys: new Set<number>() };
    e.pairs++;
    e.dt += dt;
    e.keys.add(k);
    edges.set(`${a}-${b}`, e);
  }
  return [...edges.entries()]
    .sort(([p], [q]) => Number(p.split('-')[0]) - Number(q.split('-')[0]) || Number(p.split('-')[1]) - Number(q.split('-')[1]))
    .map(([id, e]) => `${id} pairs=${e.pairs} dt=${e.dt} keys=${e.keys.size}`);
}

const arbTraces = fc
  .array(fc.tuple(fc.nat(5), fc.nat(3), fc.nat(100), fc.nat(40)), { maxLength: 40 })
  .map((rows) => traces(rows));

test('property: the sweep finds exactly the pairs of the brute-force oracle', () => {
  fc.assert(
    fc.property(arbTraces, fc.nat(30), fc.integer({ min: 1, max: 3 }), (t, w, m) => {
      const o = { window: w * S, minParticipation: m };
      assert.deepEqual(edgeRows(coAction(t, o)), bruteForce(t, o));
    }),
    { numRuns: 300, seed: 42 },
  );
});

test('property: row order does not matter (edges and the evidence set)', () => {
  fc.assert(
    fc.property(arbTraces, fc.nat(30), (t, w) => {
      const o = { window: w * S, minParticipation: 1, rule: 'coortweet' as const };
      const rev = Int32Array.from({ length: t.count }, (_, i) => t.count - 1 - i);
      const flipped: Traces = {
        count: t.count,
        account: t.account.map((_, i) => t.account[rev[i]!]!),
        key: t.key.map((_, i) => t.key[rev[i]!]!),
        time: t.time.map((_, i) => t.time[rev[i]!]!),
        action: t.action.map((_, i) => t.action[rev[i]!]!),
      };
      assert.deepEqual(edgeRows(coAction(flipped, o)), edgeRows(coAction(t, o)));
      const set = (r: ReturnType<typeof coAction>) =>
        Array.from({ length: r.pairs.count }, (_, i) => {
          const ends = [`${r.pairs.a[i]}/${r.pairs.actionA[i]}`, `${r.pairs.b[i]}/${r.pairs.actionB[i]}`].sort();
          return `${r.pairs.key[i]} ${ends.join(' ')} ${r.pairs.dt[i]}`;
        }).sort();
      assert.deepEqual(set(coAction(flipped, o)), set(coAction(t, o)));
    }),
    { numRuns: 200, seed: 7 },
  );
});

test('property: edges are unordered pairs (a < b) and evidence runs forward in time', () => {
  fc.assert(
    fc.property(arbTraces, fc.nat(30), (t, w) => {
      const r = coAction(t, { window: w * S, minParticipation: 1 });
      for (let i = 0; i < r.edges.count; i++) assert.ok(r.edges.a[i]! < r.edges.b[i]!);
      for (let i = 0; i < r.pairs.count; i++) assert.ok(r.pairs.dt[i]! >= 0 && r.pairs.dt[i]! <= w * S);
    }),
    { numRuns: 100, seed: 3 },
  );
});
