// Stable counting sort of indices by small integer values: one pass to count, one to place. The columnar pipeline
// orders millions of rows or edges by account codes or seq, where a comparator sort costs several times more.

/**
 * `items` (default 0 … values.length − 1) reordered by ascending `values[item]`, which must be integers in
 * min … max; items with equal values keep their given order.
 */
export function countingSort(values: ArrayLike<number>, min: number, max: number, items?: Int32Array): Int32Array {
  const n = items === undefined ? values.length : items.length;
  const item = (i: number): number => (items === undefined ? i : items[i]!);
  const start = new Int32Array(max - min + 2);
  for (let i = 0; i < n; i++) start[values[item(i)]! - min + 1]!++;
  for (let v = 1; v < start.length; v++) start[v]! += start[v - 1]!;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const k = item(i);
    out[start[values[k]! - min]!++] = k;
  }
  return out;
}

/** The smallest and largest of `values`, or undefined when one is not an integer (or there are none). */
export function integerRange(values: ArrayLike<number>): { min: number; max: number } | undefined {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isInteger(v)) return undefined;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return values.length === 0 ? undefined : { min, max };
}
