import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Account } from '../model.ts';
import { AccountIndex, compareKeys } from './account-index.ts';
import { HandleFamilies } from './handle-skeleton.ts';

/** Accounts of platforms that prefix one another (vk, vk2, vk;), ids that may hold a colon, handles of two families. */
const account: fc.Arbitrary<Account> = fc.record(
  {
    platform: fc.constantFrom('vk', 'vk2', 'vk;', 'telegram', 'x'),
    id: fc.string({ unit: fc.constantFrom('1', '2', '10', 'a', ':', 'ё'), maxLength: 4 }),
    handle: fc.constantFrom('ivan_1990', 'olga_1985', 'a.b', ' '),
  },
  { requiredKeys: ['platform', 'id'] },
);
const key = (a: Pick<Account, 'platform' | 'id'>): string => `${a.platform}:${a.id}`;
const byKeyString = (x: Account, y: Account): number => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0);

test('compareKeys: the order of the key strings `platform:id`', () => {
  fc.assert(
    fc.property(account, account, (x, y) => assert.equal(Math.sign(compareKeys(x, y)), Math.sign(byKeyString(x, y)))),
    { numRuns: 1000 },
  );
});

test('AccountIndex: the last account given for a key, sorted (binary search) or not (a map)', () => {
  fc.assert(
    fc.property(fc.array(account, { maxLength: 40 }), fc.boolean(), fc.array(account, { maxLength: 5 }), (list, sort, asked) => {
      // Sorted and each key once, or as generated (duplicates, any order).
      const accounts = sort ? [...new Map(list.map((a) => [key(a), a])).values()].sort(byKeyString) : list;
      const index = new AccountIndex(accounts);
      const last = new Map(accounts.map((a, i) => [key(a), i]));
      for (const k of [...accounts.map(key), ...asked.map(key), 'no-colon']) assert.equal(index.indexOf(k), last.get(k) ?? -1, k);
      if (sort) assert.equal(index.sorted, true);
    }),
    { numRuns: 500 },
  );
});

test('HandleFamilies: the same families for sorted accounts (no map) as for the same accounts in any order', () => {
  fc.assert(
    fc.property(fc.array(account, { maxLength: 40 }), fc.array(account, { maxLength: 5 }), (list, asked) => {
      const distinct = [...new Map(list.map((a) => [key(a), a])).values()];
      const sorted = [...distinct].sort(byKeyString);
      const shuffled = [...distinct].reverse();
      fc.pre(distinct.length < 2 || !new AccountIndex(shuffled).sorted);
      const entries = (m: Map<string, unknown>) => [...m].sort((x, y) => (x[0] < y[0] ? -1 : 1));
      const [inOrder, anyOrder] = [new HandleFamilies(sorted), new HandleFamilies(shuffled)];
      assert.deepEqual(entries(inOrder.all()), entries(anyOrder.all()));
      const select = [...asked.map(key), ...distinct.slice(0, 3).map(key)];
      assert.deepEqual(select.map((k) => inOrder.of(k)), select.map((k) => anyOrder.of(k)));
    }),
    { numRuns: 500 },
  );
});
