// co-media by hand, through the real CLI: import test/fixtures/layers/co-media.jsonl → detect --layers co-media →
// the stored edges and `account`. Window W = 60 s (|Δt| ≤ W inclusive), M = 2, α = 0.05. Each distinct media
// reference of an action is a key (here perceptual-hash ids, as CooRTweet's `phash_id`).
//
//   a m1 10:00:00 [phash:11aa phash:22bb]   b m2 10:00:15 [phash:22bb phash:11aa]  → 2 pairs (11aa, 22bb), 15 s
//   a m3 11:00:00 [phash:33cc]              b m4 11:00:40 [phash:33cc]             → 1 pair, 40 s
//   a m5 12:00:00 [phash:44dd]              b m6 12:05:00 [phash:44dd]             → 300 s: out
//   e m7 13:00:00, e m8 13:00:10 [phash:77gg]                                       → same account: no pair
//   z m9 15:00:00 [phash:33cc], z m10 16:00:00 [phash:44dd]                          → background, far in time
//
// Kernel: P = 3 pairs, all a–b: X = 3 on 3 keys. The two pairs of m1/m2 are one occasion (one post each), m3/m4 a
//   second: each account has two different actions, so the edge stands (src/core/pipeline/layer-edges.ts).
// Significance: pairable traces a 4, b 4, e 2 (77gg holds e's two traces), z 2 → N = 12.
//   μ = 2·4·4·(3 − 3 + 1)/12² = 32/144 ≈ 0.222, p = P(Poisson ≥ 3) ≈ 0.00155; one test, q = p: significant.
// Rarity weight: 11aa and 22bb are used by two accounts (1/log2 2 = 1 each), 33cc by three (a b z: 1/log2 3).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { configurationMu, evidenceRows, fixture, LayerDb, poissonAtLeast, type DetectJson } from './layer-cli.ts';

const db = new LayerDb();
let run: DetectJson;

before(() => {
  db.import([fixture('co-media.jsonl')]);
  run = db.detect(['--layers', 'co-media', '--window', '60s', '--min-participation', '2', '--alpha', '0.05', '--seed', '1']);
});
after(() => db.close());

test('co-media: a–b is the only edge, with the p-value and weight worked out by hand', () => {
  assert.equal(run.actionsRead, 10);
  assert.deepEqual(run.edges.map((e) => [e.a, e.b, e.layer]), [['vk:a', 'vk:b', 'co-media']], 'no edge for e (same account)');
  const e = run.edges[0]!;
  assert.equal(e.pairs, 3);
  assert.equal(e.keys, 3);
  assert.ok(Math.abs(e.weight - (2 + 1 / Math.log2(3))) < 1e-9, `weight ${e.weight}`);
  const mu = configurationMu(4, 4, 3, 3, 12);
  assert.ok(Math.abs(mu - 32 / 144) < 1e-12);
  assert.ok(Math.abs(e.p! - poissonAtLeast(3, mu)) < 1e-9, `p ${e.p} vs ${poissonAtLeast(3, mu)}`);
});

test('co-media: the evidence holds both media of the shared post and the 40 s pair, not the 300 s one', () => {
  const rows = evidenceRows(run.edges[0]!);
  // The two 15 s rows tie on (Δt, actions); their order between them is not a rule, so compare them as a set.
  assert.deepEqual(rows.slice(0, 2).sort(), [
    ['vk:m1', 'vk:m2', 15_000, 'phash:11aa'],
    ['vk:m1', 'vk:m2', 15_000, 'phash:22bb'],
  ]);
  assert.deepEqual(rows.slice(2), [['vk:m3', 'vk:m4', 40_000, 'phash:33cc']]);
});

test('co-media: `account vk:b` explains the media pairs; e has no evidence', () => {
  const lines = db.explain('vk:b');
  assert.ok(lines.some((l) => l.startsWith('  with vk:a in co-media: 3 pairs on 3 shared keys, p = ')), lines.join('\n'));
  assert.ok(lines.includes('    vk:m3 ↔ vk:m4  Δt 40s  on phash:33cc'), lines.join('\n'));
  assert.ok(lines.includes('    vk:m1 ↔ vk:m2  Δt 15s  on phash:11aa'), lines.join('\n'));
  const e = db.accountJson('vk:e');
  assert.equal(e.score, 0);
  assert.deepEqual(e.edges, []);
});
