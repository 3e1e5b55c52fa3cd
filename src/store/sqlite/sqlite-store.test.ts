import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { isUserError } from '../../core/errors.ts';
import { runStoreContract } from '../store.contract.ts';
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
