import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import fc from 'fast-check';
import { ACTION_KINDS, TIME_PRECISIONS } from '../../core/model.ts';
import type { ColumnRow } from '../columns-builder.ts';
import { id, PLATFORMS, referenceColumns } from '../../../test/support/columns-reference.ts';
import { action, batch } from '../store.contract.ts';
import Database from 'better-sqlite3';
import { readColumns, readRows } from './columns.ts';
import { openSqliteStore } from './index.ts';
import { joinedOf, stringsOf } from '../../threads/joined-strings.ts';

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
  const writer = new Database(path);
  const snapshots = (): number => (db.prepare('SELECT count(*) AS n FROM column_snapshots').get() as { n: number }).n;
  for (const temp of ['cold', 'warm']) {
    const seen: { snapshotsThen: number; columns: unknown }[] = [];
    const got = readColumns(writer, {}, { snapshotMinActions: 0, onColumns: (c) => seen.push({ snapshotsThen: snapshots(), columns: c }) });
    assert.equal(seen.length, 1, `${temp}: called once`);
    assert.equal(seen[0]!.columns, got, `${temp}: with the very columns returned`);
    assert.equal(seen[0]!.snapshotsThen, temp === 'cold' ? 0 : snapshots(), `${temp}: snapshot rows when called`);
    assert.ok(snapshots() > 0, `${temp}: the snapshot is there afterwards`);
    assert.deepStrictEqual(got, readRows(db, {}));
    assert.equal(stringsOf(joinedOf(got.ids)), got.ids, `${temp}: the ids are kept joined`);
  }
  let calls = 0;
  readColumns(db, {}, { snapshot: false, onColumns: () => calls++ });
  assert.equal(calls, 1, 'also without snapshots');
  writer.close();
  db.close();
});

// The scan packs codes in SQL and, for most of the table, reads chunks as JSON arrays: whatever path a read takes,
// its columns are those of the plain reference over the same rows (read as stored, no packing).
const sqlPlatforms = PLATFORMS.filter((p) => !p.includes(':'));
const stored = fc.uniqueArray(
  fc.record({
    platform: fc.constantFrom(...sqlPlatforms), id, account: id, kind: fc.constantFrom(...ACTION_KINDS), minute: fc.integer({ min: 0, max: 30 }),
    precision: fc.constantFrom(...TIME_PRECISIONS), target: fc.option(id, { nil: undefined }), shared: fc.option(id, { nil: undefined }),
    text: fc.option(fc.string(), { nil: undefined }), urls: fc.array(id, { maxLength: 2 }), hashtags: fc.array(id, { maxLength: 2 }),
    media: fc.array(id, { maxLength: 2 }),
  }),
  { minLength: 1, maxLength: 40, selector: (a) => `${a.platform}\u0000${a.id}` },
);
let dbs = 0;

test('columns: every scan path (chunks, selective filter, omitted columns) gives the reference columns', async () => {
  await fc.assert(
    fc.asyncProperty(stored, async (as) => {
      const path = join(dir, `scan-${dbs++}.db`);
      const store = await openSqliteStore(path);
      const session = await store.beginImport();
      await session.putActions(as.map(({ minute, target, shared, text, ...a }) => action(a.id, a.account, minute, {
        ...a, ...(target === undefined ? {} : { target }), ...(shared === undefined ? {} : { shared }), ...(text === undefined ? {} : { text }),
      })));
      await session.commit(batch(`scan-${dbs}`));
      await store.close();
      const db = new Database(path, { readonly: true });
      const plain = (where: string, ...params: unknown[]): ColumnRow[] =>
        db.prepare(`SELECT platform, id, account, kind, time_ms, time_precision, target, shared, text, urls, hashtags, media, seq FROM actions ${where}`)
          .raw().all(...params) as ColumnRow[];
      const first = Math.min(...as.map((a) => a.minute));
      const t0 = (db.prepare('SELECT min(time_ms) AS t FROM actions').get() as { t: number }).t - first * 60_000;
      assert.deepStrictEqual(readRows(db, {}), referenceColumns(plain('')), 'whole table (chunks)');
      const since = t0 + 29 * 60_000;
      assert.deepStrictEqual(readRows(db, { since }), referenceColumns(plain('WHERE time_ms >= ?', since)), 'a few minutes (row by row)');
      assert.deepStrictEqual(readRows(db, { platform: 'vk' }), referenceColumns(plain("WHERE platform = 'vk'")), 'one platform');
      const omitted = readRows(db, {}, ['text', 'urls', 'media']);
      const full = referenceColumns(plain(''));
      assert.deepStrictEqual(omitted, { ...full, text: full.text.map(() => ''), urls: empty(full.count), media: empty(full.count) }, 'omitted');
      db.close();
    }),
    { numRuns: 40 },
  );
});

test('columns: a table of 300 platforms: a read of fewer takes the plain scan (same columns), a read of all is refused', async () => {
  const path = join(dir, 'many-platforms.db');
  const store = await openSqliteStore(path);
  const session = await store.beginImport();
  await session.putActions(Array.from({ length: 300 }, (_, i) => action(`a${i}`, `acc${i % 9}`, i, { platform: `p${i}`, target: `t${i % 4}` })));
  await session.commit(batch('many'));
  await store.close();
  const db = new Database(path, { readonly: true });
  const since = (db.prepare('SELECT min(time_ms) AS t FROM actions').get() as { t: number }).t + 100 * 60_000;
  const c = readRows(db, { since });
  assert.equal(c.platforms.length, 200);
  const plain = db.prepare('SELECT platform, id, account, kind, time_ms, time_precision, target, shared, text, urls, hashtags, media, seq FROM actions WHERE time_ms >= ?');
  assert.deepStrictEqual(c, referenceColumns(plain.raw().all(since) as ColumnRow[]));
  assert.throws(() => readRows(db, {}), /more than 255 platforms/);
  db.close();
});

test('columns: a chunk with an id holding U+001F (the ids\' separator) reads its ids as JSON; other chunks split', async () => {
  const path = join(dir, 'separator.db');
  const store = await openSqliteStore(path);
  const session = await store.beginImport();
  // 2,100 rows: two chunks of rowids; the separator sits in the first only, next to an empty-looking neighbour.
  await session.putActions(Array.from({ length: 2100 }, (_, i) => action(i === 5 ? 'x\u001fy' : i === 6 ? 'x' : `a${i}`, `acc${i % 13}`, i % 50)));
  await session.commit(batch('sep'));
  await store.close();
  const db = new Database(path, { readonly: true });
  const c = readRows(db, {});
  assert.ok(c.ids.includes('x\u001fy') && c.ids.includes('x') && c.ids.includes('a2099'));
  const plain = db.prepare('SELECT platform, id, account, kind, time_ms, time_precision, target, shared, text, urls, hashtags, media, seq FROM actions');
  assert.deepStrictEqual(c, referenceColumns(plain.raw().all() as ColumnRow[]));
  db.close();
});

const empty = (n: number): { offsets: Int32Array; values: string[] } => ({ offsets: new Int32Array(n + 1), values: [] });
