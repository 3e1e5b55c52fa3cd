// Method card — near-duplicate text clusters (the co-text key)
//
// Behaviour: groups texts that are the same message after light rewording: exact copies, added or swapped emoji,
// look-alike letters, typos, a word added, dropped or swapped. Each cluster id becomes the co-text layer's trace key,
// so accounts posting members of one cluster are "on the same key".
//
// Method:
//  1. normaliseText (src/core/normalise/text.ts); texts below the minimum size (default 24 letters and 4 words)
//     get no cluster, so "Аминь" or "Поздравляю!" alone never link accounts.
//  2. Exact duplicates: equal normalised strings share one entry; every later step runs once per DISTINCT text
//     (the IRA Russian set: 581,683 tweets, about 352k distinct normalised texts).
//  3. Shingles: character 5-grams of the normalised text (spaces included), hashed to 32 bits with `seed`.
//     Why characters, not words: a typo or an inflection ("мирных жителей" → "мирного жителя") changes one word,
//     which kills every word shingle through it (a 10-word tweet with word 2-grams drops to Jaccard ≈ 0.64 for one
//     typo) but only 5 of ~70 character 5-grams (≈ 0.86). Swapping two words costs ~10–16 character shingles
//     (≈ 0.65–0.75). Emoji and look-alikes are removed by normalisation. k = 5 is long enough that unrelated
//     Russian texts rarely share shingles (short k makes every text share common syllables).
//  4. MinHash (Broder 1997) signature of K = bands × rows = 32 × 4 = 128 positions, computed by one-permutation
//     hashing with optimal densification (Li, Owen & Zhang 2012; Shrivastava 2017): one hash per shingle, O(|set|
//     + K) per text; 10× faster than K hash functions on the IRA tweets at the same measured recall.
//  5. LSH banding: a pair is a candidate when all 4 values of one of 32 bands agree; P = 1 − (1 − s⁴)³²:
//     0.99 at s = 0.6, 0.87 at s = 0.5, 0.05 at s = 0.2 (so unrelated texts rarely reach verification).
//  6. Verification: exact Jaccard of the shingle sets ≥ `threshold` (default 0.6); a size-ratio bound
//     (J ≤ min/max) skips hopeless pairs first; pairs already in one cluster are not re-verified.
//  7. Clusters: connected components of verified pairs (union-find). Cluster id = the smallest input index in the
//     cluster; only clusters with two or more input texts are reported. Deterministic: same texts, options and
//     seed ⇒ same clusters and ids; the partition does not depend on input order (ids do, by design).
//
// Parameters (defaults): threshold 0.6 (typo, emoji, one inserted or swapped word stay above; two distinct headlines
// of one news story mostly stay below). Seen on IRA pairs just above it: "медведев освободил якунина от должности
// главы ржд" ~ "дмитрий медведев освободил владимира якунина …" (0.64, a rewording) but also "банк россии отозвал
// лицензию у банка связной" ~ "… у нота банка" (0.60, one template, two banks). Measured recall (three days of IRA
// tweets, 4,404 texts, 334 pairs ≥ 0.6 by exhaustive exact Jaccard): 0.985–1.0 over seeds 1–5; shingle 5; bands 32, rows 4; seed 1; minLetters 24, minWords 4;
// maxBucket 2000: a bucket larger than this (a band shared by thousands of texts, e.g. a long common prefix) is
// verified only between neighbours in index order plus against the bucket's first member, and reported in
// `cappedBuckets` (recall may drop for such texts; the recall test measures the whole).
//
// False positives: templates that differ only in a name or number ("Повод #1 …"/"Повод #9 …") and long shared
// quotes with short different comments join one cluster. Components chain: A~B and B~C put A and C together even
// when J(A, C) < threshold. Stock phrases above the minimum size ("Христос воскресе! Воистину воскресе!") form big
// clusters of ordinary people; rarity weighting in the significance step discounts such keys.
//
// References: A. Broder, "On the resemblance and containment of documents" (1997); P. Indyk & R. Motwani (1998);
// P. Li, A. Owen, C.-H. Zhang, "One permutation hashing" (NeurIPS 2012); A. Shrivastava, "Optimal densification
// for fast and accurate minwise hashing" (ICML 2017);
// J. Leskovec, A. Rajaraman, J. Ullman, Mining of Massive Datasets, ch. 3; M. Henzinger, "Finding near-duplicate
// web pages" (SIGIR 2006); Pacheco et al., "Uncovering Coordinated Networks on Social Media" (ICWSM 2021), which
// links accounts by near-identical text.

