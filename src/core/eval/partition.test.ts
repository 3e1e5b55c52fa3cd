// Hand-worked contingency tables and invariants of ARI and NMI.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { adjustedRandIndex, contingency, normalizedMutualInfo } from './partition.ts';

const close = (actual: number, expected: number, eps = 1e-12): void =>
  assert.ok(Math.abs(actual - expected) <= eps, `${actual} ≠ ${expected}`);
const L = (xs: readonly (string | number)[]): string[] => xs.map(String);

test('scikit-learn documentation example: [0,0,1,2] vs [0,0,1,1] → ARI 4/7, NMI 0.8', () => {
  // cells (0,0)=2 (1,1)=1 (2,1)=1: Σ C(nij,2) = 1; rows Σ C = 1; cols Σ C = 2; C(4,2) = 6;
  // E = 1·2/6 = 1/3; ARI = (1 − 1/3) / (1.5 − 1/3) = 4/7.
  // H(U) = 1.5 ln2, H(V) = ln2, I = ½ln2 + ¼ln2 + ¼ln2 = ln2; NMI = ln2 / 1.25 ln2 = 0.8.
  close(adjustedRandIndex(L([0, 0, 1, 2]), L([0, 0, 1, 1])), 4 / 7);
  close(normalizedMutualInfo(L([0, 0, 1, 2]), L([0, 0, 1, 1])), 0.8);
});

test('two halves vs three pairs: ARI 8/33, NMI (4/3)·ln2/ln6', () => {
  // U = aaabbb, V = xxyyzz: cells a:x2 y1, b:y1 z2 → index 2; rows Σ C = 6; cols Σ C = 3; C(6,2) = 15;
  // E = 18/15 = 1.2; ARI = 0.8 / (4.5 − 1.2) = 8/33. I = ⅓ln2 + 0 + 0 + ⅓ln2; H(U) = ln2, H(V) = ln3.
  const u = L(['a', 'a', 'a', 'b', 'b', 'b']);
  const v = L(['x', 'x', 'y', 'y', 'z', 'z']);
  close(adjustedRandIndex(u, v), 8 / 33);
  close(normalizedMutualInfo(u, v), ((2 / 3) * Math.log(2)) / ((Math.log(2) + Math.log(3)) / 2));
  const t = contingency(u, v);
  assert.deepEqual(t.rows, [3, 3]);
  assert.deepEqual(t.cols, [2, 2, 2]);
  assert.deepEqual(
    t.cells.map((c) => c.n),
    [2, 1, 1, 2],
  );
});

test('a crossing split is worse than chance: ARI −1/9', () => {
  // cells 2,1,1,2 → index 2; rows and cols Σ C = 6; E = 36/15 = 2.4; ARI = (2 − 2.4) / (6 − 2.4) = −1/9.
  close(adjustedRandIndex(L([0, 0, 0, 1, 1, 1]), L([0, 1, 0, 1, 0, 1])), -1 / 9);
});

test('degenerate partitions: one cluster each, all singletons each, one vs the other', () => {
  assert.equal(adjustedRandIndex(L([1, 1, 1]), L([2, 2, 2])), 1);
  assert.equal(normalizedMutualInfo(L([1, 1, 1]), L([2, 2, 2])), 1);
  assert.equal(adjustedRandIndex(L([1, 2, 3]), L([4, 5, 6])), 1);
  assert.equal(adjustedRandIndex(L([1, 1, 1, 1]), L([1, 2, 3, 4])), 0);
  assert.equal(normalizedMutualInfo(L([1, 1, 1, 1]), L([1, 2, 3, 4])), 0);
  assert.throws(() => adjustedRandIndex(['a'], ['a', 'b']), /differ in length/);
});

const labelings = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 })), { minLength: 2, maxLength: 40 })
  .map((rows) => ({ u: rows.map((r) => `u${r[0]}`), v: rows.map((r) => `v${r[1]}`) }));

test('property: a perfect prediction scores 1 under any renaming of its labels', () => {
  fc.assert(
    fc.property(labelings, ({ u }) => {
      const renamed = u.map((x) => `other-${x}`);
      close(adjustedRandIndex(u, renamed), 1);
      close(normalizedMutualInfo(u, renamed), 1);
    }),
  );
});

test('property: renaming labels, swapping the two sides or reordering items leaves ARI and NMI unchanged', () => {
  fc.assert(
    fc.property(labelings, fc.integer({ min: 1, max: 1000 }), ({ u, v }, shift) => {
      const ari = adjustedRandIndex(u, v);
      const nmi = normalizedMutualInfo(u, v);
      const rename = v.map((x) => `w${(Number(x.slice(1)) * 7 + shift) % 1009}`);
      close(adjustedRandIndex(u, rename), ari, 1e-9);
      close(normalizedMutualInfo(u, rename), nmi, 1e-9);
      close(adjustedRandIndex(v, u), ari, 1e-9);
      close(normalizedMutualInfo(v, u), nmi, 1e-9);
      const order = u.map((_, i) => i).sort((a, b) => ((a * shift) % 13) - ((b * shift) % 13) || a - b);
      close(adjustedRandIndex(order.map((i) => u[i]!), order.map((i) => v[i]!)), ari, 1e-9);
      close(normalizedMutualInfo(order.map((i) => u[i]!), order.map((i) => v[i]!)), nmi, 1e-9);
      assert.ok(ari <= 1 + 1e-12 && nmi >= 0 && nmi <= 1);
    }),
  );
});
