// co-link by hand, through the real CLI: import test/fixtures/layers/co-link.csv → detect --layers co-link →
// the stored edges and `account`. Window W = 60 s (|Δt| ≤ W inclusive), M = 2, α = 0.05. The edges below are
// worked with the configuration null (`--null co-link=configuration`); the default co-membership null is worked at
// the end of this comment.
//
// URL normalisation (src/core/normalise/url.ts): a and b post the same five resources written differently.
//   story  a l1 10:00:00 https://www.example.org/story?utm_source=tw&utm_medium=social&fbclid=IwAR0abc
//          b l2 10:00:05 http://example.org/story/?gclid=Cj0KCQ          → https://example.org/story        (5 s)
//   yt     a l3 11:00:00 https://youtu.be/dQw4w9WgXcQ?si=Xy12ab
//          b l4 11:00:40 https://m.youtube.com/watch?v=dQw4w9WgXcQ&feature=share
//                                                   → https://youtube.com/watch?v=dQw4w9WgXcQ  (40 s)
//   fb     a l5 12:00:00 https://m.facebook.com/groups/123/posts/456?mibextid=Zb1
//          b l6 12:01:00 https://www.facebook.com/groups/123/posts/456 → https://facebook.com/groups/123/posts/456
//                                                                                           (60 s = W: in)
//   tme    a l7 13:00:00 https://t.me/s/SomeChannel/42
//          b l8 13:00:30 https://telegram.me/somechannel/42?single    → https://t.me/somechannel/42      (30 s)
//   other  a l9 14:00:00 https://example.org/other
//          b l10 14:01:01 https://www.example.org/other#comments       → https://example.org/other  (61 s: out)
// One occasion: c (l11) and d (l12) each post ONE post carrying the same two links (news …/a and …/b, in another
//   order) 10 s apart: 2 pairs on 2 keys, but one action of each account. c and d each have one more paired action
//   (c l13 with x l14 on shop …/x, 20 s; d l15 with x l16 on shop …/y, 20 s), so they pass minimum participation.
// Background (keys shared far apart in time, never in a window): z on story and yt, z2 on fb and tme, z3 on the
//   two news links, z4 on the two shop links.
//
// Kernel: pairs a–b on story, yt, fb, tme (X = 4, 4 keys); c–d on news a and b (X = 2); c–x (1); d–x (1);
//   P = 8. Every account passes (a 4 paired actions, b 4, c 2, d 2, x 2); four edges are tested.
// Significance: pairable traces a 5, b 5, c 3, d 3, x 2, z 2, z2 2, z3 2, z4 2 → N = 26.
//   a–b  μ = 2·5·5·(8 − 4 + 1)/26² = 250/676 ≈ 0.370   p = P(Poisson ≥ 4) ≈ 6.2e-4
//   c–d  μ = 2·3·3·(8 − 2 + 1)/676 = 126/676 ≈ 0.186   p = P(≥ 2) ≈ 0.0154
//   c–x, d–x  μ = 2·3·2·(8 − 1 + 1)/676 = 96/676        p = P(≥ 1) ≈ 0.132
//   Benjamini–Hochberg over 4 tests: q(c–x) = q(d–x) ≈ 0.132; q(c–d) = min(0.132, 0.0154·4/2) ≈ 0.031;
//   q(a–b) = min(0.031, 6.2e-4·4) ≈ 0.0025. Significant at 0.05 with ≥ 2 keys: a–b and c–d (c–x and d–x have
//   one key and q > α).
// Two occasions: c–d rests on one post of each account, so it is dropped (src/core/pipeline/layer-edges.ts).
//   The run keeps a–b alone, with rarity weight 4/log2 3 (each of its keys is shared by three accounts).
// Default, co-membership null (src/core/detect/membership-test.ts): presences (account on key) over the nine keys
//   story {a, b, z}, yt {a, b, z}, fb {a, b, z2}, tme {a, b, z2}, other {a, b}, news a and b {c, d, z3} each,
//   shop x {c, x, z4}, shop y {d, x, z4}: S = 26. a–b met within W on 4 of a's 5 keys. b (5 presences) lands on a key
//   of a with q = 1 − (1 − s′/(S − 5))^5, s′ the key's crowd without b: 1 − (19/21)^5 ≈ 0.394 on the four keys
//   with a third account, 1 − (20/21)^5 ≈ 0.216 on other. P(X′ ≥ 4) = 0.394⁴ + 4 · 0.394³ · 0.606 · 0.216 ≈ 0.056
//   (and the same from a's side; μ ≈ 1.79): above α before any correction (q ≈ 0.22 over the four tests). Nine keys are too few for a crowd of three to be
//   surprising, so the default finds no edge here.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { configurationMu, evidenceRows, fixture, LayerDb, poissonAtLeast, type DetectJson } from './layer-cli.ts';

