import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minhashFamily, minhashInto, ophInto } from './minhash.ts';
import { fmix32 } from '../normalise/hash.ts';
import type { ShingleSets } from './shingles.ts';

/** Two sets over distinct uniform hashes u[0..]: A = u[0, aEnd), B = u[bStart, bEnd). */
function pair(aEnd: number, bStart: number, bEnd: number): ShingleSets {
  const u = (x: number) => fmix32(x + 12345);
  const a = Array.from({ length: aEnd }, (_, x) => u(x)).sort((p, q) => p - q);
  const b = Array.from({ length: bEnd - bStart }, (_, x) => u(x + bStart)).sort((p, q) => p - q);
  return { offsets: Int32Array.from([0, a.length, a.length + b.length]), hashes: Uint32Array.from([...a, ...b]) };
}

/** Share of equal signature positions of texts 0 and 1, averaged over `seeds` seeds. */
function agreement(sets: ShingleSets, sign: (seed: number, i: number, out: Uint32Array) => void, seeds = 300): number {
  const a = new Uint32Array(128);
  const b = new Uint32Array(128);
  let same = 0;
  for (let seed = 1; seed <= seeds; seed++) {
    sign(seed, 0, a);
    sign(seed, 1, b);
    for (let j = 0; j < 128; j++) if (a[j] === b[j]) same++;
  }
  return same / (seeds * 128);
}

const oph = (sets: ShingleSets) => (seed: number, i: number, out: Uint32Array) => ophInto(sets, i, seed, out);
const classic = (sets: ShingleSets) => (seed: number, i: number, out: Uint32Array) =>
  minhashInto(sets, i, minhashFamily(128, seed), out);

test('signature positions agree at the Jaccard rate: long sets (J = 60/100) and short ones (J = 12/20, densified)', () => {
  for (const sets of [pair(80, 20, 100), pair(16, 4, 20)]) {
    for (const sign of [oph(sets), classic(sets)]) {
      const rate = agreement(sets, sign);
      assert.ok(Math.abs(rate - 0.6) < 0.03, `agreement ${rate}, expected ≈ 0.6`);
    }
  }
});

test('identical sets give identical signatures; disjoint sets almost never agree', () => {
  const same = pair(30, 0, 30);
  assert.equal(agreement(same, oph(same), 20), 1);
  const apart = pair(30, 30, 60);
  assert.ok(agreement(apart, oph(apart), 50) < 0.01);
  assert.ok(agreement(apart, classic(apart), 50) < 0.01);
});

test('OPH rejects a signature length that is not a power of two', () => {
  assert.throws(() => ophInto(pair(3, 0, 3), 0, 1, new Uint32Array(100)), RangeError);
});
