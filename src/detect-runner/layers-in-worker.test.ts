import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { isUserError } from '../core/errors.ts';
import type { Layer } from '../core/detect/layer-traces.ts';
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
const POINTS = [
  'The mayor has stolen the money for the new bridge again',
  'Only our candidate keeps every promise made to the villages',
  'Prices for bread went up twice this month and nobody cares',
  'Vote on Sunday, the future of the whole region depends on it',
  'Foreign agents are paying the opposition to organise protests',
  'The road to the airport finally opened thanks to the governor',
  'Happy holidays to everyone in our beautiful town, stay well',
  'Does anybody know when the next bus to the city centre leaves',
  'Congratulations to the school team on winning the regional cup',
  'The weather this weekend is going to be perfect for a walk',
];

function world(): Action[] {
  const out: Action[] = [];
  for (let post = 0; post < 6; post++) {
    for (const [i, who] of ['t1', 't2', 't3'].entries()) {
      out.push(action(`t${post}-${who}`, who, post * 90 + i, { target: `p${post}`, text: POINTS[post]! }));
    }
  }
  // Background: ordinary accounts repeat a few greetings now and then, so co-text has chance meetings to compare.
  for (let o = 0; o < 40; o++) {
    for (let k = 0; k < 3; k++) {
      out.push(action(`o${o}-${k}`, `o${o}`, ((o * 7 + k * 13) % 60) * 9, { target: `r${(o * 3 + k) % 30}`, text: POINTS[6 + ((o + k) % 4)]! }));
    }
  }
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

for (const layers of [['co-target'], ['co-text', 'co-share']] as const) {
  test(`${layers.join(' and ')} in a worker thread (given only the columns they read): the same run as one thread`, async () => {
    const path = await dbWith(`same-${layers.join('-')}.db`, world());
    const store = await openSqliteStore(path);
    const worker = startLayersWorker(params, layers);
    const columns = await store.readActionColumns();
    const computed = await runLayersWithWorker(columns, params, worker);
    const both = detectRun(columns, [], params, { ...context, computed });
    const one = detectRun(columns, [], params, context);
    await store.close();
    assert.ok(both.edges.some((e) => e.layer === layers[0]), 'the worker’s layer has edges');
    assert.equal(JSON.stringify(both), JSON.stringify(one));
  });
}

test('columns given early (as detect does before it writes the snapshot): the same run as one thread', async () => {
  const path = await dbWith('early.db', world());
  const store = await openSqliteStore(path);
  const columns = await store.readActionColumns();
  await store.close();
  const worker = startLayersWorker(params, ['co-target']);
  worker.give(columns);
  const computed = await runLayersWithWorker(columns, params, worker);
  assert.equal(JSON.stringify(detectRun(columns, [], params, { ...context, computed })), JSON.stringify(detectRun(columns, [], params, context)));
});

test('a layer failing in the worker (an unknown layer) rejects the run as a bug, not a user error', async () => {
  const store = await openSqliteStore(await dbWith('fail.db', world()));
  const columns = await store.readActionColumns();
  await store.close();
  const worker = startLayersWorker(params, ['co-nothing' as Layer]);
  await assert.rejects(runLayersWithWorker(columns, params, worker), (e) => !isUserError(e) && /^layers worker: /.test((e as Error).message));
});
