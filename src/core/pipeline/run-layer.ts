// One layer of a run with the run's parameters, in a module of its own: a layers worker thread loads this, not the
// findings, graph and explanation modules that detectRun needs (fewer modules to load at its start).
import type { Layer, LayerOptions } from '../detect/layer-traces.ts';
import type { NullModel } from '../detect/significance.ts';
import { urlKeyer } from '../normalise/shared-normalisers.ts';
import type { ActionColumns } from '../columns.ts';
import type { RunParams } from '../run.ts';
import { layerEdges, type LayerEdges } from './layer-edges.ts';
import { DEFAULT_PARAMS, LAYER_NULLS } from './defaults.ts';
import { textKeyColumn } from './text-keys.ts';

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

/** The run's false discovery rate per layer (the default when unset). */
export function alphaOf(params: RunParams): number {
  return params.alpha ?? DEFAULT_PARAMS.alpha ?? 0.05;
}
