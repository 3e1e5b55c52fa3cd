import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildColumns, type ColumnRow } from '../store/columns-builder.ts';
import { inputHash } from './input-hash.ts';

const row = (id: string, account: string, time: number): ColumnRow => [
  'vk', id, account, 'post', time, 's', null, null, 'текст', null, null, null, 1,
];
/** The rows as a store reads them (seq 1, 2, … in the order given). */
const columns = (rows: ColumnRow[]) =>
  buildColumns(rows.map((r, i): ColumnRow => [...r.slice(0, 12), i + 1] as ColumnRow), rows.length);

test('the input hash: the same for the same columns; another for another id, account or time, or ids split elsewhere', () => {
  const base = [row('ab', 'u1', 1000), row('c', 'u2', 2000)];
  const h = inputHash(columns(base));
  assert.match(h, /^[0-9a-f]{64}$/);
  assert.equal(inputHash(columns(base)), h, 'read twice');
  assert.equal(inputHash(columns([...base].reverse())), h, 'rows in another order read to the same columns');
  const changed: [string, ColumnRow[]][] = [
    ['an id', [row('ab', 'u1', 1000), row('d', 'u2', 2000)]],
    ['ids split elsewhere', [row('a', 'u1', 1000), row('bc', 'u2', 2000)]],
    ['an account', [row('ab', 'u1', 1000), row('c', 'u3', 2000)]],
    ['a time', [row('ab', 'u1', 1000), row('c', 'u2', 3000)]],
  ];
  for (const [what, rows] of changed) assert.notEqual(inputHash(columns(rows)), h, what);
});
