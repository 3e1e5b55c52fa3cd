// A detect after an import reads the stale snapshot plus the rows added since (readAppended, appendColumns): the
// columns must equal a full read, and a snapshot whose actions are no longer all stored must not be extended.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import type { Action } from '../../core/model.ts';
import { appendColumns } from '../columns-append.ts';
import { snapshotFingerprint, tableFingerprint } from './column-snapshot.ts';
import { readAppended, readColumns, readRows, SNAPSHOT_MIN_ACTIONS } from './columns.ts';
import { scanRows } from './row-scan.ts';
import { sqliteWith } from '../../../test/support/sqlite-with.ts';
import { variedActions } from '../../../test/support/varied-actions.ts';

const root = await mkdtemp(join(tmpdir(), 'trollmap-columns-append-'));
after(() => rm(root, { recursive: true, force: true }));

const actions = (n: number, offset: number) => variedActions(n, { offset });

/** Splits the rows of `actions` after each seq of `splits` and checks the two parts join back into a read of all. */
async function splitsJoin(name: string, actions: readonly Action[], splits: readonly number[], bothOrders: boolean): Promise<void> {
  const path = join(root, `${name}.sqlite`);
  await sqliteWith(path, actions, name);
  const db = new Database(path, { readonly: true });
  try {
    const all = readRows(db, {});
    for (const m of splits) {
      const before = scanRows(db, 'WHERE seq <= ?', [m], []);
      const after = scanRows(db, 'WHERE seq > ?', [m], []);
      assert.deepEqual(appendColumns(before, after), all, `split after seq ${m}`);
      if (bothOrders) assert.deepEqual(appendColumns(after, before), all, `split after seq ${m}, parts swapped`);
    }
  } finally {
    db.close();
  }
}

test('a snapshot plus the rows after any seq equals a read of all rows', async () => {
  await splitsJoin('split', actions(3000, 0), [0, 1, 1234, 2999, 3000], false);
});

test('two parts apart in time (one after the other, or tied only at the seam) join end to end in either argument order', async () => {
  // Times rise with seq, three actions per second: a split after seq m leaves a tie at the seam unless 3 divides m.
  await splitsJoin('ordered', variedActions(3000, { ordered: true }), [1, 2, 3, 1500, 2998], true);
});

test('after a second import, detect reads the stale snapshot plus the new rows and stores the result', async () => {
  const path = join(root, 'two-imports.sqlite');
  await sqliteWith(path, actions(SNAPSHOT_MIN_ACTIONS + 10, 0), 'first');
  const db = new Database(path);
  try {
    readColumns(db, {});
    const first = snapshotFingerprint(db, {});
    assert.equal(first, tableFingerprint(db), 'the first full read stored a snapshot');
    db.close();
    await sqliteWith(path, actions(500, 1_000_000), 'second');
    const again = new Database(path);
    try {
      assert.equal(snapshotFingerprint(again, {}), first, 'the import left it stale');
      again.exec('BEGIN');
      const appended = readAppended(again, {}, [], tableFingerprint(again));
      again.exec('COMMIT');
      assert.ok(appended !== undefined, 'a stale snapshot of unchanged rows is extended');
      const rows = readRows(again, {});
      assert.deepEqual(appended, rows);
      assert.deepEqual(readColumns(again, {}), rows);
      assert.equal(snapshotFingerprint(again, {}), tableFingerprint(again), 'the extended columns were stored');
    } finally {
      again.close();
    }
  } finally {
    if (db.open) db.close();
  }
});

test('a stale snapshot is not extended when one of its actions is gone', async () => {
  const path = join(root, 'gone.sqlite');
  await sqliteWith(path, actions(SNAPSHOT_MIN_ACTIONS + 10, 0), 'first');
  const db = new Database(path);
  try {
    readColumns(db, {});
    db.prepare('DELETE FROM actions WHERE seq = 7').run();
    db.exec('BEGIN');
    assert.equal(readAppended(db, {}, [], tableFingerprint(db)), undefined);
    db.exec('COMMIT');
    assert.deepEqual(readColumns(db, {}), readRows(db, {}));
  } finally {
    db.close();
  }
});

test('a stale snapshot is not extended when its last action was replaced by a new one with the same seq', async () => {
  const path = join(root, 'replaced.sqlite');
  await sqliteWith(path, actions(SNAPSHOT_MIN_ACTIONS + 10, 0), 'first');
  const db = new Database(path);
  try {
    readColumns(db, {});
    const last = (db.prepare('SELECT max(seq) AS m FROM actions').get() as { m: number }).m;
    db.prepare('DELETE FROM actions WHERE seq = ?').run(last);
    db.close();
    await sqliteWith(path, actions(1, 5_000_000), 'second');
    const again = new Database(path);
    try {
      assert.equal((again.prepare('SELECT max(seq) AS m FROM actions').get() as { m: number }).m, last, 'the new action took the freed seq');
      again.exec('BEGIN');
      assert.equal(readAppended(again, {}, [], tableFingerprint(again)), undefined);
      again.exec('COMMIT');
      assert.deepEqual(readColumns(again, {}), readRows(again, {}));
    } finally {
      again.close();
    }
  } finally {
    if (db.open) db.close();
  }
});
