// A whole detection run, pure: columns + accounts + parameters → the DetectionRun the store keeps.
// The CLI supplies what the core may not produce itself: the version, the clock and the input hash.
import type { ActionColumns } from '../columns.ts';
import type { Layer } from '../detect/layer-traces.ts';
import { precisionWarnings } from '../detect/speeds.ts';
import { buildFindings, type FindingsOptions } from '../findings/index.ts';
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
