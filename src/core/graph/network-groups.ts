// The networks of a run: its edges fused into one account graph (fuse-layers.ts), then seeded Louvain communities
// (communities.ts). The findings' one step that reads only the edges, so detect may run it in its worker thread
// while this thread computes the accounts' signals and scores.
import { communities, DEFAULT_COMMUNITY_OPTIONS } from './communities.ts';
import { fuseLayers, type NetworkEdge } from './fuse-layers.ts';

export type { NetworkEdge } from './fuse-layers.ts';

/** What the communities of a run depend on besides its edges (FindingsOptions' fields of the same names). */
export interface NetworkOptions {
  seed: number;
  /** Louvain's resolution (default DEFAULT_COMMUNITY_OPTIONS.resolution). */
  resolution?: number;
  /** Smallest network (default 3). */
  minNetworkSize?: number;
  /** Scales of the layers in the fused graph (default 1 each). */
  layerWeights?: Record<string, number>;
}

/** The networks of `edges` (≥ minNetworkSize accounts each, default 3), largest first, each sorted. */
export function networkGroups(edges: readonly NetworkEdge[], options: NetworkOptions): string[][] {
  return communities(fuseLayers(edges, options.layerWeights), {
    seed: options.seed,
    resolution: options.resolution ?? DEFAULT_COMMUNITY_OPTIONS.resolution,
    minSize: options.minNetworkSize ?? DEFAULT_COMMUNITY_OPTIONS.minSize,
  });
}
