// "All hashes within Hamming distance d of this one" over up to millions of 256-bit hashes, by multi-index
// hashing (Norouzi, Punjani & Fleet, "Fast Search in Hamming Space with Multi-Index Hashing", CVPR 2012;
// the layout of Meta's pdq/cpp/index/mih.h: 16 slots of 16 bits).
//
// Pigeonhole: if two hashes differ in at most d bits, then in at least one of the 16 slots they differ in at
// most ⌊d / 16⌋ bits. So for each slot we look up the query's 16-bit value and every value within ⌊d / 16⌋
// bits of it (1 + 16 lookups per slot for d ≤ 31), gather those hashes once each and check the full
// distance. Buckets are compressed rows (offsets + ids per slot), built once: ~68 bytes per hash.
// For d ≥ 48 (3+ bits per slot) probing costs more than scanning, so we scan (linearWithin, also the oracle).
import { HASH_WORDS, hammingAt, popcount32, type Hash256 } from './hash256.ts';

const SLOTS = 16;
const BUCKETS = 65536;

// The 16-bit masks probed for a per-slot radius of 0, 1 and 2 bits (the exact value first).
const FLIPS0 = Uint32Array.of(0);
const FLIPS1 = Uint32Array.from({ length: 17 }, (_, i) => (i === 0 ? 0 : 1 << (i - 1)));
const FLIPS2 = (() => {
  const m = [...FLIPS1];
  for (let i = 0; i < 16; i++) for (let j = i + 1; j < 16; j++) m.push((1 << i) | (1 << j));
  return Uint32Array.from(m);
})();

/** A hash's id and distance. */
export interface Hit {
  id: number;
  distance: number;
}

function slotValue(words: Uint32Array, off: number, slot: number): number {
  return (words[off + (slot >>> 1)]! >>> ((slot & 1) * 16)) & 0xffff;
}

/** Every hash in `words` (8 words each) within distance d of `q`, by scanning; ids ascending. */
export function linearWithin(words: Uint32Array, q: Hash256, d: number): Hit[] {
  const hits: Hit[] = [];
  const n = words.length / HASH_WORDS;
  for (let i = 0; i < n; i++) {
    const dist = hammingAt(q, words, i * HASH_WORDS);
    if (dist <= d) hits.push({ id: i, distance: dist });
  }
  return hits;
}

/** A static multi-index over hashes 0..n-1 (ids are positions in the packed `words` array). */
export class HammingIndex {
  readonly size: number;
  private readonly words: Uint32Array;
  private readonly offsets: Uint32Array[] = [];
  private readonly ids: Uint32Array[] = [];
  private readonly seen: Uint32Array;
  private stamp = 0;

  /** Builds the index over packed hashes (8 words each); `words` is kept, not copied. */
  constructor(words: Uint32Array) {
    this.words = words;
    this.size = words.length / HASH_WORDS;
    this.seen = new Uint32Array(this.size);
    for (let s = 0; s < SLOTS; s++) {
      const off = new Uint32Array(BUCKETS + 1);
      for (let i = 0; i < this.size; i++) off[slotValue(words, i * HASH_WORDS, s) + 1]!++;
      for (let b = 0; b < BUCKETS; b++) off[b + 1]! += off[b]!;
      const fill = off.slice(0, BUCKETS);
      const ids = new Uint32Array(this.size);
      for (let i = 0; i < this.size; i++) ids[fill[slotValue(words, i * HASH_WORDS, s)]!++] = i;
      this.offsets.push(off);
      this.ids.push(ids);
    }
  }

  /** Builds an index from a list of hashes. */
  static of(hashes: readonly Hash256[]): HammingIndex {
    const words = new Uint32Array(hashes.length * HASH_WORDS);
    hashes.forEach((h, i) => words.set(h, i * HASH_WORDS));
    return new HammingIndex(words);
  }

