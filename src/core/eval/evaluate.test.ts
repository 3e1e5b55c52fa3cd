// A hand-worked run: 4 trolls in two factories, 4 organic accounts, one account the truth does not know.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AccountFinding, DetectionRun, NetworkFinding, RunEdge } from '../run.ts';
import { evaluate } from './evaluate.ts';
import type { Truth } from './truth.ts';

const close = (actual: number, expected: number, eps = 1e-12): void =>
  assert.ok(Math.abs(actual - expected) <= eps, `${actual} ≠ ${expected}`);

function finding(account: string, score: number, network: number): AccountFinding {
  const signals = {
    actions: 1, hourOfWeek: new Array<number>(168).fill(0), nightShare: 0, officeHoursShare: 0, activeDays: 1,
    actionsPerDay: 1, emptyBio: false, ownPosts: 0, templatedHandle: false,
  };
  return { account, score, network, layers: {}, partners: [], signals, reasons: [] };
}
const edge = (a: string, b: string, layer: string): RunEdge => ({ a, b, layer, pairs: 1, keys: 1, weight: 1, evidence: [] });
const network = (id: number, members: string[]): NetworkFinding => ({
  id, members, score: 1, layers: {}, first: 0, last: 0, topTexts: [], topLinks: [], topTargets: [], timeline: [],
  hourOfWeek: new Array<number>(168).fill(0),
});

const truth: Truth = {
  accounts: [
    ...['o1', 'o2', 'o3', 'o4'].map((k) => ({ key: `x:${k}`, label: 'organic' as const })),
    { key: 'x:t1', label: 'troll', factory: 'A' },
    { key: 'x:t2', label: 'troll', factory: 'A' },
    { key: 'x:t3', label: 'troll', factory: 'B' },
    { key: 'x:t4', label: 'troll', factory: 'B' },
  ],
};
const run: DetectionRun = {
  id: 7, version: 'test', createdAt: 0, inputHash: '', actionsRead: 0, warnings: [], cappedKeys: [],
  params: { layers: ['co-text', 'co-link'], window: 60_000, minParticipation: 2, method: 'significance', seed: 1 },
  accounts: [
    finding('x:z1', 0.95, 0), finding('x:t1', 0.9, 0), finding('x:t2', 0.8, 0), finding('x:o1', 0.7, 1),
    finding('x:t3', 0.6, 1), finding('x:t4', 0.3, -1), finding('x:o2', 0.1, -1),
  ],
  networks: [network(0, ['x:t1', 'x:t2', 'x:z1']), network(1, ['x:o1', 'x:t3'])],
  edges: [
    edge('x:t1', 'x:t2', 'co-text'), edge('x:t1', 'x:t2', 'co-link'), edge('x:o1', 'x:t3', 'co-text'),
    edge('x:t1', 'x:z1', 'co-link'), edge('x:t2', 'x:t3', 'co-text'), edge('x:o1', 'x:o2', 'co-link'),
  ],
};

test('coverage: the unknown account is ignored, unscored truth accounts count as score 0', () => {
  const e = evaluate(run, truth);
  assert.deepEqual(e.coverage, { truthAccounts: 8, trolls: 4, organic: 4, runAccounts: 7, runNotInTruth: 1, truthNotInRun: 2 });
  assert.equal(e.runId, 7);
});

