/*
 * Method card — timing test (optional second opinion beside significance.ts)
 *
 * Question. Accounts a and b co-acted (within the window) on X of the Y keys they both acted on. Given that
 * they both acted on those keys, is acting *close in time* on them more than the keys' own timing explains?
 *
 * Null model (analytic). On a common key k, let m_a and m_b be the traces of a and b, and P'_k / D'_k the
 * in-window pairs / all distinct-account pairs among the *other* accounts on k (the pair tested is excluded, so
 * a pair alone on a key cannot explain itself). The chance that two unrelated traces on k fall inside the window
 * is estimated with a shrinkage prior toward the background rate of keys of the same size class,
 * π₀(c) = Σ P_k / Σ D_k over keys with floor(log2 c_k) = floor(log2 c) (two retweets of a tweet nobody else
 * retweeted come much closer together than two of a viral one):
 *     π_k = (P'_k + s·π₀(c_k)) / (D'_k + s),                 s = `prior` (default 1 pair)
 * and a and b co-act on k with q_k = 1 − (1 − π_k)^(m_a·m_b). Co-acted keys X are Poisson-binomial(q_k):
 *     expected μ = Σ q_k,  z = (X − μ) / √Σ q_k(1 − q_k),  p = P(X' ≥ X) (exact for Y ≤ 1000, normal beyond).
 * Rarity enters through π_k: on a viral key the others co-act all the time (π_k → 1) and a co-action there
 * carries no evidence; on a quiet key (π_k → 0) it carries a lot.
 *
 * Limits. It conditions on the common keys, so it cannot see that the same accounts keep meeting: a troll
 * factory whose 500 accounts retweet everything within a minute has π_k ≈ 1 on every key and passes as
 * "ordinary timing". That is why significance.ts tests the meetings themselves and this test is optional.
 * Cost: O(Σ over edges of min(keys of a, keys of b) · log) plus one sweep of all in-window pairs.
 *
 * References. Pacheco et al. (2021), ICWSM; Giglietto et al. (2020), ICS 23(6).
 */
import { keyStats, sizeClass, type KeyStats } from './key-stats.ts';
import type { Traces } from './traces.ts';

export interface TimingOptions {
  /** ms, inclusive: the same window the kernel used. */
  window: number;
  prior?: number;
}

/** Timing-test results aligned with the edges given (row i is edge a[i]–b[i]). */
export interface TimingResult {
  count: number;
  commonKeys: Int32Array;
  coKeys: Int32Array;
  expected: Float64Array;
  z: Float64Array;
  p: Float64Array;
  baseRate: number;
}

/** Tests every edge against the timing null model of the method card above. */
export function timingTest(
  traces: Traces,
  edges: { count: number; a: Int32Array; b: Int32Array },
  options: TimingOptions,
): TimingResult {
  const stats = keyStats(traces, options.window);
  const prior = options.prior ?? 1;
  const n = edges.count;
  const out: TimingResult = {
    count: n,
    commonKeys: new Int32Array(n),
    coKeys: new Int32Array(n),
    expected: new Float64Array(n),
    z: new Float64Array(n),
    p: new Float64Array(n),
    baseRate: stats.baseRate,
  };
  const probs: number[] = [];
  for (let e = 0; e < n; e++) {
    probs.length = 0;
    const x = testPair(stats, traces.time, edges.a[e]!, edges.b[e]!, options.window, prior, probs);
    let mu = 0;
    let variance = 0;
    for (const q of probs) {
      mu += q;
      variance += q * (1 - q);
    }
    out.commonKeys[e] = probs.length;
    out.coKeys[e] = x;
    out.expected[e] = mu;
    out.z[e] = variance > 0 ? (x - mu) / Math.sqrt(variance) : x > mu ? Infinity : 0;
    out.p[e] = upperTail(probs, x, mu, variance);
  }
  return out;
}

