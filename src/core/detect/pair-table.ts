// An open-addressing hash table from an unordered account pair to its running totals. One slot is one 64-byte
// cache line of a Float64Array (packed pair, pairs, weighted, Σ|Δt|, keys, last key), so adding a co-action
// touches one line: with 10⁸ co-actions the table is memory-bound, and a struct-of-arrays layout touched six.

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
    const packed = new Float64Array(this.size);
    let m = 0;
    for (let h = 0; h <= this.mask; h++) {
      const p = this.slots[h * STRIDE + PAIR]!;
      if (p === EMPTY) continue;
      const a = Math.floor(p / SHIFT);
      if (accept(a, p - a * SHIFT)) packed[m++] = p;
    }
    // Packed pairs sort numerically in (a, b) order.
    const order = packed.subarray(0, m).sort();
    const n = order.length;
    const out = allocEdgeTotals(n);
    for (let i = 0; i < n; i++) {
      const p = order[i]!;
      const a = Math.floor(p / SHIFT);
      const at = this.find(a, p - a * SHIFT, p);
      out.a[i] = a;
      out.b[i] = p - a * SHIFT;
      out.pairs[i] = this.slots[at + PAIRS]!;
      out.weighted[i] = this.slots[at + WEIGHTED]!;
      out.sumDt[i] = this.slots[at + SUM_DT]!;
      out.keys[i] = this.slots[at + KEYS]!;
    }
    return out;
  }

  private find(lo: number, hi: number, packed: number): number {
    let h = hash(lo, hi) & this.mask;
    while (this.slots[h * STRIDE + PAIR] !== packed) h = (h + 1) & this.mask;
    return h * STRIDE;
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
