// The detection pipeline's public face.
export { detectRun, detectRunWith, runLayer, type DetectContext, type LayerResult } from './detect-run.ts';
export { DEFAULT_LAYERS, DEFAULT_PARAMS, LAYER_NULLS } from './defaults.ts';
export { layerEdges, type LayerEdges, type LayerEdgeOptions } from './layer-edges.ts';
export { textKeyColumn, type TextKeyColumn } from './text-keys.ts';
