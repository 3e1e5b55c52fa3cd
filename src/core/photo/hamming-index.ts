// "All hashes within Hamming distance d of this one" over up to millions of 256-bit hashes, by multi-index
// hashing (Norouzi, Punjani & Fleet, "Fast Search in Hamming Space with Multi-Index Hashing", CVPR 2012;
// the layout of Meta's pdq/cpp/index/mih.h: 16 slots of 16 bits).
//
// Pigeonhole: if two hashes differ in at most d bits, then in at least one of the 16 slots they differ in at
// most ⌊d / 16⌋ bits. So for each slot we look up the query's 16-bit value and every value within ⌊d / 16⌋
// bits of it (1 + 16 lookups per slot for d ≤ 31), gather those hashes once each and check the full
// distance. Buckets are compressed rows (offsets + ids per slot), built once: ~68 bytes per hash.
// For d ≥ 48 (3+ bits per slot) probing costs more than scanning, so we scan (linearWithin, also the oracle).
import { HASH_WORDS, hammingAt, type Hash256 } from './hash256.ts';

const SLOTS = 16;
const BUCKETS = 65536;

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
    for (let s = 0; s < SLOTS; s++) {
      const v = slotValue(q, 0, s);
      this.probe(s, v, q, d, hit);
      if (r >= 1) for (let i = 0; i < 16; i++) this.probe(s, v ^ (1 << i), q, d, hit);
      if (r >= 2) {
        for (let i = 0; i < 16; i++) for (let j = i + 1; j < 16; j++) this.probe(s, v ^ (1 << i) ^ (1 << j), q, d, hit);
      }
    }
  }

  // Checks every not-yet-seen hash in bucket b of slot s.
  private probe(s: number, b: number, q: Hash256, d: number, hit: (id: number, distance: number) => void): void {
    const off = this.offsets[s]!;
    const ids = this.ids[s]!;
    const seen = this.seen;
    const stamp = this.stamp;
    for (let k = off[b]!, end = off[b + 1]!; k < end; k++) {
      const id = ids[k]!;
      if (seen[id] === stamp) continue;
      seen[id] = stamp;
      const dist = hammingAt(q, this.words, id * HASH_WORDS);
      if (dist <= d) hit(id, dist);
    }
  }

  /** Every indexed hash within distance d of q, ids ascending. */
  within(q: Hash256, d: number): Hit[] {
    const hits: Hit[] = [];
    this.forEachWithin(q, d, (id, distance) => hits.push({ id, distance }));
    return hits.sort((a, b) => a.id - b.id);
  }
}
