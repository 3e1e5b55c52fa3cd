// An open-addressing hash table from an unordered account pair to its running totals, on typed arrays so that
// hundreds of millions of co-actions aggregate without allocating an object per pair.

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

const EMPTY = -1;

/** Accumulates co-actions per account pair. */
export class PairTable {
  private mask: number;
  private size = 0;
  private a: Int32Array;
  private b: Int32Array;
  private pairs: Float64Array;
  private weighted: Float64Array;
  private sumDt: Float64Array;
  private keys: Int32Array;
  private lastKey: Int32Array;

  constructor(capacity = 1 << 16) {
    let cap = 1 << 4;
    while (cap < capacity) cap <<= 1;
    this.mask = cap - 1;
    this.a = new Int32Array(cap).fill(EMPTY);
    this.b = new Int32Array(cap);
    this.pairs = new Float64Array(cap);
    this.weighted = new Float64Array(cap);
    this.sumDt = new Float64Array(cap);
    this.keys = new Int32Array(cap);
    this.lastKey = new Int32Array(cap).fill(-1);
  }

  get edgeCount(): number {
    return this.size;
  }

  /** Adds one co-action of accounts x and y (any order) on `key` with rarity weight `w` and gap `dt`. */
  add(x: number, y: number, key: number, w: number, dt: number): void {
    const lo = x < y ? x : y;
    const hi = x < y ? y : x;
    let h = (Math.imul(lo, 0x9e3779b1) ^ Math.imul(hi + 0x7f4a7c15, 0x85ebca77)) >>> 0;
    h = (h ^ (h >>> 15)) & this.mask;
    for (;;) {
      const s = this.a[h]!;
      if (s === EMPTY) {
        this.a[h] = lo;
        this.b[h] = hi;
        this.size++;
        break;
      }
      if (s === lo && this.b[h] === hi) break;
      h = (h + 1) & this.mask;
    }
    this.pairs[h]! += 1;
    this.weighted[h]! += w;
    this.sumDt[h]! += dt;
    if (this.lastKey[h] !== key) {
      this.lastKey[h] = key;
      this.keys[h]!++;
    }
    if (this.size * 2 > this.mask) this.grow();
  }

  /** The edges with a < b, sorted by (a, b), keeping only those `accept(a, b)` allows. */
  edges(accept: (a: number, b: number) => boolean = () => true): EdgeTotals {
    const slots: number[] = [];
    for (let h = 0; h <= this.mask; h++) {
      const a = this.a[h]!;
      if (a !== EMPTY && accept(a, this.b[h]!)) slots.push(h);
    }
    slots.sort((p, q) => this.a[p]! - this.a[q]! || this.b[p]! - this.b[q]!);
    const n = slots.length;
    const out: EdgeTotals = {
      count: n,
      a: new Int32Array(n),
      b: new Int32Array(n),
      pairs: new Float64Array(n),
      weighted: new Float64Array(n),
      sumDt: new Float64Array(n),
      keys: new Int32Array(n),
    };
    for (let i = 0; i < n; i++) {
      const h = slots[i]!;
      out.a[i] = this.a[h]!;
      out.b[i] = this.b[h]!;
      out.pairs[i] = this.pairs[h]!;
      out.weighted[i] = this.weighted[h]!;
      out.sumDt[i] = this.sumDt[h]!;
      out.keys[i] = this.keys[h]!;
    }
    return out;
  }

  private grow(): void {
    const old = {
      a: this.a,
      b: this.b,
      pairs: this.pairs,
      weighted: this.weighted,
      sumDt: this.sumDt,
      keys: this.keys,
      lastKey: this.lastKey,
    };
    const cap = (this.mask + 1) * 2;
    this.mask = cap - 1;
    this.a = new Int32Array(cap).fill(EMPTY);
    this.b = new Int32Array(cap);
    this.pairs = new Float64Array(cap);
    this.weighted = new Float64Array(cap);
    this.sumDt = new Float64Array(cap);
    this.keys = new Int32Array(cap);
    this.lastKey = new Int32Array(cap).fill(-1);
    for (let s = 0; s < old.a.length; s++) {
      const lo = old.a[s]!;
      if (lo === EMPTY) continue;
      const hi = old.b[s]!;
      let h = (Math.imul(lo, 0x9e3779b1) ^ Math.imul(hi + 0x7f4a7c15, 0x85ebca77)) >>> 0;
      h = (h ^ (h >>> 15)) & this.mask;
      while (this.a[h] !== EMPTY) h = (h + 1) & this.mask;
      this.a[h] = lo;
      this.b[h] = hi;
      this.pairs[h] = old.pairs[s]!;
      this.weighted[h] = old.weighted[s]!;
      this.sumDt[h] = old.sumDt[s]!;
      this.keys[h] = old.keys[s]!;
      this.lastKey[h] = old.lastKey[s]!;
    }
  }
}
