import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { coAction } from './co-action.ts';
import { sweepEvidence } from './pair-evidence.ts';
import { tracesOf } from '../../../test/support/traces-of.ts';

const S = 1000;

function rows(r: ReturnType<typeof coAction>, minKeys = 1): string[] {
  const e = r.edges;
  const out: string[] = [];
  for (let i = 0; i < e.count; i++) {
    if (e.keys[i]! < minKeys) continue;
    out.push(`${e.a[i]}-${e.b[i]} pairs=${e.pairs[i]} w=${e.weighted[i]} dt=${e.sumDt[i]} keys=${e.keys[i]}`);
  }
  return out;
}

// Accounts A=0, B=1, C=2 with M = 1, window 10 s. By hand:
//   k0: A@0 B@5 C@8 → A–B, A–C, B–C; k1: A@100 B@104 → A–B again; k2: B@200 C@300 (100 s apart → no pair).
//   A–B met on 2 keys (kept); A–C and B–C on 1 key each (counted as dropped).
const hand = tracesOf([
  [0, 0, 0, 0], [1, 0, 5, 1], [2, 0, 8, 2],
  [0, 1, 100, 3], [1, 1, 104, 4],
  [1, 2, 200, 5], [2, 2, 300, 6],
]);

test('edgeMinKeys 2: the edge met on two keys is kept, the two one-key edges are only counted', () => {
  const r = coAction(hand, { window: 10 * S, minParticipation: 1, edgeMinKeys: 2 });
  assert.equal(r.edges.count, 1);
  assert.deepEqual([r.edges.a[0], r.edges.b[0], r.edges.pairs[0], r.edges.keys[0], r.edges.sumDt[0]], [0, 1, 2, 2, 9 * S]);
  // k0 has 3 accounts (w = 1/log2 3), k1 has 2 (w = 1).
  assert.equal(r.edges.weighted[0], 1 / Math.log2(3) + 1);
  assert.equal(r.droppedEdges, 2);
});

const arbTraces = fc
  .array(fc.tuple(fc.nat(6), fc.nat(3), fc.nat(100), fc.nat(40)), { maxLength: 50 })
  .map((r) => tracesOf(r));

test('property: account-by-account totals equal the pair table’s (bit for bit), the rest is counted', () => {
  fc.assert(
    fc.property(arbTraces, fc.nat(30), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 2, max: 3 }), (t, w, m, k) => {
      const o = { window: w * S, minParticipation: m };
      const full = coAction(t, o);
      const sparse = coAction(t, { ...o, edgeMinKeys: k });
      assert.deepEqual(rows(sparse), rows(full, k));
      assert.equal(sparse.droppedEdges, full.edges.count - rows(full, k).length);
    }),
    { numRuns: 300, seed: 11 },
  );
});

test('property: sweepEvidence keeps the kernel’s evidence rows of the wanted pairs, in order, the first `cap` of them per key', () => {
  fc.assert(
    fc.property(arbTraces, fc.nat(30), fc.integer({ min: 1, max: 12 }), (t, w, cap) => {
      const o = { window: w * S, minParticipation: 1 };
      const full = coAction(t, { ...o, evidencePerKey: Number.MAX_SAFE_INTEGER });
      const bare = coAction(t, { ...o, evidence: false });
      assert.equal(bare.pairs.count, 0);
      const wanted = (a: number, b: number) => (a + b) % 2 === 0;
      const swept = sweepEvidence(t, bare.segments, bare.segmentWeight, o.window, cap, wanted);
      // Skipping the traces of accounts in no wanted pair changes nothing (accounts are 0–6; the odd ones are in none).
      const involved = Uint8Array.from({ length: 7 }, (_, a) => (a % 2 === 0 ? 1 : 0));
      const evenOnly = (a: number, b: number) => a % 2 === 0 && b % 2 === 0;
      const masked = sweepEvidence(t, bare.segments, bare.segmentWeight, o.window, cap, evenOnly, involved);
      const plain = sweepEvidence(t, bare.segments, bare.segmentWeight, o.window, cap, evenOnly);
      assert.deepEqual([Array.from(masked.traceA), Array.from(masked.traceB)], [Array.from(plain.traceA), Array.from(plain.traceB)]);
      // The kernel's uncapped rows, filtered to the wanted pairs, then at most `cap` per key in sweep order.
      const perKey = new Map<number, number>();
      const pick = Array.from({ length: full.pairs.count }, (_, i) => i).filter((i) => {
        if (!wanted(full.pairs.a[i]!, full.pairs.b[i]!)) return false;
        const n = perKey.get(full.pairs.key[i]!) ?? 0;
        perKey.set(full.pairs.key[i]!, n + 1);
        return n < cap;
      });
      assert.deepEqual(Array.from(swept.traceA), pick.map((i) => full.pairs.traceA[i]!));
      assert.deepEqual(Array.from(swept.traceB), pick.map((i) => full.pairs.traceB[i]!));
    }),
    { numRuns: 300, seed: 5 },
  );
});

test('property: keepDropped returns the one-key edges of the pair table with their pair counts, and nothing else changes', () => {
  fc.assert(
    fc.property(arbTraces, fc.nat(30), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 2, max: 3 }), (t, w, m, k) => {
      const o = { window: w * S, minParticipation: m };
      const full = coAction(t, o);
      const kept = coAction(t, { ...o, edgeMinKeys: k, keepDropped: true });
      assert.deepEqual(rows(kept), rows(full, k));
      const d = kept.dropped!;
      assert.equal(d.count, kept.droppedEdges);
      const got = Array.from({ length: d.count }, (_, i) => `${d.a[i]}-${d.b[i]} pairs=${d.pairs[i]}`).sort();
      const want: string[] = [];
      for (let i = 0; i < full.edges.count; i++) {
        if (full.edges.keys[i]! < k) want.push(`${full.edges.a[i]}-${full.edges.b[i]} pairs=${full.edges.pairs[i]}`);
      }
      assert.deepEqual(got, want.sort());
      assert.equal(coAction(t, { ...o, edgeMinKeys: k }).dropped, undefined);
    }),
    { numRuns: 300 },
  );
});
