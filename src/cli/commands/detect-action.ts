// The work of `trollmap detect`, imported only when the command runs (the detectors, URL rules and photo matching
// are not loaded for --help or other commands): read actions as columns, run the layers, keep significant edges,
// build networks and scores, store the run, print a summary; `--pairs-csv`/`--edges-csv` write CooRTweet's tables.
import { writeFileSync, renameSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { UserError } from '../../core/errors.ts';
import type { Layer } from '../../core/detect/layer-traces.ts';
import { SPEEDS } from '../../core/detect/speeds.ts';
import { cooRTweetFiles } from '../../core/export/coortweet-csv.ts';
import { networkLine } from '../../core/explain/index.ts';
import { DEFAULT_LAYERS, type DetectContext } from '../../core/pipeline/index.ts';
import type { Account } from '../../core/model.ts';
import { accountProfiles } from '../../core/signals/account-signals.ts';
import type { DetectionRun, RunParams } from '../../core/run.ts';
import { CO_PHOTO_LAYER } from '../../core/photo/co-photo-edges.ts';
import {
  CLAIMABLE_LAYERS, detectRunOn, runLayersWithWorker, startLayersWorker, WORKER_LAYERS, type LayersWorker,
} from '../../detect-runner/layers-in-worker.ts';
import { countActionsAt } from '../../store/sqlite/columns.ts';
import { openSqliteStore } from '../../store/sqlite/index.ts';
import type { ActionFilter, Store } from '../../store/store.ts';
import { inputHash } from '../input-hash.ts';
import { storedPhotoEdges } from '../photo-edges.ts';
import { existingDb } from '../open-store.ts';
import { resolveDbPath } from '../options.ts';
import { VERSION } from '../version.ts';
import type { DetectOptions } from './detect.ts';

/** Runs detection on the store named by the options and stores the run. */
export async function detectAction(opts: DetectOptions): Promise<void> {
  const path = existingDb(resolveDbPath(opts.db));
  const store = await openSqliteStore(path);
  try {
    await detect(store, path, opts);
  } finally {
    await store.close();
  }
}

/**
 * From how many selected actions `--threads auto` runs co-target (WORKER_LAYERS) in a worker thread (its start-up
 * and the copy of the columns it gets cost CPU that small reads do not win back). Measured with `TROLLMAP_BENCH_CACHE=1
 * npm run bench -- detect-threads` (`trollmap simulate --accounts N --days 30 --seed 1`, imported, warm; read + every
 * default layer; min of 3 fresh processes), wall seconds with one thread vs two. 2026-11-29 19:27–19:30 UTC (load
 * about 2; workers started from their bundles): 45,133 actions 0.91 vs 1.10 · 89,471: 1.35 vs 1.23 · 129,158: 1.98
 * vs 1.35 · 158,488: 1.92 vs 1.37 · 291,296: 2.28 vs 2.15 · 548,012: 3.22 vs 2.54. Two threads won from 89k on; at
 * 03:48 UTC, with workers started under tsx, from about 130k (45,133: 0.83 vs 1.28 · 89,471: 1.19 vs 1.39 ·
 * 129,158: 2.18 vs 1.64 · 158,488: 1.83 vs 1.84). The threshold sits between the last loss and the first win.
 */
export const DETECT_THREADS_MIN_ACTIONS = 100_000;

async function detect(store: Store, path: string, opts: DetectOptions): Promise<void> {
  const progress = !opts.quiet && !opts.json && process.stderr.isTTY;
  const say = (s: string): void => void (progress && process.stderr.write(`detect: ${s}\n`));
  const filter: ActionFilter = {
    ...(opts.platform === undefined ? {} : { platform: opts.platform }),
    ...(opts.since === undefined ? {} : { since: opts.since }),
    ...(opts.until === undefined ? {} : { until: opts.until }),
  };
  // The layers and parameters are known before the read, so the worker (when it pays) boots while this thread reads.
  const window = opts.window ?? SPEEDS[opts.speed ?? 'minutes'];
  const nulls = opts.null !== undefined && Object.keys(opts.null).length > 0 ? { nulls: opts.null } : {};
  const base = { window, minParticipation: opts.minParticipation, alpha: opts.alpha, ...nulls, method: 'significance' as const, seed: opts.seed, ...filter };
  const requested = (opts.layers ?? DEFAULT_LAYERS) as Layer[];
  const workerLayers = WORKER_LAYERS.filter((l) => requested.includes(l));
  const claimable = CLAIMABLE_LAYERS.filter((l) => requested.includes(l));
  // A worker has something to do when it has a layer of its own, or a claimable one this thread may leave it.
  const shared = workerLayers.length > 0 ? requested.length > workerLayers.length : claimable.length > 0 && withoutPhotos(requested).length >= 2;
  const two = !wantsParity(opts) && shared && useTwoThreads(opts.threads, path, filter);
  // The worker's layers run with the action layers' parameters (co-photo is fused by this thread only).
  const worker = two ? startLayersWorker({ ...base, layers: withoutPhotos(requested) }, workerLayers, undefined, claimable) : undefined;
  try {
    await detectWith(store, opts, filter, base, worker, say);
  } finally {
    await worker?.stop();
  }
}

/** Whether CooRTweet's tables are asked for (they need this thread's columns in input order). */
const wantsParity = (opts: DetectOptions): boolean => opts.pairsCsv !== undefined || opts.edgesCsv !== undefined;

/** The layers computed from action columns: all but co-photo, which is fused from stored photo edges. */
const withoutPhotos = (layers: readonly Layer[]): Layer[] => layers.filter((l) => (l as string) !== CO_PHOTO_LAYER);

/** Whether to run two threads: forced by --threads, else when the machine has two cores and the read is large. */
function useTwoThreads(threads: DetectOptions['threads'], path: string, filter: ActionFilter): boolean {
  if (threads !== 'auto') return threads === 2;
  return availableParallelism() >= 2 && countActionsAt(path, filter) >= DETECT_THREADS_MIN_ACTIONS;
}

async function detectWith(
  store: Store, opts: DetectOptions, filter: ActionFilter, base: Omit<RunParams, 'layers'>, worker: LayersWorker | undefined,
  say: (s: string) => void,
): Promise<void> {
  say(worker ? `reading actions (${worker.layers.join(', ')} in a worker thread)` : 'reading actions');
  // With a worker, the columns go to it as soon as they are built: it computes while the columnar snapshot is
  // written. `--threads 1` means one thread for the read too (else a large first read is shared with a scan helper).
  const columns = await store.readActionColumns(filter, worker ? { onColumns: (c) => worker.give(c) } : { oneThread: opts.threads === 1 });
  if (columns.count === 0) throw new UserError('no actions to analyse: import data first, or widen --platform/--since/--until');
  // Photos are read once; by default co-photo runs when the accounts read have any.
  const stored = opts.layers === undefined || opts.layers.includes(CO_PHOTO_LAYER) ? await storedPhotoEdges(store, columns.accountKeys) : undefined;
  const layers = (opts.layers ?? [...DEFAULT_LAYERS, ...(stored && stored.photos > 0 ? [CO_PHOTO_LAYER] : [])]) as Layer[];
  const actionLayers = withoutPhotos(layers);
  if (wantsParity(opts)) writeParity(columns, layers, base.window, opts);
  const params: RunParams = { layers, ...base };
  const actionParams: RunParams = { ...params, layers: actionLayers };
  // This thread's layers (they run before runLayersWithWorker first waits), then, while the worker may still be
  // busy, the accounts and the input hash; then the worker's results, fused in run order.
  const computing = worker ? runLayersWithWorker(columns, actionParams, worker, { keep: true, onLayer: say }) : undefined;
  computing?.catch(() => undefined); // awaited below; a rejection meanwhile must not count as unhandled
  const accounts: Account[] = await store.getAccounts(columns.accountKeys);
  let hash = inputHash(columns);
  // What the signals read of the profiles does not depend on the edges: made while the worker still computes.
  const profiles = worker ? accountProfiles(accounts) : undefined;
  const computed = await computing;
  const photo = layers.includes(CO_PHOTO_LAYER as Layer) ? stored : undefined;
  if (photo) {
    say(`${CO_PHOTO_LAYER}: ${photo.photos} photos, ${photo.edges.length} edges`);
    hash = createHash('sha256').update(hash).update(photo.hash).digest('hex');
  }
  // The pipeline runs the action layers; co-photo edges come in as extra edges and the run records every layer.
  // With a worker, it finds the networks while this thread computes the accounts' signals and scores.
  const context: DetectContext = {
    version: VERSION,
    createdAt: Date.now(),
    inputHash: hash,
    onStage: (s) => say(s),
    ...(photo ? { extraEdges: photo.edges } : {}),
    ...(computed ? { computed } : {}),
    ...(profiles ? { profiles } : {}),
  };
  const run = await detectRunOn(worker, columns, accounts, actionParams, context);
  run.params = { ...params, ...(run.params.tests ? { tests: run.params.tests } : {}) };
  if (photo) run.cappedKeys.push(...photo.capped.map((c) => ({ layer: CO_PHOTO_LAYER, key: c.key, traces: c.accounts })));
  say('saving');
  const id = await store.saveRun(run);
  if (opts.json) {
    const { createdAt: _createdAt, ...stable } = run;
    process.stdout.write(JSON.stringify({ runId: id, ...stable }, null, 2) + '\n');
  } else {
    process.stdout.write(runSummary(run, id) + '\n');
  }
}

function writeParity(columns: Parameters<typeof cooRTweetFiles>[0], layers: Layer[], window: number, opts: DetectOptions): void {
  if (layers.length !== 1 || (layers[0] as string) === CO_PHOTO_LAYER) {
    throw new UserError(`--pairs-csv/--edges-csv need exactly one action layer (--layers co-share, say), got ${layers.join(',')}`);
  }
  if (window % 1000 !== 0) throw new UserError(`--pairs-csv/--edges-csv need a whole-second --window, got ${window} ms`);
  const files = cooRTweetFiles(columns, layers[0]!, {
    timeWindow: window / 1000,
    minParticipation: opts.minParticipation,
    inputOrder: columns.seq,
  });
  if (opts.pairsCsv !== undefined) writeAtomically(opts.pairsCsv, files.pairs);
  if (opts.edgesCsv !== undefined) writeAtomically(opts.edgesCsv, files.edges);
  if (!opts.quiet && !opts.json) {
    process.stderr.write(`CooRTweet tables: ${files.pairCount} pairs, ${files.edgeCount} edges\n`);
  }
}

function writeAtomically(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    throw new UserError(`cannot write ${path}: ${(e as Error).message}`, { cause: e });
  }
}

/** The terminal summary of a run: what was read, what each layer kept, the networks. */
export function runSummary(run: DetectionRun, id: number): string {
  const lines = [`run ${id}: ${run.actionsRead.toLocaleString('en-US')} actions, layers ${run.params.layers.join(', ')}, window ${run.params.window / 1000} s`];
  for (const w of run.warnings) lines.push(`⚠ ${w}`);
  const perLayer = new Map<string, number>();
  for (const e of run.edges) perLayer.set(e.layer, (perLayer.get(e.layer) ?? 0) + 1);
  lines.push(`significant edges: ${run.params.layers.map((l) => `${l} ${perLayer.get(l) ?? 0}`).join(', ')}`);
  if (run.cappedKeys.length > 0) lines.push(`capped keys (too popular to pair in full): ${run.cappedKeys.length}`);
  const flagged = run.accounts.filter((a) => a.network >= 0).length;
  lines.push(`${run.networks.length} network(s), ${flagged} account(s) in networks, ${run.accounts.length} with any significant edge`);
  for (const n of run.networks.slice(0, 10)) lines.push(`  ${networkLine(n)}`);
  if (run.networks.length > 10) lines.push(`  … ${run.networks.length - 10} more: trollmap networks`);
  return lines.join('\n');
}
