// A whole detection run, pure: columns + accounts + parameters → the DetectionRun the store keeps.
// The CLI supplies what the core may not produce itself: the version, the clock and the input hash.
import type { ActionColumns } from '../columns.ts';
import type { Layer } from '../detect/layer-traces.ts';
import { precisionWarnings } from '../detect/speeds.ts';
import { buildFindings, completeFindings, findingsDraft, type FindingsOptions } from '../findings/index.ts';
import type { NetworkOptions } from '../graph/network-groups.ts';
import type { AccountProfiles } from '../signals/account-signals.ts';
import type { Account } from '../model.ts';
import type { DetectionRun, LayerTest, RunEdge, RunParams } from '../run.ts';
import { MIN_KEYS } from './layer-edges.ts';
import { alphaOf, nullOf, runLayer, type LayerResult } from './run-layer.ts';

export { nullOf, runLayer, type LayerResult } from './run-layer.ts';

export interface DetectContext {
  version: string;
  createdAt: number;
  inputHash: string;
  /** Called at the start of each stage, for progress output. */
  onStage?: (stage: string) => void;
  findings?: Omit<FindingsOptions, 'seed'>;
  /** Edges of layers computed outside the action columns (co-photo from the store's photos), fused like the rest. */
  extraEdges?: readonly RunEdge[];
  evidencePerEdge?: number;
  /** Layers already computed with `runLayer` (e.g. in another thread on the same data): used as they are. */
  computed?: ReadonlyMap<string, LayerResult>;
  /** `accountProfiles` of the run's accounts, when made already (while a worker computed, say). */
  profiles?: AccountProfiles;
}

/** Runs every requested layer, keeps significant edges, and builds networks, scores and explanations. */
export function detectRun(
  columns: ActionColumns,
  accounts: readonly Account[],
  params: RunParams,
  context: DetectContext,
): DetectionRun {
  const layers = runLayers(columns, params, context);
  context.onStage?.('networks');
  const findings = buildFindings(columns, accounts, layers.edges, findingsOptions(params, context), context.profiles);
  return assemble(columns, params, context, layers, findings);
}

/**
 * `detectRun`, with the networks of the run's edges computed by `groupsOf` (another thread, say) while this thread
 * computes the accounts' signals and scores; `groupsOf` must give what `networkGroups` gives for the same edges and
 * options, so the run is the same.
 */
export async function detectRunWith(
  columns: ActionColumns,
  accounts: readonly Account[],
  params: RunParams,
  context: DetectContext,
  groupsOf: (edges: readonly RunEdge[], options: NetworkOptions) => Promise<string[][]>,
): Promise<DetectionRun> {
  const layers = runLayers(columns, params, context);
  context.onStage?.('networks');
  const options = findingsOptions(params, context);
  const { seed, resolution, minNetworkSize, layerWeights } = options;
  const groups = groupsOf(layers.edges, {
    seed, ...(resolution === undefined ? {} : { resolution }), ...(minNetworkSize === undefined ? {} : { minNetworkSize }),
    ...(layerWeights === undefined ? {} : { layerWeights }),
  });
  // Awaited below; a rejection while the draft is computed must not count as unhandled.
  groups.catch(() => undefined);
  const draft = findingsDraft(columns, accounts, layers.edges, options, context.profiles);
  return assemble(columns, params, context, layers, completeFindings(draft, await groups));
}

/** What the layers of a run give: its warnings, edges in layer order (then the extra ones), capped keys and tests. */
interface LayersOfRun {
  warnings: string[];
  edges: RunEdge[];
  cappedKeys: DetectionRun['cappedKeys'];
  tests: LayerTest[];
}

function runLayers(columns: ActionColumns, params: RunParams, context: DetectContext): LayersOfRun {
  const stage = context.onStage ?? (() => undefined);
  const warnings = precisionWarnings(columns.precision, params.window).map((w) => w.message);
  const edges: RunEdge[] = [];
  const cappedKeys: DetectionRun['cappedKeys'] = [];
  const tests: LayerTest[] = [];
  for (const name of params.layers) {
    const layer = name as Layer;
    // A layer computed already (context.computed) is not a stage of this run.
    const computed = context.computed?.get(layer);
    if (computed === undefined) stage(layer);
    tests.push({ layer, null: nullOf(params, layer), qThreshold: alphaOf(params), minKeys: MIN_KEYS });
    const result = computed ?? runLayer(columns, layer, params, context.evidencePerEdge);
    edges.push(...result.edges);
    cappedKeys.push(...result.cappedKeys);
  }
  edges.push(...(context.extraEdges ?? []));
  return { warnings, edges, cappedKeys, tests };
}

const findingsOptions = (params: RunParams, context: DetectContext): FindingsOptions => ({ ...context.findings, seed: params.seed });

function assemble(
  columns: ActionColumns, params: RunParams, context: DetectContext, layers: LayersOfRun,
  findings: { networks: DetectionRun['networks']; accounts: DetectionRun['accounts'] },
): DetectionRun {
  return {
    version: context.version,
    createdAt: context.createdAt,
    params: { ...params, tests: layers.tests },
    inputHash: context.inputHash,
    actionsRead: columns.count,
    warnings: layers.warnings,
    cappedKeys: layers.cappedKeys,
    edges: layers.edges,
    networks: findings.networks,
    accounts: findings.accounts,
  };
}
