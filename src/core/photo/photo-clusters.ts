// Groups matched photos into clusters (connected components of the match graph): one cluster is "one
// picture" in all its copies, and its key is what the co-photo layer counts as shared. Each cluster keeps the
// pairs that joined it, so the explanation can name the photos and the transform of every link (evidence is
// kept, not recomputed). Deterministic: members ascending, clusters ordered by their first member.
import type { PhotoTransform } from './compare-photos.ts';
import type { PhotoPair } from './match-photos.ts';

/** A group of photos that show one picture, with the matches that link them. */
export interface PhotoCluster {
  /** The smallest member index: stable for the same input. */
  key: number;
  members: number[];
  pairs: PhotoPair[];
  /** Distinct transforms seen on the links, sorted. */
  transforms: PhotoTransform[];
}

function find(parent: Int32Array, x: number): number {
  while (parent[x] !== x) {
    parent[x] = parent[parent[x]!]!;
    x = parent[x]!;
  }
  return x;
}

/** Clusters photos 0..count-1 by the given pairs; photos with no match are left out. */
export function photoClusters(count: number, pairs: readonly PhotoPair[]): PhotoCluster[] {
  const parent = new Int32Array(count).map((_, i) => i);
  for (const p of pairs) {
    const ra = find(parent, p.a);
    const rb = find(parent, p.b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  const byRoot = new Map<number, PhotoCluster>();
  const inPairs = new Set<number>();
  for (const p of pairs) {
    inPairs.add(p.a);
    inPairs.add(p.b);
  }
  for (let i = 0; i < count; i++) {
    if (!inPairs.has(i)) continue;
    const root = find(parent, i);
    let c = byRoot.get(root);
    if (!c) {
      c = { key: i, members: [], pairs: [], transforms: [] };
      byRoot.set(root, c);
    }
    c.members.push(i);
  }
  for (const p of pairs) byRoot.get(find(parent, p.a))!.pairs.push(p);
  const clusters = [...byRoot.values()].sort((x, y) => x.key - y.key);
  for (const c of clusters) {
    c.pairs.sort((x, y) => x.a - y.a || x.b - y.b);
    c.transforms = [...new Set(c.pairs.map((p) => p.match.transform))].sort();
  }
  return clusters;
}
