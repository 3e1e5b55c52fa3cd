// The detection pipeline's public face.
export { detectRun, runLayer, DEFAULT_LAYERS, DEFAULT_PARAMS, type DetectContext, type LayerResult } from './detect-run.ts';
export { layerEdges, type LayerEdges, type LayerEdgeOptions } from './layer-edges.ts';
export { textKeyColumn, type TextKeyColumn } from './text-keys.ts';
