import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import type { Action } from '../../core/model.ts';
import { decodeJoinedChunks, decodeStringChunk, stringChunks } from '../snapshot-codec.ts';
import { cutStrings, joinStrings } from '../../threads/joined-strings.ts';
import { action } from '../store.contract.ts';
import { readSnapshot, snapshotKey, tableFingerprint, writeSnapshot } from './column-snapshot.ts';
import { readAppended, readColumns, readRows } from './columns.ts';
import { sqliteWith } from '../../../test/support/sqlite-with.ts';

const dir = mkdtempSync(join(tmpdir(), 'trollmap-snapshot-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// Actions out of time order (so the read sorts them), two platforms, Cyrillic, emoji (surrogate pairs), Kyrgyz
// letters, empty and multi-valued lists, repeated accounts/targets/shared posts, and a text long enough to need
// more than one string chunk is not practical here, so chunking is tested through stringChunks below.
function world(n: number, tag = ''): Action[] {
  const out: Action[] = [];
  for (let i = 0; i < n; i++) {
    const extra: Partial<Action> = {
      platform: i % 3 === 0 ? 'vk' : 'telegram',
      text: i % 5 === 0 ? '' : `Привет ${i % 7} 🙂 ңөү ${tag}`,
      urls: i % 4 === 0 ? [] : i % 4 === 1 ? [`https://x.org/${i % 9}`] : [`https://a.kg/${i}`, `https://b.ru/${i % 3}`],
      hashtags: i % 6 === 0 ? ['выборы', 'kg'] : [],
      media: i % 11 === 0 ? [`m${i % 2}`] : [],
      ...(i % 2 === 0 ? { target: `post${i % 13}` } : {}),
      ...(i % 7 === 0 ? { shared: `s${i % 5}`, kind: 'share' as const } : {}),
    };
    out.push(action(`${tag}a${i}`, `acc${(i * 7) % 23}`, (n - i) * 3 + (i % 4), extra));
  }
  return out;
}

const dbWith = (name: string, actions: Action[]): Promise<string> => sqliteWith(join(dir, name), actions);

const snapshotRows = (db: Database.Database): number => (db.prepare('SELECT count(*) AS n FROM column_snapshots').get() as { n: number }).n;

test('a snapshot read gives exactly the columns of the row read (all columns, a filter, omitted columns)', async () => {
  const path = await dbWith('same.db', world(300));
  const db = new Database(path);
  for (const filter of [{}, { platform: 'vk' as const }]) {
    const rows = readRows(db, filter);
    assert.equal(readSnapshot(db, filter, tableFingerprint(db)), undefined, 'no snapshot before the first read');
    assert.deepStrictEqual(readColumns(db, filter, { snapshotMinActions: 0 }), rows, 'first read (writes the snapshot)');
    const snap = readSnapshot(db, filter, tableFingerprint(db));
    assert.ok(snap !== undefined, 'the first read wrote a snapshot');
    assert.deepStrictEqual(snap, rows);
    assert.deepStrictEqual(readColumns(db, filter), rows, 'second read (from the snapshot)');
    const distinct = new Set(rows.text).size;
    const stored = db
      .prepare("SELECT body FROM column_snapshots WHERE name = 'text.values' AND filter_key = ? ORDER BY chunk")
      .all(snapshotKey(filter)) as { body: Buffer }[];
    const values: string[] = [];
    for (const r of stored) assert.ok(decodeStringChunk(r.body, values));
    assert.ok(distinct < rows.count / 4, 'the world repeats its texts');
    assert.equal(values.length, distinct, 'each distinct text stored once');
    assert.deepStrictEqual(readSnapshot(db, filter, tableFingerprint(db), ['text', 'urls']), readRows(db, filter, ['text', 'urls']));
  }
  const keys = (): number => (db.prepare('SELECT count(DISTINCT filter_key) AS n FROM column_snapshots').get() as { n: number }).n;
  assert.equal(keys(), 2, 'the unfiltered and the vk snapshot');
  readColumns(db, { platform: 'telegram' }, { snapshotMinActions: 0 });
  assert.equal(keys(), 2, 'a third filter replaces the second, the unfiltered one stays');
  assert.equal(readSnapshot(db, { platform: 'vk' }, tableFingerprint(db)), undefined);
  assert.ok(readSnapshot(db, {}, tableFingerprint(db)) !== undefined);
  db.close();
});

test('an import after the snapshot invalidates it; the next read sees the new action and replaces the snapshot', async () => {
  const path = await dbWith('import.db', world(200));
  let db = new Database(path);
  readColumns(db, {}, { snapshotMinActions: 0 });
  const before = tableFingerprint(db);
  db.close();
  await sqliteWith(path, [action('late', 'acc1', 5, { text: 'новый' })], 'second');
  db = new Database(path);
  assert.notEqual(tableFingerprint(db), before);
  assert.equal(readSnapshot(db, {}, tableFingerprint(db)), undefined, 'the old snapshot is not valid for the new table');
  const c = readColumns(db, {}, { snapshotMinActions: 0 });
  assert.equal(c.count, 201);
  assert.ok(c.ids.includes('late'));
  assert.deepStrictEqual(c, readRows(db, {}));
  const fps = db.prepare('SELECT DISTINCT fingerprint FROM column_snapshots').all() as { fingerprint: string }[];
  assert.deepEqual(fps.map((r) => r.fingerprint), [tableFingerprint(db)], 'old snapshots dropped');
  db.close();
});

test('a corrupted or foreign snapshot is ignored and rebuilt, never trusted', async () => {
  const path = await dbWith('corrupt.db', world(150));
  const db = new Database(path);
  const rows = readRows(db, {});
  const fresh = (): void => {
    db.prepare('DELETE FROM column_snapshots').run();
    readColumns(db, {}, { snapshotMinActions: 0 });
  };
  const sha1 = (b: Uint8Array): string => createHash('sha1').update(b).digest('hex');
  const tamper: [string, () => void][] = [
    ['a flipped byte (digest mismatch)', () => db.prepare("UPDATE column_snapshots SET body = CAST(X'00' AS BLOB) || substr(body, 2) WHERE name = 'time'").run()],
    ['a truncated part with a matching digest', () => {
      const b = (db.prepare("SELECT body FROM column_snapshots WHERE name = 'account'").get() as { body: Buffer }).body.subarray(4);
      db.prepare("UPDATE column_snapshots SET body = ?, digest = ? WHERE name = 'account'").run(b, sha1(b));
    }],
    ['an account code outside the dictionary, digest matching', () => {
      const b = Buffer.from((db.prepare("SELECT body FROM column_snapshots WHERE name = 'account'").get() as { body: Buffer }).body);
      b.writeInt32LE(99_999, 0);
      db.prepare("UPDATE column_snapshots SET body = ?, digest = ? WHERE name = 'account'").run(b, sha1(b));
    }],
    ['a text code outside the distinct texts, digest matching', () => {
      const codes = db.prepare("SELECT body FROM column_snapshots WHERE name = 'text.codes'").get() as { body: Buffer };
      const b = Buffer.from(codes.body);
      b.writeInt32LE(1_000, 4);
      db.prepare("UPDATE column_snapshots SET body = ?, digest = ? WHERE name = 'text.codes'").run(b, sha1(b));
    }],
    ['a missing string chunk', () => db.prepare("DELETE FROM column_snapshots WHERE name = 'ids'").run()],
    ['another format', () => {
      const b = Buffer.from(JSON.stringify({ format: 'someone-else/9', count: 150, chunks: {} }));
      db.prepare("UPDATE column_snapshots SET body = ?, digest = ? WHERE name = 'header'").run(b, sha1(b));
    }],
    ['another fingerprint', () => db.prepare("UPDATE column_snapshots SET fingerprint = 'x'").run()],
  ];
  for (const [what, spoil] of tamper) {
    fresh();
    spoil();
    assert.equal(readSnapshot(db, {}, tableFingerprint(db)), undefined, what);
    assert.deepStrictEqual(readColumns(db, {}, { snapshotMinActions: 0 }), rows, `${what}: read from the rows`);
    assert.deepStrictEqual(readSnapshot(db, {}, tableFingerprint(db)), rows, `${what}: rebuilt`);
  }
  db.close();
});

test('a read-only or busy database reads without writing a snapshot, and never fails', async () => {
  const path = await dbWith('ro.db', world(100));
  const ro = new Database(path, { readonly: true });
  assert.deepStrictEqual(readColumns(ro, {}, { snapshotMinActions: 0 }), readRows(ro, {}));
  assert.equal(snapshotRows(ro), 0);
  ro.close();
  const db = new Database(path);
  const other = new Database(path);
  other.exec('BEGIN IMMEDIATE');
  assert.equal(writeSnapshot(db, {}, readRows(db, {}), tableFingerprint(db)), false, 'busy: skipped');
  other.exec('ROLLBACK');
  other.close();
  assert.equal(snapshotRows(db), 0);
  assert.equal(writeSnapshot(db, {}, readRows(db, {}), 'stale'), false, 'fingerprint changed: skipped');
  assert.equal(snapshotRows(db), 0);
  db.close();
});

test('string chunks: long lists split and decode to the same strings, in one byte per character when they can', async () => {
  const values = Array.from({ length: 70_000 }, (_, i) => (i % 3 === 0 ? '' : `ключ-${i}-🙂`));
  const chunks = [...stringChunks(values)];
  assert.equal(chunks.length, 2, '65,536 strings per chunk');
  assert.deepStrictEqual([...stringChunks(joinStrings(values))], chunks, 'the list given joined: the same chunks');
  const roundTrip = (list: readonly string[]): string[] => {
    const out: string[] = [];
    for (const c of stringChunks(list)) assert.ok(decodeStringChunk(c, out));
    return out;
  };
  assert.deepStrictEqual(roundTrip(values), values);
  // Decoded joined (the ids): one string and the ends of its items, the same strings.
  assert.deepStrictEqual(cutStrings(decodeJoinedChunks(chunks)!), values);
  assert.deepStrictEqual(cutStrings(decodeJoinedChunks([...stringChunks(['a', 'ключ', ''])])!), ['a', 'ключ', '']);
  // Lone surrogates (which UTF-8 cannot keep) and Latin-1 letters come back exactly.
  const odd = ['ok', 'bad\uD800', '\uDC00x', 'café ÿ', '\u0000', ''];
  assert.deepStrictEqual(roundTrip(odd), odd);
  // Only code units below 256: one byte each (a header of 2 + n words, then the characters).
  const narrow = ['tw:1234', 'https://x.kg/a?b=ü'];
  const [blob] = [...stringChunks(narrow)];
  assert.equal(blob!.byteLength, 4 * (2 + narrow.length) + narrow.join('').length);
  assert.deepStrictEqual(roundTrip(narrow), narrow);
  // A truncated or mislabelled chunk is refused.
  const wide = [...stringChunks(['ключ'])][0]!;
  assert.equal(decodeStringChunk(wide.subarray(0, wide.byteLength - 1), []), false);
  const mislabelled = wide.slice();
  new DataView(mislabelled.buffer).setUint32(4, 7, true);
  assert.equal(decodeStringChunk(mislabelled, []), false);
  assert.equal(decodeJoinedChunks([chunks[0]!, wide.subarray(0, wide.byteLength - 1)]), undefined);
  assert.equal(decodeJoinedChunks([mislabelled]), undefined);
  // Lengths that do not add up to the characters.
  const miscounted = wide.slice();
  new DataView(miscounted.buffer).setUint32(8, 1, true);
  assert.equal(decodeStringChunk(miscounted, []), false);
  assert.equal(decodeJoinedChunks([miscounted]), undefined);
});

test('a snapshot write given the read\'s data_version: skipped after another connection imported, written after it only stored a run', async () => {
  const path = await dbWith('version.db', world(100));
  const db = new Database(path);
  const readNow = (): [ReturnType<typeof readRows>, string, number] => {
    db.exec('BEGIN');
    try {
      return [readRows(db, {}), tableFingerprint(db), db.pragma('data_version', { simple: true }) as number];
    } finally {
      db.exec('COMMIT');
    }
  };
  const [columns, fingerprint, version] = readNow();
  await sqliteWith(path, world(5, 'new'), 'second import');
  assert.equal(writeSnapshot(db, {}, columns, fingerprint, version), false, 'another connection added actions: skipped');
  assert.equal(snapshotRows(db), 0);
  const [again, now, v2] = readNow();
  const other = new Database(path);
  other.prepare('INSERT INTO column_snapshots (filter_key, name, chunk, fingerprint, digest, body) VALUES (?, ?, ?, ?, ?, ?)').run('x', 'y', 0, 'z', 'd', Buffer.alloc(1));
  other.close();
  assert.notEqual(db.pragma('data_version', { simple: true }), v2, 'the other connection\'s commit is seen');
  assert.equal(writeSnapshot(db, {}, again, now, v2), true, 'the actions are unchanged (fingerprint checked again): written');
  db.close();
});

test('a row deleted below the last seq between the read and the write: the snapshot may be stored, under the read\'s fingerprint, and no read uses it', async () => {
  const path = await dbWith('deleted-between.db', world(100));
  const db = new Database(path);
  db.exec('BEGIN');
  const columns = readRows(db, {});
  const fingerprint = tableFingerprint(db);
  db.exec('COMMIT');
  const other = new Database(path);
  assert.equal(other.prepare('DELETE FROM actions WHERE seq = 7').run().changes, 1);
  other.close();
  assert.equal(writeSnapshot(db, {}, columns, fingerprint), true, 'the tail is unchanged: stored');
  assert.notEqual(tableFingerprint(db), fingerprint);
  db.exec('BEGIN');
  assert.equal(readSnapshot(db, {}, tableFingerprint(db)), undefined, 'not the table\'s fingerprint');
  assert.equal(readAppended(db, {}, [], tableFingerprint(db)), undefined, 'an action it holds is gone');
  db.exec('COMMIT');
  const rows = readRows(db, {});
  assert.equal(rows.count, columns.count - 1);
  assert.deepStrictEqual(readColumns(db, {}, { snapshotMinActions: 0 }), rows);
  db.close();
});
