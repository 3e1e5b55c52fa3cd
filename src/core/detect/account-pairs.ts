// Edge totals accumulated account by account instead of in one hash table of every pair (co-action.ts uses it when
// edges below `minKeys` are only counted). For each account a, every trace of a scans its key's traces within the
// window on both sides; partners b > a add to dense per-partner accumulators, which are emitted (or counted) and
// cleared before the next account. Every co-action pair is met once (from its lower account) and memory is
// O(accounts + edges kept): a viral post's ten million one-off pairs of strangers are counted, never stored.
// Totals equal the pair table's: within one key every pair adds the same rarity weight, and keys are visited in the
// same (ascending) order, so even the floating-point sums are the same.
import type { SortedColumns } from './co-action.ts';
import { allocEdgeTotals, type EdgeTotals } from './pair-table.ts';

/** Edges with ≥ `minKeys` distinct keys (sorted by a, b), and how many accepted edges had fewer. */
export interface SparseEdges {
  edges: EdgeTotals;
  dropped: number;
  /** The accepted edges met on fewer keys and their pair counts (by a, in no order of b), with `keepDropped`. */
  droppedPairs?: DroppedPairs;
}

/** Edges and their co-action pair counts: row i is edge a[i]–b[i] (a < b). */
export interface DroppedPairs {
  count: number;
  a: Int32Array;
  b: Int32Array;
  pairs: Float64Array;
}

/**
 * Totals of every accepted account pair over the segments (positions start[s] .. start[s+1] of the sorted columns)
 * whose `weight` is > 0 (0 = key not enumerated); pairs of one account or of one action are loops and skipped.
 * `eligible`, when given, must be what `accept` tests (accept(a, b) ⇔ eligible[a] = 1 and eligible[b] = 1): other
 * accounts are then not walked (their partners are not accumulated), and `accept` is not called (same totals, less
 * work; testing eligible[b] per pair in the walk cost more than accumulating the partners it would skip).
 * `keepDropped`: the dropped edges and their pair counts are returned too (`droppedPairs`), for a test that ranks
 * their p-values (significance.ts, configuration null); memory then grows with every accepted edge, 16 bytes each.
 */
export function accountPairs(
  sorted: SortedColumns,
  start: Int32Array,
  weight: Float64Array,
  window: number,
  accountCount: number,
  accept: (a: number, b: number) => boolean,
  minKeys: number,
  eligible?: Uint8Array,
  keepDropped = false,
): SparseEdges {
  const all = eligible === undefined;
  const { account, time, action } = sorted;
  const segOf = segmentOf(start);
  const { byAccount, positions } = positionsByAccount(account, segOf, weight, accountCount);

  // One 32-byte slot per partner of the current account, in the order first met (`slotOf`): pairs, weighted and
  // Σ|Δt| as doubles, then the distinct keys and the last segment counted (+ 1, so a cleared slot is all zeros) as
  // two int32s in the fourth double's bytes (`ints`, the same memory). A co-action reads and writes one cache line,
  // and one account's partners sit together at the front: a slot per account (32 bytes × every account) cost a
  // cache miss per co-action, a quarter more time on the co-target pairs of the detect bench (scratch
  // `.cache/ap9.ts`, three alternated processes of eight calls each: medians 750–920 against 1,000–1,230 ms).
  const acc = new Float64Array(accountCount * 4);
  const slotOf = new Int32Array(accountCount).fill(-1);
  const ints = new Int32Array(acc.buffer);
  const touched = new Int32Array(accountCount);
  const out = new EdgeBuilder();
  const droppedOut = keepDropped ? new DroppedBuilder() : undefined;
  const slots = { acc, ints, slotOf, touched };
  let dropped = 0;
  for (let a = 0; a < accountCount; a++) {
    if (!all && eligible[a] !== 1) continue;
    let nt = 0;
    for (let i = byAccount[a]!; i < byAccount[a + 1]!; i++) {
      const p = positions[i]!;
      const s = segOf[p]!;
      const w = weight[s]!;
      const from = start[s]!;
      const to = start[s + 1]!;
      const t = time[p]!;
      const act = action[p]!;
      // The key's traces within the window on either side, in position order (p itself is skipped as b = a).
      let lo = p;
      while (lo > from && t - time[lo - 1]! <= window) lo--;
      for (let q = lo; q < to; q++) {
        const tq = time[q]!;
        if (tq - t > window) break;
        const b = account[q]!;
        if (b <= a || action[q] === act) continue;
        let sl = slotOf[b]!;
        if (sl < 0) {
          sl = nt++;
          slotOf[b] = sl;
          touched[sl] = b;
        }
        add(acc, ints, sl, s, w, tq < t ? t - tq : tq - t);
      }
    }
    dropped += emitPartners(a, nt, slots, accept, eligible, minKeys, out, droppedOut);
  }
  return { edges: out.build(), dropped, ...(droppedOut === undefined ? {} : { droppedPairs: droppedOut.build() }) };
}

// The set-up loops are functions of their own: V8 then compiles the account walk once, not again at each loop
// (see co-action.ts).

/** The segment of every position. */
function segmentOf(start: Int32Array): Int32Array {
  const segOf = new Int32Array(start[start.length - 1]!);
  for (let s = 0; s + 1 < start.length; s++) segOf.fill(s, start[s]!, start[s + 1]!);
  return segOf;
}

