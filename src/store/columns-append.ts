// Two column sets of disjoint actions as one, exactly as a read of all of them builds it: the columnar snapshot
// of a table plus the rows imported since, so a detect after an import reads only the new rows. Both inputs are
// already in (time, platform, id) order with sorted dictionaries, so this is a linear merge: dictionaries are
// united by a sorted merge and codes remapped, rows interleaved by the same order; no string is interned again.
import type { ActionColumns, MultiColumn } from './store.ts';

const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/** The sorted union of two sorted, duplicate-free lists, and where each element of `a` and `b` went. */
function unite(a: readonly string[], b: readonly string[]): { keys: string[]; fromA: Int32Array; fromB: Int32Array } {
  const keys: string[] = [];
  const fromA = new Int32Array(a.length);
  const fromB = new Int32Array(b.length);
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const c = i === a.length ? 1 : j === b.length ? -1 : cmp(a[i]!, b[j]!);
    if (c <= 0) fromA[i++] = keys.length;
    if (c >= 0) fromB[j++] = keys.length;
    keys.push(c <= 0 ? a[i - 1]! : b[j - 1]!);
  }
  return { keys, fromA, fromB };
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
  const precedes = (x: ActionColumns, px: Int32Array, y: ActionColumns, py: Int32Array): boolean => {
    const i = x.count - 1;
    const dt = x.time[i]! - y.time[0]!;
    const dp = px[x.platform[i]!]! - py[y.platform[0]!]!;
    return dt !== 0 ? dt < 0 : dp !== 0 ? dp < 0 : cmp(x.ids[i]!, y.ids[0]!) < 0;
  };
  // The parts of a read split by rowid are usually apart in time (imports arrive in time order): one after the other.
  if (precedes(a, platforms.fromA, b, platforms.fromB)) return concatenated(a, b, platforms, accounts, targets, shareds, true);
  if (precedes(b, platforms.fromB, a, platforms.fromA)) return concatenated(a, b, platforms, accounts, targets, shareds, false);
  // Row k of the result: source row order[k] of a (≥ 0) or −1 − row of b.
  const order = new Int32Array(n);
  let i = 0;
  let j = 0;
  for (let k = 0; k < n; k++) {
    let takeA: boolean;
    if (i === a.count) takeA = false;
    else if (j === b.count) takeA = true;
    else {
      const dt = a.time[i]! - b.time[j]!;
      const dp = dt !== 0 ? 0 : platforms.fromA[a.platform[i]!]! - platforms.fromB[b.platform[j]!]!;
      takeA = dt !== 0 ? dt < 0 : dp !== 0 ? dp < 0 : cmp(a.ids[i]!, b.ids[j]!) < 0;
    }
    order[k] = takeA ? i++ : -1 - j++;
  }
  const pick = <T extends Int32Array | Float64Array | Uint8Array>(x: T, y: T, mapA?: Int32Array, mapB?: Int32Array): T => {
    const out = new (x.constructor as new (len: number) => T)(n);
    for (let k = 0; k < n; k++) {
      const r = order[k]!;
      const v = r >= 0 ? x[r]! : y[-1 - r]!;
      out[k] = mapA === undefined || v < 0 ? v : r >= 0 ? mapA[v]! : mapB![v]!;
    }
    return out;
  };
  const pickStrings = (x: readonly string[], y: readonly string[]): string[] => Array.from(order, (r) => (r >= 0 ? x[r]! : y[-1 - r]!));
  const pickMulti = (x: MultiColumn, y: MultiColumn): MultiColumn => {
    const offsets = new Int32Array(n + 1);
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
    ids: pickStrings(a.ids, b.ids),
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

type United = ReturnType<typeof unite>;

/** The rows of `a` then those of `b` (`aFirst`; else `b` then `a`), codes remapped into the united dictionaries. */
function concatenated(a: ActionColumns, b: ActionColumns, platforms: United, accounts: United, targets: United, shareds: United, aFirst: boolean): ActionColumns {
  const [x, y] = aFirst ? [a, b] : [b, a];
  const n = x.count + y.count;
  const side = <T>(u: { fromA: T; fromB: T }): [T, T] => (aFirst ? [u.fromA, u.fromB] : [u.fromB, u.fromA]);
  const join = <T extends Int32Array | Float64Array | Uint8Array>(p: T, q: T, maps?: [Int32Array, Int32Array]): T => {
    const out = new (p.constructor as new (len: number) => T)(n);
    if (maps === undefined) {
      out.set(p);
      out.set(q, p.length);
      return out;
    }
    const [mp, mq] = maps;
    for (let i = 0; i < p.length; i++) out[i] = p[i]! < 0 ? p[i]! : mp[p[i]!]!;
    for (let i = 0, o = p.length; i < q.length; i++) out[o + i] = q[i]! < 0 ? q[i]! : mq[q[i]!]!;
    return out;
  };
  const joinMulti = (p: MultiColumn, q: MultiColumn): MultiColumn => {
    const offsets = new Int32Array(n + 1);
    offsets.set(p.offsets);
    const shift = p.values.length;
    for (let i = 1; i < q.offsets.length; i++) offsets[x.count + i] = q.offsets[i]! + shift;
    return { offsets, values: p.values.concat(q.values) };
  };
  return {
    count: n,
    accountKeys: accounts.keys,
    account: join(x.account, y.account, side(accounts)),
    time: join(x.time, y.time),
    kind: join(x.kind, y.kind),
    precision: join(x.precision, y.precision),
    seq: join(x.seq, y.seq),
    ids: x.ids.concat(y.ids),
    platforms: platforms.keys,
    platform: join(x.platform, y.platform, side(platforms)),
    targetKeys: targets.keys,
    target: join(x.target, y.target, side(targets)),
    sharedKeys: shareds.keys,
    shared: join(x.shared, y.shared, side(shareds)),
    text: x.text.concat(y.text),
    urls: joinMulti(x.urls, y.urls),
    hashtags: joinMulti(x.hashtags, y.hashtags),
    media: joinMulti(x.media, y.media),
  };
}
