// Account scores: coordination evidence, lifted by weak signals.
export { accountScore, coordination, DEFAULT_FLAG_THRESHOLD, DEFAULT_SCORE_PARAMS, edgeStrength, type ScoreParams } from './account-score.ts';
