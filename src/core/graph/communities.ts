// Communities of the fused graph by Louvain (Blondel et al. 2008, graphology-communities-louvain), seeded.
//
// Behaviour: Louvain maximises weighted modularity at `resolution` (default 1, the classic definition); its
// random walk over nodes draws from mulberry32(seed), and the graph is built in key order (fuse-layers.ts), so the
// same edges and seed give the same partition. Ids are deterministic: communities are ordered by size (largest
// first), then by their smallest member key, and numbered from 1.
// Size rule: a network has at least `minSize` accounts (default 3). Two accounts are already fully described by
// their edge (it lists every layer, pair and gap), and pairs are common among real people (a couple sharing the
// same links); calling them a "network" would inflate counts. Pairs still score and explain as accounts.
// Known limits: Louvain may return badly connected communities (Traag et al. 2019, the reason for Leiden; no Leiden
// on npm); modularity's resolution limit can merge small dense groups linked by a strong bridge.
import louvain from 'graphology-communities-louvain';
import type { UndirectedGraph } from 'graphology';
import type { FusedEdge } from './fuse-layers.ts';
import { mulberry32 } from './mulberry32.ts';

/** Louvain parameters. */
export interface CommunityOptions {
  seed: number;
  resolution: number;
  minSize: number;
}

export const DEFAULT_COMMUNITY_OPTIONS: Readonly<Omit<CommunityOptions, 'seed'>> = { resolution: 1, minSize: 3 };

/** Member lists (each sorted) of communities with ≥ minSize accounts, in id order (id = index + 1). */
export function communities(
  graph: UndirectedGraph<Record<string, never>, FusedEdge>,
  options: Pick<CommunityOptions, 'seed'> & Partial<CommunityOptions>,
): string[][] {
  const o = { ...DEFAULT_COMMUNITY_OPTIONS, ...options };
  if (graph.size === 0) return [];
  const mapping = louvain(graph, { getEdgeWeight: 'weight', resolution: o.resolution, rng: mulberry32(o.seed) });
  const groups = new Map<number, string[]>();
  graph.forEachNode((node) => {
    const c = mapping[node]!;
    const g = groups.get(c);
    if (g) g.push(node);
    else groups.set(c, [node]);
  });
  return [...groups.values()]
    .filter((g) => g.length >= o.minSize)
    .map((g) => g.sort())
    .sort((x, y) => y.length - x.length || (x[0]! < y[0]! ? -1 : x[0]! > y[0]! ? 1 : 0));
}
