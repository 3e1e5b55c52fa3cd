import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { hash32, pickCumulative, Rng } from './rng.ts';

test('the same seed gives the same stream; another seed a different one', () => {
  const a = new Rng(7);
  const b = new Rng(7);
  const c = new Rng(8);
  const xs = Array.from({ length: 50 }, () => a.u32());
  assert.deepEqual(Array.from({ length: 50 }, () => b.u32()), xs);
  assert.notDeepEqual(Array.from({ length: 50 }, () => c.u32()), xs);
});

test('forks are independent of draws made on the parent', () => {
  const a = new Rng(3);
  const b = new Rng(3);
  b.u32();
  b.u32();
  assert.equal(a.fork('x').u32(), b.fork('x').u32());
  assert.notEqual(a.fork('x').u32(), a.fork('y').u32());
});

test('int and range stay within bounds', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 1, max: 1000 }), (seed, n) => {
    const r = new Rng(seed);
    for (let i = 0; i < 20; i++) {
      const x = r.int(n);
      const y = r.range(-n, n);
      if (x < 0 || x >= n || !Number.isInteger(x) || y < -n || y > n) return false;
    }
    return true;
  }));
});

test('pickCumulative never picks a zero-weight slot and follows the weights', () => {
  const cum = [0, 1, 1, 4];
  const r = new Rng(11);
  const counts = [0, 0, 0, 0];
  for (let i = 0; i < 8000; i++) {
    const k = pickCumulative(cum, r);
    counts[k] = (counts[k] ?? 0) + 1;
  }
  assert.equal(counts[0], 0);
  assert.equal(counts[2], 0);
  // weights 1 : 3, so about a quarter lands on slot 1
  assert.ok(Math.abs((counts[1] as number) / 8000 - 0.25) < 0.03, `slot 1 got ${counts[1]}`);
});

test('hash32 is FNV-1a', () => {
  assert.equal(hash32(''), 0x811c9dc5);
  assert.equal(hash32('a'), 0xe40c292c);
});
