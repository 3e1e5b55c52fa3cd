// Finds every matching pair among fingerprinted photos without comparing all pairs: sha256 groups, a PDQ
// index queried with each photo's 8 dihedral hashes, and a crop-ladder index queried with each rung as is
// and mirrored. Candidates from the indexes are then judged by comparePhotos, so the result equals
// comparing every pair (the test checks this against the all-pairs oracle).
import { comparePhotos, DEFAULT_MATCH_PARAMS, type MatchParams, type PairMatch } from './compare-photos.ts';
import { HammingIndex } from './hamming-index.ts';
import type { PhotoFingerprint } from './fingerprint.ts';
import type { Hash256 } from './hash256.ts';

/** Two matching photos, by position in the input list(s); `match` says how `b` relates to `a`. */
export interface PhotoPair {
  a: number;
  b: number;
  match: PairMatch;
}

interface Targets {
  bySha: Map<string, number[]>;
  pdq: HammingIndex;
  pdqOwner: number[];
  ladder: HammingIndex;
  ladderOwner: number[];
}

function indexTargets(fps: readonly PhotoFingerprint[], params: MatchParams): Targets {
  const bySha = new Map<string, number[]>();
  const pdq: Hash256[] = [];
  const pdqOwner: number[] = [];
  const ladder: Hash256[] = [];
  const ladderOwner: number[] = [];
  fps.forEach((f, i) => {
    if (f.quality < params.minQuality) return;
    const same = bySha.get(f.sha256);
    if (same) same.push(i);
    else bySha.set(f.sha256, [i]);
    pdq.push(f.dihedral[0]!);
    pdqOwner.push(i);
    for (const r of f.ladder) {
      ladder.push(r.hash);
      ladderOwner.push(i);
    }
  });
  return { bySha, pdq: HammingIndex.of(pdq), pdqOwner, ladder: HammingIndex.of(ladder), ladderOwner };
}

function candidates(q: PhotoFingerprint, t: Targets, params: MatchParams): Set<number> {
  const found = new Set<number>(t.bySha.get(q.sha256) ?? []);
  for (const h of q.dihedral) t.pdq.forEachWithin(h, params.pdqThreshold, (id) => found.add(t.pdqOwner[id]!));
  for (const r of q.ladder) {
    t.ladder.forEachWithin(r.hash, params.cropThreshold, (id) => found.add(t.ladderOwner[id]!));
    t.ladder.forEachWithin(r.mirror, params.cropThreshold, (id) => found.add(t.ladderOwner[id]!));
  }
  return found;
}

const byPosition = (x: PhotoPair, y: PhotoPair): number => x.a - y.a || x.b - y.b;

/** All matching pairs within one list, a < b, sorted by (a, b). */
export function matchWithin(fps: readonly PhotoFingerprint[], params: MatchParams = DEFAULT_MATCH_PARAMS): PhotoPair[] {
  const t = indexTargets(fps, params);
  const pairs: PhotoPair[] = [];
  fps.forEach((q, a) => {
    if (q.quality < params.minQuality) return;
    for (const b of candidates(q, t, params)) {
      if (b <= a) continue;
      const match = comparePhotos(q, fps[b]!, params);
      if (match) pairs.push({ a, b, match });
    }
  });
  return pairs.sort(byPosition);
}

/** All matching pairs between two lists (a indexes `left`, b indexes `right`), sorted by (a, b). */
export function matchAcross(
  left: readonly PhotoFingerprint[],
  right: readonly PhotoFingerprint[],
  params: MatchParams = DEFAULT_MATCH_PARAMS,
): PhotoPair[] {
  const t = indexTargets(right, params);
  const pairs: PhotoPair[] = [];
  left.forEach((q, a) => {
    if (q.quality < params.minQuality) return;
    for (const b of candidates(q, t, params)) {
      const match = comparePhotos(q, right[b]!, params);
      if (match) pairs.push({ a, b, match });
    }
  });
  return pairs.sort(byPosition);
}
