// The pipeline's defaults, in a module of their own that imports only types: the CLI declares its flags with them
// without loading the detectors.
import type { Layer } from '../detect/layer-traces.ts';
import type { NullModel } from '../detect/significance.ts';
import type { RunParams } from '../run.ts';

/** Layers run by default: every one whose input the data has. */
export const DEFAULT_LAYERS: readonly Layer[] = ['co-share', 'co-link', 'co-target', 'co-text', 'co-hashtag', 'co-media'];

/**
 * Null model per layer (significance.ts, membership-test.ts). Comments gather whole audiences under one post (viral
 * posts, a page's regular readers), so co-target is tested against co-membership; on the other layers sharing the
 * key is itself rare and the configuration null has the power. Evidence: docs/tuning.md.
 */
export const LAYER_NULLS: Readonly<Partial<Record<Layer, NullModel>>> = { 'co-target': 'membership' };

/**
 * Defaults. `alpha` 0.05 is the false discovery rate of each layer's edges after Benjamini–Hochberg: on the default
 * simulated scenario (seeds 1–3) the realised share of organic–organic edges stays at 1–3 % per layer, and 0.01
 * lost a fifth of the factories' accounts (docs/tuning.md). One false edge never flags an account alone: the
 * score (score/account-score.ts) needs a strong p-value or several partners.
 */
export const DEFAULT_PARAMS: Readonly<Omit<RunParams, 'layers'>> = {
  window: 600_000,
  minParticipation: 2,
  alpha: 0.05,
  method: 'significance',
  seed: 1,
};