const db = new LayerDb();
let run: DetectJson;
let defaultRun: DetectJson;

before(() => {
  db.import([fixture('co-link.csv')]);
  // The default null first (the run checked by the last test), then the configuration null, whose run the others read.
  defaultRun = db.detect(['--layers', 'co-link', '--window', '60s', '--min-participation', '2', '--alpha', '0.05', '--seed', '1']);
  run = db.detect(['--layers', 'co-link', '--window', '60s', '--min-participation', '2', '--alpha', '0.05', '--seed', '1', '--null', 'co-link=configuration']);
});
after(() => db.close());

test('co-link: a–b is the only edge; c–d (one post each) and the one-key pairs with x are not', () => {
  assert.equal(run.actionsRead, 24);
  assert.deepEqual(run.edges.map((e) => [e.a, e.b, e.layer]), [['vk:a', 'vk:b', 'co-link']]);
  const e = run.edges[0]!;
  assert.equal(e.pairs, 4, 'story, yt, fb and tme; other is 61 s apart');
  assert.equal(e.keys, 4);
  assert.ok(Math.abs(e.weight - 4 / Math.log2(3)) < 1e-9, `weight ${e.weight}`);
  const mu = configurationMu(5, 5, 8, 4, 26);
  assert.ok(Math.abs(e.p! - poissonAtLeast(4, mu)) < 1e-9, `p ${e.p} vs ${poissonAtLeast(4, mu)}`);
});

test('co-link: the hand-worked q-values put c–d under α, so only the two-occasions rule removes it', () => {
  // The same formulas as above, to show the premise of the previous test: without the rule, c–d would stay.
  const p = [poissonAtLeast(4, configurationMu(5, 5, 8, 4, 26)), poissonAtLeast(2, configurationMu(3, 3, 8, 2, 26)), poissonAtLeast(1, configurationMu(3, 2, 8, 1, 26))];
  const qcd = Math.min(p[2]!, (p[1]! * 4) / 2);
  assert.ok(qcd < 0.05 && qcd > 0.02, `q(c–d) ${qcd}`);
  assert.ok(p[2]! > 0.05);
  assert.equal(run.edges.some((e) => e.a === 'vk:c' || e.b === 'vk:c'), false);
});

test('co-link: the evidence names the normalised links and the gaps, closest first', () => {
  assert.deepEqual(evidenceRows(run.edges[0]!), [
    ['vk:l1', 'vk:l2', 5_000, 'https://example.org/story'],
    ['vk:l7', 'vk:l8', 30_000, 'https://t.me/somechannel/42'],
    ['vk:l3', 'vk:l4', 40_000, 'https://youtube.com/watch?v=dQw4w9WgXcQ'],
    ['vk:l5', 'vk:l6', 60_000, 'https://facebook.com/groups/123/posts/456'],
  ]);
});

test('co-link: `account vk:b` explains the link pairs; c, d and x have no evidence', () => {
  const lines = db.explain('vk:b');
  assert.ok(lines.some((l) => l.startsWith('  with vk:a in co-link: 4 pairs on 4 shared keys, p = ')), lines.join('\n'));
  assert.ok(lines.includes('    vk:l1 ↔ vk:l2  Δt 5s  on https://example.org/story'), lines.join('\n'));
  assert.ok(lines.includes('    vk:l7 ↔ vk:l8  Δt 30s  on https://t.me/somechannel/42'), lines.join('\n'));
  const a = db.accountJson('vk:a');
  assert.deepEqual(a.partners.map((p) => [p.account, p.layer, p.pairs]), [['vk:b', 'co-link', 4]]);
  for (const key of ['vk:c', 'vk:d', 'vk:x']) assert.deepEqual(db.accountJson(key).edges, [], key);
});

test('co-link, default co-membership null: p ≈ 0.056 for a–b on this small fixture, so no edge', () => {
  assert.equal(defaultRun.actionsRead, 24);
  assert.deepEqual(defaultRun.edges, []);
});
