import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { HammingIndex, linearWithin, slotBitsFor } from './hamming-index.ts';
import { HASH_WORDS, type Hash256 } from './hash256.ts';

// Seeded xorshift words; some hashes are planted near others so every radius has hits.
function hashes(n: number, seed: number): Uint32Array {
  const w = new Uint32Array(n * HASH_WORDS);
  let s = seed >>> 0 || 1;
  const next = (): number => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return s >>> 0;
  };
  for (let i = 0; i < n; i++) {
    if (i > 0 && next() % 3 === 0) {
      const src = next() % i;
      for (let k = 0; k < HASH_WORDS; k++) w[i * HASH_WORDS + k] = w[src * HASH_WORDS + k]!;
      const flips = next() % 60;
      for (let f = 0; f < flips; f++) {
        const bit = next() % 256;
        w[i * HASH_WORDS + (bit >>> 5)] = w[i * HASH_WORDS + (bit >>> 5)]! ^ (1 << (bit & 31));
      }
    } else {
      for (let k = 0; k < HASH_WORDS; k++) w[i * HASH_WORDS + k] = next();
    }
  }
  return w;
}

test('multi-index search returns exactly what a linear scan returns, for every radius', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 400 }), fc.nat(), fc.constantFrom(0, 1, 7, 15, 16, 17, 31, 32, 40, 47, 48, 60), (n, seed, d) => {
      const words = hashes(n, seed);
      const index = new HammingIndex(words);
      for (let qi = 0; qi < Math.min(n, 25); qi++) {
        const q = words.slice(qi * HASH_WORDS, (qi + 1) * HASH_WORDS) as Hash256;
        assert.deepEqual(index.within(q, d), linearWithin(words, q, d));
      }
    }),
    { seed: 13, numRuns: 60 },
  );
});

test('a query finds itself at distance 0 and a copy with 31 flipped bits at 31', () => {
  const words = hashes(1000, 99);
  const q = words.slice(500 * HASH_WORDS, 501 * HASH_WORDS) as Hash256;
  const far = q.slice() as Hash256;
  for (let bit = 0; bit < 31 * 8; bit += 8) far[bit >>> 5] = far[bit >>> 5]! ^ (1 << (bit & 31));
  const all = new Uint32Array(1001 * HASH_WORDS);
  all.set(words);
  all.set(far, 1000 * HASH_WORDS);
  const hits = new HammingIndex(all).within(q, 31);
  assert.ok(hits.some((h) => h.id === 500 && h.distance === 0));
  assert.ok(hits.some((h) => h.id === 1000 && h.distance === 31));
  assert.equal(new HammingIndex(all).within(q, 30).some((h) => h.id === 1000), false);
});

test('wider slots (17–19 bits) and the batch search return what a linear scan returns', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 300 }), fc.nat(), fc.constantFrom(16, 17, 18, 19), fc.constantFrom(0, 5, 12, 13, 24, 25, 31, 40), (n, seed, bits, d) => {
      const words = hashes(n, seed);
      const index = new HammingIndex(words, bits);
      const nq = Math.min(n, 20);
      const queries = words.slice(0, nq * HASH_WORDS);
      const batch = Array.from({ length: nq }, () => new Map<number, number>());
      index.forEachPairWithin(queries, d, (qi, id, dist) => batch[qi]!.set(id, dist));
      for (let qi = 0; qi < nq; qi++) {
        const q = words.slice(qi * HASH_WORDS, (qi + 1) * HASH_WORDS) as Hash256;
        const expected = linearWithin(words, q, d);
        assert.deepEqual(index.within(q, d), expected);
        assert.deepEqual([...batch[qi]!].map(([id, distance]) => ({ id, distance })).sort((x, y) => x.id - y.id), expected);
      }
    }),
    { seed: 29, numRuns: 60 },
  );
});

test('slot width: 16 bits for PDQ radius 31 at any size; wider for radius 24 as the index grows', () => {
  assert.equal(slotBitsFor(10_000_000, 31), 16);
  assert.equal(slotBitsFor(1000, 24), 16);
  assert.equal(slotBitsFor(20_000, 24), 16);
  assert.equal(slotBitsFor(50_000, 24), 17);
  assert.equal(slotBitsFor(100_000, 24), 18);
  assert.equal(slotBitsFor(1_000_000, 24), 19);
  // 13 slots of 19 bits: one-bit probes still cover radius 2·13 − 1 = 25, but not 26.
  assert.equal(slotBitsFor(1_000_000, 26), 18);
});
