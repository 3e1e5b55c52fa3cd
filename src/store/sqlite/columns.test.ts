import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ACTION_KINDS, TIME_PRECISIONS } from '../../core/model.ts';
import { action, batch } from '../store.contract.ts';
import Database from 'better-sqlite3';
import { readColumns, readColumnsAt, readRows } from './columns.ts';
import { openSqliteStore } from './index.ts';

const dir = mkdtempSync(join(tmpdir(), 'trollmap-columns-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('columns: kind and time precision codes (mapped in SQL) are their indices in the model’s lists', async () => {
  const store = await openSqliteStore(join(dir, 'kinds.db'));
  const session = await store.beginImport();
  // One action per kind, minute i, with the precisions in reverse order so that the two codes differ.
  await session.putActions(
    ACTION_KINDS.map((kind, i) =>
      action(String(i), `acc${i}`, i, { kind, precision: TIME_PRECISIONS[(TIME_PRECISIONS.length - 1 - i + 10) % TIME_PRECISIONS.length]! }),
    ),
  );
  await session.commit(batch('k'));
  const c = await store.readActionColumns();
  assert.deepEqual([...c.kind].map((k) => ACTION_KINDS[k]), [...ACTION_KINDS]);
  assert.deepEqual(
    [...c.precision].map((p) => TIME_PRECISIONS[p]),
    ACTION_KINDS.map((_, i) => TIME_PRECISIONS[(TIME_PRECISIONS.length - 1 - i + 10) % TIME_PRECISIONS.length]),
  );
  await store.close();
});

test('columns: onColumns gets the columns returned, before the snapshot is written (cold) and from the snapshot (warm)', async () => {
  const path = join(dir, 'hook.db');
  const store = await openSqliteStore(path);
  const session = await store.beginImport();
  await session.putActions(Array.from({ length: 40 }, (_, i) => action(`a${i}`, `acc${i % 7}`, 40 - i, { target: `p${i % 5}` })));
  await session.commit(batch('h'));
  await store.close();
  const db = new Database(path, { readonly: true });
  const snapshots = (): number => (db.prepare('SELECT count(*) AS n FROM column_snapshots').get() as { n: number }).n;
  for (const temp of ['cold', 'warm']) {
    const seen: { snapshotsThen: number; columns: unknown }[] = [];
    const got = readColumnsAt(path, {}, { snapshotMinActions: 0, onColumns: (c) => seen.push({ snapshotsThen: snapshots(), columns: c }) });
    assert.equal(seen.length, 1, `${temp}: called once`);
    assert.equal(seen[0]!.columns, got, `${temp}: with the very columns returned`);
    assert.equal(seen[0]!.snapshotsThen, temp === 'cold' ? 0 : snapshots(), `${temp}: snapshot rows when called`);
    assert.ok(snapshots() > 0, `${temp}: the snapshot is there afterwards`);
    assert.deepStrictEqual(got, readRows(db, {}));
  }
  let calls = 0;
  readColumns(db, {}, { snapshot: false, onColumns: () => calls++ });
  assert.equal(calls, 1, 'also without snapshots');
  db.close();
});
