// co-share by hand, through the real CLI: import test/fixtures/layers/co-share.csv → detect --layers co-share →
// the stored edges, CooRTweet's edge list and `account`. Window W = 60 s (|Δt| ≤ W inclusive), M = 2, α = 0.05.
//
// The input (all on 2026-03-01, platform vk; Pk = the reposted post):
//   P1  a s1 10:00:00   b s2 10:00:10   d s3 10:00:20   c s4 11:30:00
//   P2  a s5 11:00:00   b s6 11:01:00   e s7 11:00:30   c s12 12:30:00
//   P3  a s8 12:00:00   b s9 12:00:30   g s13 14:00:00
//   P4  a s10 13:00:00  b s11 13:01:01  g s14 15:00:00
//   P5  d s15 16:00:00 (alone)          P6  f s16 17:00:00, f s17 17:00:05 (one account twice)
//
// Kernel, by hand:
//   - e has one trace (< M): pruned before pairing, so its share of P2 30 s after a pairs with nobody.
//   - In-window pairs: P1 a–b 10 s, a–d 20 s, b–d 10 s (c 90 min later: out); P2 a–b 60 s (= W, inclusive);
//     P3 a–b 30 s; P4 a–b 61 s: out; P6 f–f: same account, never a pair. P = 5 pairs counted.
//   - After pairing (strict rule): a has 3 paired actions (s1 s5 s8), b 3 (s2 s6 s9), d only 1 (s3) < M: d's
//     pairs with a and b are dropped (below minimum participation). The one edge tested is a–b: X = 3 pairs on
//     3 keys (P1, P2, P3), both accounts with three different actions (three occasions).
// Significance (configuration null): traces that can pair (account kept, key with ≥ 2 kept traces):
//   a 4 (P1–P4), b 4, c 2, g 2, d 1 (P5 is d's alone), f 2 (P6 holds f's two traces) → N = 15.
//   μ_ab = 2·4·4·(5 − 3 + 1) / 15² = 96/225 ≈ 0.4267;  p = P(Poisson(μ) ≥ 3) ≈ 0.0094; one edge tested, so
//   q = p ≤ 0.05 and 3 keys ≥ 2: a–b is significant.
// Rarity weight: P1 is shared by 4 kept accounts (a b c d) → 1/log2 4 = 0.5; P2 (a b c) and P3 (a b g) → 1/log2 3.
// CooRTweet (--edges-csv, its OR rule: a pair stays when either account passes): pairs a–b ×3, a–d, b–d → edges
//   a–b weight 3 (avg Δt (10+60+30)/3), a–d weight 1 (20 s), b–d weight 1 (10 s); the median weight is 1, so only
//   a–b has weight_threshold 1.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { configurationMu, evidenceRows, fixture, LayerDb, poissonAtLeast, type DetectJson } from './layer-cli.ts';

const db = new LayerDb();
let run: DetectJson;
const edgesCsv = join(db.dir, 'edges.csv');

before(() => {
  db.import([fixture('co-share.csv')]);
  run = db.detect(['--layers', 'co-share', '--window', '60s', '--min-participation', '2', '--alpha', '0.05', '--seed', '1', '--edges-csv', edgesCsv]);
});
after(() => db.close());

test('co-share: the only significant edge is a–b, with the p-value and weight worked out by hand', () => {
  assert.equal(run.actionsRead, 17);
  assert.deepEqual(run.edges.map((e) => [e.a, e.b, e.layer]), [['vk:a', 'vk:b', 'co-share']], 'no edge for c (out of window), d (one paired action), e (pruned), f (same account), g');
  const e = run.edges[0]!;
  assert.equal(e.pairs, 3);
  assert.equal(e.keys, 3);
  assert.ok(Math.abs(e.weight - (0.5 + 2 / Math.log2(3))) < 1e-9, `weight ${e.weight}`);
  const mu = configurationMu(4, 4, 5, 3, 15);
  assert.ok(Math.abs(mu - 96 / 225) < 1e-12);
  assert.ok(Math.abs(e.p! - poissonAtLeast(3, mu)) < 1e-9, `p ${e.p} vs ${poissonAtLeast(3, mu)}`);
  assert.ok(e.p! < 0.01 && e.p! > 0.009);
  assert.ok(Math.abs(e.z! - (3 - mu) / Math.sqrt(mu)) < 1e-9);
});

test('co-share: the evidence is the three in-window pairs, closest first; P4 (61 s) is not among them', () => {
  assert.deepEqual(evidenceRows(run.edges[0]!), [
    ['vk:s1', 'vk:s2', 10_000, 'vk:P1'],
    ['vk:s8', 'vk:s9', 30_000, 'vk:P3'],
    ['vk:s5', 'vk:s6', 60_000, 'vk:P2'],
  ]);
});

test("co-share: CooRTweet's edge list keeps d's pairs (its OR rule) and marks only a–b above the median", () => {
  const [header, ...rows] = readFileSync(edgesCsv, 'utf8').trimEnd().split('\n');
  assert.equal(header, 'from,to,weight,avg_time_delta,n_content_id,n_content_id_y,edge_symmetry_score,weight_threshold');
  const byPair = new Map(rows.map((r) => r.split(',')).map((c) => [[c[0], c[1]].sort().join('–'), c]));
  assert.deepEqual([...byPair.keys()].sort(), ['a–b', 'a–d', 'b–d']);
  const ab = byPair.get('a–b')!;
  assert.equal(ab[2], '3');
  assert.ok(Math.abs(Number(ab[3]) - 100 / 3) < 1e-9);
  assert.deepEqual(ab.slice(4), ['3', '3', '1', '1'], 'three distinct older and newer shares, symmetric, above the median');
  assert.deepEqual(byPair.get('a–d')!.slice(2), ['1', '20', '1', '1', '1', '0']);
  assert.deepEqual(byPair.get('b–d')!.slice(2), ['1', '10', '1', '1', '1', '0']);
});

test('co-share: `account vk:a` names the partner, the pairs and their gaps; d and e have no evidence', () => {
  const lines = db.explain('vk:a');
  assert.match(lines[0]!, /^vk:a — score \d\.\d\d/);
  const pLine = lines.find((l) => l.startsWith('  with vk:b in co-share: 3 pairs on 3 shared keys, p = '));
  assert.ok(pLine, lines.join('\n'));
  assert.ok(lines.includes('    vk:s1 ↔ vk:s2  Δt 10s  on vk:P1'), lines.join('\n'));
  assert.ok(lines.includes('    vk:s8 ↔ vk:s9  Δt 30s  on vk:P3'), lines.join('\n'));
  assert.ok(lines.includes('    vk:s5 ↔ vk:s6  Δt 1m 00s  on vk:P2'), lines.join('\n'));
  const b = db.accountJson('vk:b');
  assert.deepEqual(b.partners.map((p) => [p.account, p.layer, p.pairs]), [['vk:a', 'co-share', 3]]);
  assert.deepEqual(b.edges.map((e) => [e.a, e.b, e.pairs]), [['vk:a', 'vk:b', 3]]);
  for (const key of ['vk:d', 'vk:e', 'vk:c', 'vk:f']) {
    const none = db.accountJson(key);
    assert.equal(none.score, 0, key);
    assert.deepEqual(none.edges, [], key);
  }
});
