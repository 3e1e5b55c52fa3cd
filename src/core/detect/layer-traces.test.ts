import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ActionColumns, MultiColumn } from '../columns.ts';
import fc from 'fast-check';
import { layerRows, layerTraces, rowOrder } from './layer-traces.ts';

function multi(rows: string[][]): MultiColumn {
  const offsets = new Int32Array(rows.length + 1);
  rows.forEach((r, i) => (offsets[i + 1] = offsets[i]! + r.length));
  return { offsets, values: rows.flat() };
}

// Three actions by two accounts: a retweet, a reply with two links (one twice) and hashtags, a post with media.
const columns: ActionColumns = {
  count: 3,
  accountKeys: ['twitter:u1', 'twitter:u2'],
  account: Int32Array.from([0, 1, 0]),
  time: Float64Array.from([1000, 2000, 3000]),
  kind: Uint8Array.from([3, 2, 0]),
  precision: Uint8Array.from([1, 1, 1]),
  seq: Int32Array.from([0, 1, 2]),
  ids: ['t1', 't2', 't3'],
  platforms: ['twitter'],
  platform: Uint8Array.from([0, 0, 0]),
  targetKeys: ['twitter:p9'],
  target: Int32Array.from([-1, 0, -1]),
  sharedKeys: ['twitter:p7'],
  shared: Int32Array.from([0, -1, -1]),
  text: ['', '', ''],
  urls: multi([[], ['https://a.example/x', 'https://b.example/', 'https://a.example/x'], []]),
  hashtags: multi([[], ['Zed', 'alpha'], []]),
  media: multi([[], [], ['m1']]),
};

const rows = (l: ReturnType<typeof layerTraces>) =>
  Array.from({ length: l.traces.count }, (_, i) =>
    [l.accounts[l.traces.account[i]!], l.keys[l.traces.key[i]!], l.traces.time[i], l.actions[l.traces.action[i]!]].join(' '),
  );

test('co-share, co-target: one trace per action with the object; bare ids strip the platform', () => {
  assert.deepEqual(rows(layerTraces(columns, 'co-share')), ['twitter:u1 twitter:p7 1000 t1']);
  assert.deepEqual(rows(layerTraces(columns, 'co-target', { bareIds: true })), ['u2 p9 2000 t2']);
});

test('co-link and co-media: one trace per distinct value; co-hashtag: the sorted set as one key', () => {
  assert.deepEqual(rows(layerTraces(columns, 'co-link')), [
    'twitter:u2 https://a.example/x 2000 t2',
    'twitter:u2 https://b.example/ 2000 t2',
  ]);
  assert.deepEqual(rows(layerTraces(columns, 'co-media')), ['twitter:u1 m1 3000 t3']);
  // bareIds strips account prefixes but never touches URLs.
  assert.equal(rows(layerTraces(columns, 'co-link', { bareIds: true }))[0], 'u2 https://a.example/x 2000 t2');
  assert.deepEqual(rows(layerTraces(columns, 'co-hashtag')), ['twitter:u2 Zed alpha 2000 t2']);
});

test('co-text takes precomputed cluster ids; traces follow seq unless an input order is given', () => {
  const keyColumn = { key: Int32Array.from([0, -1, 0]), names: ['cluster-0'] };
  assert.deepEqual(rows(layerTraces(columns, 'co-text', { keyColumn, inputOrder: [5, 0, 1] })), [
    'twitter:u1 cluster-0 3000 t3',
    'twitter:u1 cluster-0 1000 t1',
  ]);
  assert.deepEqual(rows(layerTraces({ ...columns, seq: Int32Array.from([2, 1, 0]) }, 'co-text', { keyColumn })), [
    'twitter:u1 cluster-0 3000 t3',
    'twitter:u1 cluster-0 1000 t1',
  ]);
  assert.deepEqual(rows(layerTraces(columns, 'co-text', { keyColumn })), [
    'twitter:u1 cluster-0 1000 t1',
    'twitter:u1 cluster-0 3000 t3',
  ]);
  assert.throws(() => layerTraces(columns, 'co-text'), /keyColumn/);
});

test('rowOrder: rows by ascending order value, ties in row order, as a comparator sort (dense, sparse, fractional)', () => {
  const sparse = fc.oneof(
    fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => (Object.is(v, -0) ? 0 : v)),
  );
  const orders = fc.oneof(
    fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 300 }).map((o) => Int32Array.from(o)),
    fc.array(fc.oneof(fc.integer({ min: 0, max: 9 }), sparse), { maxLength: 40 }).map((o) => Float64Array.from(o)),
  );
  fc.assert(
    fc.property(orders, (order) => {
      const expected = [...order.keys()].sort((p, q) => order[p]! - order[q]! || p - q);
      assert.deepEqual([...rowOrder(order.length, order)], expected);
    }),
  );
});

test('layerRows: the actions (or list values) that can give each layer a trace, at least its trace count', () => {
  const expected = { 'co-share': 1, 'co-target': 1, 'co-link': 3, 'co-hashtag': 2, 'co-media': 1, 'co-text': 0 } as const;
  for (const [layer, n] of Object.entries(expected) as [keyof typeof expected, number][]) {
    assert.equal(layerRows(columns, layer), n, layer);
    if (layer !== 'co-text') assert.ok(layerTraces(columns, layer).traces.count <= n, `${layer}: no more traces than rows`);
  }
  assert.equal(layerRows({ ...columns, text: ['Привет', '', 'x'] }, 'co-text'), 2);
});
