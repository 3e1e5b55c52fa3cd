import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { NetworkFinding } from '../run.ts';
import { networkLine, networkText } from './network-text.ts';

const n: NetworkFinding = {
  id: 3, members: ['vk:a', 'vk:b', 'vk:c'], score: 0.756, layers: { 'co-share': 12, 'co-text': 3 },
  first: Date.UTC(2024, 0, 1, 10), last: Date.UTC(2024, 0, 5, 9),
  topTexts: [{ text: 'Захарченко: ОБСЕ игнорирует гибель мирных жителей', actions: 3, accounts: 3 }],
  topLinks: [{ url: 'https://x.org/1', actions: 4 }], topTargets: [{ target: 'vk:p1', actions: 5 }],
  timeline: [{ day: '2024-01-01', actions: 6 }, { day: '2024-01-05', actions: 9 }], hourOfWeek: new Array<number>(168).fill(0),
};

test('network line and block', () => {
  assert.equal(
    networkLine(n),
    '#3  score 0.76  3 accounts  layers: co-share 12, co-text 3  2024-01-01 … 2024-01-05 (2 active days)  "Захарченко: ОБСЕ игнорирует гибель мирных жителей"',
  );
  assert.deepEqual(networkText(n, { members: 2 }).slice(1), [
    '  members: vk:a, vk:b … 1 more',
    '  text       3 actions, 3 accounts: Захарченко: ОБСЕ игнорирует гибель мирных жителей',
    '  link       4 actions: https://x.org/1',
    '  target     5 actions: vk:p1',
    '  busiest days: 2024-01-05 9, 2024-01-01 6',
  ]);
});