  /** Calls `hit(id, distance)` once for every indexed hash within distance d of q (order unspecified). */
  forEachWithin(q: Hash256, d: number, hit: (id: number, distance: number) => void): void {
    const r = Math.floor(d / SLOTS);
    if (r >= 3) {
      for (const h of linearWithin(this.words, q, d)) hit(h.id, h.distance);
      return;
    }
    if (++this.stamp === 0xffffffff) {
      this.seen.fill(0);
      this.stamp = 1;
    }
    const stamp = this.stamp;
    const seen = this.seen;
    const words = this.words;
    const [q0, q1, q2, q3, q4, q5, q6, q7] = [q[0]!, q[1]!, q[2]!, q[3]!, q[4]!, q[5]!, q[6]!, q[7]!];
    const flips = r === 0 ? FLIPS0 : r === 1 ? FLIPS1 : FLIPS2;
    for (let s = 0; s < SLOTS; s++) {
      const v = slotValue(q, 0, s);
      const off = this.offsets[s]!;
      const ids = this.ids[s]!;
      for (let f = 0; f < flips.length; f++) {
        const b = v ^ flips[f]!;
        // Bucket b of slot s, inline: ids not yet seen for this query get their full distance checked.
        for (let k = off[b]!, end = off[b + 1]!; k < end; k++) {
          const id = ids[k]!;
          if (seen[id] === stamp) continue;
          seen[id] = stamp;
          const o = id * HASH_WORDS;
          const dist =
            popcount32((q0 ^ words[o]!) >>> 0) + popcount32((q1 ^ words[o + 1]!) >>> 0) +
            popcount32((q2 ^ words[o + 2]!) >>> 0) + popcount32((q3 ^ words[o + 3]!) >>> 0) +
            popcount32((q4 ^ words[o + 4]!) >>> 0) + popcount32((q5 ^ words[o + 5]!) >>> 0) +
            popcount32((q6 ^ words[o + 6]!) >>> 0) + popcount32((q7 ^ words[o + 7]!) >>> 0);
          if (dist <= d) hit(id, dist);
        }
      }
    }
  }

  /**
   * Batch search: calls `hit(query, id, distance)` for every packed query hash (8 words each) and indexed
   * hash within distance d. Slot-major (all queries probe slot 0's table, then slot 1's, …), so one 256 KB
   * bucket table is hot at a time instead of sixteen: much faster than one query at a time on large sets.
   * A pair close in several slots is reported once per such slot: callers dedupe.
   */
  forEachPairWithin(queries: Uint32Array, d: number, hit: (query: number, id: number, distance: number) => void): void {
    const r = Math.floor(d / SLOTS);
    const nq = queries.length / HASH_WORDS;
    if (r >= 3) {
      for (let i = 0; i < nq; i++) {
        const q = queries.subarray(i * HASH_WORDS, (i + 1) * HASH_WORDS) as Hash256;
        for (const h of linearWithin(this.words, q, d)) hit(i, h.id, h.distance);
      }
      return;
    }
    const words = this.words;
    const flips = r === 0 ? FLIPS0 : r === 1 ? FLIPS1 : FLIPS2;
    for (let s = 0; s < SLOTS; s++) {
      const off = this.offsets[s]!;
      const ids = this.ids[s]!;
      for (let i = 0; i < nq; i++) {
        const qo = i * HASH_WORDS;
        const v = slotValue(queries, qo, s);
        for (let f = 0; f < flips.length; f++) {
          const b = v ^ flips[f]!;
          for (let k = off[b]!, end = off[b + 1]!; k < end; k++) {
            const id = ids[k]!;
            const o = id * HASH_WORDS;
            let dist = 0;
            for (let w = 0; w < HASH_WORDS && dist <= d; w++) dist += popcount32((queries[qo + w]! ^ words[o + w]!) >>> 0);
            if (dist <= d) hit(i, id, dist);
          }
        }
      }
    }
  }

  /** Every indexed hash within distance d of q, ids ascending. */
  within(q: Hash256, d: number): Hit[] {
    const hits: Hit[] = [];
    this.forEachWithin(q, d, (id, distance) => hits.push({ id, distance }));
    return hits.sort((a, b) => a.id - b.id);
  }
}
