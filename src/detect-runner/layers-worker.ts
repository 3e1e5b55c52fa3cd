// The worker-thread side of `startLayersWorker`: waits for the columns the main thread read, runs the layers it was
// given with the run's parameters, and posts their results; then, when asked, the networks of the run's edges.
import { parentPort, workerData } from 'node:worker_threads';
import { isUserError } from '../core/errors.ts';
import type { Layer } from '../core/detect/layer-traces.ts';
import { networkGroups, type NetworkEdge } from '../core/graph/network-groups.ts';
import { runLayer } from '../core/pipeline/run-layer.ts';
import type { RunParams } from '../core/run.ts';
import type { FromLayersWorker, NetworkEdges, ToLayersWorker } from './layers-in-worker.ts';
import { columnsInWorker } from './worker-columns.ts';

const port = parentPort;
if (port === null) throw new Error('layers-worker.ts runs only as a worker thread');
const { params, layers, evidencePerEdge } = workerData as { params: RunParams; layers: Layer[]; evidencePerEdge: number };

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
  const results = layers.map((layer) => {
    const t = performance.now();
    const r = runLayer(columns, layer, params, evidencePerEdge);
    seconds[layer] = (performance.now() - t) / 1000;
    return [layer, r] as const;
  });
  return { t: 'done', results, seconds };
}

/** The edges as `networkGroups` reads them. */
function edgesOf(e: NetworkEdges): NetworkEdge[] {
  return e.a.map((a, i) => ({ a, b: e.b[i]!, layer: e.layer[i]!, weight: e.weight[i]! }));
}
