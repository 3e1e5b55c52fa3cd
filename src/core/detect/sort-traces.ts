// Orders traces by (key, time, trace index) without a global comparison sort: a counting sort by key (stable, so
// trace order breaks ties), then a sort by time inside each key. Keys left with fewer than two traces are dropped:
// they cannot pair.

/** Trace indices grouped by key: segment s holds order[start[s] .. start[s+1]), all with key keyOf[s]. */
export interface KeySegments {
  order: Int32Array;
  start: Int32Array;
  keyOf: Int32Array;
}

/** Sorts the traces where `keep[t]` is 1 by (key, time, t); `keyCount` bounds the key indices. */
export function sortTraces(
  key: Int32Array,
  time: Float64Array,
  keep: Uint8Array,
  keyCount: number,
): KeySegments {
  // Each loop is a function of its own (see co-action.ts: compiled once, not again at each next loop).
  const counts = keyCounts(key, keep, keyCount);
  const { start, keyOf, offset } = pairableSegments(counts, keyCount);
  const order = byKey(key, keep, offset, start[start.length - 1]!);
  for (let i = 0; i < keyOf.length; i++) sortByTime(order, start[i]!, start[i + 1]!, time);
  return { order, start, keyOf };
}

/** Kept traces per key, at index key + 1. */
function keyCounts(key: Int32Array, keep: Uint8Array, keyCount: number): Int32Array {
  const counts = new Int32Array(keyCount + 1);
  for (let t = 0; t < key.length; t++) if (keep[t] === 1) counts[key[t]! + 1]!++;
  return counts;
}

/** The segments of the keys with ≥ 2 kept traces, and each key's first position (−1: a key that cannot pair). */
function pairableSegments(counts: Int32Array, keyCount: number): { start: Int32Array; keyOf: Int32Array; offset: Int32Array } {
  let segments = 0;
  let total = 0;
  for (let k = 0; k < keyCount; k++) {
    const c = counts[k + 1]!;
    if (c >= 2) {
      segments++;
      total += c;
    }
  }
  const offset = new Int32Array(keyCount).fill(-1);
  const start = new Int32Array(segments + 1);
  const keyOf = new Int32Array(segments);
  let s = 0;
  let pos = 0;
  for (let k = 0; k < keyCount; k++) {
    const c = counts[k + 1]!;
    if (c < 2) continue;
    keyOf[s] = k;
    start[s] = pos;
    offset[k] = pos;
    pos += c;
    s++;
  }
  start[segments] = total;
  return { start, keyOf, offset };
}

/** The kept traces of pairable keys, grouped by key in trace order (`offset` is used up). */
function byKey(key: Int32Array, keep: Uint8Array, offset: Int32Array, total: number): Int32Array {
  const order = new Int32Array(total);
  for (let t = 0; t < key.length; t++) {
    if (keep[t] !== 1) continue;
    const k = key[t]!;
    const at = offset[k]!;
    if (at < 0) continue;
    order[at] = t;
    offset[k] = at + 1;
  }
  return order;
}

function sortByTime(order: Int32Array, from: number, to: number, time: Float64Array): void {
  if (to - from <= 24) {
    // Insertion sort: most keys are small; ties keep trace order because the input is in trace order.
    for (let i = from + 1; i < to; i++) {
      const v = order[i]!;
      const tv = time[v]!;
      let j = i - 1;
      while (j >= from && (time[order[j]!]! > tv || (time[order[j]!]! === tv && order[j]! > v))) {
        order[j + 1] = order[j]!;
        j--;
      }
      order[j + 1] = v;
    }
    return;
  }
  order.subarray(from, to).sort((a, b) => time[a]! - time[b]! || a - b);
}
