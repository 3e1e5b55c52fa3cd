// A whole detection run, pure: columns + accounts + parameters → the DetectionRun the store keeps.
// The CLI supplies what the core may not produce itself: the version, the clock and the input hash.
import type { ActionColumns } from '../columns.ts';
import type { Layer, LayerOptions } from '../detect/layer-traces.ts';
import type { NullModel } from '../detect/significance.ts';
import { precisionWarnings } from '../detect/speeds.ts';
import { buildFindings, type FindingsOptions } from '../findings/index.ts';
import type { Account } from '../model.ts';
import { urlKeyer } from '../normalise/shared-normalisers.ts';
import type { DetectionRun, LayerTest, RunEdge, RunParams } from '../run.ts';
import { layerEdges, MIN_KEYS, type LayerEdges } from './layer-edges.ts';
import { DEFAULT_PARAMS, LAYER_NULLS } from './defaults.ts';
import { textKeyColumn } from './text-keys.ts';

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
}

/** What a layer contributes to a run. */
export type LayerResult = Pick<LayerEdges, 'edges' | 'cappedKeys'>;

/** One layer of a run with the run's parameters: its significant edges and capped keys. */
export function runLayer(columns: ActionColumns, layer: Layer, params: RunParams, evidencePerEdge = 20): LayerResult {
  const layerOptions: LayerOptions = {};
  if (layer === 'co-text') layerOptions.keyColumn = textKeyColumn(columns.text, { seed: params.seed });
  if (layer === 'co-link') layerOptions.normaliseKey = urlKeyer(columns.urls.values);
  const result = layerEdges(columns, layer, {
    window: params.windows?.[layer] ?? params.window,
    minParticipation: params.minParticipation,
    alpha: alphaOf(params),
    null: nullOf(params, layer),
    evidencePerEdge,
    layerOptions,
  });
  return { edges: result.edges, cappedKeys: result.cappedKeys };
}

/** The null model a layer's edges are tested against: the run's choice, else the pipeline's default for it. */
export function nullOf(params: RunParams, layer: Layer): NullModel {
  return params.nulls?.[layer] ?? LAYER_NULLS[layer] ?? 'configuration';
}

function alphaOf(params: RunParams): number {
  return params.alpha ?? DEFAULT_PARAMS.alpha ?? 0.05;
}

/** Runs every requested layer, keeps significant edges, and builds networks, scores and explanations. */
export function detectRun(
  columns: ActionColumns,
  accounts: readonly Account[],
  params: RunParams,
  context: DetectContext,
): DetectionRun {
  const stage = context.onStage ?? (() => undefined);
  const warnings = precisionWarnings(columns.precision, params.window).map((w) => w.message);
  const edges: RunEdge[] = [];
  const cappedKeys: DetectionRun['cappedKeys'] = [];
  const tests: LayerTest[] = [];
  for (const name of params.layers) {
    const layer = name as Layer;
    stage(layer);
    tests.push({ layer, null: nullOf(params, layer), qThreshold: alphaOf(params), minKeys: MIN_KEYS });
    const result = context.computed?.get(layer) ?? runLayer(columns, layer, params, context.evidencePerEdge);
    edges.push(...result.edges);
    cappedKeys.push(...result.cappedKeys);
  }
  edges.push(...(context.extraEdges ?? []));
  stage('networks');
  const findings = buildFindings(columns, accounts, edges, { ...context.findings, seed: params.seed });
  return {
    version: context.version,
    createdAt: context.createdAt,
    params: { ...params, tests },
    inputHash: context.inputHash,
    actionsRead: columns.count,
    warnings,
    cappedKeys,
    edges,
    networks: findings.networks,
    accounts: findings.accounts,
  };
}
