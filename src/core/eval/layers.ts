// Per-layer contribution: how many trolls each layer's edges reach, and how clean its edges are.
//
// An edge is "same factory" when both endpoints are trolls of one factory. Precision of a layer = same-factory
// edges / edges whose both endpoints are in the truth (edges touching an unlabelled account are counted apart as
// `unknown`). Recall of a layer = trolls that are an endpoint of at least one of its edges / trolls in the truth.
// The row `all` pools every layer (an account pair linked in two layers counts as two edges).
import type { RunEdge } from '../run.ts';
import type { TruthAccount } from './truth.ts';

/** One layer's edges split by what the truth says about their endpoints. */
export interface LayerContribution {
  layer: string;
  edges: number;
  sameFactory: number;
  crossFactory: number;
  trollOrganic: number;
  organicOrganic: number;
  unknown: number;
  precision: number;
  trollsReached: number;
  recall: number;
}

type Kind = 'sameFactory' | 'crossFactory' | 'trollOrganic' | 'organicOrganic' | 'unknown';

function edgeKind(a: TruthAccount | undefined, b: TruthAccount | undefined): Kind {
  if (!a || !b) return 'unknown';
  if (a.label === 'troll' && b.label === 'troll') {
    return a.factory !== undefined && a.factory === b.factory ? 'sameFactory' : 'crossFactory';
  }
  return a.label === 'organic' && b.label === 'organic' ? 'organicOrganic' : 'trollOrganic';
}

/** One row per layer (sorted by name) and a last row `all`. */
export function layerContribution(
  edges: readonly RunEdge[],
  truth: ReadonlyMap<string, TruthAccount>,
  trolls: number,
): LayerContribution[] {
  const rows = new Map<string, { counts: Record<Kind, number>; reached: Set<string> }>();
  const row = (layer: string) => {
    let r = rows.get(layer);
    if (!r) {
      r = { counts: { sameFactory: 0, crossFactory: 0, trollOrganic: 0, organicOrganic: 0, unknown: 0 }, reached: new Set() };
      rows.set(layer, r);
    }
    return r;
  };
  for (const e of edges) {
    const a = truth.get(e.a);
    const b = truth.get(e.b);
    const kind = edgeKind(a, b);
    for (const r of [row(e.layer), row('\u0000all')]) {
      r.counts[kind]++;
      if (a?.label === 'troll') r.reached.add(e.a);
      if (b?.label === 'troll') r.reached.add(e.b);
    }
  }
  row('\u0000all');
  const names = [...rows.keys()].filter((k) => k !== '\u0000all').sort();
  return [...names, '\u0000all'].map((name) => {
    const { counts, reached } = rows.get(name)!;
    const total = counts.sameFactory + counts.crossFactory + counts.trollOrganic + counts.organicOrganic + counts.unknown;
    const known = total - counts.unknown;
    return {
      layer: name === '\u0000all' ? 'all' : name,
      edges: total,
      ...counts,
      precision: known === 0 ? 0 : counts.sameFactory / known,
      trollsReached: reached.size,
      recall: trolls === 0 ? 0 : reached.size / trolls,
    };
  });
}
