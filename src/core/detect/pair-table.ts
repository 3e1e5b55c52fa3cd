// An open-addressing hash table from an unordered account pair to its running totals. One slot is one 64-byte
// cache line of a Float64Array (packed pair, pairs, weighted, Σ|Δt|, keys, last key), so adding a co-action
// touches one line: with 10⁸ co-actions the table is memory-bound, and a struct-of-arrays layout touched six.
import { countingSort } from '../counting-sort.ts';

/** Aggregated co-actions per account pair; row i is one edge with a < b. */
export interface EdgeTotals {
  count: number;
  a: Int32Array;
  b: Int32Array;
  /** Number of co-action pairs. */
  pairs: Float64Array;
  /** Sum of the rarity weights of those pairs. */
  weighted: Float64Array;
  /** Sum of |Δt| in ms. */
  sumDt: Float64Array;
  /** Number of distinct keys the pairs are on. */
  keys: Int32Array;
}

/** Zeroed edge columns for n edges. */
export function allocEdgeTotals(n: number): EdgeTotals {
  return {
    count: n,
    a: new Int32Array(n),
    b: new Int32Array(n),
    pairs: new Float64Array(n),
    weighted: new Float64Array(n),
    sumDt: new Float64Array(n),
    keys: new Int32Array(n),
  };
}

const STRIDE = 8;
const PAIR = 0;
const PAIRS = 1;
const WEIGHTED = 2;
const SUM_DT = 3;
const KEYS = 4;
const LAST_KEY = 5;
const EMPTY = -1;
/** Account indices must stay below 2^26 so that lo · 2^26 + hi is exact in a double. */
export const MAX_ACCOUNTS = 2 ** 26;
const SHIFT = 2 ** 26;

/** Accumulates co-actions per account pair. */
export class PairTable {
  private mask: number;
  private size = 0;
  private slots: Float64Array;

  constructor(capacity = 1 << 16) {
    let cap = 1 << 4;
    while (cap < capacity) cap <<= 1;
    this.mask = cap - 1;
    this.slots = PairTable.empty(cap);
  }

  get edgeCount(): number {
    return this.size;
  }

  /** Adds one co-action of accounts x and y (any order) on `key` with rarity weight `w` and gap `dt`. */
  add(x: number, y: number, key: number, w: number, dt: number): void {
    const lo = x < y ? x : y;
    const hi = x < y ? y : x;
    const packed = lo * SHIFT + hi;
    const slots = this.slots;
    let h = hash(lo, hi) & this.mask;
    let at = h * STRIDE;
    for (;;) {
      const s = slots[at + PAIR]!;
      if (s === packed) break;
      if (s === EMPTY) {
        slots[at + PAIR] = packed;
        this.size++;
        break;
      }
      h = (h + 1) & this.mask;
      at = h * STRIDE;
    }
    slots[at + PAIRS]! += 1;
    slots[at + WEIGHTED]! += w;
    slots[at + SUM_DT]! += dt;
    if (slots[at + LAST_KEY] !== key) {
      slots[at + LAST_KEY] = key;
      slots[at + KEYS]! += 1;
    }
    // Load ≤ 0.7: linear probing stays short, and neighbouring slots are neighbouring cache lines.
    if (this.size * 10 > this.mask * 7) this.grow();
  }

