// A read shared with a helper thread must give the columns of the plain reference over the same rows, whichever
// chunks each thread read, whether the table's rows are in time order (the parts are joined end to end) or not
// (they are merged), and when the helper finds the table changed and reads nothing; handed the read's snapshot,
// the helper stores it.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import type { ColumnRow } from '../columns-builder.ts';
import type { ActionColumns } from '../store.ts';
import { referenceColumns } from '../../../test/support/columns-reference.ts';
import { sqliteWith } from '../../../test/support/sqlite-with.ts';
import { variedActions } from '../../../test/support/varied-actions.ts';
import { readSnapshot, tableFingerprint } from './column-snapshot.ts';
import { filterSql, readColumns, readRows } from './columns.ts';
import type { TwoThreads } from './parallel-scan.ts';

const root = await mkdtemp(join(tmpdir(), 'trollmap-parallel-scan-'));
after(() => rm(root, { recursive: true, force: true }));

/** n varied actions, ids shuffled; `ordered`: times rise with the insertion order (ties of 3). */
const actions = (n: number, ordered: boolean) => variedActions(n, { ordered, id: (i) => `x${(i * 31) % n}` });

const PLAIN = 'SELECT platform, id, account, kind, time_ms, time_precision, target, shared, text, urls, hashtags, media, seq FROM actions';

/** The columns of the rows that `where` selects, built from a plain SELECT (the reference a read must give). */
const reference = (db: Database.Database, where = '', params: unknown[] = []): ActionColumns =>
  referenceColumns(db.prepare(`${PLAIN} ${where}`).raw().all(...params) as ColumnRow[]);

for (const ordered of [true, false]) {
  test(`two threads (rows ${ordered ? 'in' : 'out of'} time order): the reference columns, the helper reading part of them`, async () => {
    const path = await sqliteWith(join(root, `t-${ordered}.sqlite`), actions(3000, ordered));
    const db = new Database(path, { readonly: true });
    try {
      for (const filter of [{}, { platform: 'vk' }]) {
        db.exec('BEGIN');
        let split: [number, number] | undefined;
        const two: TwoThreads = { fingerprint: tableFingerprint(db), minRows: 0, chunk: 64, helperFirst: true, onSplit: (here, n) => (split = [here, n]) };
        const got = readRows(db, filter, [], two);
        db.exec('COMMIT');
        const { where, params } = filterSql(filter);
        assert.deepStrictEqual(got, reference(db, where, params), JSON.stringify(filter));
        assert.ok(split !== undefined && split[0] < split[1], `the helper read some chunks (this thread: ${split?.join(' of ')})`);
      }
      const omitted = readRows(db, {}, ['text', 'urls'], { fingerprint: tableFingerprint(db), minRows: 0, chunk: 64, helperFirst: true });
      assert.deepStrictEqual(omitted, readRows(db, {}, ['text', 'urls']), 'omitted columns');
    } finally {
      db.close();
    }
  });
}

test('two threads: a helper that stops making progress is given up after the stall time, and this thread reads its chunks', { timeout: 20_000 }, async () => {
  const path = await sqliteWith(join(root, 'stall.sqlite'), actions(3000, false));
  const db = new Database(path, { readonly: true });
  try {
    db.exec('BEGIN');
    let split: [number, number] | undefined;
    const started = Date.now();
    const got = readRows(db, {}, [], {
      fingerprint: tableFingerprint(db), minRows: 0, chunk: 64, helperFirst: true, stallHelper: true, stallMs: 300, onSplit: (here, n) => (split = [here, n]),
    });
    const waited = Date.now() - started;
    db.exec('COMMIT');
    assert.deepStrictEqual(got, reference(db));
    assert.ok(split !== undefined && split[0] < split[1], `the helper had claimed chunks (this thread: ${split?.join(' of ')})`);
    assert.ok(waited >= 300, `this thread waited out the stall time (${waited} ms)`);
  } finally {
    db.close();
  }
});

