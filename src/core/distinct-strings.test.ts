import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { distinctOf, distinctStrings, expandDistinct } from './distinct-strings.ts';

test('distinct strings: each value once, in order of first appearance, and the list back from the codes', () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.constantFrom('Привет', 'a', '', '🙂'), fc.string()), { maxLength: 80 }), (texts) => {
      const { values, codes } = distinctStrings(texts);
      assert.deepEqual(values, [...new Set(texts)]);
      assert.equal(codes.length, texts.length);
      assert.deepEqual(expandDistinct({ values, codes }), texts);
    }),
  );
  assert.equal(expandDistinct({ values: ['a'], codes: Int32Array.of(0, 1) }), undefined, 'a code outside the values');
});

test('distinctOf makes the distinct values of a list once and gives them to every caller', () => {
  const texts = ['b', 'a', 'b'];
  const d = distinctOf(texts);
  assert.deepEqual({ values: d.values, codes: [...d.codes] }, { values: ['b', 'a'], codes: [0, 1, 0] });
  assert.equal(distinctOf(texts), d);
  assert.notEqual(distinctOf([...texts]), d, 'another list with the same strings is its own');
});

test('a list expanded from its distinct values gives them back through distinctOf, unless they are not as distinctStrings makes them', () => {
  const texts = ['b', 'a', 'b', 'c', 'a'];
  const d = distinctStrings(texts);
  assert.equal(distinctOf(expandDistinct(d)!), d, 'numbered by first appearance: remembered');
  // The same list from values in another order, or with a value twice: made again, as distinctStrings makes it.
  for (const other of [{ values: ['a', 'b', 'c'], codes: Int32Array.of(1, 0, 1, 2, 0) }, { values: ['b', 'a', 'c', 'a'], codes: Int32Array.of(0, 1, 0, 2, 3) }]) {
    const out = expandDistinct(other)!;
    assert.deepEqual(out, texts);
    assert.notEqual(distinctOf(out), other);
    assert.deepEqual(distinctOf(out), distinctStrings(texts));
  }
});
