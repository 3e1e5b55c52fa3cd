import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listOf, parseCount, parseList, present } from './values.ts';

test('empty markers are absent', () => {
  for (const v of ['', '  ', 'NA', 'absent', 'None', 'null', '[]']) assert.equal(present(v), undefined, v);
  assert.equal(present(' x '), 'x');
});

test('counts accept 0.0 and thousands separators, refuse fractions', () => {
  assert.equal(parseCount('0.0'), 0);
  assert.equal(parseCount('1,234'), 1234);
  assert.equal(parseCount('absent'), undefined);
  assert.ok(Number.isNaN(parseCount('-1')));
  assert.ok(Number.isNaN(parseCount('2.5')));
});

test('lists: Python-style, JSON and whitespace-separated', () => {
  assert.deepEqual(parseList("['Россия']"), ['Россия']);
  assert.deepEqual(parseList("['a', 'b c']"), ['a', 'b c']);
  assert.deepEqual(parseList(`['it\\'s', "x"]`), ["it's", 'x']);
  assert.deepEqual(parseList('["https://e.org/1", "https://e.org/2"]'), ['https://e.org/1', 'https://e.org/2']);
  assert.deepEqual(parseList('[2318957012, 42]'), ['2318957012', '42']);
  assert.deepEqual(parseList('a  b\tc'), ['a', 'b', 'c']);
  assert.deepEqual(parseList('[]'), []);
  assert.equal(parseList("['unclosed"), undefined);
  assert.equal(parseList("['a', 'b"), undefined);
});

test('list values never hold newlines (the store joins lists with them)', () => {
  assert.deepEqual(listOf(['a\nb', '', 'c']), ['a b', 'c']);
  assert.deepEqual(listOf(7), ['7']);
  assert.equal(listOf({ a: 1 }), undefined);
});
