// Two column sets of disjoint actions as one, exactly as a read of all of them builds it: the columnar snapshot
// of a table plus the rows imported since, so a detect after an import reads only the new rows. Both inputs are
// already in (time, platform, id) order with sorted dictionaries, so this is a linear merge: dictionaries are
// united by a sorted merge and codes remapped, rows interleaved by the same order; no string is interned again.
import type { ActionColumns, MultiColumn } from './store.ts';
import { compareStrings } from '../core/compare-strings.ts';
import { concatJoined, joinedOf, plainStrings, stringsOf } from '../threads/joined-strings.ts';

/** The sorted union of two sorted, duplicate-free lists, and where each element of `a` and `b` went. */
function unite(a: readonly string[], b: readonly string[]): { keys: string[]; fromA: Int32Array; fromB: Int32Array } {
  const keys: string[] = [];
  const fromA = new Int32Array(a.length);
  const fromB = new Int32Array(b.length);
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const c = i === a.length ? 1 : j === b.length ? -1 : compareStrings(a[i]!, b[j]!);
    if (c <= 0) fromA[i++] = keys.length;
    if (c >= 0) fromB[j++] = keys.length;
    keys.push(c <= 0 ? a[i - 1]! : b[j - 1]!);
  }
  return { keys, fromA, fromB };
}

/** Whether row i of x comes before row j of y in (time, platform, id) order (px, py: their platform codes united). */
function before(x: ActionColumns, i: number, px: Int32Array, y: ActionColumns, j: number, py: Int32Array): boolean {
  const dt = x.time[i]! - y.time[j]!;
  if (dt !== 0) return dt < 0;
  const dp = px[x.platform[i]!]! - py[y.platform[j]!]!;
  return dp !== 0 ? dp < 0 : compareStrings(x.ids[i]!, y.ids[j]!) < 0;
}

/** The actions of `a` and `b` (no action in both) as one ActionColumns in (time, platform, id) order. */
export function appendColumns(a: ActionColumns, b: ActionColumns): ActionColumns {
  if (b.count === 0) return a;
  if (a.count === 0) return b;
  const platforms = unite(a.platforms, b.platforms);
  const accounts = unite(a.accountKeys, b.accountKeys);
  const targets = unite(a.targetKeys, b.targetKeys);
  const shareds = unite(a.sharedKeys, b.sharedKeys);
  const n = a.count + b.count;
  // The parts of a read split by rowid are usually apart in time (imports arrive in time order): then the result is
  // one part after the other, copied in blocks. Else row k of the result is source row order[k] of a (≥ 0) or
  // −1 − row of b.
  const aFirst = before(a, a.count - 1, platforms.fromA, b, 0, platforms.fromB);
  const bFirst = !aFirst && before(b, b.count - 1, platforms.fromB, a, 0, platforms.fromA);
  const order = aFirst || bFirst ? undefined : mergeOrder(a, b, platforms);
  const pick = <T extends Int32Array | Float64Array | Uint8Array>(x: T, y: T, mapA?: Int32Array, mapB?: Int32Array): T => {
    const out = new (x.constructor as new (len: number) => T)(n);
    const code = (v: number, map: Int32Array | undefined): number => (map === undefined || v < 0 ? v : map[v]!);
    if (order !== undefined) {
      for (let k = 0; k < n; k++) {
        const r = order[k]!;
        out[k] = r >= 0 ? code(x[r]!, mapA) : code(y[-1 - r]!, mapB);
      }
      return out;
    }
    const [p, mp, q, mq] = aFirst ? [x, mapA, y, mapB] : [y, mapB, x, mapA];
    if (mp === undefined) out.set(p);
    else for (let i = 0; i < p.length; i++) out[i] = code(p[i]!, mp);
    if (mq === undefined) out.set(q, p.length);
    else for (let i = 0; i < q.length; i++) out[p.length + i] = code(q[i]!, mq);
    return out;
  };
  const pickStrings = (x: readonly string[], y: readonly string[]): string[] => {
    if (order === undefined) return aFirst ? x.concat(y) : y.concat(x);
    const [xs, ys] = [plainStrings(x), plainStrings(y)];
    return Array.from(order, (r) => (r >= 0 ? xs[r]! : ys[-1 - r]!));
  };
  // Ids one after the other stay joined (`stringsOf`): a read's ids are joined for the snapshot and the layers worker
  // anyway, and a part that arrives joined (the scan helper's, a snapshot's) is then never cut.
  const pickIds = (x: readonly string[], y: readonly string[]): string[] => {
    if (order !== undefined) return pickStrings(x, y);
    const [p, q] = aFirst ? [x, y] : [y, x];
    return stringsOf(concatJoined(joinedOf(p), joinedOf(q)));
  };
  const pickMulti = (x: MultiColumn, y: MultiColumn): MultiColumn => {
    const offsets = new Int32Array(n + 1);
    if (order === undefined) {
      const [p, q] = aFirst ? [x, y] : [y, x];
      offsets.set(p.offsets);
      const rows = p.offsets.length - 1;
      const shift = p.values.length;
      for (let i = 1; i < q.offsets.length; i++) offsets[rows + i] = q.offsets[i]! + shift;
      return { offsets, values: p.values.concat(q.values) };
    }
    const values: string[] = [];
    for (let k = 0; k < n; k++) {
      const r = order[k]!;
      const m = r >= 0 ? x : y;
      const row = r >= 0 ? r : -1 - r;
      for (let v = m.offsets[row]!; v < m.offsets[row + 1]!; v++) values.push(m.values[v]!);
      offsets[k + 1] = values.length;
    }
    return { offsets, values };
  };
  return {
    count: n,
    accountKeys: accounts.keys,
    account: pick(a.account, b.account, accounts.fromA, accounts.fromB),
    time: pick(a.time, b.time),
    kind: pick(a.kind, b.kind),
    precision: pick(a.precision, b.precision),
    seq: pick(a.seq, b.seq),
    ids: pickIds(a.ids, b.ids),
    platforms: platforms.keys,
    platform: pick(a.platform, b.platform, platforms.fromA, platforms.fromB),
    targetKeys: targets.keys,
    target: pick(a.target, b.target, targets.fromA, targets.fromB),
    sharedKeys: shareds.keys,
    shared: pick(a.shared, b.shared, shareds.fromA, shareds.fromB),
    text: pickStrings(a.text, b.text),
    urls: pickMulti(a.urls, b.urls),
    hashtags: pickMulti(a.hashtags, b.hashtags),
    media: pickMulti(a.media, b.media),
  };
}

/** Rows of a and b interleaved in (time, platform, id) order: a's row as itself, b's row r as −1 − r. */
function mergeOrder(a: ActionColumns, b: ActionColumns, platforms: ReturnType<typeof unite>): Int32Array {
  const order = new Int32Array(a.count + b.count);
  let i = 0;
  let j = 0;
  for (let k = 0; k < order.length; k++) {
    const takeA = j === b.count || (i < a.count && before(a, i, platforms.fromA, b, j, platforms.fromB));
    order[k] = takeA ? i++ : -1 - j++;
  }
  return order;
}
