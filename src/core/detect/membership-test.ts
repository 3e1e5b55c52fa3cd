/*
 * Method card — co-membership null (the default test of co-target and co-link; significance.ts picks it per layer)
 *
 * Question. Accounts a and b co-acted (within the window) on X distinct keys. Given where each of them acts —
 * how many keys, and how crowded those keys are — would they meet on that many keys by chance?
 *
 * Why not the configuration null alone. Comments gather under posts whole audiences at once: a viral post draws a
 * tenth of the population within minutes, and the regular readers of a news page comment under most of its
 * posts. Two people who comment on viral posts meet there by construction, several times, and every meeting makes
 * in-window pairs. The configuration null (significance.ts) spreads those pairs over everybody in proportion to
 * activity, so their repeated meetings look like coordination (seed 1 of the default scenario: 556
 * organic–organic co-target edges, a 196-account "network" of ordinary commenters; see docs/tuning.md).
 * A timing null conditioned on the shared keys does not help on its own: a pile-on's own burst makes every pair
 * on the key look "normal", and early readers of a post comment close together (docs/tuning.md).
 *
 * Null model (a bipartite configuration model, conditional on one side; analytic, no randomness). Count
 * presences, not traces: a's presence on key k is "a acted on k at least once" (a clump of comments by one person
 * under one post counts once). Over kept accounts (≥ M traces) and keys with ≥ 2 of them, let d_a be a's keys,
 * s_k the accounts on k and S = Σ_k s_k. Condition on the keys a actually visits, and let b place its d_b
 * presences at random over the others' presences (pool S − d_b), so that b lands on a key of a with
 *     q_k = 1 − (1 − s'_k / (S − d_b))^d_b,      s'_k = s_k − [b is on k]
 * (b is taken out of the key's crowd: the meeting tested cannot explain itself; a stays in, as for any key).
 * The keys of a that b lands on are Poisson-binomial(q_k):  μ_{a→b} = Σ_k q_k,  p_{a→b} = P(X' ≥ X), exact up
 * to 1000 keys and Poisson(μ) beyond (a heavier tail, so conservative). Both directions must be surprising:
 *     p = max(p_{a→b}, p_{b→a}),   μ and z = (X − μ)/√μ of that direction.
 * X counts keys met *within the window*, never more than the keys shared at all, so the test is conservative
 * with respect to timing too. A crowded key (s_k large) explains its meetings; a troll factory's accounts meet
 * on the same mid-sized posts (pile-ons of 10–40 accounts) far more often than accounts with their habits would.
 * Cost: the presences from the kernel's key segments (no sort), then O(d_a + d_b + d_a·X) per edge met on
 * ≥ `minKeys` keys; an edge below it cannot be significant and gets p = 1 without a walk (it still counts as a test
 * for BH, which only makes the correction stricter). 497k simulated actions, 6.6M tested co-target edges: 22 s without the
 * shortcut (docs/tuning.md). Three more shortcuts leave every result at or below `stopAbove` exact (significance.ts
 * passes the largest p that Benjamini–Hochberg can reject, alpha·n/m; see bhStopLevel): the direction from the
 * account with fewer keys is walked first, and when its p > stopAbove the other is not walked (p, the max of both,
 * already exceeds it); within a walk, the Poisson-binomial is built key by key and the walk stops as soon as its
 * tail exceeds stopAbove (each further key only raises it). The p reported is then that lower bound, and BH's
 * q-values at or below alpha are unchanged: such an edge ranks after every p ≤ stopAbove and its terms stay above
 * alpha. And q_k, which depends only on (d_b, s'_k), is computed once per pair of values (a table for the small
 * ones, the common case: heavy commenters visit hundreds of small keys of a few sizes).
 *
 * Parameters. `minParticipation` as in the kernel (the same accounts are counted); BH and `minKeys` are applied
 * by significance.ts as for the configuration null.
 *
 * False positives and limits. Accounts run by one household or one newsroom meet on the same posts for real;
 * so do two regular readers of one small page (their keys are not crowded): the evidence shows which posts, and a
 * wider window lets more of them in (docs/tuning.md). The test counts meetings, not the pairs they make: on layers
 * where the evidence is many pairs on a few widely shared keys (co-share of the client's post of the day) it has
 * little power (one edge per seed on co-share), and the configuration null is used there.
 *
 * References. Tumminello, Miccichè, Lillo, Piilo & Mantegna (2011), "Statistically validated networks in
 * bipartite complex systems", PLoS ONE 6(3); Neal (2014), "The backbone of bipartite projections: inferring
 * relationships from co-authorship, co-sponsorship, co-attendance and other co-behaviors", Social Networks 39;
 * Chung & Lu (2002), PNAS 99(25) (expected-degree random graphs); Pacheco et al. (2021), ICWSM.
 */
