// `trollmap detect`: read actions as columns, run the layers, keep significant edges, build networks and scores,
// store the run, print a summary. `--pairs-csv`/`--edges-csv` also write CooRTweet's tables (its rules exactly).
import { writeFileSync, renameSync } from 'node:fs';
import type { Command } from 'commander';
import { UserError } from '../../core/errors.ts';
import { LAYERS, type Layer } from '../../core/detect/layer-traces.ts';
import { SPEEDS, type Speed } from '../../core/detect/speeds.ts';
import { cooRTweetFiles } from '../../core/export/coortweet-csv.ts';
import { networkLine } from '../../core/explain/index.ts';
import { DEFAULT_LAYERS, DEFAULT_PARAMS, detectRun } from '../../core/pipeline/index.ts';
import type { Account } from '../../core/model.ts';
import type { DetectionRun, RunParams } from '../../core/run.ts';
import { openSqliteStore } from '../../store/sqlite/index.ts';
import type { Store } from '../../store/store.ts';
import { inputHash } from '../input-hash.ts';
import { createHash } from 'node:crypto';
import { CO_PHOTO_LAYER } from '../../core/photo/co-photo-edges.ts';
import { storedPhotoEdges } from '../photo-edges.ts';
import { existingDb } from '../open-store.ts';
import { parsePositiveInt, resolveDbPath } from '../options.ts';
import { parseDuration, parseList, parseProbability, parseTime } from '../parse-values.ts';
import { VERSION } from '../version.ts';

interface DetectOptions {
  db?: string;
  layers?: string[];
  window?: number;
  speed?: Speed;
  minParticipation: number;
  alpha: number;
  seed: number;
  platform?: string;
  since?: number;
  until?: number;
  pairsCsv?: string;
  edgesCsv?: string;
  json?: boolean;
  quiet?: boolean;
}

export function registerDetect(program: Command): void {
  program
    .command('detect')
    .description('find coordinated accounts and networks; stores the run with its evidence')
    .option('--db <path>', 'database file (default: $TROLLMAP_DB or ./trollmap.db)')
    .option('--layers <list>', `layers to run (default: all: ${DEFAULT_LAYERS.join(',')}, and ${CO_PHOTO_LAYER} when photos were imported)`, parseList('--layers', [...LAYERS, CO_PHOTO_LAYER]))
    .option('--window <duration>', 'co-action window, e.g. 10s, 10m, 1d (default: the --speed preset)', parseDuration('--window'))
    .option('--speed <speed>', 'window preset: seconds (10 s), minutes (10 min), day (24 h)', parseSpeed, 'minutes' as Speed)
    .option('--min-participation <n>', 'co-actions an account needs to count', parsePositiveInt('--min-participation'), DEFAULT_PARAMS.minParticipation)
    .option('--alpha <q>', 'significance level after Benjamini–Hochberg', parseProbability('--alpha'), DEFAULT_PARAMS.alpha)
    .option('--seed <n>', 'seed for community detection and hashing', parsePositiveInt('--seed'), DEFAULT_PARAMS.seed)
    .option('--platform <name>', 'only actions of this platform')
    .option('--since <time>', 'only actions at or after this UTC date/time', parseTime('--since'))
    .option('--until <time>', 'only actions at or before this UTC date/time', parseTime('--until', true))
    .option('--pairs-csv <file>', "also write CooRTweet's pairs table (needs exactly one layer)")
    .option('--edges-csv <file>', "also write CooRTweet's edge list (needs exactly one layer)")
    .option('--json', 'print the run as JSON')
    .option('--quiet', 'no progress output')
    .action(async (opts: DetectOptions) => {
      const store = await openSqliteStore(existingDb(resolveDbPath(opts.db)));
      try {
        await detect(store, opts);
      } finally {
        await store.close();
      }
    });
}

function parseSpeed(value: string): Speed {
  if (!(value in SPEEDS)) throw new UserError(`--speed (${value}): expected one of ${Object.keys(SPEEDS).join(', ')}`);
  return value as Speed;
}

async function detect(store: Store, opts: DetectOptions): Promise<void> {
  const progress = !opts.quiet && !opts.json && process.stderr.isTTY;
  const say = (s: string): void => void (progress && process.stderr.write(`detect: ${s}\n`));
  say('reading actions');
  const columns = await store.readActionColumns({
    ...(opts.platform === undefined ? {} : { platform: opts.platform }),
    ...(opts.since === undefined ? {} : { since: opts.since }),
    ...(opts.until === undefined ? {} : { until: opts.until }),
  });
  if (columns.count === 0) throw new UserError('no actions to analyse: import data first, or widen --platform/--since/--until');
  // Photos are read once; by default co-photo runs when the accounts read have any.
  const stored = opts.layers === undefined || opts.layers.includes(CO_PHOTO_LAYER) ? await storedPhotoEdges(store, columns.accountKeys) : undefined;
  const layers = (opts.layers ?? [...DEFAULT_LAYERS, ...(stored && stored.photos > 0 ? [CO_PHOTO_LAYER] : [])]) as Layer[];
  const actionLayers = layers.filter((l) => (l as string) !== CO_PHOTO_LAYER);
  const window = opts.window ?? SPEEDS[opts.speed ?? 'minutes'];
  if (opts.pairsCsv !== undefined || opts.edgesCsv !== undefined) writeParity(columns, layers, window, opts);
  const params: RunParams = {
    layers,
    window,
    minParticipation: opts.minParticipation,
    alpha: opts.alpha,
    method: 'significance',
    seed: opts.seed,
    ...(opts.platform === undefined ? {} : { platform: opts.platform }),
    ...(opts.since === undefined ? {} : { since: opts.since }),
    ...(opts.until === undefined ? {} : { until: opts.until }),
  };
  const accounts: Account[] = await store.getAccounts(columns.accountKeys);
  let hash = inputHash(columns);
  const photo = layers.includes(CO_PHOTO_LAYER as Layer) ? stored : undefined;
  if (photo) {
    say(`${CO_PHOTO_LAYER}: ${photo.photos} photos, ${photo.edges.length} edges`);
    hash = createHash('sha256').update(hash).update(photo.hash).digest('hex');
  }
  // The pipeline runs the action layers; co-photo edges come in as extra edges and the run records every layer.
  const run = detectRun(columns, accounts, { ...params, layers: actionLayers }, {
    version: VERSION,
    createdAt: Date.now(),
    inputHash: hash,
    onStage: (s) => say(s),
    ...(photo ? { extraEdges: photo.edges } : {}),
  });
  run.params = params;
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
