// The worker-thread side of `startLayersWorker`: reads the same actions from the same database (its own
// connection), runs the layers it was given with the run's parameters, and posts their results and a fingerprint
// of what it read (so the caller can check both threads saw the same data).
import { parentPort, workerData } from 'node:worker_threads';
import { isUserError } from '../core/errors.ts';
import type { Layer } from '../core/detect/layer-traces.ts';
import { runLayer } from '../core/pipeline/index.ts';
import type { RunParams } from '../core/run.ts';
import type { ActionFilter } from '../store/store.ts';
import { readColumnsAt, type OptionalColumn } from '../store/sqlite/columns.ts';
import { columnsFingerprint } from './fingerprint.ts';
import type { FromLayersWorker } from './layers-in-worker.ts';

const OPTIONAL: readonly OptionalColumn[] = ['text', 'urls', 'hashtags', 'media'];
/** The optional column each layer reads (co-share and co-target read only the always-read ones). */
const NEEDS: Record<Layer, OptionalColumn | undefined> = {
  'co-share': undefined,
  'co-target': undefined,
  'co-text': 'text',
  'co-link': 'urls',
  'co-hashtag': 'hashtags',
  'co-media': 'media',
};

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
  // Only the columns these layers read: co-target needs neither texts nor links, which are half of a read.
  const needed = new Set(layers.map((l) => NEEDS[l]));
  const t0 = performance.now();
  const columns = readColumnsAt(path, filter, OPTIONAL.filter((c) => !needed.has(c)));
  const seconds: Record<string, number> = { read: (performance.now() - t0) / 1000 };
  const results = layers.map((layer) => {
    const t = performance.now();
    const r = runLayer(columns, layer, params, evidencePerEdge);
    seconds[layer] = (performance.now() - t) / 1000;
    return [layer, r] as const;
  });
  port.postMessage({ t: 'done', fingerprint: columnsFingerprint(columns), results, seconds } satisfies FromLayersWorker);
} catch (e) {
  const err = e instanceof Error ? e : new Error(String(e));
  port.postMessage({ t: 'error', message: err.message, stack: err.stack ?? '', user: isUserError(e) } satisfies FromLayersWorker);
}