import { distinctOf } from '../distinct-strings.ts';
import { textNormaliser } from '../normalise/shared-normalisers.ts';
import { DEFAULT_MIN_TEXT_SIZE, isLinkableText } from '../normalise/text.ts';
import { bandHashes, forEachBucket } from './lsh.ts';
import { jaccard, setSize, shingleSets } from './shingles.ts';
import { UnionFind } from './union-find.ts';

/** Options of nearDuplicateClusters; every field has a default. */
export interface NearDuplicateOptions {
  threshold: number;
  shingle: number;
  bands: number;
  rows: number;
  seed: number;
  minLetters: number;
  minWords: number;
  maxBucket: number;
}

/** Defaults, justified in the method card above. */
export const NEAR_DUPLICATE_DEFAULTS: Readonly<NearDuplicateOptions> = {
  threshold: 0.6,
  shingle: 5,
  bands: 32,
  rows: 4,
  seed: 1,
  minLetters: DEFAULT_MIN_TEXT_SIZE.minLetters,
  minWords: DEFAULT_MIN_TEXT_SIZE.minWords,
  maxBucket: 2000,
};

/** One cluster: `id` is its smallest input index, `size` counts input texts, `distinct` normalised texts. */
export interface TextCluster {
  id: number;
  size: number;
  distinct: number;
  representative: string;
}

/** Result: `clusterOf[i]` is text i's cluster id, −1 when it is too short or has no duplicate. */
export interface NearDuplicateResult {
  clusterOf: Int32Array;
  /** Smallest input index with the same normalised text (the exact-duplicate key), −1 when too short. */
  exactOf: Int32Array;
  clusters: TextCluster[];
  distinctTexts: number;
  linkableTexts: number;
  pairsChecked: number;
  pairsSimilar: number;
  largestBucket: number;
  cappedBuckets: number;
}

/** Clusters exact and near-duplicate texts; see the method card. */
export function nearDuplicateClusters(
  texts: readonly string[],
  options: Partial<NearDuplicateOptions> = {},
): NearDuplicateResult {
  const o = { ...NEAR_DUPLICATE_DEFAULTS, ...options };
  const { distinct, firstOf, exactOf, distinctOf } = distinctTexts(texts, o);
  const sets = shingleSets(distinct, o.shingle, o.seed);
  const uf = new UnionFind(distinct.length);
  const stats = { pairsChecked: 0, pairsSimilar: 0, largestBucket: 0, cappedBuckets: 0 };
  const check = (a: number, b: number): void => {
    if (uf.find(a) === uf.find(b)) return;
    const sa = setSize(sets, a);
    const sb = setSize(sets, b);
    if (Math.min(sa, sb) < o.threshold * Math.max(sa, sb)) return;
    stats.pairsChecked++;
    if (jaccard(sets, a, b) >= o.threshold) {
      stats.pairsSimilar++;
      uf.union(a, b);
    }
  };
  const hashes = bandHashes(sets, o.bands, o.rows, o.seed);
  forEachBucket(hashes, distinct.length, o.bands, (members, from, to) => {
    const size = to - from;
    if (size > stats.largestBucket) stats.largestBucket = size;
    if (size > o.maxBucket) {
      stats.cappedBuckets++;
      for (let p = from + 1; p < to; p++) {
        check(members[from] as number, members[p] as number);
        check(members[p - 1] as number, members[p] as number);
      }
      return;
    }
    for (let p = from; p < to; p++) for (let q = p + 1; q < to; q++) check(members[p] as number, members[q] as number);
  });
  return {
    ...labelClusters(texts, uf, firstOf, exactOf, distinctOf),
    exactOf,
    distinctTexts: distinct.length,
    linkableTexts: exactOf.reduce((n, e) => (e >= 0 ? n + 1 : n), 0),
    ...stats,
  };
}

