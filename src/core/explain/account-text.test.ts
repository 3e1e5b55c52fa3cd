import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AccountFinding, AccountSignals, RunEdge } from '../run.ts';
import { accountLine, accountReasons, explainAccount } from './account-text.ts';

const HEADLINE = 'Захарченко: ОБСЕ игнорирует гибель мирных жителей';
const signals: AccountSignals = {
  actions: 20, hourOfWeek: new Array<number>(168).fill(0), nightShare: 0, officeHoursShare: 0.9, activeDays: 4,
  actionsPerDay: 5, emptyBio: true, ownPosts: 0, templatedHandle: false, offsetHours: 6, timedActions: 20,
  firstAction: Date.UTC(2024, 0, 1, 4), lastAction: Date.UTC(2024, 0, 4, 12), weak: ['office-hours', 'empty-bio'],
};
const finding: AccountFinding = {
  account: 'vk:a', score: 0.8712, network: 2, layers: { 'co-share': 4, 'co-text': 1 },
  partners: [{ account: 'vk:b', layer: 'co-share', pairs: 4, p: 1.2e-8 }, { account: 'vk:c', layer: 'co-text', pairs: 1, p: 0.003 }],
  signals, reasons: [],
};
const edges: RunEdge[] = [
  { a: 'vk:a', b: 'vk:c', layer: 'co-text', pairs: 1, keys: 1, weight: 1, p: 0.003,
    evidence: [{ layer: 'co-text', key: HEADLINE, actionA: 'vk:13', actionB: 'vk:31', dt: 3_600_000 + 7 * 60_000 }] },
  { a: 'vk:b', b: 'vk:c', layer: 'co-share', pairs: 9, keys: 9, weight: 9, p: 1e-9, evidence: [] },
  { a: 'vk:a', b: 'vk:b', layer: 'co-share', pairs: 4, keys: 3, weight: 3, p: 1.2e-8,
    evidence: [
      { layer: 'co-share', key: 'vk:post9', actionA: 'vk:11', actionB: 'vk:21', dt: 12_000 },
      { layer: 'co-share', key: 'vk:post10', actionA: 'vk:12', actionB: 'vk:22', dt: 185_000 },
    ] },
];

test('hand-worked explanation: partners strongest first, each pair with its gap and key, then weak signals', () => {
  assert.deepEqual(explainAccount(finding, edges), [
    'vk:a — score 0.87 (flagged: ≥ 0.50), network 2',
    'coordination: 5 action pairs with 2 accounts — co-share 4 pairs, co-text 1 pair',
    '  with vk:b in co-share: 4 pairs on 3 shared keys, p = 1.2e-8',
    '    vk:11 ↔ vk:21  Δt 12s  on vk:post9',
    '    vk:12 ↔ vk:22  Δt 3m 05s  on vk:post10',
    '  with vk:c in co-text: 1 pair on 1 shared key, p = 0.003',
    `    vk:13 ↔ vk:31  Δt 1h 07m  on ${HEADLINE}`,
    'profile signals (weak alone; they only strengthen coordination evidence):',
    '  - 90% of 20 timed actions in office hours (Mon–Fri 10:00–19:00 UTC+6)',
    '  - empty bio',
    'activity: 20 actions on 4 days (5.0 per active day), 2024-01-01 … 2024-01-04, 0 own posts',
  ]);
});

test('limits: one partner and one pair per edge, the rest counted', () => {
  const lines = explainAccount({ ...finding, score: 0.3, network: -1 }, edges, { partners: 1, pairsPerEdge: 1 });
  assert.equal(lines[0], 'vk:a — score 0.30 (not flagged: < 0.50), in no network');
  assert.ok(lines.includes('    … 1 more stored pairs'));
  assert.ok(lines.includes('  … 1 more links'));
  assert.ok(!lines.some((l) => l.includes('vk:c in co-text')));
});

test('stored reasons and the one-line summary', () => {
  assert.deepEqual(accountReasons(finding), [
    'coordinated with 2 accounts in 2 layers (co-share 4 pairs, co-text 1 pair)',
    'strongest link: vk:b in co-share, 4 pairs, p = 1.2e-8',
    '90% of 20 timed actions in office hours (Mon–Fri 10:00–19:00 UTC+6)',
    'empty bio',
  ]);
  assert.equal(accountLine(finding), '0.87  vk:a  net 2  2 partners: co-share 4 pairs, co-text 1 pair  weak: office-hours, empty-bio');
});

test('photo evidence: the partner, the copy found and both photos, from the account\'s side of the edge', () => {
  const photoFinding: AccountFinding = {
    account: 'facebook:9', score: 0.4, network: -1, layers: { 'co-photo': 2 },
    partners: [{ account: 'facebook:123', layer: 'co-photo', pairs: 2 }], signals: { ...signals, weak: [] }, reasons: [],
  };
  const photoEdges: RunEdge[] = [{
    a: 'facebook:123', b: 'facebook:9', layer: 'co-photo', pairs: 2, keys: 2, weight: 2,
    evidence: [
      { layer: 'co-photo', key: 'mirror photo 3fa2c1d4e5f6', actionA: 'photos/s1-m.jpg', actionB: 'photos/s1.jpg', dt: 0 },
      { layer: 'co-photo', key: 'mirror+crop photo 00aa11bb22cc', actionA: 'https://x.test/a.jpg', actionB: 'photos/c.jpg', dt: 0 },
    ],
  }];
  const lines = explainAccount(photoFinding, photoEdges);
  assert.deepEqual(lines.slice(1, 5), [
    'coordination: 0 action pairs with 1 account — co-photo 2 shared photos',
    '  with facebook:123 in co-photo: 2 shared photos (no p-value: photos have no time null)',
    '    shares a mirrored copy of photo 3fa2c1d4e5f6 with facebook:123: photos/s1.jpg ↔ photos/s1-m.jpg',
    '    shares a mirrored and cropped copy of photo 00aa11bb22cc with facebook:123: photos/c.jpg ↔ https://x.test/a.jpg',
  ]);
  assert.deepEqual(accountReasons(photoFinding)[1], 'strongest link: facebook:123 in co-photo, 2 shared photos');
});
