// Explanations rendered from stored findings and edges.
export { accountLine, accountReasons, DEFAULT_EXPLAIN_OPTIONS, edgesOf, explainAccount, type ExplainOptions } from './account-text.ts';
export { networkLine, networkText } from './network-text.ts';
export { signalSentences } from './signal-text.ts';
export { formatGap, formatP, formatScore } from './format.ts';
