/*
 * Method card — CooRTweet parity mode (proves the kernel; not our default method)
 *
 * Behaviour: reproduces `detect_groups()` + `generate_coordinated_network()` of the R package CooRTweet
 * (Righetti & Balluff; R/detect_groups.R, R/calc_group_combinations.R, R/generate_coordinated_network.R):
 *   - accounts with fewer than M traces (rows) are dropped before pairing;
 *   - within each object (key), every two rows with |Δt| ≤ W seconds (inclusive) pair;
 *   - loops are removed: same account, same content id, or a content id equal to the object id;
 *   - after pairing an account passes when ≥ M of its rows carry a content id that occurs in a pair; a pair stays
 *     when either of its contents belongs to a passing account (CooRTweet's OR, kept on purpose);
 *   - each pair is oriented older → newer (`content_id` older; on equal times the row R saw first);
 *   - edges group pairs by (pmin, pmax) of the two account ids: weight = pairs, avg_time_delta = mean Δt,
 *     n_content_id / n_content_id_y = distinct older / newer content ids (not per account: R's quirk, kept),
 *     edge_symmetry_score = min/max of those two, weight_threshold = 1 when weight > quantile(weight, 0.5)
 *     (R's default type 7).
 * Row order: R's order is a function of the input order (data.table groups the accounts in order of first
 * appearance, then the objects in order of first appearance in that regrouped table; rows pair as (earlier
 * row, later row) ordered by the later row). igraph then orients each edge by vertex order (first appearance
 * in c(pmin column, pmax column)). Given traces in input order we reproduce both exactly, so the CSV files are
 * byte-identical; with traces in another order (a store sorted by time) the rows are the same set, but the
 * order, the orientation of Δt = 0 pairs and the from/to of edges may differ.
 * String comparison is by code point (R uses the locale's collation; the same for lower-case hex and `fb_123`
 * ids, not in general for mixed case).
 */
import { coAction } from './co-action.ts';
import { selectTraces, type LayerTraces } from './traces.ts';

export interface CooRTweetOptions {
  /** Seconds, inclusive. */
  timeWindow: number;
  minParticipation: number;
  /** Percentile for `weight_threshold`; CooRTweet's default 0.5. */
  edgeWeight?: number;
  /** Times are ms; CooRTweet prints Δt in the unit of its input timestamps (seconds). */
  timeUnit?: number;
}

/** A row of CooRTweet's `detect_groups` result. */
export interface CooRTweetPair {
  objectId: string;
  contentId: string;
  contentIdY: string;
  timeDelta: number;
  accountId: string;
  accountIdY: string;
}

/** A row of `igraph::as_data_frame(generate_coordinated_network(…), 'edges')`. */
export interface CooRTweetEdge {
  from: string;
  to: string;
  weight: number;
  avgTimeDelta: number;
  nContentId: number;
  nContentIdY: number;
  edgeSymmetryScore: number;
  weightThreshold: 0 | 1;
}

