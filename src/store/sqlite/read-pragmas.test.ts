import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { MMAP_BYTES, tuneForReads } from './read-pragmas.ts';

const dir = mkdtempSync(join(tmpdir(), 'trollmap-read-pragmas-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('a reading connection maps the file (this SQLite build honours mmap_size) and keeps a 128 MiB page cache', () => {
  const path = join(dir, 'tuned.db');
  new Database(path).exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)').close();
  const db = new Database(path, { readonly: true });
  try {
    assert.equal(db.pragma('mmap_size', { simple: true }), 0, 'off by default');
    tuneForReads(db);
    const mapped = db.pragma('mmap_size', { simple: true }) as number;
    assert.ok(mapped > 1 << 30 && mapped <= MMAP_BYTES, `mmap_size ${mapped}`);
    assert.equal(db.pragma('cache_size', { simple: true }), -131072);
    assert.equal(db.prepare('SELECT x FROM t').pluck().get(), 1);
  } finally {
    db.close();
  }
});