/** Walks the common keys of a and b; pushes q_k per key and returns the number of co-acted keys. */
function testPair(s: KeyStats, time: Float64Array, x: number, y: number, window: number, prior: number, probs: number[]): number {
  // Walk the account with fewer keys and binary-search the other: a hyperactive account with 10⁵ keys and 10⁴
  // partners must not be scanned once per partner.
  const small = s.groupStart[x + 1]! - s.groupStart[x]! <= s.groupStart[y + 1]! - s.groupStart[y]! ? x : y;
  const large = small === x ? y : x;
  let j = s.groupStart[large]!;
  const jEnd = s.groupStart[large + 1]!;
  let co = 0;
  for (let i = s.groupStart[small]!; i < s.groupStart[small + 1]! && j < jEnd; i++) {
    const k = s.groupKey[i]!;
    j = gallop(s.groupKey, j, jEnd, k);
    if (j === jEnd || s.groupKey[j] !== k) continue;
    const ma = s.groupSize[i]!;
    const mb = s.groupSize[j]!;
    const pab = crossPairs(s.byAccount, time, s.groupFrom[i]!, ma, s.groupFrom[j]!, mb, window);
    const others = s.traces[k]! - ma - mb;
    const dOthers = (others * others - (s.squares[k]! - ma * ma - mb * mb)) / 2;
    const pOthers = Math.max(0, s.pairs[k]! - s.groupPairs[i]! - s.groupPairs[j]! + pab);
    const pi = Math.min(1, (pOthers + prior * s.sizeRate[sizeClass(s.traces[k]!)]!) / (dOthers + prior));
    probs.push(1 - Math.pow(1 - pi, ma * mb));
    if (pab > 0) co++;
    j++;
  }
  return co;
}

/** First position in [from, to) with key ≥ k: exponential search from `from`, cheap for short and long skips. */
function gallop(keys: Int32Array, from: number, to: number, k: number): number {
  if (from >= to || keys[from]! >= k) return from;
  let step = 1;
  let lo = from;
  let hi = from + 1;
  while (hi < to && keys[hi]! < k) {
    lo = hi;
    step *= 2;
    hi = from + step;
  }
  if (hi > to) hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < k) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** In-window pairs between two time-sorted runs of traces: O(small · log large). */
function crossPairs(byAccount: Int32Array, time: Float64Array, fa: number, na: number, fb: number, nb: number, window: number): number {
  if (na > nb) return crossPairs(byAccount, time, fb, nb, fa, na, window);
  let count = 0;
  for (let i = fa; i < fa + na; i++) {
    const t = time[byAccount[i]!]!;
    count += timeBound(byAccount, time, fb, fb + nb, t + window, true) - timeBound(byAccount, time, fb, fb + nb, t - window, false);
  }
  return count;
}

/** First position in [from, to) whose time is > limit (inclusive) or ≥ limit (not inclusive). */
function timeBound(byAccount: Int32Array, time: Float64Array, from: number, to: number, limit: number, inclusive: boolean): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const t = time[byAccount[mid]!]!;
    if (t < limit || (inclusive && t === limit)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** P(X ≥ x) for a sum of independent Bernoulli(q_k): exact up to 1000 keys, normal approximation beyond. */
export function upperTail(probs: readonly number[], x: number, mu: number, variance: number): number {
  if (x <= 0) return 1;
  if (probs.length > 1000) {
    if (variance === 0) return x > mu ? 0 : 1;
    return 0.5 * erfc((x - 0.5 - mu) / Math.sqrt(2 * variance));
  }
  // Only P(X < x) is needed: track dist[0 .. x−1] in place, O(Y · x) instead of O(Y²).
  const dist = new Float64Array(x);
  dist[0] = 1;
  for (const q of probs) {
    for (let c = x - 1; c >= 1; c--) dist[c] = dist[c]! * (1 - q) + dist[c - 1]! * q;
    dist[0] = dist[0]! * (1 - q);
  }
  let below = 0;
  for (let c = 0; c < x; c++) below += dist[c]!;
  return Math.min(1, Math.max(0, 1 - below));
}

// Complementary error function (Numerical Recipes erfcc, |error| < 1.2e-7).
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851973 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}
