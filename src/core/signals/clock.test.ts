import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dayNumber, dayString, hourOfWeek } from './clock.ts';

test('hour of week: Monday 00:00 UTC is bin 0, Sunday 23:00 is 167, the epoch (a Thursday) is 72', () => {
  assert.equal(hourOfWeek(Date.UTC(2024, 0, 1, 0, 0)), 0); // 2024-01-01 was a Monday
  assert.equal(hourOfWeek(Date.UTC(2024, 0, 7, 23, 59)), 167);
  assert.equal(hourOfWeek(0), 72);
  assert.equal(hourOfWeek(-1), 71);
});

test('a local offset shifts the bin: Sunday 20:00 UTC is Monday 02:00 in Bishkek (UTC+6)', () => {
  assert.equal(hourOfWeek(Date.UTC(2024, 0, 7, 20, 0), 6), 2);
  assert.equal(dayNumber(Date.UTC(2024, 0, 7, 20, 0), 6), dayNumber(Date.UTC(2024, 0, 8, 1, 0)));
  assert.equal(dayString(dayNumber(Date.UTC(2024, 0, 7, 20, 0), 6)), '2024-01-08');
});