/** Runs CooRTweet's rules on traces given in input-row order; returns its pairs and edges, in its order. */
export function cooRTweet(layer: LayerTraces, options: CooRTweetOptions): { pairs: CooRTweetPair[]; edges: CooRTweetEdge[] } {
  const unit = options.timeUnit ?? 1000;
  const m = options.minParticipation;
  const src = layer.traces;
  // R's `x[, if (.N >= M) .SD, by = account_id]`: rows regrouped by account in order of first appearance.
  const rank = new Map<number, number>();
  const perAccount = new Map<number, number>();
  for (let t = 0; t < src.count; t++) {
    const a = src.account[t]!;
    if (!rank.has(a)) rank.set(a, rank.size);
    perAccount.set(a, (perAccount.get(a) ?? 0) + 1);
  }
  const rows = Int32Array.from({ length: src.count }, (_, t) => t).sort(
    (p, q) => rank.get(src.account[p]!)! - rank.get(src.account[q]!)! || p - q,
  );
  const traces = selectTraces(src, rows);
  // Object groups in order of first appearance among the rows that survive the pre-filter.
  const objectRank = new Map<number, number>();
  for (let t = 0; t < traces.count; t++) {
    if (perAccount.get(traces.account[t]!)! < m) continue;
    const k = traces.key[t]!;
    if (!objectRank.has(k)) objectRank.set(k, objectRank.size);
  }
  // A row whose content id equals its object id never pairs (R drops those pairs) but still counts for M.
  let privateKey = layer.keys.length;
  for (let t = 0; t < traces.count; t++) {
    if (layer.actions[traces.action[t]!] === layer.keys[traces.key[t]!]) traces.key[t] = privateKey++;
  }
  const run = coAction(traces, {
    window: options.timeWindow * unit,
    minParticipation: m,
    evidencePerKey: Infinity,
    maxPairsPerKey: Infinity,
    rule: 'coortweet',
  });
  const ev = run.pairs;
  const idx = Array.from({ length: ev.count }, (_, i) => i);
  const hiRow = (i: number) => Math.max(ev.traceA[i]!, ev.traceB[i]!);
  const loRow = (i: number) => Math.min(ev.traceA[i]!, ev.traceB[i]!);
  idx.sort(
    (i, j) => objectRank.get(ev.key[i]!)! - objectRank.get(ev.key[j]!)! || hiRow(i) - hiRow(j) || loRow(i) - loRow(j),
  );
  const pairs = idx.map((i) => ({
    objectId: layer.keys[ev.key[i]!]!,
    contentId: layer.actions[ev.actionA[i]!]!,
    contentIdY: layer.actions[ev.actionB[i]!]!,
    timeDelta: ev.dt[i]! / unit,
    accountId: layer.accounts[ev.a[i]!]!,
    accountIdY: layer.accounts[ev.b[i]!]!,
  }));
  return { pairs, edges: cooRTweetEdges(pairs, options.edgeWeight ?? 0.5) };
}

/** CooRTweet's `generate_coordinated_network` on pair rows, as igraph lists the edges. */
export function cooRTweetEdges(pairs: readonly CooRTweetPair[], edgeWeight = 0.5): CooRTweetEdge[] {
  interface Group {
    lo: string;
    hi: string;
    n: number;
    sumDt: number;
    older: Set<string>;
    newer: Set<string>;
  }
  const groups = new Map<string, Group>();
  for (const p of pairs) {
    const lo = p.accountId < p.accountIdY ? p.accountId : p.accountIdY;
    const hi = p.accountId < p.accountIdY ? p.accountIdY : p.accountId;
    const id = `${lo}\u0000${hi}`;
    let g = groups.get(id);
    if (!g) {
      g = { lo, hi, n: 0, sumDt: 0, older: new Set(), newer: new Set() };
      groups.set(id, g);
    }
    g.n++;
    g.sumDt += p.timeDelta;
    g.older.add(p.contentId);
    g.newer.add(p.contentIdY);
  }
  const list = [...groups.values()];
  const vertex = new Map<string, number>();
  for (const g of list) if (!vertex.has(g.lo)) vertex.set(g.lo, vertex.size);
  for (const g of list) if (!vertex.has(g.hi)) vertex.set(g.hi, vertex.size);
  const threshold = quantileType7(
    list.map((g) => g.n),
    edgeWeight,
  );
  return list.map((g) => {
    const loFirst = vertex.get(g.lo)! < vertex.get(g.hi)!;
    const nc = g.older.size;
    const ny = g.newer.size;
    return {
      from: loFirst ? g.lo : g.hi,
      to: loFirst ? g.hi : g.lo,
      weight: g.n,
      avgTimeDelta: g.sumDt / g.n,
      nContentId: nc,
      nContentIdY: ny,
      edgeSymmetryScore: Math.min(nc, ny) / Math.max(nc, ny),
      weightThreshold: g.n > threshold ? 1 : 0,
    };
  });
}

/** R's `quantile(x, p)` with the default type 7 (linear interpolation between order statistics). */
export function quantileType7(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const x = [...values].sort((a, b) => a - b);
  const index = (x.length - 1) * p;
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  const h = index - lo;
  return h === 0 || x[hi] === x[lo] ? x[lo]! : (1 - h) * x[lo]! + h * x[hi]!;
}
