// The worker-thread side of `startLayersWorker`: waits for the columns the main thread read, runs the layers it was
// given with the run's parameters, then those claimable layers the main thread has not claimed (layer-claims.ts),
// and posts their results; then, when asked, the networks of the run's edges.
import { parentPort, workerData } from 'node:worker_threads';
import { isUserError } from '../core/errors.ts';
import type { Layer } from '../core/detect/layer-traces.ts';
import { networkGroups, type NetworkEdge } from '../core/graph/network-groups.ts';
import { runLayer } from '../core/pipeline/run-layer.ts';
import { urlKeysOf } from '../core/normalise/shared-normalisers.ts';
import type { FromLayersWorker, LayersWorkerData, NetworkEdges, ToLayersWorker } from './layers-in-worker.ts';
import { CLAIMED_BY_WORKER, claimLayer } from './layer-claims.ts';
import { columnsInWorker } from './worker-columns.ts';

const port = parentPort;
if (port === null) throw new Error('layers-worker.ts runs only as a worker thread');
const { params, layers, claimable, claims, evidencePerEdge } = workerData as LayersWorkerData;

port.on('message', (m: ToLayersWorker) => {
  try {
    port.postMessage(answer(m));
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    port.postMessage({ t: 'error', message: err.message, stack: err.stack ?? '', user: isUserError(e) } satisfies FromLayersWorker);
  }
});

function answer(m: ToLayersWorker): FromLayersWorker {
  if (m.t === 'networks') return { t: 'networks', groups: networkGroups(edgesOf(m.edges), m.options) };
  const columns = columnsInWorker(m.columns);
  const seconds: Record<string, number> = {};
  const run = (layer: Layer): readonly [Layer, ReturnType<typeof runLayer>] => {
    const t = performance.now();
    const r = runLayer(columns, layer, params, evidencePerEdge);
    seconds[layer] = (performance.now() - t) / 1000;
    return [layer, r] as const;
  };
  const results = layers.map(run);
  // Then, when this run lets it, the claimable layers the main thread has not started, from the end of its list.
  for (let i = claimable.length - 1; m.claim && i >= 0; i--) {
    if (params.layers.includes(claimable[i]!) && claimLayer(claims, i, CLAIMED_BY_WORKER)) {
      results.push(run(claimable[i]!));
    }
  }
  // What co-link normalised here, the network summaries on the main thread would normalise again (4 µs a link).
  // (postMessage copies it: the main thread gets a Map of its own.)
  const urlKeys = results.some(([l]) => l === 'co-link') ? (urlKeysOf(columns.urls.values) as Map<string, string> | undefined) : undefined;
  return { t: 'done', results, seconds, ...(urlKeys === undefined ? {} : { urlKeys }) };
}

/** The edges as `networkGroups` reads them. */
function edgesOf(e: NetworkEdges): NetworkEdge[] {
  return e.a.map((a, i) => ({ a, b: e.b[i]!, layer: e.layer[i]!, weight: e.weight[i]! }));
}
