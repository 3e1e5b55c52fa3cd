import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { emptyHash, fromHex, getBit, hamming, popcount32, setBit, toHex } from './hash256.ts';

test('bit k sits where Meta prints it: bit 0 is the last hex digit, bit 255 the first', () => {
  const h = emptyHash();
  setBit(h, 0);
  assert.equal(toHex(h), '0'.repeat(63) + '1');
  const g = emptyHash();
  setBit(g, 255);
  assert.equal(toHex(g), '8' + '0'.repeat(63));
  // Bit 16 is bit 0 of Meta's word 1, printed as the second-to-last group of four digits.
  const w = emptyHash();
  setBit(w, 16);
  assert.equal(toHex(w), '0'.repeat(56) + '00010000');
});

test('hex round-trips and rejects what is not a hash', () => {
  fc.assert(
    fc.property(fc.stringMatching(/^[0-9a-f]{64}$/), (hex) => {
      assert.equal(toHex(fromHex(hex)!), hex);
    }),
    { seed: 5 },
  );
  assert.equal(fromHex('abc'), undefined);
  assert.equal(fromHex('g'.repeat(64)), undefined);
});

test('popcount and Hamming distance agree with counting bits one by one', () => {
  fc.assert(
    fc.property(fc.array(fc.nat(255), { maxLength: 40 }), fc.array(fc.nat(255), { maxLength: 40 }), (xs, ys) => {
      const a = emptyHash();
      const b = emptyHash();
      xs.forEach((k) => setBit(a, k));
      ys.forEach((k) => setBit(b, k));
      let naive = 0;
      for (let k = 0; k < 256; k++) if (getBit(a, k) !== getBit(b, k)) naive++;
      assert.equal(hamming(a, b), naive);
      assert.equal(hamming(b, a), naive);
    }),
    { seed: 7 },
  );
  assert.equal(popcount32(0xffffffff), 32);
  assert.equal(popcount32(0x80000001), 2);
});
