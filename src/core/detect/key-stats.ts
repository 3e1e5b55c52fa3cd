// Per-key and per-(account, key) statistics for the significance test: how many traces each key has, how many
// of its distinct-account trace pairs fall inside the window, and each account's share of both.
import { sortTraces } from './sort-traces.ts';
import type { Traces } from './traces.ts';

/** Statistics of every key with ≥ 2 traces, and of every account's traces grouped by key. */
export interface KeyStats {
  /** By key index: traces, Σ over accounts of (traces of the account)², in-window distinct-account pairs. */
  traces: Float64Array;
  squares: Float64Array;
  pairs: Float64Array;
  /** Account a's groups are g in groupStart[a] .. groupStart[a+1], sorted by key. */
  groupStart: Int32Array;
  groupKey: Int32Array;
  /** Traces of the group (its times: time[byAccount[groupFrom[g] .. groupFrom[g] + groupSize[g])], ascending). */
  groupSize: Int32Array;
  groupFrom: Int32Array;
  /** In-window pairs the group's traces take part in. */
  groupPairs: Float64Array;
  byAccount: Int32Array;
  /** Σ pairs / Σ distinct-account pairs over all keys: the background in-window rate. */
  baseRate: number;
  /** The same rate over the keys of each size class floor(log2(traces)): small keys have their own timing. */
  sizeRate: Float64Array;
}

/** Sweeps all traces once and groups them by (account, key, time). */
export function keyStats(traces: Traces, window: number, maxPairsPerKey = 50_000_000): KeyStats {
  const { account, key, time, action } = traces;
  const n = traces.count;
  let keyCount = 0;
  let accountCount = 0;
  for (let t = 0; t < n; t++) {
    if (key[t]! >= keyCount) keyCount = key[t]! + 1;
    if (account[t]! >= accountCount) accountCount = account[t]! + 1;
  }
  const { order, start, keyOf } = sortTraces(key, time, new Uint8Array(n).fill(1), keyCount);
  const stats = { traces: new Float64Array(keyCount), squares: new Float64Array(keyCount), pairs: new Float64Array(keyCount) };
  const partners = new Float64Array(n);
  const perAccount = new Int32Array(accountCount);
  let allPairs = 0;
  let allDistinct = 0;
  const classPairs = new Float64Array(32);
  const classDistinct = new Float64Array(32);
  for (let s = 0; s + 1 < start.length; s++) {
    const from = start[s]!;
    const to = start[s + 1]!;
    const k = keyOf[s]!;
    for (let i = from; i < to; i++) perAccount[account[order[i]!]!]!++;
    let squares = 0;
    for (let i = from; i < to; i++) {
      const a = account[order[i]!]!;
      if (perAccount[a]! > 0) squares += perAccount[a]! * perAccount[a]!;
      perAccount[a] = 0;
    }
    const c = to - from;
    stats.traces[k] = c;
    stats.squares[k] = squares;
    const distinct = (c * c - squares) / 2;
    let pairs = 0;
    if (boundPairs(order, from, to, time, window) > maxPairsPerKey) {
      pairs = distinct; // too dense to enumerate: every pair counts as in-window, the key is uninformative
    } else {
      let lo = from;
      for (let j = from + 1; j < to; j++) {
        const tj = order[j]!;
        while (time[tj]! - time[order[lo]!]! > window) lo++;
        for (let i = lo; i < j; i++) {
          const ti = order[i]!;
          if (account[ti] === account[tj] || action[ti] === action[tj]) continue;
          partners[ti]!++;
          partners[tj]!++;
          pairs++;
        }
      }
    }
    stats.pairs[k] = pairs;
    allPairs += pairs;
    allDistinct += distinct;
    classPairs[sizeClass(c)]! += pairs;
    classDistinct[sizeClass(c)]! += distinct;
  }
  const baseRate = allDistinct > 0 ? allPairs / allDistinct : 0;
  const sizeRate = classPairs.map((p, i) => (classDistinct[i]! > 0 ? p / classDistinct[i]! : baseRate));
  return { ...stats, ...groupByAccount(order, account, key, partners, accountCount), baseRate, sizeRate };
}

/** Size class of a key with c traces: floor(log2(c)). */
export function sizeClass(c: number): number {
  return Math.min(31, Math.floor(Math.log2(Math.max(1, c))));
}

function groupByAccount(order: Int32Array, account: Int32Array, key: Int32Array, partners: Float64Array, accountCount: number) {
  // Stable counting sort of the (key, time)-sorted traces by account → (account, key, time).
  const offset = new Int32Array(accountCount + 1);
  for (let i = 0; i < order.length; i++) offset[account[order[i]!]! + 1]!++;
  for (let a = 0; a < accountCount; a++) offset[a + 1]! += offset[a]!;
  const byAccount = new Int32Array(order.length);
  const fill = offset.slice(0, accountCount);
  for (let i = 0; i < order.length; i++) byAccount[fill[account[order[i]!]!]!++] = order[i]!;
  const groupStart = new Int32Array(accountCount + 1);
  const keys: number[] = [];
  const froms: number[] = [];
  const sizes: number[] = [];
  const gp: number[] = [];
  for (let a = 0; a < accountCount; a++) {
    groupStart[a] = keys.length;
    for (let i = offset[a]!; i < offset[a + 1]!; i++) {
      const t = byAccount[i]!;
      if (i === offset[a] || key[t] !== keys[keys.length - 1]) {
        keys.push(key[t]!);
        froms.push(i);
        sizes.push(0);
        gp.push(0);
      }
      sizes[sizes.length - 1]!++;
      gp[gp.length - 1]! += partners[t]!;
    }
  }
  groupStart[accountCount] = keys.length;
  return {
    groupStart,
    groupKey: Int32Array.from(keys),
    groupFrom: Int32Array.from(froms),
    groupSize: Int32Array.from(sizes),
    groupPairs: Float64Array.from(gp),
    byAccount,
  };
}

function boundPairs(order: Int32Array, from: number, to: number, time: Float64Array, window: number): number {
  let total = 0;
  let lo = from;
  for (let j = from + 1; j < to; j++) {
    while (time[order[j]!]! - time[order[lo]!]! > window) lo++;
    total += j - lo;
  }
  return total;
}
