import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { PairIndex } from './pair-table.ts';

test('property: PairIndex numbers unordered pairs as a Map of sorted pairs does; absent pairs give −1', () => {
  const pair = fc.tuple(fc.nat(40), fc.nat(40)).filter(([x, y]) => x !== y);
  fc.assert(
    fc.property(fc.array(pair, { maxLength: 60 }), fc.array(pair, { maxLength: 30 }), (kept, asked) => {
      const index = new PairIndex(kept.length);
      const reference = new Map<string, number>();
      const key = (x: number, y: number): string => (x < y ? `${x}-${y}` : `${y}-${x}`);
      kept.forEach(([x, y], i) => {
        index.set(y, x, i);
        reference.set(key(x, y), i);
      });
      for (const [x, y] of [...kept, ...asked]) assert.equal(index.get(x, y), reference.get(key(x, y)) ?? -1);
    }),
  );
});
