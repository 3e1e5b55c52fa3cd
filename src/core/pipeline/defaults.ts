// The pipeline's defaults, in a module of their own that imports only types: the CLI declares its flags with them
// without loading the detectors.
import type { Layer } from '../detect/layer-traces.ts';
import type { NullModel } from '../detect/significance.ts';
import type { RunParams } from '../run.ts';

/** Layers run by default: every one whose input the data has. */
export const DEFAULT_LAYERS: readonly Layer[] = ['co-share', 'co-link', 'co-target', 'co-text', 'co-hashtag', 'co-media'];

/**
 * Null model per layer (significance.ts, membership-test.ts); `detect --null layer=model` overrides it for a run.
 * Comments gather whole audiences under one post (viral posts, a page's regular readers), so co-target is tested
 * against co-membership. So is co-link: in a large population many ordinary people share the day's popular news
 * links within minutes of each other, and the configuration null took their repeated meetings for coordination
 * (75,000 simulated accounts: 760 of 1,271 co-link edges between ordinary accounts; 1 of 474 with co-membership,
 * the factories' accounts reached going from 644 to 636). On co-share, co-text, co-hashtag and co-media the
 * configuration null keeps its power, where co-membership finds almost nothing (the client's post of the day is
 * reposted by everyone). Evidence: docs/tuning.md.
 */
export const LAYER_NULLS: Readonly<Partial<Record<Layer, NullModel>>> = { 'co-target': 'membership', 'co-link': 'membership' };

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