import { poissonUpperTail } from './significance.ts';
import { upperTail } from './timing-test.ts';
import { sortTraces, type KeySegments } from './sort-traces.ts';
import { traceCounts, type Traces } from './traces.ts';

/** Co-membership results aligned with the edges given (row i is edge a[i]–b[i]). */
export interface MembershipResult {
  count: number;
  expected: Float64Array;
  z: Float64Array;
  p: Float64Array;
}

/** Tests every edge (with its count of in-window keys) against the co-membership null of the card above. */
export function membershipTest(
  traces: Traces,
  edges: { count: number; a: Int32Array; b: Int32Array; keys: Int32Array },
  minParticipation: number,
  minKeys = 1,
  stopAbove = 1,
  segments?: KeySegments,
): MembershipResult {
  const pres = presences(traces, minParticipation, segments);
  const n = edges.count;
  const out: MembershipResult = { count: n, expected: new Float64Array(n), z: new Float64Array(n), p: new Float64Array(n) };
  const cache = new LandingCache(pres);
  const probs = new Scratch();
  for (let e = 0; e < n; e++) {
    const a = edges.a[e]!;
    const b = edges.b[e]!;
    const x = edges.keys[e]!;
    if (x < minKeys) {
      // Cannot be significant (significance.ts needs minKeys): still one test for BH, with p = 1 (conservative).
      out.p[e] = 1;
      continue;
    }
    // p = max of both directions: when the cheaper walk (over the account with fewer keys) already gives more than
    // `stopAbove`, the edge's fate is sealed and the other direction is not walked.
    const [first, second] = degree(pres, a) <= degree(pres, b) ? [a, b] : [b, a];
    direction(pres, first, second, x, probs, cache, stopAbove);
    const mu1 = probs.mu;
    const p1 = probs.p;
    let mu2 = mu1;
    let p2 = p1;
    if (!(p1 > stopAbove)) {
      direction(pres, second, first, x, probs, cache, stopAbove);
      mu2 = probs.mu;
      p2 = probs.p;
    }
    // (μ, p) of a→b and of b→a; the worse (larger p) is reported.
    const straight = first === a;
    const abP = straight ? p1 : p2;
    const baP = straight ? p2 : p1;
    const worseMu = abP >= baP ? (straight ? mu1 : mu2) : straight ? mu2 : mu1;
    out.expected[e] = worseMu;
    out.z[e] = worseMu > 0 ? (x - worseMu) / Math.sqrt(worseMu) : x > 0 ? Infinity : 0;
    out.p[e] = abP >= baP ? abP : baP;
  }
  return out;
}

/** Presences as CSR: account a's keys are key[start[a] .. start[a+1]) (sorted), with size[k] accounts on key k. */
export interface Presences {
  start: Int32Array;
  key: Int32Array;
  size: Float64Array;
  /** Σ_k s_k over keys with ≥ 2 kept accounts. */
  total: number;
}

/**
 * The kept accounts' distinct keys (accounts with ≥ M traces, keys with ≥ 2 such accounts), from the traces' key
 * segments: the kernel's (sortTraces over the kept traces, keys ascending; same traces and M) when given, so the
 * traces are not sorted again, else sorted here.
 */
