import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { isUserError } from '../core/errors.ts';
import type { Layer } from '../core/detect/layer-traces.ts';
import type { Action } from '../core/model.ts';
import { DEFAULT_PARAMS, detectRun, detectRunWith } from '../core/pipeline/index.ts';
import type { RunParams } from '../core/run.ts';
import { smallWorld } from '../../test/support/small-world.ts';
import { sqliteWith } from '../../test/support/sqlite-with.ts';
import { openSqliteStore } from '../store/sqlite/index.ts';
import { IDLE_WORKER_SHARE, runLayersWithWorker, startLayersWorker } from './layers-in-worker.ts';
import { layerRows } from '../core/detect/layer-traces.ts';
import { urlKeysOf } from '../core/normalise/shared-normalisers.ts';

const dir = mkdtempSync(join(tmpdir(), 'trollmap-layers-worker-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const dbWith = (name: string, actions: Action[]): Promise<string> => sqliteWith(join(dir, name), actions);

const params: RunParams = { ...DEFAULT_PARAMS, layers: ['co-share', 'co-target', 'co-text'] };
const context = { version: 't', createdAt: 0, inputHash: '' };

for (const layers of [['co-target'], ['co-text', 'co-share']] as const) {
  test(`${layers.join(' and ')} in a worker thread (given only the columns they read): the same run as one thread`, async () => {
    const path = await dbWith(`same-${layers.join('-')}.db`, smallWorld());
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

test('claimable layers: whichever thread claims each, the same run as one thread; left to it, the worker runs them all', async () => {
  const path = await dbWith('claimable.db', smallWorld());
  const store = await openSqliteStore(path);
  // Two reads: the one-thread reference normalises links into the cache of its own columns, not these.
  const reference = await store.readActionColumns();
  const columns = await store.readActionColumns();
  await store.close();
  assert.notEqual(columns.urls.values, reference.urls.values);
  const all: RunParams = { ...DEFAULT_PARAMS, layers: ['co-share', 'co-link', 'co-target', 'co-text', 'co-hashtag', 'co-media'] };
  const one = JSON.stringify(detectRun(reference, [], all, context));
  const claimable = ['co-link', 'co-share', 'co-hashtag', 'co-media'] as const;
  // Left to the worker first: this thread then never normalises a link itself, so every url key it has came from
  // the worker.
  for (const leaveClaimable of [true, false]) {
    const worker = startLayersWorker(all, ['co-target'], undefined, claimable);
    let computed: Awaited<ReturnType<typeof runLayersWithWorker>>;
    let ran: string[];
    const here: string[] = [];
    try {
      computed = await runLayersWithWorker(columns, all, worker, { keep: true, leaveClaimable, onLayer: (l) => here.push(l) });
      ran = Object.keys((await worker.result).seconds).sort();
    } finally {
      await worker.stop();
    }
    assert.deepEqual([...computed.keys()].sort(), [...all.layers].sort(), 'every layer computed by one thread or the other');
    if (leaveClaimable) {
      assert.deepEqual(ran, ['co-hashtag', 'co-link', 'co-media', 'co-share', 'co-target'], 'the worker ran every claimable layer');
      assert.deepEqual(here, ['co-text'], 'and this thread only the layer it cannot leave');
      assert.deepEqual(
        [...(urlKeysOf(columns.urls.values)?.keys() ?? [])].sort(), [...new Set(columns.urls.values)].sort(),
        'the links co-link normalised on the worker are this thread\'s to reuse',
      );
    }
    // Every layer ran once, on one thread or the other.
    assert.deepEqual([...here, ...ran].sort(), [...all.layers].sort());
    // No layer is claimed twice: when the worker could claim, the claims this thread still makes all fail.
    if (worker.claiming) for (const layer of claimable) assert.equal(worker.claim(layer), false, `${layer} is claimed already`);
    assert.equal(JSON.stringify(detectRun(columns, [], all, { ...context, computed })), one);
  }
});

test('a worker busy with its own layers takes no claimable layer, and gets none of their columns', async () => {
  const store = await openSqliteStore(await dbWith('busy.db', smallWorld()));
  const columns = await store.readActionColumns();
  await store.close();
  const all: RunParams = { ...DEFAULT_PARAMS, layers: ['co-share', 'co-link', 'co-target', 'co-text'] };
  // By default the worker may claim only when co-target reads less than IDLE_WORKER_SHARE of the rows.
  const idle = layerRows(columns, 'co-target') < columns.count * IDLE_WORKER_SHARE;
  for (const claiming of [undefined, false]) {
    const worker = startLayersWorker(all, ['co-target'], undefined, ['co-link', 'co-share']);
    const here: string[] = [];
    try {
      worker.give(columns, claiming === undefined ? {} : { claiming });
      assert.equal(worker.claiming, claiming ?? idle);
      if (worker.claiming) continue;
      const computed = await runLayersWithWorker(columns, all, worker, { keep: true, onLayer: (l) => here.push(l) });
      assert.deepEqual(Object.keys((await worker.result).seconds), ['co-target']);
      assert.deepEqual(here, ['co-share', 'co-link', 'co-text'], 'this thread ran the rest in the run\'s order');
      assert.equal(JSON.stringify(detectRun(columns, [], all, { ...context, computed })), JSON.stringify(detectRun(columns, [], all, context)));
    } finally {
      await worker.stop();
    }
  }
});

test('columns given early (as detect does before it writes the snapshot): the same run as one thread', async () => {
  const path = await dbWith('early.db', smallWorld());
  const store = await openSqliteStore(path);
  const columns = await store.readActionColumns();
  await store.close();
  const worker = startLayersWorker(params, ['co-target']);
  worker.give(columns);
  const computed = await runLayersWithWorker(columns, params, worker);
  assert.equal(JSON.stringify(detectRun(columns, [], params, { ...context, computed })), JSON.stringify(detectRun(columns, [], params, context)));
});

test('a layer failing in the worker (an unknown layer) rejects the run as a bug, not a user error', async () => {
  const store = await openSqliteStore(await dbWith('fail.db', smallWorld()));
  const columns = await store.readActionColumns();
  await store.close();
  const worker = startLayersWorker(params, ['co-nothing' as Layer]);
  await assert.rejects(runLayersWithWorker(columns, params, worker), (e) => !isUserError(e) && /^layers worker: /.test((e as Error).message));
});

// Network options where each one changes the small world's networks (checked below), so none may be lost on the way.
const NETWORK_OPTIONS = { resolution: 2, minNetworkSize: 2, layerWeights: { 'co-text': 0.01 } };

for (const findings of [undefined, NETWORK_OPTIONS]) {
  test(`networks found by the worker while this thread scores the accounts (${findings ? 'network options set' : 'defaults'}): the same run as one thread`, async () => {
    const path = await dbWith(`networks-${findings ? 'options' : 'defaults'}.db`, smallWorld());
    const store = await openSqliteStore(path);
    const columns = await store.readActionColumns();
    const accounts = await store.getAccounts(columns.accountKeys);
    await store.close();
    const worker = startLayersWorker(params, ['co-target']);
    try {
      const computed = await runLayersWithWorker(columns, params, worker, { keep: true });
      const withOptions = { ...context, ...(findings ? { findings } : {}) };
      let asked = 0;
      const both = await detectRunWith(columns, accounts, params, { ...withOptions, computed }, (edges, options) => {
        asked++;
        return worker.networks(edges, options);
      });
      const one = detectRun(columns, accounts, params, withOptions);
      assert.equal(asked, 1);
      assert.ok(one.networks.length > 0, 'the small world has networks');
      assert.equal(JSON.stringify(both), JSON.stringify(one));
      for (const option of findings ? (Object.keys(findings) as (keyof typeof NETWORK_OPTIONS)[]) : []) {
        const { [option]: _dropped, ...without } = findings!;
        const other = detectRun(columns, accounts, params, { ...context, findings: without });
        assert.notEqual(JSON.stringify(other.networks), JSON.stringify(one.networks), `${option} changes the networks`);
      }
    } finally {
      await worker.stop();
    }
  });
}

test('a worker stopped before it is asked for the networks rejects the run (no wait for an answer that cannot come)', async () => {
  const store = await openSqliteStore(await dbWith('networks-stop.db', smallWorld()));
  const columns = await store.readActionColumns();
  await store.close();
  const worker = startLayersWorker(params, ['co-target']);
  const computed = await runLayersWithWorker(columns, params, worker, { keep: true });
  await worker.stop();
  const run = detectRunWith(columns, [], params, { ...context, computed }, (edges, options) => worker.networks(edges, options));
  await assert.rejects(run, /layers worker stopped/);
});
