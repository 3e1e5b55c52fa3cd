// The columnar snapshot an import into an empty table writes (import-session.ts with the reader's
// ColumnsCollector): it must be exactly what a full read of the rows builds, and it must not exist when the
// import's rows are not the whole table (a table with rows before, a row the store skipped, a small import).
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import type { Action } from '../../core/model.ts';
import { importFile } from '../../ingest/import-file.ts';
import { scenarioFor } from '../../simulate/scenario.ts';
import { simulateToDir } from '../../simulate/simulate-to-dir.ts';
import { ColumnsCollector } from '../columns-collector.ts';
import { encodeColumns } from '../snapshot-codec.ts';
import { readSnapshot, tableFingerprint } from './column-snapshot.ts';
import { readRows, SNAPSHOT_MIN_ACTIONS } from './columns.ts';
import { openSqliteStore } from './sqlite-store.ts';

const root = await mkdtemp(join(tmpdir(), 'trollmap-import-columns-'));
after(() => rm(root, { recursive: true, force: true }));
let files = 0;
const fresh = (): string => join(root, `db-${++files}.sqlite`);

/** The stored snapshot of the whole table (undefined when none is valid) and the columns a full row read builds. */
function snapshotAndRows(path: string): { snapshot: ReturnType<typeof readSnapshot>; rows: ReturnType<typeof readRows> } {
  const db = new Database(path, { readonly: true });
  try {
    return { snapshot: readSnapshot(db, {}, tableFingerprint(db)), rows: readRows(db, {}) };
  } finally {
    db.close();
  }
}

/** n actions with every field shape: absent and present targets, lists of 0, 1 and 2 values, '' and emoji text, two platforms. */
function actions(n: number, offset = 0): Action[] {
  return Array.from({ length: n }, (_, k): Action => {
    const i = k + offset;
    const a: Action = {
      platform: i % 7 === 0 ? 'telegram' : 'vk', id: `a${i}`, account: `u${i % 313}`, kind: i % 3 === 0 ? 'comment' : 'post',
      // Not in time order, with ties: the columns sort by (time, platform, id).
      time: 1_700_000_000_000 + ((i * 7919) % 5000) * 1000, precision: i % 5 === 0 ? 'min' : 's',
      urls: i % 4 === 0 ? [] : i % 4 === 1 ? [`https://x.kg/${i % 50}`] : [`https://x.kg/${i % 50}`, 'https://y.kg/a'],
      hashtags: i % 6 === 0 ? ['выборы'] : [], mentions: [], media: i % 9 === 0 ? [`m${i % 11}.jpg`] : [],
    };
    if (i % 2 === 0) a.target = `p${i % 97}`;
    if (i % 10 === 3) a.shared = `s${i % 13}`;
    if (i % 8 !== 5) a.text = i % 8 === 1 ? '' : `Текст ${i % 400} 😀`;
    return a;
  });
}

async function importActions(path: string, list: Action[], withColumns = true): Promise<{ wanted: boolean }> {
  const store = await openSqliteStore(path);
  try {
    const session = await store.beginImport();
    await session.putActions(list);
    const wanted = session.wantsColumns === true;
    if (withColumns && wanted) {
      const collector = new ColumnsCollector();
      for (const a of list) collector.add(a);
      const encoded = encodeColumns(collector.build());
      assert.ok(encoded !== undefined);
      await session.putColumns!(encoded);
    }
    await session.commit({ source: 's', format: 'test', sha256: `h${files}-${list.length}`, rowsRead: list.length, actionsAdded: 0, actionsDuplicate: 0, accountsAdded: 0, badRows: 0, issues: [], importedAt: 0 });
    return { wanted };
  } finally {
    await store.close();
  }
}

test('an import into an empty table leaves the snapshot a full read of its rows would build', async () => {
  const path = fresh();
  const list = actions(SNAPSHOT_MIN_ACTIONS + 17);
  assert.equal((await importActions(path, list)).wanted, true);
  const { snapshot, rows } = snapshotAndRows(path);
  assert.equal(rows.count, list.length);
  assert.ok(snapshot !== undefined, 'a snapshot was written');
  assert.deepEqual(snapshot, rows);
});

test('no snapshot from an import into a table that had rows, from a small import, or when a row was skipped', async () => {
  const path = fresh();
  const first = actions(100);
  await importActions(path, first);
  assert.equal(snapshotAndRows(path).snapshot, undefined, 'below SNAPSHOT_MIN_ACTIONS');
  // The second import does not even ask for the columns: its rows are not the whole table.
  assert.equal((await importActions(path, actions(SNAPSHOT_MIN_ACTIONS, 100))).wanted, false);
  assert.equal(snapshotAndRows(path).snapshot, undefined);

  const skipped = fresh();
  const list = actions(SNAPSHOT_MIN_ACTIONS + 5);
  list.push({ ...list[10]!, text: 'same id again' }); // the store keeps the first: the collected columns are not its rows
  assert.equal((await importActions(skipped, list)).wanted, true);
  const r = snapshotAndRows(skipped);
  assert.equal(r.rows.count, list.length - 1);
  assert.equal(r.snapshot, undefined);
});

test('a simulated folder imported in this thread and in a worker thread leaves the same snapshot as a full read', async () => {
  const dir = join(root, 'sim');
  await simulateToDir(scenarioFor({ seed: 3, accounts: 2600, days: 14 }), dir);
  for (const worker of [false, true]) {
    const path = fresh();
    const store = await openSqliteStore(path);
    try {
      for (const file of ['accounts.csv', 'actions.csv']) {
        await importFile(store, join(dir, file), file, { map: {}, now: () => 0, clock: () => 0, worker });
      }
    } finally {
      await store.close();
    }
    const { snapshot, rows } = snapshotAndRows(path);
    assert.ok(rows.count >= SNAPSHOT_MIN_ACTIONS, `the scenario has ${rows.count} actions, fewer than the snapshot needs`);
    assert.ok(snapshot !== undefined, `worker ${worker}: a snapshot was written`);
    assert.deepEqual(snapshot, rows, `worker ${worker}`);
  }
});
