// Puts built columns in (time, platform, id) order, whatever order the store scanned its rows in.
import type { ActionColumns, MultiColumn } from './store.ts';
import { compareStrings, LITTLE_ENDIAN } from '../core/compare-strings.ts';
import { integerRange } from '../core/counting-sort.ts';

/**
 * Row indices by time (equal times in index order) through one native sort of 64-bit keys (time − min, index),
 * several times faster than a comparator; undefined when the keys do not fit (fractional or far-apart times).
 */
export function timeOrder(time: Float64Array): Int32Array | undefined {
  const n = time.length;
  const bits = Math.max(1, Math.ceil(Math.log2(n + 1)));
  const range = integerRange(time);
  if (range === undefined) return undefined;
  const { min, max } = range;
  if (!LITTLE_ENDIAN || bits > 31 || max - min >= 2 ** Math.min(53, 64 - bits)) return undefined;
  // key = (t − min) · 2^bits + i, written as two 32-bit halves (no BigInt per row).
  const low = 32 - bits;
  const keys = new BigUint64Array(n);
  const halves = new Uint32Array(keys.buffer);
  for (let i = 0; i < n; i++) {
    const rel = time[i]! - min;
    const hi = Math.floor(rel / 2 ** low);
    halves[2 * i] = ((rel - hi * 2 ** low) * 2 ** bits + i) >>> 0;
    halves[2 * i + 1] = hi;
  }
  keys.sort();
  const order = new Int32Array(n);
  const mask = 2 ** bits - 1;
  for (let i = 0; i < n; i++) order[i] = halves[2 * i]! & mask;
  return order;
}

/**
 * Rows ordered by (time, platform, id), whatever order the store scanned them in: sorting here costs less than
 * an ORDER BY in the database (SQLite's index scan plus temp B-tree took half of the read on 571k rows). The
 * columns are the builder's own: rows already in time order (as imports usually leave them) have only their runs
 * of equal times put in order, in place when few rows move.
 */
export function inTimeOrder(c: ActionColumns): ActionColumns {
  const { time, platform, ids } = c;
  const before = (a: number, b: number): number => time[a]! - time[b]! || platform[a]! - platform[b]! || compareStrings(ids[a]!, ids[b]!);
  // Imports usually arrive in time order, and the scan follows insertion order: check before sorting a million rows.
  let inTime = true;
  for (let i = 1; i < c.count && inTime; i++) inTime = time[i - 1]! <= time[i]!;
  if (inTime) return orderTies(c, before);
  const order = timeOrder(time) ?? Int32Array.from({ length: c.count }, (_, i) => i).sort(before);
  // Equal times keep the scan order above: put each run of them in (platform, id) order.
  for (let a = 0, b = 1; a < order.length; a = b, b = a + 1) {
    while (b < order.length && time[order[b]!] === time[order[a]!]) b++;
    if (b - a > 1) order.subarray(a, b).sort(before);
  }
  return permuted(c, order);
}

/** Row i of the result is row order[i] of `c`. */
function permuted(c: ActionColumns, order: Int32Array): ActionColumns {
  const n = order.length;
  const pick = <T extends Int32Array | Float64Array | Uint8Array>(a: T): T => {
    const out = new (a.constructor as new (n: number) => T)(n);
    for (let i = 0; i < n; i++) out[i] = a[order[i]!]!;
    return out;
  };
  const pickStrings = (a: readonly string[]): string[] => {
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(a[order[i]!]!);
    return out;
  };
  const pickMulti = (m: MultiColumn): MultiColumn => {
    const offsets = new Int32Array(n + 1);
    const values: string[] = [];
    // Most rows have no values (a column read as omitted has none at all).
    if (m.values.length > 0) {
      for (let i = 0; i < n; i++) {
        const row = order[i]!;
        for (let j = m.offsets[row]!, end = m.offsets[row + 1]!; j < end; j++) values.push(m.values[j]!);
        offsets[i + 1] = values.length;
      }
    }
    return { offsets, values };
  };
  return {
    ...c,
    account: pick(c.account),
    time: pick(c.time),
    kind: pick(c.kind),
    precision: pick(c.precision),
    seq: pick(c.seq),
    ids: pickStrings(c.ids),
    platform: pick(c.platform),
    target: pick(c.target),
    shared: pick(c.shared),
    text: pickStrings(c.text),
    urls: pickMulti(c.urls),
    hashtags: pickMulti(c.hashtags),
    media: pickMulti(c.media),
  };
}

/** Rows of at most this share of the columns move in place; more are copied whole (`permuted`). */
const IN_PLACE_SHARE = 1 / 16;

/**
 * Columns whose times never decrease, each run of equal times put in (platform, id) order: in place when the runs
 * out of order hold few rows (on the detect bench's 1M rows, where ids such as "10" sort before "9" at a few run
 * boundaries, 21–54 ms instead of 188–289 ms for a sort and a copy of every column; scratch `.cache/order10.ts`),
 * else by one copy of every column (every run of ties reversed: 0.17–0.27 s, where moving its 448,340 rows in place
 * took 1.2–1.8 s and the sort and copy 0.29–0.30 s; scratch `.cache/order10b.ts`).
 */
function orderTies(c: ActionColumns, before: (a: number, b: number) => number): ActionColumns {
  const { time, count } = c;
  let order: Int32Array | undefined;
  const runs: number[] = [];
  let moved = 0;
  for (let a = 0, b = 1; a < count; a = b, b = a + 1) {
    while (b < count && time[b] === time[a]) b++;
    if (b - a < 2) continue;
    let ordered = true;
    for (let i = a + 1; i < b && ordered; i++) ordered = before(i - 1, i) < 0;
    if (ordered) continue;
    if (order === undefined) {
      order = new Int32Array(count);
      for (let i = 0; i < count; i++) order[i] = i;
    }
    order.subarray(a, b).sort(before);
    runs.push(a, b);
    moved += b - a;
  }
  if (order === undefined) return c;
  if (moved > count * IN_PLACE_SHARE) return permuted(c, order);
  const typed = [c.account, c.time, c.kind, c.precision, c.seq, c.platform, c.target, c.shared];
  const strings = [c.ids as string[], c.text as string[]];
  const multis = [c.urls, c.hashtags, c.media].filter((m) => m.values.length > 0);
  for (let r = 0; r < runs.length; r += 2) {
    const a = runs[r]!;
    const run = order.subarray(a, runs[r + 1]!);
    for (const col of typed) reorder(col, run, a);
    for (const col of strings) reorder(col, run, a);
    for (const m of multis) {
      // The run's values occupy one range: rewrite it and the run's offsets in the new row order.
      const values: string[] = [];
      const ends: number[] = [];
      for (const row of run) {
        for (let j = m.offsets[row]!; j < m.offsets[row + 1]!; j++) values.push(m.values[j]!);
        ends.push(values.length);
      }
      const from = m.offsets[a]!;
      const out = m.values as string[];
      for (let i = 0; i < values.length; i++) out[from + i] = values[i]!;
      for (let i = 0; i < ends.length; i++) m.offsets[a + 1 + i] = from + ends[i]!;
    }
  }
  return c;
}

/** Items at..at + run.length − 1 of `col` become its items run[0], run[1], … (all of them within that range). */
function reorder<T>(col: { [i: number]: T }, run: Int32Array, at: number): void {
  const values = Array.from(run, (row) => col[row]!);
  for (let i = 0; i < values.length; i++) col[at + i] = values[i]!;
}
