import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { sortedStrings } from './compare-strings.ts';

/** One-byte strings that share prefixes, differ late and end early (the keyed sort's cases). */
const oneByte = fc.oneof(
  fc.string({ unit: fc.constantFrom('0', '1', '9', 'a', 'Z', ':', '\u0000', '\u00fe'), maxLength: 12 }).map((s) => `1000${s}`),
  fc.string({ unit: fc.constantFrom('0', '1', '2'), maxLength: 8 }),
  fc.string({ maxLength: 6 }),
);
/** Now and then a string with a character of 255 or more (the plain sort's case). */
const any = fc.oneof(oneByte, fc.constantFrom('ё', '😀', 'x\u00ff', 'x\u0100'));

for (const [name, strings] of [['one-byte strings', oneByte], ['any strings', any]] as const) {
  test(`sortedStrings: the order of a plain sort, ${name}, lists small and large`, () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(strings, { maxLength: 63 }), fc.array(strings, { minLength: 64, maxLength: 400 })), (list) => {
        const before = [...list];
        assert.deepStrictEqual(sortedStrings(list), [...list].sort());
        assert.deepStrictEqual(list, before, 'the list itself is left as it was');
      }),
      { numRuns: 300 },
    );
  });
}

test('sortedStrings: thousands of ids whose first characters after a shared prefix repeat (long and short runs, shorter ids first)', () => {
  // Long runs: 7 keys for 5,000 ids; short runs: 400 keys of about 12; the rest of each id in a scrambled order.
  const long = Array.from({ length: 5000 }, (_, k) => `1000${k % 7}0000${(k * 7919) % 10_007}`);
  const short = Array.from({ length: 5000 }, (_, k) => `${String(k % 400).padStart(3, '0')}00${(k * 31) % 13}`);
  const facebook = Array.from({ length: 5000 }, (_, k) => `1000${String((k * 7919) % 100_003).padStart(11, '0')}`);
  for (const list of [long, short, facebook, [...long, ...short]]) assert.deepStrictEqual(sortedStrings(list), [...list].sort());
});
