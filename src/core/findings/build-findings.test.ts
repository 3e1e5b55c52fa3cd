import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { act, columnsOf } from '../../../test/support/columns-of.ts';
import type { Account, Action } from '../model.ts';
import type { RunEdge } from '../run.ts';
import { DEFAULT_FLAG_THRESHOLD } from '../score/account-score.ts';
import { buildFindings } from './build-findings.ts';

const utc = (d: number, h: number, m = 0): number => Date.UTC(2024, 0, d, h, m); // Monday 2024-01-01
const edge = (a: string, b: string, layer: string, pairs: number, p?: number): RunEdge => ({
  a, b, layer, pairs, keys: pairs, weight: pairs, ...(p === undefined ? {} : { p }),
  evidence: [{ layer, key: 'k', actionA: `${a}-1`, actionB: `${b}-1`, dt: 60_000 }],
});

// The troll: 60 comments in one office hour on its first day, created the day before, blank bio, templated
// handle. Six weak signals fire; it shares nothing with anybody significant.
const trollActions: Action[] = Array.from({ length: 60 }, (_, m) => act(`t${m}`, 'troll', utc(1, 4, m)));
const accounts: Account[] = [
  { platform: 'vk', id: 'troll', handle: 'ivan_1990', bio: '', createdAt: utc(1, 4) - 86_400_000 },
  { platform: 'vk', id: 'h1', handle: 'olga_1991', bio: 'учитель' },
  { platform: 'vk', id: 'h2', handle: 'petr_1985' },
  { platform: 'vk', id: 'h3', handle: 'anna_2001' },
  { platform: 'vk', id: 'h4', handle: 'oleg_1999' },
];
const actions: Action[] = [
  ...['a1', 'a2', 'a3', 'b1', 'b2', 'b3', 'x', 'y'].map((k, i) => act(`${k}-1`, k, utc(2, 12, i), { kind: 'post' })),
  ...trollActions,
];
const edges: RunEdge[] = [
  edge('vk:a1', 'vk:a2', 'co-share', 5, 1e-9), edge('vk:a1', 'vk:a3', 'co-share', 5, 1e-9), edge('vk:a2', 'vk:a3', 'co-share', 5, 1e-9),
  edge('vk:b1', 'vk:b2', 'co-text', 2, 1e-4), edge('vk:b1', 'vk:b3', 'co-text', 2, 1e-4), edge('vk:b2', 'vk:b3', 'co-text', 2, 1e-4),
  edge('vk:x', 'vk:y', 'co-link', 1, 0.01),
];

test('hand-worked: two triangles are networks 1 and 2, a lone pair is in none; scores follow the card', () => {
  const r = buildFindings(columnsOf(actions), accounts, edges, { seed: 1 });
  assert.deepEqual(r.networks.map((n) => [n.id, n.members, n.layers]), [
    [1, ['vk:a1', 'vk:a2', 'vk:a3'], { 'co-share': 15 }],
    [2, ['vk:b1', 'vk:b2', 'vk:b3'], { 'co-text': 6 }],
  ]);
  assert.deepEqual(r.accounts.map((f) => [f.account, f.network]), [
    ['vk:a1', 1], ['vk:a2', 1], ['vk:a3', 1], ['vk:b1', 2], ['vk:b2', 2], ['vk:b3', 2], ['vk:x', -1], ['vk:y', -1],
  ]);
  const sA = 1 - Math.exp(-5 / 3); // p = 1e-9 → full significance; 5 pairs
  const sB = (4 / 8) * (1 - Math.exp(-2 / 3)); // p = 1e-4 → 4/8 (score card: P = 8)
  const sX = (2 / 8) * (1 - Math.exp(-1 / 3));
  const expected = [1 - (1 - sA) ** 2, 1 - (1 - sB) ** 2, sX];
  const got = [r.accounts[0]!.score, r.accounts[3]!.score, r.accounts[6]!.score];
  got.forEach((g, i) => assert.ok(Math.abs(g - expected[i]!) < 1e-12, `${g} vs ${expected[i]}`));
  assert.deepEqual(r.accounts[0]!.partners, [
    { account: 'vk:a2', layer: 'co-share', pairs: 5, p: 1e-9 },
    { account: 'vk:a3', layer: 'co-share', pairs: 5, p: 1e-9 },
  ]);
  assert.equal(r.accounts[0]!.reasons[0], 'coordinated with 2 accounts in 1 layer (co-share 10 pairs)');
  assert.equal(r.accounts.some((f) => f.account === 'vk:troll'), false, 'no edges, no finding');
});

