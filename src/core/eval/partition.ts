// Agreement between two partitions of the same items (predicted networks vs true factories): the adjusted Rand
// index (Hubert & Arabie 1985) and normalised mutual information with the arithmetic-mean normaliser (the
// scikit-learn default), both from the contingency table.
//
// ARI = (Σ C(n_ij,2) − E) / (½(Σ C(a_i,2) + Σ C(b_j,2)) − E), E = Σ C(a_i,2) · Σ C(b_j,2) / C(n,2);
//   1 for identical partitions, about 0 for random ones, may be negative. When the denominator is 0 the two
//   partitions are identical (both one cluster, or both all singletons) and the ARI is 1.
// NMI = I(U;V) / ((H(U) + H(V)) / 2), natural logs; 1 when both partitions have a single cluster.

/** Cell counts n_ij and the row/column sums a_i, b_j of the contingency table of two labelings. */
export interface Contingency {
  n: number;
  /** Non-empty cells: row index, column index, count. */
  cells: { row: number; col: number; n: number }[];
  rows: number[];
  cols: number[];
}

/** Builds the contingency table of two labelings of the same items (same length, same order). */
export function contingency(u: readonly string[], v: readonly string[]): Contingency {
  if (u.length !== v.length) throw new Error(`contingency: labelings differ in length (${u.length} vs ${v.length})`);
  const rowOf = new Map<string, number>();
  const colOf = new Map<string, number>();
  // Cell id = row · 2^26 + column: a number key, exact for up to 2^26 distinct labels on each side.
  const cellOf = new Map<number, number>();
  const rows: number[] = [];
  const cols: number[] = [];
  const cells: Contingency['cells'] = [];
  for (let i = 0; i < u.length; i++) {
    const a = u[i] as string;
    const b = v[i] as string;
    let r = rowOf.get(a);
    if (r === undefined) rowOf.set(a, (r = rows.push(0) - 1));
    let c = colOf.get(b);
    if (c === undefined) colOf.set(b, (c = cols.push(0) - 1));
    rows[r]!++;
    cols[c]!++;
    const key = r * 67_108_864 + c;
    const k = cellOf.get(key);
    if (k === undefined) cellOf.set(key, cells.push({ row: r, col: c, n: 1 }) - 1);
    else cells[k]!.n++;
  }
  return { n: u.length, cells, rows, cols };
}

const pairs = (x: number): number => (x * (x - 1)) / 2;
const sumPairs = (xs: readonly number[]): number => xs.reduce((s, x) => s + pairs(x), 0);

/** Adjusted Rand index of two labelings. */
export function adjustedRandIndex(u: readonly string[], v: readonly string[]): number {
  return ariOf(contingency(u, v));
}

/** Adjusted Rand index from a contingency table. */
export function ariOf(t: Contingency): number {
  if (t.n < 2) return 1;
  const index = sumPairs(t.cells.map((c) => c.n));
  const a = sumPairs(t.rows);
  const b = sumPairs(t.cols);
  const expected = (a * b) / pairs(t.n);
  const denominator = (a + b) / 2 - expected;
  return denominator === 0 ? 1 : (index - expected) / denominator;
}

const entropy = (xs: readonly number[], n: number): number =>
  xs.reduce((h, x) => (x === 0 ? h : h - (x / n) * Math.log(x / n)), 0);

/** Normalised mutual information (arithmetic-mean normaliser) of two labelings. */
export function normalizedMutualInfo(u: readonly string[], v: readonly string[]): number {
  return nmiOf(contingency(u, v));
}

/** Normalised mutual information from a contingency table. */
export function nmiOf(t: Contingency): number {
  if (t.rows.length <= 1 && t.cols.length <= 1) return 1;
  const hu = entropy(t.rows, t.n);
  const hv = entropy(t.cols, t.n);
  let mi = 0;
  for (const c of t.cells) {
    mi += (c.n / t.n) * Math.log((t.n * c.n) / ((t.rows[c.row] as number) * (t.cols[c.col] as number)));
  }
  const mean = (hu + hv) / 2;
  // Rounding can push identical partitions a hair above 1 or independent ones below 0.
  return mean === 0 ? 1 : Math.min(1, Math.max(0, mi / mean));
}
