// The fused account graph, its seeded communities and their summaries.
export { communities, DEFAULT_COMMUNITY_OPTIONS, type CommunityOptions } from './communities.ts';
export { fuseLayers, type FusedEdge } from './fuse-layers.ts';
export { mulberry32 } from './mulberry32.ts';
export { networkGroups, type NetworkEdge, type NetworkOptions } from './network-groups.ts';
export { summariseNetworks } from './network-summary.ts';
