/*
 * Method card — co-action kernel (one kernel for every layer)
 *
 * Behaviour. Two accounts co-act when both leave a trace on the same key (a reposted post, a link, a target, a
 * text cluster …) within `window` of each other: |t_a − t_b| ≤ window, inclusive. The kernel
 *   1. prunes accounts with fewer than `minParticipation` traces (they cannot reach it after pairing either);
 *   2. sorts the remaining traces by (key, time, trace index) — a counting sort by key, then time inside a key —
 *      and drops keys with fewer than two traces;
 *   3. sweeps each key with two pointers: for trace j, the left pointer skips traces older than t_j − window, and
 *      j pairs with every trace between the pointer and itself. Work is proportional to the in-window pairs, never
 *      to all pairs of a popular key. Pairs of the same account or of the same action ("loops") are skipped;
 *   4. adds every pair to its account pair's totals (pairs, rarity-weighted pairs, Σ|Δt|, distinct keys) and keeps
 *      the pair as evidence (earlier trace first; on equal times, the earlier trace index first);
 *   5. applies the minimum participation again to the accounts' coordinated traces (see `rule`).
 *
 * Rarity. A pair on a key acted on by n distinct (kept) accounts weighs w = 1 / log2(n): 1 for two accounts,
 * 0.5 for four, 0.1 for 1024. Sharing what everybody shares says little (Pacheco et al. weight by TF-IDF for the
 * same reason); a gentle log keeps a 20-account troll burst visible, where 1/(n−1) would flatten it.
 *
 * Popular keys. Counts stay exact: every in-window pair of an enumerated key is counted. The *evidence* of a key is
 * capped at `evidencePerKey` rows (the first ones in sweep order, i.e. the earliest in time); such keys are
 * reported in `cappedKeys` with their exact pair count. A key whose in-window pair count (computed in O(n) with
 * the same two pointers before enumerating) exceeds `maxPairsPerKey` is not enumerated at all: it is reported as
 * skipped and contributes nothing. Pair counts per key are therefore never a memory risk, only the number of
 * distinct account pairs is (one 64-byte hash slot each at load ≤ 0.7, ≈ 90 bytes per edge).
 *
 * Parameters.
 *   window            ms, inclusive. No default here: speeds are named presets (speeds.ts: 10 s, 10 min, 24 h).
 *   minParticipation  traces per account before pairing; coordinated traces/actions after. CooRTweet default 2.
 *   evidencePerKey    default 10 000 — every pair of a burst of up to 141 accounts, enough for a journalist to
 *                     read; a key with 10⁸ pairs keeps ≈ 0.5 MB of evidence.
 *   maxPairsPerKey    default 5·10⁷ — one key at that size already costs seconds; beyond it the key is a
 *                     platform-wide event (a viral post), not a troll signal.
 *   edgeMinKeys       default 1 (every edge returned). Edges met on fewer distinct keys are only counted
 *                     (`droppedEdges`): a test that needs ≥ 2 keys (significance.ts) still counts them for BH, but
 *                     a viral post's millions of one-off pairs need not sit in memory. Totals are then summed account
 *                     by account (account-pairs.ts), identical to the pair table's; a pair is met once per side.
 *   keepDropped       default false; true lists those edges with their pair counts (`dropped`, 16 bytes each), for
 *                     the configuration null, whose BH ranks their p-values (significance.ts).
 *   evidence          default true; false leaves `pairs` empty (layer-edges.ts sweeps the evidence of the edges it
 *                     keeps afterwards with `sweepEvidence`, in the same order, with a per-key cap that counts only
 *                     the kept edges' rows: an edge met on a popular key gets its pairs there too).
 *   rule              'coortweet': an account passes when ≥ M of its traces are on actions that appear in some pair;
 *                     a pair is kept when either account passes (CooRTweet's `filter_min_participation`).
 *                     'strict' (default): an account passes with ≥ M distinct paired actions; both must pass.
 *
 * False positives. Popular keys (a viral post, a news homepage link) pair strangers; the rarity weight and the
 * significance test (significance.ts) handle that, not the kernel. Coarse time stamps (minutes) turn a seconds
 * window into a minutes window.
 *
 * References. Giglietto, Righetti, Rossi & Marino (2020), "It takes a village to manipulate the media", ICS 23(6)
 * (coordinated link sharing); Righetti & Balluff, CooRTweet (R package, `detect_groups`); Pacheco et al. (2021),
 * "Uncovering Coordinated Networks on Social Media", ICWSM; Weber & Neumann (2021), "Amplifying influence through
 * coordinated behaviour in social networks", SNAM 11.
 */
