import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clip, formatGap, formatOffset, formatP } from './format.ts';

test('gaps read as people say them', () => {
  assert.deepEqual([0, 450, 42_000, 185_000, 7_620_000, 4 * 86_400_000 + 3 * 3_600_000].map(formatGap), [
    '0s', '450ms', '42s', '3m 05s', '2h 07m', '4d 3h',
  ]);
});

test('p-values: two significant digits, exponent below 0.001', () => {
  assert.deepEqual([0.05, 0.0123, 0.001, 3.21e-8, 0].map(formatP), ['p = 0.05', 'p = 0.012', 'p = 0.001', 'p = 3.2e-8', 'p < 1e-300']);
});

test('offsets and clipping', () => {
  assert.deepEqual([6, 0, -3.5, 5.75].map(formatOffset), ['UTC+6', 'UTC', 'UTC−3:30', 'UTC+5:45']);
  assert.equal(clip('a  b\nc', 10), 'a b c');
  assert.equal(clip('abcdefghijk', 5), 'abcd…');
});