test('every weak signal but no significant edge: score 0, far below the flag threshold', () => {
  const r = buildFindings(columnsOf(actions), accounts, [...edges, edge('vk:h1', 'vk:troll', 'co-link', 1, 1)], { seed: 1 });
  const troll = r.accounts.find((f) => f.account === 'vk:troll')!;
  assert.deepEqual(troll.signals.weak, ['office-hours', 'young-account', 'hyperactive', 'templated-handle', 'no-own-posts', 'empty-bio']);
  assert.equal(troll.score, 0);
  assert.ok(troll.score < DEFAULT_FLAG_THRESHOLD);
});

test('two linked accounts working non-overlapping shifts alternate; weak signals then lift their score', () => {
  const shifts: Action[] = [];
  for (let d = 1; d <= 5; d++) {
    for (let m = 0; m < 4; m++) {
      shifts.push(act(`s${d}${m}`, 's', utc(d, 2 + m)), act(`n${d}${m}`, 'n', utc(d, 8 + m)));
    }
  }
  const pair = [edge('vk:n', 'vk:s', 'co-text', 3, 1e-3)];
  const r = buildFindings(columnsOf(shifts), [], pair, { seed: 1 });
  const s = r.accounts.find((f) => f.account === 'vk:s')!;
  assert.deepEqual(s.signals.activeWindow, { start: 8, hours: 4, share: 1 }); // 02–05 UTC = 08–11 Bishkek
  assert.deepEqual(s.signals.alternatesWith, ['vk:n']);
  assert.deepEqual(s.signals.weak, ['alternating-shift', 'shift', 'no-own-posts']); // 08–11 local is only half office hours
  const c = (3 / 8) * (1 - Math.exp(-1)); // p = 1e-3, 3 meetings
  assert.ok(Math.abs(s.score - (1 - (1 - c) ** 1.75)) < 1e-12);
});

test('deterministic: same input and seed give byte-identical findings, whatever the order of the edges', () => {
  const columns = columnsOf(actions);
  const x = JSON.stringify(buildFindings(columns, accounts, edges, { seed: 7 }));
  assert.equal(JSON.stringify(buildFindings(columns, accounts, edges, { seed: 7 })), x);
  assert.equal(JSON.stringify(buildFindings(columns, [...accounts].reverse(), [...edges].reverse(), { seed: 7 })), x);
});

test('property: adding an edge never lowers any account score', () => {
  const ids = ['a1', 'a2', 'a3', 'b1', 'b2', 'x', 'y'];
  const columns = columnsOf(actions);
  const edgeArb = fc
    .record({
      i: fc.integer({ min: 0, max: ids.length - 1 }),
      j: fc.integer({ min: 0, max: ids.length - 1 }),
      layer: fc.constantFrom('co-share', 'co-text', 'co-link'),
      pairs: fc.integer({ min: 1, max: 20 }),
      p: fc.option(fc.double({ min: 1e-12, max: 1, noNaN: true }), { nil: undefined }),
    })
    .filter((e) => e.i !== e.j)
    .map((e) => edge(`vk:${ids[Math.min(e.i, e.j)]}`, `vk:${ids[Math.max(e.i, e.j)]}`, e.layer, e.pairs, e.p));
  fc.assert(
    fc.property(fc.array(edgeArb, { maxLength: 10 }), edgeArb, (base, extra) => {
      const unique = (list: RunEdge[]): RunEdge[] => {
        const seen = new Set<string>(); // one edge per (a, b, layer); the first one stays
        return list.filter((e) => !seen.has(`${e.a} ${e.b} ${e.layer}`) && seen.add(`${e.a} ${e.b} ${e.layer}`));
      };
      const before = new Map(buildFindings(columns, accounts, unique(base), { seed: 3 }).accounts.map((f) => [f.account, f.score]));
      const after = buildFindings(columns, accounts, unique([...base, extra]), { seed: 3 }).accounts;
      for (const f of after) assert.ok(f.score >= (before.get(f.account) ?? 0) - 1e-15, `${f.account}: ${f.score} < ${before.get(f.account)}`);
    }),
    { numRuns: 100 },
  );
});