export function presences(traces: Traces, minParticipation: number, segments?: KeySegments): Presences {
  const { accounts, keys, perAccount } = traceCounts(traces);
  const size = keptPerKey(traces, perAccount, keys, minParticipation);
  const segs = segments ?? sortTraces(traces.key, traces.time, keptMask(traces, perAccount, minParticipation), keys);
  // Each loop is a function of its own (see co-action.ts: compiled once, not again at each next loop).
  const { start, total } = presenceStarts(traces.account, segs, size, accounts);
  return { start, key: presenceKeys(traces.account, segs, size, start, total), size, total };
}

/** Each key's count of traces of accounts with ≥ minParticipation traces. */
function keptPerKey(traces: Traces, perAccount: Float64Array, keys: number, minParticipation: number): Float64Array {
  const { account, key, count } = traces;
  const size = new Float64Array(keys);
  for (let t = 0; t < count; t++) if (perAccount[account[t]!]! >= minParticipation) size[key[t]!]!++;
  return size;
}

/** Which traces are of accounts with ≥ minParticipation traces (1): for a sort here, when no segments are given. */
function keptMask(traces: Traces, perAccount: Float64Array, minParticipation: number): Uint8Array {
  const { account, count } = traces;
  const kept = new Uint8Array(count);
  for (let t = 0; t < count; t++) if (perAccount[account[t]!]! >= minParticipation) kept[t] = 1;
  return kept;
}

/**
 * Each account's first presence (CSR starts) and Σ_k s_k; `size` becomes each segment key's distinct accounts.
 * Keys left out of the segments hold one kept trace or none: one account or none.
 */
function presenceStarts(account: Int32Array, segs: KeySegments, size: Float64Array, accounts: number): { start: Int32Array; total: number } {
  const { order, start: from, keyOf } = segs;
  const seen = new Int32Array(accounts).fill(-1);
  const start = new Int32Array(accounts + 1);
  let total = 0;
  for (let s = 0; s < keyOf.length; s++) {
    let distinct = 0;
    for (let i = from[s]!; i < from[s + 1]!; i++) {
      const a = account[order[i]!]!;
      if (seen[a] !== s) {
        seen[a] = s;
        distinct++;
        start[a + 1]!++;
      }
    }
    size[keyOf[s]!] = distinct;
    if (distinct >= 2) total += distinct;
    else start[account[order[from[s]!]!]! + 1]!--; // one account alone: not a presence
  }
  for (let a = 0; a < accounts; a++) start[a + 1]! += start[a]!;
  return { start, total };
}

/** Every account's keys with ≥ 2 accounts, in key order (CSR values for `start`). */
function presenceKeys(account: Int32Array, segs: KeySegments, size: Float64Array, start: Int32Array, total: number): Int32Array {
  const { order, start: from, keyOf } = segs;
  const accounts = start.length - 1;
  const out = new Int32Array(total);
  const fill = start.slice(0, accounts);
  const seen = new Int32Array(accounts).fill(-1);
  for (let s = 0; s < keyOf.length; s++) {
    const k = keyOf[s]!;
    if (size[k]! < 2) continue;
    for (let i = from[s]!; i < from[s + 1]!; i++) {
      const a = account[order[i]!]!;
      if (seen[a] === s) continue;
      seen[a] = s;
      out[fill[a]!++] = k;
    }
  }
  return out;
}

/** Keys of account a (its presences). */
function degree(pres: Presences, a: number): number {
  return pres.start[a + 1]! - pres.start[a]!;
}

/**
 * μ and p of "b lands on ≥ x of a's keys" (each key k of a with probability 1 − (1 − others_k / (S − d_b))^d_b),
 * written to `probs.mu` and `probs.p`.
 */
