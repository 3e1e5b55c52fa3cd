// Detection on both cores: some layers run in a worker thread on columns this thread read and handed over, while
// this thread runs the others; `detectRun` then fuses them in the run's layer order, so the run is the one a single
// thread would produce. src/core stays single-threaded and pure: threads live here.
import { UserError } from '../core/errors.ts';
import { runLayer, type LayerResult } from '../core/pipeline/run-layer.ts';
import { layerRows, type Layer } from '../core/detect/layer-traces.ts';
import type { ActionColumns } from '../core/columns.ts';
import type { Account } from '../core/model.ts';
import { detectRun, detectRunWith, type DetectContext } from '../core/pipeline/detect-run.ts';
import type { DetectionRun, RunParams } from '../core/run.ts';
import { startTsWorker } from '../threads/ts-worker.ts';
import { columnsForWorker, type WorkerColumns } from './worker-columns.ts';
import { CLAIMED_HERE, claimLayer } from './layer-claims.ts';
import { seedUrlKeys } from '../core/normalise/shared-normalisers.ts';
import type { NetworkEdge, NetworkOptions } from '../core/graph/network-groups.ts';

/** Messages to the worker: the columns its layers run on; later, the run's edges to find its networks in. */
export type ToLayersWorker = { t: 'columns'; columns: WorkerColumns; claim: boolean } | { t: 'networks'; edges: NetworkEdges; options: NetworkOptions };

/** Messages from the worker. */
export type FromLayersWorker =
  | { t: 'done'; results: (readonly [Layer, LayerResult])[]; seconds: Record<string, number>; urlKeys?: Map<string, string> }
  | { t: 'networks'; groups: string[][] }
  | { t: 'error'; message: string; stack: string; user: boolean };

/** A run's edges as the networks read them (NetworkEdge), one array per field, in the run's order. */
export interface NetworkEdges {
  a: string[];
  b: string[];
  layer: string[];
  weight: Float64Array;
}

/**
 * Layers given to the worker by default: co-target alone. It reads no texts or links (so only the typed columns,
 * the dictionaries and the ids cross to it) and, at 1M simulated actions with the columnar snapshot present
 * (bench/detect.bench.ts), costs about what co-share, co-link, co-text, co-hashtag and co-media cost together on
 * this thread (warm, one thread: co-target 3.75 s against 1.18 + 0.70 + 1.42 + 0.17 + 0.08 s).
 */
export const WORKER_LAYERS: readonly Layer[] = ['co-target'];

/**
 * Layers the worker may take once its own are done, when this thread has not started them by then: each is claimed
 * once through shared memory, the worker taking them from the end of this list. This thread keeps the run's order
 * while the worker is busy with co-target (on the detect bench it has run them all before co-target ends: nothing
 * changes there); when co-target has next to nothing to read (the IRA Russian tweets have no comments), this thread
 * starts with co-text, the worker takes co-link and the small ones meanwhile. co-text is not among them: the texts
 * are the costliest column to send, and the network summaries reuse the texts that co-text normalised here.
 */
export const CLAIMABLE_LAYERS: readonly Layer[] = ['co-link', 'co-share', 'co-hashtag', 'co-media'];

/**
 * The share of a read's rows below which the worker's own layers count as next to no work, so that it may take
 * claimable layers: the IRA tweets give co-target none of 571,344, the detect bench 644,363 of 1,032,530.
 */
export const IDLE_WORKER_SHARE = 0.05;

type WorkerResult = { results: Map<string, LayerResult>; seconds: Record<string, number>; urlKeys?: Map<string, string> };