test('two threads: a helper that sees another table (fingerprint) reads nothing and this thread reads every chunk', async () => {
  const path = await sqliteWith(join(root, 'changed.sqlite'), actions(500, true));
  const db = new Database(path, { readonly: true });
  try {
    let split: [number, number] | undefined;
    const got = readRows(db, {}, [], { fingerprint: 'not this table', minRows: 0, chunk: 16, helperFirst: true, onSplit: (here, n) => (split = [here, n]) });
    assert.deepStrictEqual(got, reference(db));
    assert.ok(split !== undefined && split[0] === split[1]);
  } finally {
    db.close();
  }
});

// Committed by another connection after this thread's read began, so the helper's read sees it and this one does
// not: a row deleted below the largest seq (same fingerprint tail; this thread finds its count and Σ seq wrong), and
// a row added (another tail; the helper reads nothing). Either way the result is this thread's table.
const CHANGES = {
  'a row deleted below the largest seq': (db: Database.Database, last: number) => db.prepare('DELETE FROM actions WHERE seq = ?').run(last - 10),
  'a row added': (db: Database.Database, last: number) =>
    db.prepare(`INSERT INTO actions (platform, id, account, kind, time_ms, time_precision, batch_id)
      SELECT platform, id || '-new', account, kind, time_ms, time_precision, batch_id FROM actions WHERE seq = ?`).run(last),
};
for (const [change, apply] of Object.entries(CHANGES)) {
  test(`two threads: ${change} between this thread's read and the helper's: the rows this thread's read sees`, async () => {
    const path = await sqliteWith(join(root, `changed-${change.length}.sqlite`), actions(3000, true));
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    const other = new Database(path);
    try {
      db.exec('BEGIN');
      const fingerprint = tableFingerprint(db);
      const last = (db.prepare('SELECT max(seq) AS m FROM actions').get() as { m: number }).m;
      assert.equal(apply(other, last).changes, 1);
      const got = readRows(db, {}, [], { fingerprint, minRows: 0, chunk: 64, helperFirst: true });
      const expected = reference(db);
      db.exec('COMMIT');
      assert.equal(got.count, 3000);
      assert.deepStrictEqual(got, expected);
    } finally {
      other.close();
      db.close();
    }
  });
}

for (const ordered of [true, false]) {
  test(`two threads (rows ${ordered ? 'in' : 'out of'} time order): the helper stores the read's snapshot when handed it (a valid snapshot of the same columns); a read-only file gets none`, async () => {
    const path = await sqliteWith(join(root, `handed-${ordered}.sqlite`), actions(3000, ordered));
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    try {
      const writes: Promise<boolean>[] = [];
      let split: [number, number] | undefined;
      const parallel = { minRows: 0, chunk: 64, helperFirst: true, onSplit: (here: number, n: number) => (split = [here, n]) };
      const options = { snapshotMinActions: 0, parallel, onSnapshotWrite: (p: Promise<boolean>) => void writes.push(p) };
      const columns = readColumns(db, {}, options);
      assert.ok(split !== undefined && split[0] > 0 && split[0] < split[1], `both threads read rows (this thread: ${split?.join(' of ')})`);
      assert.deepStrictEqual(columns, reference(db));
      assert.equal(writes.length, 1, 'the write went to the helper');
      assert.equal(await writes[0], true);
      assert.deepStrictEqual(readSnapshot(db, {}, tableFingerprint(db)), columns, 'stored by the helper, read back whole');
      assert.deepStrictEqual(readColumns(db, {}, options), columns, 'the next read uses it');
      assert.equal(writes.length, 1);
      db.prepare('DELETE FROM column_snapshots').run();
      const ro = new Database(path, { readonly: true });
      assert.deepStrictEqual(readColumns(ro, {}, options), columns);
      ro.close();
      assert.equal(writes.length, 1, 'read-only: nothing handed over');
      assert.equal((db.prepare('SELECT count(*) AS n FROM column_snapshots').get() as { n: number }).n, 0);
    } finally {
      db.close();
    }
  });
}
