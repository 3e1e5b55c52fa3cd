// Fusing layers: the edges of every layer become one weighted undirected account graph.
//
// Formula: w(a, b) = Σ over layers L linking a and b of  λ_L · weight_L(a, b) / mean_L, where mean_L is the mean
// edge weight of layer L in this run and λ_L a layer weight (default 1). Dividing by the layer's mean puts layers
// on one scale (a pile-on on one post can pair hundreds of actions; a shared rare link a handful), so no layer
// drowns the others only through its units. A layer whose weights are all zero or missing counts each edge as 1.
// Nodes are inserted in account-key order and edges in (a, b) order, so Louvain sees the same graph every time.
import { UndirectedGraph } from 'graphology';
import type { RunEdge } from '../run.ts';

/** Edge attributes of the fused graph. */
export interface FusedEdge {
  weight: number;
  /** Layers that link the two accounts, sorted. */
  layers: string[];
}

/** The part of an edge that the fused graph (and so the networks) reads. */
export type NetworkEdge = Pick<RunEdge, 'a' | 'b' | 'layer' | 'weight'>;

/** The fused account graph of `edges`; `layerWeights` scales a layer (default 1). */
export function fuseLayers(
  edges: readonly NetworkEdge[],
  layerWeights: Readonly<Record<string, number>> = {},
): UndirectedGraph<Record<string, never>, FusedEdge> {
  const sums = new Map<string, { total: number; count: number }>();
  for (const e of edges) {
    const s = sums.get(e.layer) ?? { total: 0, count: 0 };
    if (Number.isFinite(e.weight) && e.weight > 0) s.total += e.weight;
    s.count++;
    sums.set(e.layer, s);
  }
  const fused = new Map<string, { a: string; b: string; weight: number; layers: Set<string> }>();
  for (const e of edges) {
    const [a, b] = e.a < e.b ? [e.a, e.b] : [e.b, e.a];
    if (a === b) continue;
    const s = sums.get(e.layer)!;
    const mean = s.total / s.count;
    const w = mean > 0 ? (Number.isFinite(e.weight) && e.weight > 0 ? e.weight / mean : 0) : 1;
    const key = `${a}\u0000${b}`;
    const f = fused.get(key) ?? { a, b, weight: 0, layers: new Set<string>() };
    f.weight += (layerWeights[e.layer] ?? 1) * w;
    f.layers.add(e.layer);
    fused.set(key, f);
  }
  const graph = new UndirectedGraph<Record<string, never>, FusedEdge>();
  const nodes = new Set<string>();
  for (const f of fused.values()) nodes.add(f.a).add(f.b);
  for (const n of [...nodes].sort()) graph.addNode(n);
  const ordered = [...fused.values()].sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
  for (const f of ordered) graph.addEdge(f.a, f.b, { weight: f.weight, layers: [...f.layers].sort() });
  return graph;
}