/** A worker running some layers of a run on the columns it is given. */
export interface LayersWorker {
  /** The layers it runs whatever happens. */
  layers: readonly Layer[];
  /** The layers it may also take when this thread has not claimed them first (`claim`). */
  claimable: readonly Layer[];
  /**
   * Whether the worker may take claimable layers in this run (known once it has its columns): by default when its
   * own layers have less than IDLE_WORKER_SHARE of the rows to read; the columns those layers read then cross too.
   */
  readonly claiming: boolean;
  /** Claims a claimable layer for this thread: false when the worker took it (then its result comes from the worker). */
  claim(layer: Layer): boolean;
  /** Hands the worker its columns (a structured-clone copy of the ones its layers read); once, later calls do nothing. */
  give(columns: ActionColumns, options?: { claiming?: boolean }): void;
  result: Promise<WorkerResult>;
  /**
   * The networks of the run's edges (`networkGroups`), found by the worker once its layers are done: for
   * `detectRunWith`, so this thread computes the accounts' signals and scores meanwhile.
   */
  networks(edges: readonly NetworkEdge[], options: NetworkOptions): Promise<string[][]>;
  stop(): Promise<void>;
}

/** What a layers worker starts with. */
export interface LayersWorkerData {
  params: RunParams;
  layers: Layer[];
  claimable: Layer[];
  /** One slot per claimable layer (layer-claims.ts). */
  claims: Int32Array;
  evidencePerEdge: number;
}

/**
 * Starts a worker that will run `layers` of `params`, and take those of `claimable` that this thread leaves (see
 * CLAIMABLE_LAYERS): it boots (module loading: 0.13 CPU-s from its bundle, 0.45 under tsx, `npm run bench --
 * startup`) while this thread reads, then waits for `give`.
 */
