import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AccountSignals } from '../run.ts';
import { WEAK_SIGNALS, weakSignals } from './weak-signals.ts';

const base: AccountSignals = {
  actions: 12, hourOfWeek: new Array<number>(168).fill(0), nightShare: 0.1, officeHoursShare: 0.3, activeDays: 6,
  actionsPerDay: 2, emptyBio: false, ownPosts: 2, templatedHandle: false, timedActions: 12,
};

test('an ordinary account fires nothing', () => {
  assert.deepEqual(weakSignals(base), []);
});

test('every weak signal at once, in the fixed order', () => {
  const s: AccountSignals = {
    ...base, nightShare: 0.35, officeHoursShare: 0.8, actionsPerDay: 50, emptyBio: true, ownPosts: 0,
    templatedHandle: true, shift: true, alternatesWith: ['vk:b'], ageAtFirstActionDays: 29.9,
  };
  assert.deepEqual(weakSignals(s), [...WEAK_SIGNALS]);
});

test('shares need ≥ 10 timed actions; age 30 days is not young; negative ages (bad data) are ignored', () => {
  assert.deepEqual(weakSignals({ ...base, timedActions: 9, nightShare: 1, officeHoursShare: 1 }), []);
  assert.deepEqual(weakSignals({ ...base, ageAtFirstActionDays: 30 }), []);
  assert.deepEqual(weakSignals({ ...base, ageAtFirstActionDays: -3 }), []);
  assert.deepEqual(weakSignals({ ...base, actions: 9, ownPosts: 0 }), []);
});
