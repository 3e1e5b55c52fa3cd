import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TraceBuilder } from './traces.ts';

test('a trace builder gives the traces pushed whatever room it was made with (none, too little, exact, too much)', () => {
  const pushed: [number, number, number, number][] = [[0, 1, 1000, 0], [1, 1, 1500, 1], [0, 2, 2000, 2]];
  const expected = {
    count: 3,
    account: Int32Array.of(0, 1, 0),
    key: Int32Array.of(1, 1, 2),
    time: Float64Array.of(1000, 1500, 2000),
    action: Int32Array.of(0, 1, 2),
  };
  for (const capacity of [0, 1, 3, 17, 100]) {
    const b = new TraceBuilder(capacity);
    for (const t of pushed) b.push(...t);
    assert.deepStrictEqual(b.build(), expected, `capacity ${capacity}`);
  }
  const exact = new TraceBuilder(16);
  for (let i = 0; i < 16; i++) exact.push(i, 0, i, i);
  assert.equal(exact.build().account.length, 16, 'full: all of it');
});
