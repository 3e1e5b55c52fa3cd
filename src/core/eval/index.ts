// Evaluation against ground truth: the public face of src/core/eval.
export { evaluate, type EvalOptions, type Evaluation, type AccountEvaluation, type NetworkEvaluation } from './evaluate.ts';
export { evalText } from './eval-text.ts';
export { parseTruth, type Truth, type TruthAccount, type TruthRow, type TruthLabel } from './truth.ts';
export { adjustedRandIndex, normalizedMutualInfo, contingency } from './partition.ts';
export { averagePrecision, prCurve, precisionAtK, rankAccounts, thresholdMetrics } from './ranking.ts';
export { layerContribution, type LayerContribution } from './layers.ts';
