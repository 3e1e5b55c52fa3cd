// The detection pipeline's public face.
export { detectRun, DEFAULT_LAYERS, DEFAULT_PARAMS, type DetectContext } from './detect-run.ts';
export { layerEdges, type LayerEdges, type LayerEdgeOptions } from './layer-edges.ts';
export { textKeyColumn, type TextKeyColumn } from './text-keys.ts';