import { PairBuffer, type PairEvidence } from './pair-evidence.ts';
import { MAX_ACCOUNTS, PairTable, type EdgeTotals } from './pair-table.ts';
import { accountPairs, type DroppedPairs, type SparseEdges } from './account-pairs.ts';
import { sortTraces, type KeySegments } from './sort-traces.ts';
import type { Traces } from './traces.ts';

export interface CoActionOptions {
  window: number;
  minParticipation: number;
  evidencePerKey?: number;
  maxPairsPerKey?: number;
  rule?: 'coortweet' | 'strict';
  /**
   * Edges met on fewer distinct keys are counted (`droppedEdges`), not returned; default 1 (all). Above 1 the
   * totals are accumulated account by account (account-pairs.ts), never holding the dropped pairs in memory.
   */
  edgeMinKeys?: number;
  /** Keep the pair evidence (default true); without it `pairs` is empty and `sweepEvidence` picks rows later. */
  evidence?: boolean;
  /**
   * With `edgeMinKeys` above 1: return the dropped edges and their pair counts too (`dropped`), for a test that
   * ranks their p-values (significance.ts, configuration null); 16 bytes per accepted edge.
   */
  keepDropped?: boolean;
}

/** A key whose evidence was cut (`skipped` false) or which was not enumerated at all (`skipped` true). */
export interface CappedKey {
  key: number;
  traces: number;
  accounts: number;
  /** In-window pairs: exact co-action pairs when enumerated; when skipped, the upper bound incl. same-account. */
  pairs: number;
  evidenceKept: number;
  skipped: boolean;
}

export interface CoActionStats {
  traces: number;
  tracesPaired: number;
  accountsBefore: number;
  accountsKept: number;
  keysSwept: number;
  /** Co-action pairs counted (before the participation filter after pairing). */
  pairsCounted: number;
  /** Their rarity-weighted sum. */
  weightedCounted: number;
}

export interface CoActionResult {
  pairs: PairEvidence;
  edges: EdgeTotals;
  cappedKeys: CappedKey[];
  /** Accounts that passed both participation filters (1) or not (0), by account index. */
  passed: Uint8Array;
  /** Accepted edges met on fewer than `edgeMinKeys` keys: counted, not in `edges`. */
  droppedEdges: number;
  /** Those edges and their pair counts, with `keepDropped`. */
  dropped?: DroppedPairs;
  /** The sorted traces, and per segment the rarity weight of its pairs (0: the key was not enumerated). */
  segments: KeySegments;
  segmentWeight: Float64Array;
  stats: CoActionStats;
}

