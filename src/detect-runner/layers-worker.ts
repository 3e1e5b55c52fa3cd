// The worker-thread side of `startLayersWorker`: reads the same actions from the same database (its own
// connection), runs the layers it was given with the run's parameters, and posts their results and a fingerprint
// of what it read (so the caller can check both threads saw the same data).
import { parentPort, workerData } from 'node:worker_threads';
import { isUserError } from '../core/errors.ts';
import type { Layer } from '../core/detect/layer-traces.ts';
import { runLayer } from '../core/pipeline/index.ts';
import type { RunParams } from '../core/run.ts';
import type { ActionFilter } from '../store/store.ts';
import { openSqliteStore } from '../store/sqlite/index.ts';
import { columnsFingerprint } from './fingerprint.ts';
import type { FromLayersWorker } from './layers-in-worker.ts';

const port = parentPort;
if (port === null) throw new Error('layers-worker.ts runs only as a worker thread');
const { path, filter, params, layers, evidencePerEdge } = workerData as {
  path: string;
  filter: ActionFilter;
  params: RunParams;
  layers: Layer[];
  evidencePerEdge: number;
};

try {
  const store = await openSqliteStore(path, { readonly: true });
  const columns = await store.readActionColumns(filter);
  await store.close();
  const results = layers.map((layer) => [layer, runLayer(columns, layer, params, evidencePerEdge)] as const);
  port.postMessage({ t: 'done', fingerprint: columnsFingerprint(columns), results } satisfies FromLayersWorker);
} catch (e) {
  const err = e instanceof Error ? e : new Error(String(e));
  port.postMessage({ t: 'error', message: err.message, stack: err.stack ?? '', user: isUserError(e) } satisfies FromLayersWorker);
}
