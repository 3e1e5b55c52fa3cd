import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { isUserError } from '../core/errors.ts';
import type { Action } from '../core/model.ts';
import { DEFAULT_PARAMS, detectRun } from '../core/pipeline/index.ts';
import type { RunParams } from '../core/run.ts';
import { action, batch } from '../store/store.contract.ts';
import { openSqliteStore } from '../store/sqlite/index.ts';
import { runLayersWithWorker, startLayersWorker } from './layers-in-worker.ts';

const dir = mkdtempSync(join(tmpdir(), 'trollmap-layers-worker-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// Three accounts comment under the same six posts within a minute, each time with the same text; twenty others
// comment once or twice here and there. co-target and co-text both link the three.
function world(): Action[] {
  const out: Action[] = [];
  for (let post = 0; post < 6; post++) {
    for (const [i, who] of ['t1', 't2', 't3'].entries()) {
      out.push(action(`t${post}-${who}`, who, post * 90 + i, { target: `p${post}`, text: `Talking point number ${post} for everybody to read today` }));
    }
  }
  for (let o = 0; o < 20; o++) out.push(action(`o${o}`, `o${o}`, o * 37, { target: `p${o % 9}`, text: `my own words ${o}` }), action(`o${o}b`, `o${o}`, o * 41 + 5, { target: `q${o}` }));
  return out;
}

async function dbWith(name: string, actions: Action[]): Promise<string> {
  const path = join(dir, name);
  const store = await openSqliteStore(path);
  const session = await store.beginImport();
  await session.putActions(actions);
  await session.commit(batch(name));
  await store.close();
  return path;
}

const params: RunParams = { ...DEFAULT_PARAMS, layers: ['co-share', 'co-target', 'co-text'] };
const context = { version: 't', createdAt: 0, inputHash: '' };

test('co-target in a worker thread: the run is byte-identical to the one-thread run', async () => {
  const path = await dbWith('same.db', world());
  const store = await openSqliteStore(path);
  const worker = startLayersWorker(path, {}, params, ['co-target']);
  const columns = await store.readActionColumns();
  const computed = await runLayersWithWorker(columns, params, worker);
  const both = detectRun(columns, [], params, { ...context, computed });
  const one = detectRun(columns, [], params, context);
  await store.close();
  assert.ok(both.edges.some((e) => e.layer === 'co-target'), 'the worker’s layer has edges');
  assert.equal(JSON.stringify(both), JSON.stringify(one));
});

test('a worker that read other actions (an import in between) is a user error', async () => {
  const path = await dbWith('before.db', world());
  const other = await dbWith('after.db', [...world(), action('late', 'o1', 999, { target: 'p1' })]);
  const store = await openSqliteStore(other);
  const columns = await store.readActionColumns();
  await store.close();
  const worker = startLayersWorker(path, {}, params, ['co-target']);
  await assert.rejects(runLayersWithWorker(columns, params, worker), (e) => isUserError(e) && /changed while detecting/.test((e as Error).message));
});
