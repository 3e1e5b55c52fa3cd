import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ACTION_KINDS, TIME_PRECISIONS } from '../../core/model.ts';
import { action, batch } from '../store.contract.ts';
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