test('accounts at 0.5: t1 t2 t3 o1 flagged → precision = recall = F1 = 0.75, at the top level and under accounts', () => {
  const e = evaluate(run, truth, { threshold: 0.5, ks: [2] });
  for (const m of [e, e.accounts]) {
    close(m.precision, 0.75);
    close(m.recall, 0.75);
    close(m.f1, 0.75);
  }
  // Ranked: t1 .9 T, t2 .8 T, o1 .7, t3 .6 T, t4 .3 T, o2 .1, o3 0, o4 0.
  // Steps (P, R): (1,¼) (1,½) (⅔,½) (¾,¾) (⅘,1) (⅔,1) (½,1) → AP = ¼(1 + 1 + ¾ + ⅘) = 0.8875.
  close(e.prAuc, 0.8875);
  assert.deepEqual(e.precisionAtK.map((p) => [p.k, p.precision]), [[2, 1], [4, 0.75]]);
  close(e.accounts.rPrecision, 0.75);
  assert.equal(e.accounts.curve.length, 7);
  // Sweep at 0.75: t1, t2 flagged → precision 1, recall ½.
  const at75 = evaluate(run, truth, { sweep: [0.75] }).accounts.sweep[0]!;
  assert.deepEqual([at75.threshold, at75.flagged, at75.precision, at75.recall], [0.75, 2, 1, 0.5]);
});

test('networks vs factories: ARI 6/13, NMI 0.9; over the trolls alone ARI 4/7, NMI 0.8', () => {
  // All 8: true A={t1,t2} B={t3,t4} + 4 singletons; predicted n0={t1,t2} n1={t3,o1} + 4 singletons.
  // Σ C(nij,2) = 1, rows 2, cols 2, C(8,2) = 28: E = 1/7, ARI = (6/7)/(13/7).
  // H(U) = H(V) = 2.5 ln2; I = (½ + ⅛ + ¼ + ¼ + 3·⅜) ln2 = 2.25 ln2 → NMI 0.9.
  const e = evaluate(run, truth);
  close(e.networks.ari, 6 / 13);
  close(e.networks.nmi, 0.9);
  // Trolls: true AABB, predicted n0 n0 n1 s — the scikit-learn example [0,0,1,1] vs [0,0,1,2].
  close(e.networks.trollsOnly.ari, 4 / 7);
  close(e.networks.trollsOnly.nmi, 0.8);
  assert.equal(e.networks.factories, 2);
  assert.deepEqual(e.networks.table, [
    { network: 0, size: 3, trolls: 2, organic: 0, unlabelled: 1, factory: 'A', purity: 1 },
    { network: 1, size: 2, trolls: 1, organic: 1, unlabelled: 0, factory: 'B', purity: 0.5 },
  ]);
  assert.deepEqual(e.networks.byFactory, [
    { factory: 'A', size: 2, bestNetwork: 0, recall: 1 },
    { factory: 'B', size: 2, bestNetwork: 1, recall: 0.5 },
  ]);
});

test('layers: precision over labelled edges, recall of trolls reached, pooled row last', () => {
  const byLayer = Object.fromEntries(evaluate(run, truth).layers.map((l) => [l.layer, l]));
  assert.deepEqual(Object.keys(byLayer), ['co-link', 'co-text', 'all']);
  const link = byLayer['co-link']!;
  assert.deepEqual([link.edges, link.sameFactory, link.organicOrganic, link.unknown, link.trollsReached], [3, 1, 1, 1, 2]);
  close(link.precision, 0.5);
  close(link.recall, 0.5);
  const text = byLayer['co-text']!;
  assert.deepEqual([text.sameFactory, text.crossFactory, text.trollOrganic], [1, 1, 1]);
  close(text.precision, 1 / 3);
  close(text.recall, 0.75);
  const all = byLayer['all']!;
  assert.equal(all.edges, 6);
  close(all.precision, 0.4);
  close(all.recall, 0.75);
});

test('a perfect run scores 1 everywhere', () => {
  const perfect: DetectionRun = {
    ...run,
    accounts: truth.accounts.map((t) =>
      finding(t.key, t.label === 'troll' ? 1 : 0, t.label === 'troll' ? (t.factory === 'A' ? 0 : 1) : -1),
    ),
  };
  const e = evaluate(perfect, truth);
  assert.deepEqual([e.precision, e.recall, e.f1, e.prAuc, e.networks.ari, e.networks.trollsOnly.ari], [1, 1, 1, 1, 1, 1]);
  close(e.networks.nmi, 1);
});
