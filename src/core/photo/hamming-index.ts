// "All hashes within Hamming distance d of this one" over up to millions of 256-bit hashes, by multi-index
// hashing (Norouzi, Punjani & Fleet, "Fast Search in Hamming Space with Multi-Index Hashing", CVPR 2012;
// the default layout is Meta's pdq/cpp/index/mih.h: 16 slots of 16 bits).
//
// Pigeonhole: split the 256 bits into m slots of b bits (m·b ≤ 256). If two hashes differ in at most d
// bits, then in at least one slot they differ in at most r = ⌊d / m⌋ bits. So for each slot we look up the
// query's b-bit value and every value within r bits of it (1 + b lookups per slot when r = 1), gather those
// hashes and check the full distance. Buckets are compressed rows (offsets + ids per slot), built once.
// Slot width: a bucket holds n / 2^b hashes on average, so with 16-bit slots the work per query grows with
// n. slotBitsFor picks wider slots (up to 19 bits) for large indexes when the radius still allows r ≤ 1
// (d = 24: 13 slots of 19 bits); PDQ's d = 31 needs all 16 slots, so 16 bits. For r ≥ 3 probing costs more
// than scanning, so we scan (linearWithin, also the oracle).
import { HASH_WORDS, hammingAt, popcount32, type Hash256 } from './hash256.ts';

/** A hash's id and distance. */
export interface Hit {
  id: number;
  distance: number;
}

// The b-bit value of the slot starting at bit `start` of the hash at word offset `off`.
function slotValue(words: Uint32Array, off: number, start: number, bits: number): number {
  const w = start >>> 5;
  const sh = start & 31;
  let v = words[off + w]! >>> sh;
  if (sh + bits > 32) v |= words[off + w + 1]! << (32 - sh);
  return (v & ((1 << bits) - 1)) >>> 0;
}

// The masks probed for a per-slot radius r (0, 1 or 2) over b bits, the exact value first.
function flipMasks(bits: number, r: number): Uint32Array {
  const m = [0];
  if (r >= 1) for (let i = 0; i < bits; i++) m.push(1 << i);
  if (r >= 2) for (let i = 0; i < bits; i++) for (let j = i + 1; j < bits; j++) m.push((1 << i) | (1 << j));
  return Uint32Array.from(m);
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

/** Slot width for n hashes searched at radius d: ~log2 n + 2 bits, 16..19, keeping one-bit probes (r ≤ 1). */
export function slotBitsFor(n: number, d: number): number {
  let bits = 16;
  while (bits < 19 && 2 ** (bits + 1) <= 4 * n && 2 * Math.floor(256 / (bits + 1)) > d) bits++;
  return bits;
}

/** A static multi-index over hashes 0..n-1 (ids are positions in the packed `words` array). */
export class HammingIndex {
  readonly size: number;
  /** Bits per slot and number of slots. */
  readonly slotBits: number;
  readonly slots: number;
  private readonly words: Uint32Array;
  private readonly offsets: Uint32Array[] = [];
  private readonly ids: Uint32Array[] = [];
  private readonly seen: Uint32Array;
  private stamp = 0;
  private readonly flips: Uint32Array[];

  /** Builds the index over packed hashes (8 words each); `words` is kept, not copied. */
  constructor(words: Uint32Array, slotBits = 16) {
    if (slotBits < 8 || slotBits > 20) throw new Error(`HammingIndex: slotBits ${slotBits} outside 8..20`);
    this.words = words;
    this.size = words.length / HASH_WORDS;
    this.slotBits = slotBits;
    this.slots = Math.floor(256 / slotBits);
    this.seen = new Uint32Array(this.size);
    this.flips = [0, 1, 2].map((r) => flipMasks(slotBits, r));
    const buckets = 2 ** slotBits;
    for (let s = 0; s < this.slots; s++) {
      const start = s * slotBits;
      const off = new Uint32Array(buckets + 1);
      for (let i = 0; i < this.size; i++) off[slotValue(words, i * HASH_WORDS, start, slotBits) + 1]!++;
      for (let b = 0; b < buckets; b++) off[b + 1]! += off[b]!;
      const fill = off.slice(0, buckets);
      const ids = new Uint32Array(this.size);
      for (let i = 0; i < this.size; i++) ids[fill[slotValue(words, i * HASH_WORDS, start, slotBits)]!++] = i;
      this.offsets.push(off);
      this.ids.push(ids);
    }
  }

  /** Builds an index from a list of hashes (slot width: 16 bits unless given). */
  static of(hashes: readonly Hash256[], slotBits = 16): HammingIndex {
    const words = new Uint32Array(hashes.length * HASH_WORDS);
    hashes.forEach((h, i) => words.set(h, i * HASH_WORDS));
    return new HammingIndex(words, slotBits);
  }

  /** Calls `hit(id, distance)` once for every indexed hash within distance d of q (order unspecified). */
  forEachWithin(q: Hash256, d: number, hit: (id: number, distance: number) => void): void {
    const r = Math.floor(d / this.slots);
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
    const flips = this.flips[r]!;
    for (let s = 0; s < this.slots; s++) {
      const v = slotValue(q, 0, s * this.slotBits, this.slotBits);
      const off = this.offsets[s]!;
      const ids = this.ids[s]!;
      for (let f = 0; f < flips.length; f++) {
        const b = v ^ flips[f]!;
        // Bucket b of slot s: ids not yet seen for this query get their full distance checked.
        for (let k = off[b]!, end = off[b + 1]!; k < end; k++) {
          const id = ids[k]!;
          if (seen[id] === stamp) continue;
          seen[id] = stamp;
          const o = id * HASH_WORDS;
          let dist = 0;
          for (let w = 0; w < HASH_WORDS && dist <= d; w++) dist += popcount32((q[w]! ^ words[o + w]!) >>> 0);
          if (dist <= d) hit(id, dist);
        }
      }
    }
  }

  /**
   * Batch search: calls `hit(query, id, distance)` for every packed query hash (8 words each) and indexed
   * hash within distance d. Slot-major (all queries probe slot 0's table, then slot 1's, …), so one bucket
   * table is hot at a time instead of all of them: much faster than one query at a time on large sets.
   * A pair close in several slots is reported once per such slot: callers dedupe.
   */
  forEachPairWithin(queries: Uint32Array, d: number, hit: (query: number, id: number, distance: number) => void): void {
    const r = Math.floor(d / this.slots);
    const nq = queries.length / HASH_WORDS;
    if (r >= 3) {
      for (let i = 0; i < nq; i++) {
        const q = queries.subarray(i * HASH_WORDS, (i + 1) * HASH_WORDS) as Hash256;
        for (const h of linearWithin(this.words, q, d)) hit(i, h.id, h.distance);
      }
      return;
    }
    const words = this.words;
    const flips = this.flips[r]!;
    for (let s = 0; s < this.slots; s++) {
      const off = this.offsets[s]!;
      const ids = this.ids[s]!;
      const start = s * this.slotBits;
      for (let i = 0; i < nq; i++) {
        const qo = i * HASH_WORDS;
        const v = slotValue(queries, qo, start, this.slotBits);
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