/** Finds account pairs that act on the same key within the window; see the method card above. */
export function coAction(traces: Traces, options: CoActionOptions): CoActionResult {
  const { window, minParticipation } = options;
  const evidencePerKey = options.evidencePerKey ?? 10_000;
  const maxPairsPerKey = options.maxPairsPerKey ?? 50_000_000;
  const rule = options.rule ?? 'strict';
  const edgeMinKeys = options.edgeMinKeys ?? 1;
  const sparse = edgeMinKeys > 1;
  const keepEvidence = options.evidence ?? true;
  if (!(window >= 0)) throw new Error(`coAction: window must be ≥ 0 ms, got ${window}`);
  const { account, key, time, action } = traces;
  const n = traces.count;
  const accountCount = maxPlusOne(account, n);
  if (accountCount > MAX_ACCOUNTS) throw new Error(`coAction: at most ${MAX_ACCOUNTS} accounts, got ${accountCount}`);
  const actionCount = maxPlusOne(action, n);
  const keyCount = maxPlusOne(key, n);

  const { keep, accountsBefore, accountsKept } = keptTraces(account, n, accountCount, minParticipation);

  const segments = sortTraces(key, time, keep, keyCount);
  const { order, start } = segments;
  // The traces' columns in sorted order: the sweep reads them sequentially instead of through `order`.
  const sorted = sortedColumns(traces, order);
  const swept = sweepKeys(sorted, segments, window, accountCount, actionCount, { sparse, keepEvidence, evidencePerKey, maxPairsPerKey });
  const { table, buffer, flagged, segmentWeight, cappedKeys, pairsCounted, weightedCounted } = swept;

  const passed = participation(traces, keep, flagged, accountCount, actionCount, minParticipation, rule);
  const accept =
    rule === 'coortweet'
      ? (a: number, b: number) => passed[a] === 1 || passed[b] === 1
      : (a: number, b: number) => passed[a] === 1 && passed[b] === 1;
  const tracesPaired = pairedTraces(keep, flagged, action, n);
  const totals: SparseEdges = sparse
    ? accountPairs(
      sorted, start, segmentWeight, window, accountCount, accept, edgeMinKeys, rule === 'coortweet' ? undefined : passed, options.keepDropped ?? false,
    )
    : { edges: table.edges(accept), dropped: 0 };
  return {
    pairs: buffer.resolve(traces, accept),
    edges: totals.edges,
    cappedKeys,
    passed,
    droppedEdges: totals.dropped,
    ...(totals.droppedPairs === undefined ? {} : { dropped: totals.droppedPairs }),
    segments,
    segmentWeight,
    stats: { traces: n, tracesPaired, accountsBefore, accountsKept, keysSwept: segments.keyOf.length, pairsCounted, weightedCounted },
  };
}

// The loops before and after the key sweep are functions of their own, here and in the kernel's other steps: V8
// compiles a long-running loop of a function's first call on its own (on-stack replacement), and a function with
// several such loops was compiled again at each next loop (its code had no type feedback beyond the first): this
// function 14 times in the detect bench's first read (docs/tuning.md, "Tenth session").

/** What the key sweep leaves: the pair table (dense kernel) or evidence buffer, the actions paired, the keys' weights. */
interface Swept {
  table: PairTable;
  buffer: PairBuffer;
  flagged: Uint8Array;
  segmentWeight: Float64Array;
  cappedKeys: CappedKey[];
  pairsCounted: number;
  weightedCounted: number;
}

/** Sweeps every key's sorted traces with two pointers (see the method card): the kernel's one loop over pairs. */
function sweepKeys(
  sorted: SortedColumns, segments: KeySegments, window: number, accountCount: number, actionCount: number,
  o: { sparse: boolean; keepEvidence: boolean; evidencePerKey: number; maxPairsPerKey: number },
): Swept {
  const { sparse, keepEvidence, evidencePerKey, maxPairsPerKey } = o;
  const { order, start, keyOf } = segments;
  const segmentWeight = new Float64Array(keyOf.length);
  const table = new PairTable(sparse ? 16 : 1 << 16);
  const buffer = new PairBuffer();
  const flagged = new Uint8Array(actionCount);
  const seen = new Int32Array(accountCount).fill(-1);
  const cappedKeys: CappedKey[] = [];
  let pairsCounted = 0;
  let weightedCounted = 0;

  for (let s = 0; s + 1 < start.length; s++) {
    const from = start[s]!;
    const to = start[s + 1]!;
    const k = keyOf[s]!;
    let accounts = 0;
    for (let i = from; i < to; i++) {
      const a = sorted.account[i]!;
      if (seen[a] !== s) {
        seen[a] = s;
        accounts++;
      }
    }
    if (accounts < 2) continue;
    const bound = inWindowPairs(sorted.time, from, to, window);
    if (bound > maxPairsPerKey) {
      cappedKeys.push({ key: k, traces: to - from, accounts, pairs: bound, evidenceKept: 0, skipped: true });
      continue;
    }
    const w = 1 / Math.log2(accounts);
    segmentWeight[s] = w;
    let onKey = 0;
    let lo = from;
    const sAcc = sorted.account;
    const sAct = sorted.action;
    const sTime = sorted.time;
    for (let j = from + 1; j < to; j++) {
      const timeJ = sTime[j]!;
      while (timeJ - sTime[lo]! > window) lo++;
      const accJ = sAcc[j]!;
      const actJ = sAct[j]!;
      for (let i = lo; i < j; i++) {
        const accI = sAcc[i]!;
        if (accI === accJ) continue;
        const actI = sAct[i]!;
        if (actI === actJ) continue;
        if (!sparse) table.add(accI, accJ, k, w, timeJ - sTime[i]!);
        flagged[actI] = 1;
        flagged[actJ] = 1;
        if (keepEvidence && onKey < evidencePerKey) buffer.push(order[i]!, order[j]!);
        onKey++;
      }
    }
    pairsCounted += onKey;
    weightedCounted += onKey * w;
    if (onKey > evidencePerKey) {
      cappedKeys.push({ key: k, traces: to - from, accounts, pairs: onKey, evidenceKept: evidencePerKey, skipped: false });
    }
  }

  return { table, buffer, flagged, segmentWeight, cappedKeys, pairsCounted, weightedCounted };
}