  /** The edges with a < b, sorted by (a, b), keeping only those `accept(a, b)` allows. */
  edges(accept: (a: number, b: number) => boolean = () => true): EdgeTotals {
    const slots = this.slots;
    // One pass over the slots copies each edge's totals while its line is read; the (a, b) order is then applied
    // to these compact columns. Reading the slots again in (a, b) order cost a cache and TLB miss per edge (the
    // table is 64 bytes a slot).
    const found = allocEdgeTotals(this.size);
    let m = 0;
    let top = 0;
    for (let h = 0; h <= this.mask; h++) {
      const at = h * STRIDE;
      const p = slots[at + PAIR]!;
      if (p === EMPTY) continue;
      const a = Math.floor(p / SHIFT);
      const b = p - a * SHIFT;
      if (!accept(a, b)) continue;
      found.a[m] = a;
      found.b[m] = b;
      found.pairs[m] = slots[at + PAIRS]!;
      found.weighted[m] = slots[at + WEIGHTED]!;
      found.sumDt[m] = slots[at + SUM_DT]!;
      found.keys[m++] = slots[at + KEYS]!;
      if (b > top) top = b;
    }
    // (a, b) order by two stable counting sorts, by b and then by a (a < b ≤ top).
    const order = countingSort(found.a, 0, top, countingSort(found.b.subarray(0, m), 0, top));
    const out = allocEdgeTotals(m);
    for (let i = 0; i < m; i++) {
      const k = order[i]!;
      out.a[i] = found.a[k]!;
      out.b[i] = found.b[k]!;
      out.pairs[i] = found.pairs[k]!;
      out.weighted[i] = found.weighted[k]!;
      out.sumDt[i] = found.sumDt[k]!;
      out.keys[i] = found.keys[k]!;
    }
    return out;
  }

  private static empty(cap: number): Float64Array {
    const slots = new Float64Array(cap * STRIDE);
    for (let h = 0; h < cap; h++) {
      slots[h * STRIDE + PAIR] = EMPTY;
      slots[h * STRIDE + LAST_KEY] = -1;
    }
    return slots;
  }

  private grow(): void {
    const old = this.slots;
    const cap = (this.mask + 1) * 2;
    this.mask = cap - 1;
    this.slots = PairTable.empty(cap);
    for (let at = 0; at < old.length; at += STRIDE) {
      const p = old[at + PAIR]!;
      if (p === EMPTY) continue;
      const lo = Math.floor(p / SHIFT);
      let h = hash(lo, p - lo * SHIFT) & this.mask;
      while (this.slots[h * STRIDE + PAIR] !== EMPTY) h = (h + 1) & this.mask;
      const to = h * STRIDE;
      for (let f = 0; f < STRIDE; f++) this.slots[to + f] = old[at + f]!;
    }
  }
}

function hash(lo: number, hi: number): number {
  const h = (Math.imul(lo, 0x9e3779b1) ^ Math.imul(hi + 0x7f4a7c15, 0x85ebca77)) >>> 0;
  return (h ^ (h >>> 15)) >>> 0;
}

/**
 * A fixed set of unordered account pairs, each with a number (an edge's slot): open addressing over packed pairs in
 * a Float64Array, so a lookup allocates nothing (a Map keyed by the packed double boxed one number per call).
 */
export class PairIndex {
  private readonly mask: number;
  private readonly keys: Float64Array;
  private readonly values: Int32Array;

  /** Room for `count` pairs at load ≤ 0.5. */
  constructor(count: number) {
    let cap = 16;
    while (cap < count * 2) cap <<= 1;
    this.mask = cap - 1;
    this.keys = new Float64Array(cap).fill(EMPTY);
    this.values = new Int32Array(cap);
  }

  /** Gives the pair of x and y (any order; x ≠ y) the number `value`. */
  set(x: number, y: number, value: number): void {
    const lo = x < y ? x : y;
    const hi = x < y ? y : x;
    const packed = lo * SHIFT + hi;
    let h = hash(lo, hi) & this.mask;
    while (this.keys[h] !== EMPTY && this.keys[h] !== packed) h = (h + 1) & this.mask;
    this.keys[h] = packed;
    this.values[h] = value;
  }

  /** The number of the pair of x and y, or −1 when the pair is not in the set. */
  get(x: number, y: number): number {
    const lo = x < y ? x : y;
    const hi = x < y ? y : x;
    const packed = lo * SHIFT + hi;
    for (let h = hash(lo, hi) & this.mask; ; h = (h + 1) & this.mask) {
      const k = this.keys[h]!;
      if (k === packed) return this.values[h]!;
      if (k === EMPTY) return -1;
    }
  }
}
