import assert from 'node:assert/strict';
import { test } from 'node:test';
import { act, columnsOf } from '../../../test/support/columns-of.ts';
import type { RunEdge } from '../run.ts';
import { summariseNetworks } from './network-summary.ts';

const utc = (d: number, h: number, m = 0): number => Date.UTC(2024, 0, d, h, m); // Monday 2024-01-01
const edge = (a: string, b: string, layer: string, pairs: number): RunEdge => ({ a, b, layer, pairs, keys: 1, weight: pairs, evidence: [] });
const HEADLINE = 'Захарченко: ОБСЕ игнорирует гибель мирных жителей';

test('hand-worked summary of one three-account network', () => {
  const columns = columnsOf([
    act('1', 'a', utc(1, 10), { text: HEADLINE, urls: ['https://x.org/1'], target: 'p1' }),
    act('2', 'b', utc(1, 10, 1), { text: 'захарченко: обсе игнорирует гибель мирных жителей!!', urls: ['https://www.x.org/1?utm_source=vk'], target: 'p1' }),
    act('3', 'c', utc(2, 9), { text: 'Аминь', target: 'p1', urls: ['https://y.org'] }),
    act('4', 'c', utc(2, 9, 5), { urls: ['https://y.org'] }), // one member's own link: not the network's
    act('5', 'd', utc(1, 10, 2), { text: HEADLINE, target: 'p1' }), // outsider: not counted
  ]);
  const edges = [
    edge('vk:a', 'vk:b', 'co-text', 1),
    edge('vk:a', 'vk:c', 'co-target', 2),
    edge('vk:b', 'vk:c', 'co-target', 1),
    edge('vk:c', 'vk:d', 'co-share', 5), // leaves the network: not in its layers
  ];
  const scores = new Map([['vk:a', 0.8], ['vk:b', 0.6], ['vk:c', 0.4], ['vk:d', 0.9]]);
  const how = new Array<number>(168).fill(0);
  how[10] = 2; // Monday 10:00 UTC
  how[24 + 9] = 2; // Tuesday 09:00 UTC
  const [n, ...rest] = summariseNetworks(columns, [['vk:a', 'vk:b', 'vk:c']], edges, scores);
  assert.equal(rest.length, 0);
  assert.ok(Math.abs(n!.score - 0.6) < 1e-12);
  assert.deepEqual({ ...n!, score: 0 }, {
    id: 1,
    members: ['vk:a', 'vk:b', 'vk:c'],
    score: 0,
    layers: { 'co-target': 3, 'co-text': 1 },
    first: utc(1, 10),
    last: utc(2, 9, 5),
    topTexts: [{ text: HEADLINE, actions: 2, accounts: 2 }], // "Аминь" is too short to count as a shared text
    topLinks: [{ url: 'https://x.org/1', actions: 2 }], // one link once the tracking parameter and www. are gone
    topTargets: [{ target: 'vk:p1', actions: 3 }],
    timeline: [{ day: '2024-01-01', actions: 2 }, { day: '2024-01-02', actions: 2 }],
    hourOfWeek: how,
  });
});

test('a network whose members have no actions in the read gets an empty profile', () => {
  const [n] = summariseNetworks(columnsOf([]), [['vk:x', 'vk:y', 'vk:z']], [], new Map());
  assert.equal(n?.first, 0);
  assert.deepEqual(n?.timeline, []);
  assert.equal(n?.score, 0);
});