function direction(
  pres: Presences,
  a: number,
  b: number,
  x: number,
  probs: Scratch,
  cache: LandingCache,
  stopAbove: number,
): void {
  const { start, key, size, total } = pres;
  const db = start[b + 1]! - start[b]!;
  const pool = total - db;
  const { stamp, value, table } = cache;
  // Exact Poisson-binomial up to 1000 keys, built along the walk: each key only adds to P(X ≥ x), so once that
  // partial tail exceeds `stopAbove` the rest of the walk cannot bring it back. Beyond, Poisson with the same mean.
  const exact = start[a + 1]! - start[a]! <= 1000 && x > 0;
  const dist = exact ? probs.start(x) : undefined;
  const stops = stopAbove < 1;
  let mu = 0;
  let j = start[b]!;
  for (let i = start[a]!; i < start[a + 1]!; i++) {
    const k = key[i]!;
    while (j < start[b + 1]! && key[j]! < k) j++;
    const others = size[k]! - (j < start[b + 1]! && key[j] === k ? 1 : 0);
    // q depends on (d_b, others) only: remembered in a table for small ones, else per `others` for the last d_b.
    let q: number;
    const slot = db < TABLE_DB && others < TABLE_OTHERS ? db * TABLE_OTHERS + others : -1;
    if (slot >= 0 && table[slot] === table[slot]) q = table[slot]!;
    else if (slot < 0 && stamp[others] === db) q = value[others]!;
    else {
      q = pool > 0 && others > 0 ? 1 - Math.pow(1 - Math.min(1, others / pool), db) : 0;
      if (slot >= 0) table[slot] = q;
      else {
        stamp[others] = db;
        value[others] = q;
      }
    }
    mu += q;
    if (dist === undefined) continue;
    addBernoulli(dist, x, q);
    if (stops) {
      const p = tailOf(dist, x);
      if (p > stopAbove) {
        probs.mu = mu;
        probs.p = p;
        return;
      }
    }
  }
  probs.mu = mu;
  if (dist !== undefined) {
    probs.p = tailOf(dist, x);
    return;
  }
  // The median of a Poisson-binomial is ⌊μ⌋ or ⌈μ⌉, so x ≤ ⌊μ⌋ gives p ≥ 1/2: a lower bound is enough then.
  if (stopAbove < 0.5 && x <= Math.floor(mu)) {
    probs.p = 0.5;
    return;
  }
  // A heavier tail than the Poisson-binomial's: conservative.
  probs.p = poissonUpperTail(x, mu);
}

/** Adds one Bernoulli(q) to the distribution below x (upperTail's recurrence). */
function addBernoulli(dist: Float64Array, x: number, q: number): void {
  for (let c = x - 1; c >= 1; c--) dist[c] = dist[c]! * (1 - q) + dist[c - 1]! * q;
  dist[0] = dist[0]! * (1 - q);
}

/** P(X ≥ x) = 1 − Σ_{c < x} P(X = c), clamped to [0, 1]. */
function tailOf(dist: Float64Array, x: number): number {
  let below = 0;
  for (let c = 0; c < x; c++) below += dist[c]!;
  return Math.min(1, Math.max(0, 1 - below));
}

/** The reused buffer of the walk (the Poisson-binomial distribution below x) and its result. */
class Scratch {
  /** μ and p of the last direction walked. */
  mu = 0;
  p = 1;
  private dist = new Float64Array(64);

  /** The distribution below x of an empty sum (P(X = 0) = 1), to build with addBernoulli. */
  start(x: number): Float64Array {
    if (this.dist.length < x) this.dist = new Float64Array(Math.max(x, this.dist.length * 2));
    this.dist.fill(0, 0, x);
    this.dist[0] = 1;
    return this.dist;
  }
}

const TABLE_DB = 256;
const TABLE_OTHERS = 1024;

/**
 * Landing probabilities q(d_b, others): a table (NaN = not yet computed) for d_b < 256 and others < 1024 (2 MB,
 * shared by every edge), else by `others`, tagged with the d_b they were computed for.
 */
class LandingCache {
  readonly stamp: Float64Array;
  readonly value: Float64Array;
  readonly table = new Float64Array(TABLE_DB * TABLE_OTHERS).fill(NaN);

  constructor(pres: Presences) {
    let max = 0;
    for (let k = 0; k < pres.size.length; k++) if (pres.size[k]! > max) max = pres.size[k]!;
    this.stamp = new Float64Array(max + 1).fill(-1);
    this.value = new Float64Array(max + 1);
  }
}

/** P(X ≥ x) for X a sum of independent Bernoulli(q_k). */
export function poissonBinomialTail(probs: readonly number[], x: number): number {
  return upperTail(probs, x, 0, 0);
}
