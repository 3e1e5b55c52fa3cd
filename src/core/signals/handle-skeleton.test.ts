import assert from 'node:assert/strict';
import fc from 'fast-check';
import { test } from 'node:test';
import type { Account } from '../model.ts';
import { HandleFamilies, handleSkeleton, isTemplated } from './handle-skeleton.ts';

test('skeleton: letter runs collapse to L (any script), each digit is D, other characters stay', () => {
  assert.equal(handleSkeleton('ivan_petrov_1987'), 'L_L_DDDD');
  assert.equal(handleSkeleton('@Maria.Ivanova90'), 'L.LDD');
  assert.equal(handleSkeleton('айгуль1990'), 'LDDDD');
  assert.equal(handleSkeleton('x1y2'), 'LDLD');
  assert.equal(handleSkeleton('１２ab'), 'DDL'); // full-width digits fold under NFKC
});

test('families are per platform and counted over accounts with a handle', () => {
  const accounts: Account[] = [
    { platform: 'vk', id: '1', handle: 'ivan_petrov_1987' },
    { platform: 'vk', id: '2', handle: 'olga_sidorova_1990' },
    { platform: 'vk', id: '3', handle: 'anna_k_2001' },
    { platform: 'twitter', id: '4', handle: 'bob_smith_1970' },
    { platform: 'vk', id: '5' },
  ];
  const families = new HandleFamilies(accounts);
  const f = families.all();
  assert.deepEqual(f.get('vk:1'), { skeleton: 'L_L_DDDD', family: 3 });
  assert.deepEqual(f.get('vk:3'), { skeleton: 'L_L_DDDD', family: 3 });
  assert.deepEqual(f.get('twitter:4'), { skeleton: 'L_L_DDDD', family: 1 });
  assert.equal(f.has('vk:5'), false);
  // Asked key by key: those with a handle, in families counted over every account.
  const some = ['vk:3', 'vk:5', 'twitter:4', 'vk:404', 'no-colon'].map((k) => families.of(k));
  assert.deepEqual(some, [{ skeleton: 'L_L_DDDD', family: 3 }, undefined, { skeleton: 'L_L_DDDD', family: 1 }, undefined, undefined]);
});

test('a template needs a family of at least k and a digit in the skeleton', () => {
  assert.equal(isTemplated('L_L_DDDD', 5, 5), true);
  assert.equal(isTemplated('L_L_DDDD', 4, 5), false);
  assert.equal(isTemplated('L_L', 500, 5), false);
});

test('an account listed twice is one member of its family', () => {
  const a: Account = { platform: 'vk', id: '1', handle: 'ivan_1990' };
  assert.equal(new HandleFamilies([a, a, { ...a, id: '2' }]).of('vk:1')?.family, 2);
});

test('an account listed twice has its last handle; a later listing without one keeps the earlier', () => {
  const a: Account = { platform: 'vk', id: '1', handle: 'ivan_1990' };
  assert.equal(new HandleFamilies([a, { ...a, handle: 'olga.k' }]).of('vk:1')?.skeleton, 'L.L');
  // Out of key order (vk:1 before vk:0): the map path of the index.
  const unsorted = [{ ...a, handle: 'olga.k' }, { ...a, id: '0' }, a, { platform: 'vk', id: '1' }];
  assert.deepEqual(new HandleFamilies(unsorted).of('vk:1'), { skeleton: 'L_DDDD', family: 2 });
});

test('property: an ASCII handle gets the skeleton of the Unicode rules (the fast path agrees with them)', () => {
  // The rules spelled out with Unicode properties, as the card states them: the reference for any handle.
  const reference = (handle: string): string =>
    [...handle.normalize('NFKC').replace(/^@/, '')]
      .map((ch) => (/\p{L}/u.test(ch) ? 'L' : /\p{Nd}/u.test(ch) ? 'D' : ch))
      .join('')
      .replace(/L+/g, 'L');
  const ascii = fc.string({ unit: fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)), maxLength: 24 });
  fc.assert(fc.property(ascii, (h) => handleSkeleton(h) === reference(h)), { numRuns: 2000, seed: 7 });
  for (const h of ['@', '@@x', 'a@b', 'Z_z', '[`{', '_0_9_', '']) assert.equal(handleSkeleton(h), reference(h), h);
});
