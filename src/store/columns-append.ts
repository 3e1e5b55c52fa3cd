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
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    // The two parts of a read share most keys: equality first (one content comparison) before the order.
    if (x === y) {
      fromA[i++] = fromB[j++] = keys.length;
      keys.push(x);
    } else if (x < y) {
      fromA[i++] = keys.length;
      keys.push(x);
    } else {
      fromB[j++] = keys.length;
      keys.push(y);
    }
  }
  for (; i < a.length; i++) {
    fromA[i] = keys.length;
    keys.push(a[i]!);
  }
  for (; j < b.length; j++) {
    fromB[j] = keys.length;
    keys.push(b[j]!);
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
  // The code remaps have their own functions per column type (below), so V8 compiles each loop for one array type;
  // plain columns are copied with `set`, or picked by `pickInOrder` in the rare interleaved case. Without `order`,
  // the earlier part (`aFirst`: a) goes first.
  const [first, second] = aFirst ? [a, b] : [b, a];
  const [firstPlatforms, secondPlatforms] = aFirst ? [platforms.fromA, platforms.fromB] : [platforms.fromB, platforms.fromA];
  const pick = <T extends Int32Array | Float64Array | Uint8Array>(x: T, y: T): T => {
    const out = new (x.constructor as new (len: number) => T)(n);
    if (order !== undefined) {
      pickInOrder(out, x, y, order);
    } else {
      const [p, q] = aFirst ? [x, y] : [y, x];
      out.set(p);
      out.set(q, p.length);
    }
    return out;
  };
  const pickCodes = (column: 'account' | 'target' | 'shared', united: ReturnType<typeof unite>): Int32Array => {
    const out = new Int32Array(n);
    if (order !== undefined) {
      pickCodesInOrder(out, a[column], b[column], united.fromA, united.fromB, order);
    } else {
      const [mapFirst, mapSecond] = aFirst ? [united.fromA, united.fromB] : [united.fromB, united.fromA];
      remapInto(out, 0, first[column], mapFirst);
      remapInto(out, first.count, second[column], mapSecond);
    }
    return out;
  };
  const pickPlatforms = (): Uint8Array => {
    const out = new Uint8Array(n);
    if (order !== undefined) {
      pickPlatformsInOrder(out, a.platform, b.platform, platforms.fromA, platforms.fromB, order);
    } else {
      platformsInto(out, 0, first.platform, firstPlatforms);
      platformsInto(out, first.count, second.platform, secondPlatforms);
    }
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
    account: pickCodes('account', accounts),
    time: pick(a.time, b.time),
    kind: pick(a.kind, b.kind),
    precision: pick(a.precision, b.precision),
    seq: pick(a.seq, b.seq),
    ids: pickIds(a.ids, b.ids),
    platforms: platforms.keys,
    platform: pickPlatforms(),
    targetKeys: targets.keys,
    target: pickCodes('target', targets),
    sharedKeys: shareds.keys,
    shared: pickCodes('shared', shareds),
    text: pickStrings(a.text, b.text),
    urls: pickMulti(a.urls, b.urls),
    hashtags: pickMulti(a.hashtags, b.hashtags),
    media: pickMulti(a.media, b.media),
  };
}

/** out[k] = x[order[k]] or y[−1 − order[k]] (see `mergeOrder`). */
function pickInOrder<T extends Int32Array | Float64Array | Uint8Array>(out: T, x: T, y: T, order: Int32Array): void {
  for (let k = 0; k < order.length; k++) {
    const r = order[k]!;
    out[k] = r >= 0 ? x[r]! : y[-1 - r]!;
  }
}

/** `pickInOrder` of dictionary codes, each mapped to the united dictionary (−1, none, stays). */
function pickCodesInOrder(out: Int32Array, x: Int32Array, y: Int32Array, mapX: Int32Array, mapY: Int32Array, order: Int32Array): void {
  for (let k = 0; k < order.length; k++) {
    const r = order[k]!;
    const v = r >= 0 ? x[r]! : y[-1 - r]!;
    out[k] = v < 0 ? v : r >= 0 ? mapX[v]! : mapY[v]!;
  }
}

/** `pickInOrder` of platform codes, mapped to the united platforms. */
function pickPlatformsInOrder(out: Uint8Array, x: Uint8Array, y: Uint8Array, mapX: Int32Array, mapY: Int32Array, order: Int32Array): void {
  for (let k = 0; k < order.length; k++) {
    const r = order[k]!;
    out[k] = r >= 0 ? mapX[x[r]!]! : mapY[y[-1 - r]!]!;
  }
}

/** out[at + i] = map[codes[i]] (−1, none, stays). */
function remapInto(out: Int32Array, at: number, codes: Int32Array, map: Int32Array): void {
  for (let i = 0; i < codes.length; i++) {
    const v = codes[i]!;
    out[at + i] = v < 0 ? v : map[v]!;
  }
}

/** out[at + i] = map[codes[i]] for platform codes. */
function platformsInto(out: Uint8Array, at: number, codes: Uint8Array, map: Int32Array): void {
  for (let i = 0; i < codes.length; i++) out[at + i] = map[codes[i]!]!;
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
