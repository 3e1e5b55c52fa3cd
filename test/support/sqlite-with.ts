// A SQLite file holding given actions, written as one import (created if needed, added to if not).
import type { Action } from '../../src/core/model.ts';
import { batch } from '../../src/store/store.contract.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';

/** Imports `actions` into the SQLite file at `path` as one batch (`sha256` tells batches apart); returns the path. */
export async function sqliteWith(path: string, actions: readonly Action[], sha256 = path): Promise<string> {
  const store = await openSqliteStore(path);
  try {
    const session = await store.beginImport();
    await session.putActions(actions);
    await session.commit(batch(sha256));
  } finally {
    await store.close();
  }
  return path;
}
