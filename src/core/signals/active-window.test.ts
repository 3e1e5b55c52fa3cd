import assert from 'node:assert/strict';
import { test } from 'node:test';
import { activeWindow, windowsDisjoint } from './active-window.ts';

const hours = (spec: Record<number, number>): number[] => Array.from({ length: 24 }, (_, h) => spec[h] ?? 0);

test('a 9-to-18 worker has a 9-hour window starting at 9', () => {
  const counts = hours({ 9: 2, 10: 2, 11: 2, 12: 2, 13: 2, 14: 2, 15: 2, 16: 2, 17: 2 });
  assert.deepEqual(activeWindow(counts), { start: 9, hours: 9, share: 1 });
});

test('the window wraps past midnight and may leave out a tenth of the actions', () => {
  // 9 actions 22:00–01:59, one stray at 12:00: 9/10 = 0.9 reaches the cover without the stray.
  const counts = hours({ 22: 3, 23: 3, 0: 2, 1: 1, 12: 1 });
  assert.deepEqual(activeWindow(counts), { start: 22, hours: 4, share: 0.9 });
});

test('no actions, no window', () => {
  assert.equal(activeWindow(hours({})), undefined);
});

test('disjoint windows: day shift 08–16 and evening shift 16–24 alternate; overlapping ones do not', () => {
  assert.equal(windowsDisjoint({ start: 8, hours: 8, share: 1 }, { start: 16, hours: 8, share: 1 }), true);
  assert.equal(windowsDisjoint({ start: 8, hours: 9, share: 1 }, { start: 16, hours: 8, share: 1 }), false);
  assert.equal(windowsDisjoint({ start: 22, hours: 4, share: 1 }, { start: 1, hours: 3, share: 1 }), false);
  assert.equal(windowsDisjoint({ start: 22, hours: 4, share: 1 }, { start: 2, hours: 3, share: 1 }), true);
});
