// Hand-worked ranking metrics: five accounts with a tie across the troll/organic line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { averagePrecision, prCurve, precisionAtK, rankAccounts, thinCurve, thresholdMetrics, type ScoredAccount } from './ranking.ts';

const close = (actual: number, expected: number, eps = 1e-12): void =>
  assert.ok(Math.abs(actual - expected) <= eps, `${actual} ≠ ${expected}`);

// a 0.9 troll, b 0.8 organic, c 0.7 troll, d 0.7 organic, e 0.1 troll — 3 trolls.
const five: ScoredAccount[] = [
  { key: 'd', score: 0.7, troll: false },
  { key: 'e', score: 0.1, troll: true },
  { key: 'a', score: 0.9, troll: true },
  { key: 'c', score: 0.7, troll: true },
  { key: 'b', score: 0.8, troll: false },
];

test('threshold 0.7 flags a, b, c, d: precision 1/2, recall 2/3, F1 4/7', () => {
  const m = thresholdMetrics(five, 0.7);
  assert.deepEqual([m.flagged, m.truePositives, m.falsePositives, m.falseNegatives], [4, 2, 2, 1]);
  close(m.precision, 0.5);
  close(m.recall, 2 / 3);
  close(m.f1, 4 / 7);
  const none = thresholdMetrics(five, 0.95);
  assert.deepEqual([none.flagged, none.precision, none.recall, none.f1], [0, 0, 0, 0]);
});

test('curve steps once per distinct score and AP = (1 + ½ + 0.6)/3 = 0.7', () => {
  const curve = prCurve(rankAccounts(five));
  assert.deepEqual(
    curve.map((p) => [p.threshold, p.flagged]),
    [[0.9, 1], [0.8, 2], [0.7, 4], [0.1, 5]],
  );
  // P, R at each step: (1, ⅓) (½, ⅓) (½, ⅔) (⅗, 1) → AP = ⅓·1 + 0·½ + ⅓·½ + ⅓·⅗.
  close(averagePrecision(curve), 0.7);
});

test('precision@k breaks the tie at 0.7 by key and caps k at the number of accounts', () => {
  const ranked = rankAccounts(five);
  assert.deepEqual(ranked.map((a) => a.key), ['a', 'b', 'c', 'd', 'e']);
  assert.deepEqual(precisionAtK(ranked, 2), { k: 2, ranked: 2, precision: 0.5, trolls: 1, organic: 1 });
  close(precisionAtK(ranked, 3).precision, 2 / 3);
  assert.deepEqual(precisionAtK(ranked, 10), { k: 10, ranked: 5, precision: 0.6, trolls: 3, organic: 2 });
  assert.deepEqual(precisionAtK(ranked, 0), { k: 0, ranked: 0, precision: 0, trolls: 0, organic: 0 });
});

test('thinning keeps the first and last points and at most max points', () => {
  const curve = Array.from({ length: 1000 }, (_, i) => ({ threshold: 1 - i / 1000, flagged: i + 1, precision: 1, recall: i / 999 }));
  const thin = thinCurve(curve, 11);
  assert.equal(thin.length, 11);
  assert.equal(thin[0], curve[0]);
  assert.equal(thin[10], curve[999]);
});

const accounts = fc.array(
  fc.record({ key: fc.string({ maxLength: 4 }), score: fc.integer({ min: 0, max: 4 }).map((s) => s / 4), troll: fc.boolean() }),
  { minLength: 1, maxLength: 30 },
);

test('property: AP ignores input order and tie order; it is 1 when every troll outscores every organic account', () => {
  fc.assert(
    fc.property(accounts, (xs) => {
      const ap = averagePrecision(prCurve(rankAccounts(xs)));
      const reversed = averagePrecision(prCurve(rankAccounts([...xs].reverse().map((a, i) => ({ ...a, key: String(i) })))));
      close(reversed, ap, 1e-12);
      const separated = xs.map((a) => ({ ...a, score: a.troll ? 0.9 : 0.1 }));
      const apSep = averagePrecision(prCurve(rankAccounts(separated)));
      if (xs.some((a) => a.troll)) close(apSep, 1);
      assert.ok(ap >= 0 && ap <= 1 + 1e-12);
    }),
  );
});