/** Traces of accounts with ≥ minParticipation traces (keep[t] = 1), and how many accounts there were and are kept. */
function keptTraces(account: Int32Array, n: number, accountCount: number, minParticipation: number): { keep: Uint8Array; accountsBefore: number; accountsKept: number } {
  const perAccount = new Int32Array(accountCount);
  for (let t = 0; t < n; t++) perAccount[account[t]!]!++;
  const keep = new Uint8Array(n);
  for (let t = 0; t < n; t++) keep[t] = perAccount[account[t]!]! >= minParticipation ? 1 : 0;
  let accountsBefore = 0;
  let accountsKept = 0;
  for (let a = 0; a < accountCount; a++) {
    if (perAccount[a]! > 0) accountsBefore++;
    if (perAccount[a]! >= minParticipation) accountsKept++;
  }
  return { keep, accountsBefore, accountsKept };
}

/** Kept traces whose action is in a pair. */
function pairedTraces(keep: Uint8Array, flagged: Uint8Array, action: Int32Array, n: number): number {
  let paired = 0;
  for (let t = 0; t < n; t++) if (keep[t] === 1 && flagged[action[t]!] === 1) paired++;
  return paired;
}

/** Σ over traces of the number of earlier in-window traces on the key (same-account pairs included). */
function inWindowPairs(time: Float64Array, from: number, to: number, window: number): number {
  let total = 0;
  let lo = from;
  for (let j = from + 1; j < to; j++) {
    const tj = time[j]!;
    while (tj - time[lo]! > window) lo++;
    total += j - lo;
  }
  return total;
}

/** Account, action and time of the traces at each sorted position. */
export interface SortedColumns {
  account: Int32Array;
  action: Int32Array;
  time: Float64Array;
}

function sortedColumns(traces: Traces, order: Int32Array): SortedColumns {
  const n = order.length;
  const out: SortedColumns = { account: new Int32Array(n), action: new Int32Array(n), time: new Float64Array(n) };
  for (let p = 0; p < n; p++) {
    const t = order[p]!;
    out.account[p] = traces.account[t]!;
    out.action[p] = traces.action[t]!;
    out.time[p] = traces.time[t]!;
  }
  return out;
}

function participation(
  traces: Traces,
  keep: Uint8Array,
  flagged: Uint8Array,
  accountCount: number,
  actionCount: number,
  minParticipation: number,
  rule: 'coortweet' | 'strict',
): Uint8Array {
  const count = new Int32Array(accountCount);
  // strict: distinct (account, action) pairs. An action normally has one account; the Set only sees the rest.
  const owner = rule === 'strict' ? new Int32Array(actionCount).fill(-1) : undefined;
  const extra = new Set<number>();
  for (let t = 0; t < traces.count; t++) {
    const act = traces.action[t]!;
    const acc = traces.account[t]!;
    if (keep[t] !== 1 || flagged[act] !== 1) continue;
    if (owner) {
      if (owner[act] === acc) continue;
      if (owner[act] === -1) owner[act] = acc;
      else {
        const id = act * accountCount + acc;
        if (extra.has(id)) continue;
        extra.add(id);
      }
    }
    count[acc]!++;
  }
  const passed = new Uint8Array(accountCount);
  for (let a = 0; a < accountCount; a++) passed[a] = count[a]! >= minParticipation && count[a]! > 0 ? 1 : 0;
  return passed;
}

function maxPlusOne(values: Int32Array, n: number): number {
  let m = -1;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v < 0) throw new Error(`coAction: negative index ${v} at trace ${i}`);
    if (v > m) m = v;
  }
  return m + 1;
}