/**
 * Positions per account (account a's are positions[byAccount[a] .. byAccount[a+1])), in position order (so grouped
 * by key, keys ascending), of the segments with a weight.
 */
function positionsByAccount(account: Int32Array, segOf: Int32Array, weight: Float64Array, accountCount: number): { byAccount: Int32Array; positions: Int32Array } {
  const total = segOf.length;
  const byAccount = new Int32Array(accountCount + 1);
  for (let p = 0; p < total; p++) if (weight[segOf[p]!]! > 0) byAccount[account[p]! + 1]!++;
  for (let a = 0; a < accountCount; a++) byAccount[a + 1]! += byAccount[a]!;
  const positions = new Int32Array(byAccount[accountCount]!);
  const fill = byAccount.slice(0, accountCount);
  for (let p = 0; p < total; p++) if (weight[segOf[p]!]! > 0) positions[fill[account[p]!]!++] = p;
  return { byAccount, positions };
}

/**
 * Account a's `nt` partners (slots 0 … nt − 1): the accepted ones met on ≥ minKeys keys become edges (by b), the
 * other accepted ones are counted (with `droppedOut`, also listed); the slots are cleared. Returns the count.
 * Accepted: `eligible` of both when given (a is), else `accept`.
 * A function of its own, so that V8 compiles the account walk and this once each (see co-action.ts).
 */
function emitPartners(
  a: number, nt: number, slots: { acc: Float64Array; ints: Int32Array; slotOf: Int32Array; touched: Int32Array },
  accept: (a: number, b: number) => boolean, eligible: Uint8Array | undefined, minKeys: number, out: EdgeBuilder,
  droppedOut: DroppedBuilder | undefined,
): number {
  const { acc, ints, slotOf, touched } = slots;
  // Most partners met once: they are only counted (with `keepDropped`, also listed, unsorted); only the kept ones
  // are sorted (edges come out by (a, b)).
  let nk = 0;
  let dropped = 0;
  for (let i = 0; i < nt; i++) {
    const b = touched[i]!;
    const accepted = eligible === undefined ? accept(a, b) : eligible[b] === 1;
    if (accepted && ints[i * 8 + 6]! >= minKeys) {
      touched[nk++] = b;
      continue;
    }
    if (accepted) {
      dropped++;
      droppedOut?.push(a, b, acc[i * 4]!);
    }
    slotOf[b] = -1;
  }
  for (const b of touched.subarray(0, nk).sort()) {
    const sl = slotOf[b]!;
    const at = sl * 4;
    out.push(a, b, acc[at]!, acc[at + 1]!, acc[at + 2]!, ints[sl * 8 + 6]!);
    slotOf[b] = -1;
  }
  acc.fill(0, 0, nt * 4);
  return dropped;
}

/** Dropped edges as they are met, in growing columns. */
class DroppedBuilder {
  private n = 0;
  private a = new Int32Array(1 << 14);
  private b = new Int32Array(1 << 14);
  private pairs = new Float64Array(1 << 14);

  push(a: number, b: number, pairs: number): void {
    if (this.n === this.a.length) {
      const grow = <T extends Int32Array | Float64Array>(x: T, y: T): T => (y.set(x), y);
      this.a = grow(this.a, new Int32Array(this.n * 2));
      this.b = grow(this.b, new Int32Array(this.n * 2));
      this.pairs = grow(this.pairs, new Float64Array(this.n * 2));
    }
    this.a[this.n] = a;
    this.b[this.n] = b;
    this.pairs[this.n++] = pairs;
  }

  build(): DroppedPairs {
    const n = this.n;
    return { count: n, a: this.a.slice(0, n), b: this.b.slice(0, n), pairs: this.pairs.slice(0, n) };
  }
}

function add(acc: Float64Array, ints: Int32Array, slot: number, s: number, w: number, dt: number): void {
  const at = slot * 4;
  acc[at]! += 1;
  acc[at + 1]! += w;
  acc[at + 2]! += dt;
  const seg = slot * 8 + 7;
  if (ints[seg] !== s + 1) {
    ints[seg] = s + 1;
    ints[seg - 1]! += 1;
  }
}

class EdgeBuilder {
  private n = 0;
  private cols = allocEdgeTotals(1024);

  push(a: number, b: number, pairs: number, weighted: number, sumDt: number, keys: number): void {
    if (this.n === this.cols.a.length) {
      const next = allocEdgeTotals(this.n * 2);
      for (const k of ['a', 'b', 'pairs', 'weighted', 'sumDt', 'keys'] as const) next[k].set(this.cols[k]);
      this.cols = next;
    }
    const c = this.cols;
    c.a[this.n] = a;
    c.b[this.n] = b;
    c.pairs[this.n] = pairs;
    c.weighted[this.n] = weighted;
    c.sumDt[this.n] = sumDt;
    c.keys[this.n] = keys;
    this.n++;
  }

  build(): EdgeTotals {
    const n = this.n;
    const c = this.cols;
    return {
      count: n,
      a: c.a.slice(0, n),
      b: c.b.slice(0, n),
      pairs: c.pairs.slice(0, n),
      weighted: c.weighted.slice(0, n),
      sumDt: c.sumDt.slice(0, n),
      keys: c.keys.slice(0, n),
    };
  }
}
