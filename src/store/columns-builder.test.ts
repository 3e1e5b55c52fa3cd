import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { ACTION_KINDS, TIME_PRECISIONS } from '../core/model.ts';
import { id, list, PLATFORMS, referenceColumns } from '../../test/support/columns-reference.ts';
import { buildColumns, type ColumnRow } from './columns-builder.ts';
import { timeOrder } from './columns-order.ts';

const row = (platforms: readonly string[]) =>
  fc.tuple(
    fc.constantFrom(...platforms), id, id, fc.oneof(fc.constantFrom(...ACTION_KINDS, 'unknown'), fc.integer({ min: -1, max: 5 })),
    fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: -5e12, max: 5e12 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })),
    fc.oneof(fc.constantFrom(...TIME_PRECISIONS, 'weird'), fc.integer({ min: -1, max: 4 })),
    fc.option(id, { nil: null }), fc.option(id, { nil: null }), fc.option(fc.string(), { nil: null }), list, list, list, fc.nat(1_000_000),
  ) as fc.Arbitrary<ColumnRow>;

/** Rows whose (platform, id) is unique, as a store's are. */
const rows = (platforms: readonly string[]) =>
  fc.uniqueArray(row(platforms), { maxLength: 60, selector: (r) => `${r[0]}\u0000${r[1]}` });

for (const platforms of [PLATFORMS.filter((p) => !p.includes(':')), PLATFORMS]) {
  test(`buildColumns: the same columns as the plain reference (dictionaries, codes, order), platforms ${platforms.join(' ')}`, () => {
    fc.assert(
      fc.property(rows(platforms), (rs) => {
        assert.deepStrictEqual(buildColumns(rs, rs.length), referenceColumns(rs));
      }),
      { numRuns: 300 },
    );
  });
}

test('buildColumns: rows that arrive in time order, their equal times in any order, as the plain reference (ties ordered)', () => {
  const timed = fc.uniqueArray(
    fc.tuple(row(PLATFORMS.filter((p) => !p.includes(':'))), fc.integer({ min: 0, max: 4 })).map(([r, t]): ColumnRow => {
      const out = [...r] as ColumnRow;
      out[4] = t;
      return out;
    }),
    { maxLength: 60, selector: (r) => `${r[0]}\u0000${r[1]}` },
  );
  fc.assert(
    fc.property(timed, (rs) => {
      // Stable: rows of one time keep their generated order, so most runs of ties arrive out of (platform, id) order.
      const inTime = [...rs].sort((x, y) => (x[4] as number) - (y[4] as number));
      assert.deepStrictEqual(buildColumns(inTime, inTime.length), referenceColumns(inTime));
    }),
    { numRuns: 300 },
  );
});

test('buildColumns: rows in time order with a few ties out of order (moved in place), as the plain reference', () => {
  const rowsOf = fc.uniqueArray(row(PLATFORMS.filter((p) => !p.includes(':'))), { minLength: 130, maxLength: 200, selector: (r) => `${r[0]}\u0000${r[1]}` });
  fc.assert(
    fc.property(rowsOf, fc.uniqueArray(fc.integer({ min: 1, max: 129 }), { maxLength: 4 }), (rs, tied) => {
      // Distinct rising times, then up to four rows given their predecessor's time: ties of two, in any order.
      const inTime = rs.map((r, i): ColumnRow => {
        const out = [...r] as ColumnRow;
        out[4] = i * 10;
        return out;
      });
      for (const i of tied) inTime[i]![4] = inTime[i - 1]![4];
      assert.deepStrictEqual(buildColumns(inTime, inTime.length), referenceColumns(inTime));
    }),
    { numRuns: 300 },
  );
});

test('buildColumns: two accounts whose keys are one string (platforms with a colon) share one dictionary entry', () => {
  // Account "b:x" of platform "a" and account "x" of platform "a:b" are both `a:b:x` (fast-check found it in CI).
  const rs: ColumnRow[] = [
    ['a', '1', 'b:x', 'post', 0, 'ms', null, null, null, null, null, null, 0],
    ['a:b', '1', 'x', 'post', 0, 'ms', null, null, null, null, null, null, 1],
    ['a:b', '2', 'a', 'post', 0, 'ms', null, null, null, null, null, null, 2],
  ];
  const got = buildColumns(rs, rs.length);
  assert.deepStrictEqual(got, referenceColumns(rs));
  assert.deepStrictEqual(got.accountKeys, ['a:b:a', 'a:b:x']);
  assert.equal(got.account[0], got.account[1]);
});

test('buildColumns: a row count other than the one announced is a bug', () => {
  const r: ColumnRow = ['vk', '1', 'a', 'post', 0, 's', null, null, null, null, null, null, 1];
  assert.throws(() => buildColumns([r, r], 1), /more rows than its count/);
  assert.throws(() => buildColumns([r], 2), /returned 1 rows, expected 2/);
});

test('timeOrder: indices by time, ties in index order, as a stable comparator sort; undefined when keys cannot be packed', () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: -8e15, max: 8e15 })), { maxLength: 300 }), (ts) => {
      const time = Float64Array.from(ts);
      const expected = Int32Array.from(ts.map((_, i) => i).sort((a, b) => time[a]! - time[b]! || a - b));
      const got = timeOrder(time);
      const span = ts.length === 0 ? 0 : Math.max(...ts) - Math.min(...ts);
      if (got === undefined) assert.ok(span >= 2 ** (53 - Math.ceil(Math.log2(ts.length + 1))) || ts.length === 0, `packable span ${span} refused`);
      else assert.deepStrictEqual(got, expected);
    }),
    { numRuns: 300 },
  );
  assert.equal(timeOrder(Float64Array.from([1.5, 2])), undefined, 'fractional times');
  assert.deepStrictEqual(timeOrder(Float64Array.from([1_732_838_400_000, 5, 5, 0])), Int32Array.from([3, 1, 2, 0]));
});
