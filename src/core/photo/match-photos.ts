// Finds every matching pair among fingerprinted photos without comparing all pairs: sha256 groups, a PDQ
// index queried with each photo's 8 dihedral hashes, and one crop-ladder index per rung. Rungs only meet
// when one of them is the whole photo or both are the same rung (compare-photos.ts bestRung), so a photo's
// `full` rung (as is and mirrored) is looked up in every rung's index and each other rung only in the `full`
// index and its own: about half the candidates of one index over all rungs. Large rung indexes get wider
// slots (hamming-index.ts slotBitsFor), so a query's work grows more slowly with the number of photos. All
// queries of one index run as one batch. Candidates are then judged by comparePhotos, so the result equals
// comparing every pair (the test checks this against the all-pairs oracle).
import { comparePhotos, DEFAULT_MATCH_PARAMS, type MatchParams, type PairMatch } from './compare-photos.ts';
import { HammingIndex, slotBitsFor } from './hamming-index.ts';
import { RUNGS, type PhotoFingerprint, type RungName } from './fingerprint.ts';
import { HASH_WORDS, type Hash256 } from './hash256.ts';

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
  /** Per rung: its index over every photo's hash of that rung, and the photo of each entry. */
  rungs: Map<RungName, { index: HammingIndex; owner: number[] }>;
}

function indexTargets(fps: readonly PhotoFingerprint[], params: MatchParams): Targets {
  const bySha = new Map<string, number[]>();
  const pdq: Hash256[] = [];
  const pdqOwner: number[] = [];
  const ladder = new Map<RungName, { hashes: Hash256[]; owner: number[] }>(RUNGS.map((r) => [r.name, { hashes: [], owner: [] }]));
  fps.forEach((f, i) => {
    if (f.quality < params.minQuality) return;
    const same = bySha.get(f.sha256);
    if (same) same.push(i);
    else bySha.set(f.sha256, [i]);
    pdq.push(f.dihedral[0]!);
    pdqOwner.push(i);
    for (const r of f.ladder) {
      const l = ladder.get(r.rung)!;
      l.hashes.push(r.hash);
      l.owner.push(i);
    }
  });
  const rungs: Targets['rungs'] = new Map();
  for (const [name, l] of ladder) if (l.hashes.length > 0) rungs.set(name, { index: HammingIndex.of(l.hashes, slotBitsFor(l.hashes.length, params.cropThreshold)), owner: l.owner });
  return { bySha, pdq: HammingIndex.of(pdq, slotBitsFor(pdq.length, params.pdqThreshold)), pdqOwner, rungs };
}

function pack(hashes: readonly Hash256[]): Uint32Array {
  const words = new Uint32Array(hashes.length * HASH_WORDS);
  hashes.forEach((h, i) => words.set(h, i * HASH_WORDS));
  return words;
}

// Candidate pairs (a in `left`, b in the targets' list) as keys a * size + b, ascending. All queries of one
// index go in one batch search (HammingIndex.forEachPairWithin). `within`: one list, keep only b > a.
function candidatePairs(left: readonly PhotoFingerprint[], t: Targets, size: number, params: MatchParams, within: boolean): number[] {
  const keys = new Set<number>();
  const add = (a: number, b: number): void => {
    if (!within || b > a) keys.add(a * size + b);
  };
  const pdq: Hash256[] = [];
  const pdqFrom: number[] = [];
  left.forEach((q, a) => {
    if (q.quality < params.minQuality) return;
    for (const b of t.bySha.get(q.sha256) ?? []) add(a, b);
    for (const h of q.dihedral) {
      pdq.push(h);
      pdqFrom.push(a);
    }
  });
  t.pdq.forEachPairWithin(pack(pdq), params.pdqThreshold, (qi, id) => add(pdqFrom[qi]!, t.pdqOwner[id]!));
  for (const [name, { index, owner }] of t.rungs) {
    const hashes: Hash256[] = [];
    const from: number[] = [];
    left.forEach((q, a) => {
      if (q.quality < params.minQuality) return;
      for (const r of q.ladder) {
        if (r.rung !== 'full' && name !== 'full' && name !== r.rung) continue;
        hashes.push(r.hash, r.mirror);
        from.push(a, a);
      }
    });
    index.forEachPairWithin(pack(hashes), params.cropThreshold, (qi, id) => add(from[qi]!, owner[id]!));
  }
  return [...keys].sort((x, y) => x - y);
}

/** The matching pairs among the candidates of `left` against `right` (one list when `within`: only b > a). */
function matchPairs(left: readonly PhotoFingerprint[], right: readonly PhotoFingerprint[], params: MatchParams, within: boolean): PhotoPair[] {
  const t = indexTargets(right, params);
  const pairs: PhotoPair[] = [];
  const n = Math.max(1, right.length);
  for (const key of candidatePairs(left, t, n, params, within)) {
    const a = Math.floor(key / n);
    const b = key - a * n;
    const match = comparePhotos(left[a]!, right[b]!, params);
    if (match) pairs.push({ a, b, match });
  }
  return pairs;
}

/** All matching pairs within one list, a < b, sorted by (a, b). */
export function matchWithin(fps: readonly PhotoFingerprint[], params: MatchParams = DEFAULT_MATCH_PARAMS): PhotoPair[] {
  return matchPairs(fps, fps, params, true);
}

/** All matching pairs between two lists (a indexes `left`, b indexes `right`), sorted by (a, b). */
export function matchAcross(
  left: readonly PhotoFingerprint[],
  right: readonly PhotoFingerprint[],
  params: MatchParams = DEFAULT_MATCH_PARAMS,
): PhotoPair[] {
  return matchPairs(left, right, params, false);
}
