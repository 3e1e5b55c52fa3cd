import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { isUserError } from '../../core/errors.ts';
import { action, batch, runStoreContract } from '../store.contract.ts';
import { openSqliteStore } from './index.ts';
import { MIGRATIONS } from './migrations.ts';

const dir = mkdtempSync(join(tmpdir(), 'trollmap-sqlite-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

runStoreContract('sqlite', {
  open: () => openSqliteStore(join(dir, `contract-${++n}.db`)),
  reopen: (s) => openSqliteStore(s.location),
});

test('sqlite: a file that is not a database gives a user error', async () => {
  const path = join(dir, 'garbage.db');
  writeFileSync(path, 'this is not sqlite '.repeat(100));
  await assert.rejects(openSqliteStore(path), (e) => isUserError(e) && /not a usable trollmap database/.test((e as Error).message));
});

test('sqlite: migrations run once and record the schema version', async () => {
  const path = join(dir, 'mig.db');
  (await openSqliteStore(path)).close();
  const again = await openSqliteStore(path);
  assert.equal((await again.stats()).actions, 0);
  await again.close();
  const Database = (await import('better-sqlite3')).default;
  const db = new Database(path);
  assert.deepEqual(db.prepare('SELECT version FROM schema_version').all(), [{ version: MIGRATIONS.length }]);
  db.close();
});

test('sqlite: an import while another process writes is a user error, not a crash', async () => {
  const path = join(dir, 'busy.db');
  const store = await openSqliteStore(path, { busyTimeout: 50 });
  const Database = (await import('better-sqlite3')).default;
  const other = new Database(path);
  other.exec('BEGIN IMMEDIATE');
  try {
    await assert.rejects(store.beginImport(), (e) => isUserError(e) && /is busy: another trollmap process/.test((e as Error).message));
  } finally {
    other.exec('ROLLBACK');
    other.close();
  }
  const session = await store.beginImport();
  await session.rollback();
  await store.close();
});

test('sqlite: multi-row inserts count new actions exactly around the batch boundary', async () => {
  const store = await openSqliteStore(join(dir, 'many.db'));
  const session = await store.beginImport();
  const many = Array.from({ length: 250 }, (_, i) => action(String(i % 230), 'u', i));
  assert.equal(await session.putActions(many), 230, '20 duplicates inside one call are skipped');
  assert.equal(await session.putActions(many.slice(0, 101)), 0);
  await session.commit(batch('m'));
  assert.equal((await store.stats()).actions, 230);
  await store.close();
});

test('sqlite: getAccounts for most of the table (one scan of it) answers as for a few keys (one probe each)', async () => {
  const store = await openSqliteStore(join(dir, 'accounts-scan.db'));
  const session = await store.beginImport();
  const accounts = Array.from({ length: 40 }, (_, i) => ({
    platform: i % 3 === 0 ? 'telegram' : 'vk', id: i % 7 === 0 ? `chan:${i}` : `${i}`, ...(i % 2 === 0 ? { handle: `h${i}` } : {}),
    ...(i % 5 === 0 ? { followers: i } : {}),
  }));
  await session.putAccounts(accounts);
  await session.commit(batch('scan'));
  // 36 of the 40 accounts in a shuffled order, plus an unknown and a malformed key: the scan path.
  const keys = accounts.slice(4).map((a) => `${a.platform}:${a.id}`).sort((a, b) => (a.length - b.length) || (a < b ? 1 : -1));
  keys.splice(10, 0, 'vk:404', 'no-colon');
  const many = await store.getAccounts(keys);
  // The same keys asked a few at a time (probe path): the answer the scan must give.
  const few = (await Promise.all(Array.from({ length: Math.ceil(keys.length / 5) }, (_, j) => store.getAccounts(keys.slice(5 * j, 5 * j + 5))))).flat();
  await store.close();
  assert.equal(many.length, 36);
  assert.deepEqual(many, few);
  assert.deepEqual(many.map((a) => `${a.platform}:${a.id}`), keys.filter((k) => k !== 'vk:404' && k !== 'no-colon'));
});

test('sqlite: after a two-thread read, getAccounts of most of the table answers from the accounts the helper read with the rows (as of that read; an import drops them)', async () => {
  const path = join(dir, 'prefetched.db');
  const twoThreadReads = { minRows: 0, chunk: 64, helperFirst: true };
  const store = await openSqliteStore(path, { twoThreadReads });
  const session = await store.beginImport();
  const accounts = Array.from({ length: 30 }, (_, i) => ({
    platform: i % 4 === 0 ? 'telegram' : 'vk', id: `${i}`, handle: `ҳандле_${i}`, ...(i % 3 === 0 ? { bio: `био ${i} "quoted" \\ 🙂` } : {}),
    ...(i % 5 === 0 ? { followers: i * 1_000_003, createdAt: 1_600_000_000_123 + i, createdPrecision: 's' as const } : {}),
  }));
  await session.putAccounts(accounts);
  await session.putActions(Array.from({ length: 600 }, (_, i) => ({ ...action(`a${i}`, accounts[i % 30]!.id, i), platform: accounts[i % 30]!.platform })));
  await session.commit(batch('prefetched'));
  const columns = await store.readActionColumns();
  const keys = [...columns.accountKeys].reverse();
  // The reference: the same keys a few at a time (the probe path, never the prefetched accounts), before a change.
  const few = (await Promise.all(Array.from({ length: 6 }, (_, j) => store.getAccounts(keys.slice(5 * j, 5 * j + 5))))).flat();
  // Read again (a read drops what an earlier one prefetched), then another connection changes a profile.
  await store.readActionColumns();
  const other = new (await import('better-sqlite3')).default(path);
  other.prepare("UPDATE accounts SET bio = 'changed' WHERE id = '0'").run();
  other.close();
  const many = await store.getAccounts(keys);
  assert.equal(many.length, 30);
  assert.deepEqual(many, few, 'the accounts as the read saw them, in the keys\' order');
  // An import drops them: the next getAccounts reads the table as it is.
  await (await store.beginImport()).commit(batch('empty'));
  assert.equal((await store.getAccounts(keys)).find((a) => a.id === '0')?.bio, 'changed');
  // A one-thread read starts no helper, so nothing is prefetched: the table is read as it is now.
  await store.readActionColumns({}, { oneThread: true });
  const again = new (await import('better-sqlite3')).default(path);
  again.prepare("UPDATE accounts SET bio = 'changed again' WHERE id = '0'").run();
  again.close();
  assert.equal((await store.getAccounts(keys)).find((a) => a.id === '0')?.bio, 'changed again');
  await store.close();
});