export function startLayersWorker(params: RunParams, layers: readonly Layer[], evidencePerEdge = 20, claimable: readonly Layer[] = []): LayersWorker {
  const entry = new URL(`./layers-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
  const claims = new Int32Array(new SharedArrayBuffer(Math.max(1, claimable.length) * Int32Array.BYTES_PER_ELEMENT));
  const workerData: LayersWorkerData = { params, layers: [...layers], claimable: [...claimable], claims, evidencePerEdge };
  const worker = startTsWorker(entry, { workerData });
  // Each answer goes to the request waiting for it ('done' to the layers, 'networks' to the networks); an error or
  // an exit fails whatever is still waiting.
  const waiting: { done?: Pending<WorkerResult>; networks?: Pending<string[][]> } = {};
  // Set once the worker failed or exited: a request made later fails at once.
  let ended: Error | undefined;
  const fail = (e: Error): void => {
    ended ??= e;
    for (const p of [waiting.done, waiting.networks]) p?.reject(e);
  };
  const result = new Promise<WorkerResult>((resolve, reject) => (waiting.done = { resolve, reject }));
  worker.on('message', (m: FromLayersWorker) => {
    if (m.t === 'done') return waiting.done?.resolve({ results: new Map(m.results), seconds: m.seconds, ...(m.urlKeys ? { urlKeys: m.urlKeys } : {}) });
    if (m.t === 'networks') return waiting.networks?.resolve(m.groups);
    if (m.user) return fail(new UserError(m.message));
    const bug = new Error(`layers worker: ${m.message}`);
    bug.stack = m.stack;
    fail(bug);
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`layers worker stopped (exit code ${code}) before finishing`)));
  // A rejection nobody awaits yet (the caller is still reading) must not crash the process.
  result.catch(() => undefined);
  let given = false;
  let claiming = false;
  return {
    layers,
    claimable,
    get claiming() {
      return claiming;
    },
    claim: (layer) => {
      const i = claimable.indexOf(layer);
      return i >= 0 && claimLayer(claims, i, CLAIMED_HERE);
    },
    result,
    give: (columns, options = {}) => {
      if (given) return;
      given = true;
      const ownRows = layers.reduce((n, l) => n + layerRows(columns, l), 0);
      claiming = claimable.length > 0 && (options.claiming ?? ownRows < columns.count * IDLE_WORKER_SHARE);
      const read = claiming ? [...layers, ...claimable] : layers;
      worker.postMessage({ t: 'columns', columns: columnsForWorker(columns, read), claim: claiming } satisfies ToLayersWorker);
    },
    networks: (edges, options) => {
      if (ended !== undefined) return Promise.reject(ended);
      const groups = new Promise<string[][]>((resolve, reject) => (waiting.networks = { resolve, reject }));
      const sent: NetworkEdges = { a: [], b: [], layer: [], weight: new Float64Array(edges.length) };
      edges.forEach((e, i) => {
        sent.a.push(e.a);
        sent.b.push(e.b);
        sent.layer.push(e.layer);
        sent.weight[i] = e.weight;
      });
      worker.postMessage({ t: 'networks', edges: sent, options } satisfies ToLayersWorker, [sent.weight.buffer as ArrayBuffer]);
      return groups;
    },
    stop: async () => void (await worker.terminate()),
  };
}

/** A promise's settlers. */
interface Pending<T> {
  resolve: (value: T) => void;
  reject: (e: Error) => void;
}

/**
 * Hands `columns` to the worker (unless already given), runs this thread's share of `params.layers` on them (each
 * claimable one only if the worker has not taken it; see the order below), then takes the
 * worker's: every layer's result, for `detectRun`'s `computed`. The worker is stopped after, unless `keep` (it will
 * find the run's networks: the caller stops it); always on a failure. `onLayer` is told each layer this thread runs,
 * before it runs it. `leaveClaimable` (tests): the worker may claim whatever its own layers read (unless given its
 * columns already), and this thread waits for it before it claims, so the worker takes every claimable layer.
 */
export async function runLayersWithWorker(
  columns: ActionColumns, params: RunParams, worker: LayersWorker,
  options: { evidencePerEdge?: number; keep?: boolean; leaveClaimable?: boolean; onLayer?: (layer: Layer) => void } = {},
): Promise<Map<string, LayerResult>> {
  const { evidencePerEdge = 20, keep = false, leaveClaimable = false } = options;
  const out = new Map<string, LayerResult>();
  const runHere = (layer: Layer): void => {
    options.onLayer?.(layer);
    out.set(layer, runLayer(columns, layer, params, evidencePerEdge));
  };
  let stop = !keep;
  try {
    worker.give(columns, leaveClaimable ? { claiming: true } : {});
    const here = (params.layers as Layer[]).filter((l) => !worker.layers.includes(l));
    // While the worker is busy with its own layers, it takes none: this thread runs the rest in the run's order
    // (which also decides which layer first trains V8 on the shared kernels: co-share, co-link, co-text … took
    // 1.38–1.60 s on the detect bench's columns, co-text first 1.63–1.66 s; scratch .cache/order13.ts). When they
    // have almost nothing to read (no comments for co-target), this thread runs the layers only it runs first and
    // claims the others last, so that the worker takes them meanwhile.
    const claimable = worker.claiming ? here.filter((l) => worker.claimable.includes(l)) : [];
    const order = [...here.filter((l) => !claimable.includes(l)), ...claimable];
    if (leaveClaimable) await worker.result;
    for (const layer of order) if (!claimable.includes(layer) || worker.claim(layer)) runHere(layer);
    const done = await worker.result;
    for (const [layer, r] of done.results) out.set(layer, r);
    // The links the worker normalised (co-link there): the network summaries here reuse them.
    if (done.urlKeys !== undefined) seedUrlKeys(columns.urls.values, done.urlKeys);
    return out;
  } catch (e) {
    stop = true;
    throw e;
  } finally {
    if (stop) await worker.stop();
  }
}

/**
 * The run of `params` on `columns`: `detectRun`, or with a worker (its layers already `computed` in `context`)
 * `detectRunWith`, the worker finding the networks while this thread scores the accounts. The same run either way.
 */
export async function detectRunOn(
  worker: LayersWorker | undefined, columns: ActionColumns, accounts: readonly Account[], params: RunParams, context: DetectContext,
): Promise<DetectionRun> {
  if (worker === undefined) return detectRun(columns, accounts, params, context);
  return detectRunWith(columns, accounts, params, context, (edges, options) => worker.networks(edges, options));
}
