// Values that commands print in their --help, copied from the modules that own them so that declaring the commands
// loads none of those modules (the pipeline with its detectors and tldts, photo matching, the simulator's writers).
// command-defaults.test.ts checks every copy against its source, so a change there fails a test instead of drifting.
import type { Layer } from '../core/detect/layer-traces.ts';

/** The pipeline's DEFAULT_LAYERS and the DEFAULT_PARAMS that are flag defaults. */
export const DETECT_DEFAULTS: { readonly layers: readonly Layer[]; readonly minParticipation: number; readonly alpha: number; readonly seed: number } = {
  layers: ['co-share', 'co-link', 'co-target', 'co-text', 'co-hashtag', 'co-media'],
  minParticipation: 2,
  alpha: 0.05,
  seed: 1,
};

/** The co-photo layer's name (src/core/photo/co-photo-edges.ts). */
export const CO_PHOTO_LAYER = 'co-photo';

/** The simulator's output formats (src/simulate/write-formats.ts). */
export const SIMULATE_FORMATS = ['csv', 'jsonl', 'twitter-io', 'telegram'] as const;
