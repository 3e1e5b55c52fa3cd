// `trollmap detect`: read actions as columns, run the layers, keep significant edges, build networks and scores,
// store the run, print a summary. `--pairs-csv`/`--edges-csv` also write CooRTweet's tables (its rules exactly).
// This file only declares the command; detect-action.ts does the work and is imported when the command runs.
import type { Command } from 'commander';
import { UserError } from '../../core/errors.ts';
import { LAYERS } from '../../core/detect/layer-traces.ts';
import { SPEEDS, type Speed } from '../../core/detect/speeds.ts';
import { CO_PHOTO_LAYER } from '../../core/photo/co-photo-layer.ts';
import type { NullModel } from '../../core/detect/significance.ts';
import { DEFAULT_LAYERS, DEFAULT_PARAMS, LAYER_NULLS } from '../../core/pipeline/defaults.ts';
import { parsePositiveInt } from '../options.ts';
import { parseDuration, parseList, parseProbability, parseTime } from '../parse-values.ts';

/** The flags of `trollmap detect`, as commander parses them. */
export interface DetectOptions {
  db?: string;
  layers?: string[];
  window?: number;
  speed?: Speed;
  minParticipation: number;
  alpha: number;
  /** `--null layer=model`, repeatable: the null model of a layer for this run. */
  null?: Record<string, NullModel>;
  seed: number;
  platform?: string;
  since?: number;
  until?: number;
  pairsCsv?: string;
  edgesCsv?: string;
  json?: boolean;
  quiet?: boolean;
  /** 1: one thread; 2: co-target in a worker thread (WORKER_LAYERS); 'auto': two above DETECT_THREADS_MIN_ACTIONS. */
  threads: 1 | 2 | 'auto';
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
    .option('--null <layer=model>', `null model of a layer, repeatable: ${NULL_MODELS.join(' or ')} (default: ${defaultNulls()})`, parseNull, {} as Record<string, NullModel>)
    .option('--seed <n>', 'seed for community detection and hashing', parsePositiveInt('--seed'), DEFAULT_PARAMS.seed)
    .option('--platform <name>', 'only actions of this platform')
    .option('--since <time>', 'only actions at or after this UTC date/time', parseTime('--since'))
    .option('--until <time>', 'only actions at or before this UTC date/time', parseTime('--until', true))
    .option('--pairs-csv <file>', "also write CooRTweet's pairs table (needs exactly one layer)")
    .option('--edges-csv <file>', "also write CooRTweet's edge list (needs exactly one layer)")
    .option('--json', 'print the run as JSON')
    .option('--quiet', 'no progress output')
    .option('--threads <n>', 'threads: 1, 2 or auto (co-target in a second thread from 100,000 actions on, with two cores, which also takes co-link, co-share, co-hashtag or co-media when this thread has not started them; 1 also reads on one thread)', parseThreads, 'auto' as const)
    .action(async (opts: DetectOptions) => {
      const { detectAction } = await import('./detect-action.ts');
      await detectAction(opts);
    });
}

const NULL_MODELS: readonly NullModel[] = ['configuration', 'membership'];

/** The default null of every action layer, as `layer=model` pairs for --help. */
function defaultNulls(): string {
  return LAYERS.map((l) => `${l}=${LAYER_NULLS[l] ?? 'configuration'}`).join(', ');
}

function parseNull(value: string, previous: Record<string, NullModel>): Record<string, NullModel> {
  const m = /^([a-z-]+)=([a-z]+)$/.exec(value.trim());
  if (m === null || !(LAYERS as readonly string[]).includes(m[1]!) || !(NULL_MODELS as readonly string[]).includes(m[2]!)) {
    throw new UserError(`--null (${value}): expected layer=model with a layer among ${LAYERS.join(', ')} and a model among ${NULL_MODELS.join(', ')}, such as co-link=configuration`);
  }
  return { ...previous, [m[1]!]: m[2] as NullModel };
}

function parseThreads(value: string): 1 | 2 | 'auto' {
  if (value === '1' || value === '2') return Number(value) as 1 | 2;
  if (value === 'auto') return 'auto';
  throw new UserError(`--threads (${value}): expected 1, 2 or auto`);
}

function parseSpeed(value: string): Speed {
  if (!(value in SPEEDS)) throw new UserError(`--speed (${value}): expected one of ${Object.keys(SPEEDS).join(', ')}`);
  return value as Speed;
}

