// Detection on both cores: some layers run in a worker thread (which reads the same actions through its own
// connection) while this thread reads and runs the others; `detectRun` then fuses them in the run's layer order,
// so the run is the one a single thread would produce. src/core stays single-threaded and pure: threads live here.
import { Worker } from 'node:worker_threads';
import type { Layer } from '../core/detect/layer-traces.ts';
import { UserError } from '../core/errors.ts';
import { runLayer, type LayerResult } from '../core/pipeline/index.ts';
import type { ActionColumns } from '../core/columns.ts';
import type { RunParams } from '../core/run.ts';
import type { ActionFilter } from '../store/store.ts';
import { columnsFingerprint } from './fingerprint.ts';

/** Messages from the worker. */
export type FromLayersWorker =
  | { t: 'done'; fingerprint: string; results: (readonly [Layer, LayerResult])[]; seconds: Record<string, number> }
  | { t: 'error'; message: string; stack: string; user: boolean };

/**
 * Layers given to the worker by default: co-target alone. It reads no texts or links (the worker's read is a
 * fraction of a full one) and, at 1M simulated actions with the columnar snapshot present (bench/detect.bench.ts,
 * CPU-s), costs about what this thread's read, co-share, co-link, co-text, co-hashtag and co-media cost together
 * (co-target 6.2 with its read 0.9; read 1.3 + 1.8 + 0.9 + 2.5 + 0.4 + 0.2 here). With co-share in the worker too
 * (the split chosen when every read parsed rows) the worker became the longer side by about 2 CPU-s.
 */
export const WORKER_LAYERS: readonly Layer[] = ['co-target'];

// Under tsx (TypeScript sources) the worker registers tsx itself before loading its entry (as ingest does).
const BOOT = `const { workerData } = require('node:worker_threads');
import(workerData.tsxApi).then((m) => { m.register(); return import(workerData.entry); });`;

/** A worker running some layers of a run. */
export interface LayersWorker {
  layers: readonly Layer[];
  result: Promise<{ fingerprint: string; results: Map<string, LayerResult>; seconds: Record<string, number> }>;
  stop(): Promise<void>;
}

/** Starts a worker that reads `filter`'s actions from the SQLite file at `path` and runs `layers` of `params`. */
export function startLayersWorker(path: string, filter: ActionFilter, params: RunParams, layers: readonly Layer[], evidencePerEdge = 20): LayersWorker {
  const entry = new URL(`./layers-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
  const data = { path, filter, params, layers: [...layers], evidencePerEdge, entry: entry.href };
  const worker = entry.pathname.endsWith('.ts')
    ? new Worker(BOOT, { eval: true, workerData: { ...data, tsxApi: import.meta.resolve('tsx/esm/api') } })
    : new Worker(entry, { workerData: data });
  const result = new Promise<{ fingerprint: string; results: Map<string, LayerResult>; seconds: Record<string, number> }>((resolve, reject) => {
    worker.on('message', (m: FromLayersWorker) => {
      if (m.t === 'done') return resolve({ fingerprint: m.fingerprint, results: new Map(m.results), seconds: m.seconds });
      if (m.user) return reject(new UserError(m.message));
      const bug = new Error(`layers worker: ${m.message}`);
      bug.stack = m.stack;
      reject(bug);
    });
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`layers worker stopped (exit code ${code}) before finishing`)));
  });
  // A rejection nobody awaits yet (the caller is still reading) must not crash the process.
  result.catch(() => undefined);
  return { layers, result, stop: async () => void (await worker.terminate()) };
}

/**
 * Runs this thread's share of `params.layers` on `columns`, then takes the worker's: every layer's result, for
 * `detectRun`'s `computed`. Throws when the worker read different actions (an import landed in between).
 */
export async function runLayersWithWorker(columns: ActionColumns, params: RunParams, worker: LayersWorker, evidencePerEdge = 20): Promise<Map<string, LayerResult>> {
  const out = new Map<string, LayerResult>();
  try {
    for (const layer of params.layers as Layer[]) if (!worker.layers.includes(layer)) out.set(layer, runLayer(columns, layer, params, evidencePerEdge));
    const theirs = await worker.result;
    if (theirs.fingerprint !== columnsFingerprint(columns)) {
      throw new UserError('the database changed while detecting (an import ran at the same time): run detect again');
    }
    for (const [layer, r] of theirs.results) out.set(layer, r);
    return out;
  } finally {
    await worker.stop();
  }
}