/**
 * Normalises each raw text once and numbers the distinct linkable normalised texts in order of first appearance.
 * The raw texts come as their distinct values and a code per row (`distinctOf`, which a read's snapshot made already):
 * one pass over the values, then an array lookup per row.
 */
function distinctTexts(texts: readonly string[], min: { minLetters: number; minWords: number }) {
  const raw = distinctOf(texts);
  const byNorm = new Map<string, number>();
  const distinct: string[] = [];
  const firstOf: number[] = [];
  const firstRow = new Int32Array(raw.values.length).fill(-1);
  for (let i = 0; i < texts.length; i++) if (firstRow[raw.codes[i]!] === -1) firstRow[raw.codes[i]!] = i;
  // Values are numbered by first appearance, so their distinct normalised texts are met in first-appearance order.
  const normaliseText = textNormaliser(texts);
  const ofValue = new Int32Array(raw.values.length);
  raw.values.forEach((value, v) => {
    const norm = normaliseText(value);
    let d = -1;
    if (isLinkableText(norm, min)) {
      d = byNorm.get(norm) ?? distinct.length;
      if (d === distinct.length) {
        byNorm.set(norm, d);
        distinct.push(norm);
        firstOf.push(firstRow[v]!);
      }
    }
    ofValue[v] = d;
  });
  const distinctOfRow = new Int32Array(texts.length);
  const exactOf = new Int32Array(texts.length).fill(-1);
  for (let i = 0; i < texts.length; i++) {
    const d = ofValue[raw.codes[i]!]!;
    distinctOfRow[i] = d;
    if (d >= 0) exactOf[i] = firstOf[d]!;
  }
  return { distinct, firstOf, exactOf, distinctOf: distinctOfRow };
}

/** Turns union-find roots into clusters keyed by their smallest input index; singletons get −1. */
function labelClusters(
  texts: readonly string[],
  uf: UnionFind,
  firstOf: readonly number[],
  exactOf: Int32Array,
  distinctOf: Int32Array,
): { clusterOf: Int32Array; clusters: TextCluster[] } {
  const n = firstOf.length;
  const idOfRoot = new Int32Array(n).fill(-1);
  const size = new Int32Array(n);
  const distinctCount = new Int32Array(n);
  // firstOf ascends, so the first distinct text met per root holds the root's smallest input index
  for (let d = 0; d < n; d++) {
    const r = uf.find(d);
    if (idOfRoot[r] === -1) idOfRoot[r] = firstOf[d] as number;
    distinctCount[r] = (distinctCount[r] as number) + 1;
  }
  for (let i = 0; i < texts.length; i++) {
    const d = distinctOf[i] as number;
    if (d >= 0) size[uf.find(d)] = (size[uf.find(d)] as number) + 1;
  }
  const clusterOf = new Int32Array(texts.length).fill(-1);
  for (let i = 0; i < texts.length; i++) {
    const d = distinctOf[i] as number;
    if (d < 0 || exactOf[i] === -1) continue;
    const r = uf.find(d);
    if ((size[r] as number) >= 2) clusterOf[i] = idOfRoot[r] as number;
  }
  const clusters: TextCluster[] = [];
  for (let r = 0; r < n; r++) {
    if (uf.find(r) !== r || (size[r] as number) < 2) continue;
    const id = idOfRoot[r] as number;
    clusters.push({ id, size: size[r] as number, distinct: distinctCount[r] as number, representative: texts[id] ?? '' });
  }
  clusters.sort((a, b) => a.id - b.id);
  return { clusterOf, clusters };
}
