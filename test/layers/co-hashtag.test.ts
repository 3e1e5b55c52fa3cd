// co-hashtag by hand, through the real CLI: import test/fixtures/layers/co-hashtag.csv → detect --layers
// co-hashtag → the stored edges and `account`. Window W = 60 s (|Δt| ≤ W inclusive), M = 2, α = 0.05.
// The key of an action is its SET of hashtags, sorted and joined by a space (src/core/detect/layer-traces.ts):
// order and repeats do not matter, a subset is another key.
//
//   K1 "asanov vote"  a h1 10:00:00 [vote asanov]   b h2 10:00:20 [asanov vote]        → pair 20 s
//                     a h3 11:00:00 [asanov vote]   b h4 11:00:50 [vote asanov vote]   → pair 50 s
//                     b h8 13:00:10 [vote asanov]   z h13 20:00:00                      (nobody near)
//   K2 "kg2026 vote"  a h5 12:00:00 [kg2026 vote]   b h6 12:00:45 [vote kg2026]        → pair 45 s
//                     a h9 14:00:00                 b h10 14:02:00                      (120 s: out)
//                     z h14 21:00:00
//   K3 "vote"         a h7 13:00:00 [vote]          c h11 13:00:30 [vote]               → pair 30 s
//                     c h12 18:00:00                (b's h8 at 13:00:10 is K1, not K3: no pair with a's h7)
//
// Kernel: P = 4 pairs (a–b ×3 on K1, K1, K2; a–c on K3). After pairing a has 4 paired actions, b 3, c only 1 (h11)
//   < M: a–c is dropped (below minimum participation). Tested: a–b, X = 3 pairs on 2 keys.
// Significance: pairable traces a 5, b 5, c 2, z 2 → N = 14. μ = 2·5·5·(4 − 3 + 1)/14² = 100/196 ≈ 0.510,
//   p = P(Poisson ≥ 3) ≈ 0.0152; one test, q = p ≤ 0.05, 2 keys ≥ 2, three occasions of each: significant.
// Rarity weight: K1 and K2 are each used by three accounts (a b z) → 3 pairs × 1/log2 3.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { configurationMu, evidenceRows, fixture, LayerDb, poissonAtLeast, type DetectJson } from './layer-cli.ts';

const db = new LayerDb();
let run: DetectJson;

before(() => {
  db.import([fixture('co-hashtag.csv')]);
  run = db.detect(['--layers', 'co-hashtag', '--window', '60s', '--min-participation', '2', '--alpha', '0.05', '--seed', '1']);
});
after(() => db.close());

test('co-hashtag: a–b on the same hashtag sets (any order) is the only edge, p and weight by hand', () => {
  assert.equal(run.actionsRead, 14);
  assert.deepEqual(run.edges.map((e) => [e.a, e.b, e.layer]), [['vk:a', 'vk:b', 'co-hashtag']]);
  const e = run.edges[0]!;
  assert.equal(e.pairs, 3);
  assert.equal(e.keys, 2);
  assert.ok(Math.abs(e.weight - 3 / Math.log2(3)) < 1e-9, `weight ${e.weight}`);
  const mu = configurationMu(5, 5, 4, 3, 14);
  assert.ok(Math.abs(mu - 100 / 196) < 1e-12);
  assert.ok(Math.abs(e.p! - poissonAtLeast(3, mu)) < 1e-9, `p ${e.p} vs ${poissonAtLeast(3, mu)}`);
});

test('co-hashtag: the evidence is the three in-window pairs; the subset [vote] and the 120 s pair are not', () => {
  assert.deepEqual(evidenceRows(run.edges[0]!), [
    ['vk:h1', 'vk:h2', 20_000, 'asanov vote'],
    ['vk:h5', 'vk:h6', 45_000, 'kg2026 vote'],
    ['vk:h3', 'vk:h4', 50_000, 'asanov vote'],
  ]);
});

test('co-hashtag: `account vk:a` explains the pairs; c (one paired post) has no evidence', () => {
  const lines = db.explain('vk:a');
  assert.ok(lines.some((l) => l.startsWith('  with vk:b in co-hashtag: 3 pairs on 2 shared keys, p = ')), lines.join('\n'));
  assert.ok(lines.includes('    vk:h1 ↔ vk:h2  Δt 20s  on asanov vote'), lines.join('\n'));
  assert.ok(lines.includes('    vk:h3 ↔ vk:h4  Δt 50s  on asanov vote'), lines.join('\n'));
  const c = db.accountJson('vk:c');
  assert.equal(c.score, 0);
  assert.deepEqual(c.edges, []);
});
