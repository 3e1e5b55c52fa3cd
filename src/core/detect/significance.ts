/*
 * Method card — significance of co-action edges (our default; CooRTweet's percentile cut is parity only)
 *
 * Question. Accounts a and b co-acted X times (in-window pairs on shared keys). Would two accounts with their
 * own activity meet that often by chance? Fixed counts and percentile cuts keep a fixed share of edges whether
 * or not coordination exists; a null model keeps only what chance does not explain.
 *
 * Null model (configuration model on co-actions, analytic, no randomness). Let n_a be a's traces on keys that
 * can pair (after the kernel's pruning), N = Σ n_a, and P the number of in-window pairs the kernel counted. If
 * in-window pairs fell on accounts in proportion to their activity, a given pair would join a and b with
 * probability 2·(n_a/N)(n_b/N). Excluding the pair tested from the pool (its own X pairs are not background):
 *     μ_ab = 2 · n_a · n_b · (P − X_ab + s) / N²,                 s = `prior` (default 1 pair)
 *     X ~ Poisson(μ):  p = P(X' ≥ X),  z = (X − μ) / √μ,  lift = X / μ.
 * The pool of pairs P already carries the timing of the data: bursty keys make many pairs for everybody, so a
 * burst of strangers raises μ for all, while the same few accounts meeting on key after key stands out.
 * Edges are tested together: Benjamini–Hochberg q-values, significant when q ≤ `alpha` (0.01) and the pair met
 * on at least `minKeys` (2) distinct keys — one key, however busy, is a coincidence or one spam run;
 * repetition is what separates coordination from chance (Giglietto et al. 2020).
 * Rarity. Each pair on a key with n accounts weighs 1/log2(n) in the kernel (`weighted`); the test reports the
 * rarity-weighted lift beside the count-based one (weighted / (μ · mean weight of all pairs)), for ranking.
 *
 * Parameters. `prior` 1 keeps μ > 0 when the tested pair made every in-window pair of a tiny data set;
 * `alpha` is a false discovery rate after BH (10⁵ tested edges at 0.05 without correction would flag thousands
 * of ordinary pairs): 0.01 here, 0.05 in the pipeline's defaults (pipeline/detect-run.ts, docs/tuning.md);
 * `minKeys` 2 as above; `timing: true` adds the per-key timing test of timing-test.ts (slower);
 * `null: 'membership'` replaces μ, z and p by the co-membership null of membership-test.ts (the pipeline's
 * default for co-target, where comments gather whole audiences under one post, and for co-link, where ordinary
 * people share the day's popular links; pipeline/defaults.ts).
 *
 * False positives. Accounts run by one person or one feed (news mirrors), fans live-retweeting one celebrity,
 * and pairs of hyperactive accounts are expected to meet: the configuration null gives them a large μ, which
 * protects ordinary heavy users but also hides a troll account that is hyperactive itself. Poisson ignores
 * clumping: two accounts each posting 50 times in one burst key make 2,500 pairs; `minKeys` guards that.
 * Time stamps coarser than the window make same-minute actions "simultaneous" (speeds.ts warns).
 *
 * References. Pacheco, Hui, Torres-Lugo, Truong, Flammini & Menczer (2021), "Uncovering Coordinated Networks
 * on Social Media: Methods and Case Studies", ICWSM; Giglietto, Righetti, Rossi & Marino (2020), "It takes a
 * village to manipulate the media", ICS 23(6); Righetti & Balluff, CooRTweet (R); Weber & Neumann (2021),
 * "Amplifying influence through coordinated behaviour in social networks", SNAM 11:111; Newman (2006),
 * modularity's configuration null; Benjamini & Hochberg (1995), JRSS B 57(1).
 */
import type { DroppedPairs } from './account-pairs.ts';
import type { CoActionResult } from './co-action.ts';
import { membershipTest } from './membership-test.ts';
import { timingTest, type TimingResult } from './timing-test.ts';
import { traceCounts, type Traces } from './traces.ts';

export interface SignificanceOptions {
  /** ms, inclusive: the kernel's window (used by the timing test). */
  window: number;
  /** The kernel's minimum participation, to count activity over the same accounts. */
  minParticipation: number;
  prior?: number;
  alpha?: number;
  minKeys?: number;
  timing?: boolean;
  /** `configuration` (default): the null above; `membership`: the co-membership null of membership-test.ts. */
  null?: NullModel;
}

/** The null model an edge is tested against. */
export type NullModel = 'configuration' | 'membership';

/** Test results aligned with the edges given (row i is edge a[i]–b[i]). */
export interface EdgeSignificance {
  count: number;
  a: Int32Array;
  b: Int32Array;
  expected: Float64Array;
  z: Float64Array;
  p: Float64Array;
  /** Benjamini–Hochberg adjusted p-value: exact at or below `alpha`, else an upper bound above it (1 for most). */
  q: Float64Array;
  lift: Float64Array;
  weightedLift: Float64Array;
  significant: Uint8Array;
  timing?: TimingResult;
}

/** Tests every edge against the configuration null of the method card above. */
export function significance(traces: Traces, kernel: CoActionResult, options: SignificanceOptions): EdgeSignificance {
  const activity = pairableActivity(traces, options.minParticipation);
  const { edges } = kernel;
  const { pairsCounted, weightedCounted } = kernel.stats;
  const prior = options.prior ?? 1;
  const n = edges.count;
  const out: EdgeSignificance = {
    count: n,
    a: edges.a.slice(0, n),
    b: edges.b.slice(0, n),
    expected: new Float64Array(n),
    z: new Float64Array(n),
    p: new Float64Array(n),
    q: new Float64Array(n),
    lift: new Float64Array(n),
    weightedLift: new Float64Array(n),
    significant: new Uint8Array(n),
  };
  const total = activity.total;
  const membership = options.null === 'membership';
  const alpha = options.alpha ?? 0.01;
  const minKeys = options.minKeys ?? 2;
  // Under the configuration null the edges the kernel only counted (fewer than its `edgeMinKeys` keys) are tested
  // too when it listed them (`keepDropped`): their p-values rank with the others' in BH, as if every edge had been
  // returned. Callers drop only edges below minKeys, which cannot be significant themselves (layer-edges.ts).
  const dropped = membership ? undefined : kernel.dropped;
  const withP = n + (dropped?.count ?? 0);
  // The largest p that BH can reject (see bhStopLevel): the membership walks stop there, and BH ranks only up to it.
  const stop = bhStopLevel(alpha, withP, kernel.droppedEdges - (dropped?.count ?? 0));
  const meanWeight = pairsCounted > 0 ? weightedCounted / pairsCounted : 1;
  const muOf = (x: number, a: number, b: number): number =>
    total > 0 ? (2 * activity.perAccount[a]! * activity.perAccount[b]! * Math.max(0, pairsCounted - x + prior)) / (total * total) : 0;
  // Under the co-membership null p comes from membership-test.ts below: the Poisson tail would be thrown away.
  configurationTerms(out, edges, muOf, meanWeight, !membership);
  if (membership) {
    // Meetings are counted in keys, not pairs; lifts stay per pair, for ranking.
    // BH below rejects an edge only when p ≤ alpha·R/m ≤ alpha·n/m (R rejections among the n edges returned, m
    // tests with the dropped ones): above that level the exact p changes no q at or below alpha, so the test may
    // stop there (membership-test.ts).
    const m = membershipTest(traces, edges, options.minParticipation, minKeys, stop, kernel.segments);
    out.expected.set(m.expected);
    out.z.set(m.z);
    out.p.set(m.p);
  }
  // Edges the kernel only counted (met on fewer than its `edgeMinKeys` keys) are tests with p = 1 (see BH below),
  // but for those it listed (`dropped`), whose p-values rank too. Only p-values that can lead to a rejection are
  // ranked: q is exact at or below alpha, an upper bound above.
  // Only those that can be ranked (≤ stop) are kept: a viral key's millions of one-off pairs are mostly above it.
  const droppedP = dropped === undefined ? undefined : droppedPValues(dropped, muOf, stop);
  out.q.set(benjaminiHochberg(out.p, kernel.droppedEdges, stop, droppedP));
  for (let e = 0; e < n; e++) out.significant[e] = out.q[e]! <= alpha && edges.keys[e]! >= minKeys ? 1 : 0;
  if (options.timing) out.timing = timingTest(traces, edges, { window: options.window, ...(options.prior === undefined ? {} : { prior: options.prior }) });
  return out;
}

// The loops over edges are functions of their own (see co-action.ts: V8 compiles each once, not this function again
// at every loop).

/** Expected pairs, z, lifts and (with `withP`) the Poisson p of every edge under the configuration null. */
function configurationTerms(
  out: EdgeSignificance, edges: CoActionResult['edges'], muOf: (x: number, a: number, b: number) => number, meanWeight: number, withP: boolean,
): void {
  for (let e = 0; e < out.count; e++) {
    const x = edges.pairs[e]!;
    const mu = muOf(x, edges.a[e]!, edges.b[e]!);
    out.expected[e] = mu;
    out.z[e] = mu > 0 ? (x - mu) / Math.sqrt(mu) : x > 0 ? Infinity : 0;
    if (withP) out.p[e] = poissonUpperTail(x, mu);
    out.lift[e] = mu > 0 ? x / mu : Infinity;
    out.weightedLift[e] = mu > 0 ? edges.weighted[e]! / (mu * meanWeight) : Infinity;
  }
}

/** The Poisson p-values of the dropped edges that are at or below `stop`. */
function droppedPValues(dropped: DroppedPairs, muOf: (x: number, a: number, b: number) => number, stop: number): Float64Array {
  const kept: number[] = [];
  for (let e = 0; e < dropped.count; e++) {
    const x = dropped.pairs[e]!;
    const p = poissonUpperTail(x, muOf(x, dropped.a[e]!, dropped.b[e]!));
    if (p <= stop) kept.push(p);
  }
  return Float64Array.from(kept);
}

/**
 * The largest p that Benjamini–Hochberg at `alpha` can reject among `n` tests with p-values and `untested` more
 * with p = 1: alpha·n/(n + untested). Every q at or below alpha comes from p-values at or below it (q_i is a minimum
 * of p_(j)·m/j over j ≥ rank i, and a term ≤ alpha with j ≤ n needs p_(j) ≤ alpha·n/m), so p-values above it may be
 * replaced by any lower bounds that stay above it.
 */
export function bhStopLevel(alpha: number, n: number, untested: number): number {
  return n + untested > 0 ? (alpha * n) / (n + untested) : alpha;
}

/** Traces per account that the kernel could pair: account kept (≥ M traces), key with ≥ 2 kept traces. */
export function pairableActivity(traces: Traces, minParticipation: number): { perAccount: Float64Array; total: number } {
  const { account, key, count } = traces;
  const { accounts, keys, perAccount } = traceCounts(traces);
  const perKey = new Int32Array(keys);
  for (let t = 0; t < count; t++) if (perAccount[account[t]!]! >= minParticipation) perKey[key[t]!]!++;
  const pairable = new Float64Array(accounts);
  let total = 0;
  for (let t = 0; t < count; t++) {
    if (perAccount[account[t]!]! >= minParticipation && perKey[key[t]!]! >= 2) {
      pairable[account[t]!]!++;
      total++;
    }
  }
  return { perAccount: pairable, total };
}

/** P(X ≥ x) for X ~ Poisson(μ), stable for large x and tiny μ (series of the regularised lower gamma). */
export function poissonUpperTail(x: number, mu: number): number {
  if (x <= 0) return 1;
  if (mu <= 0) return 0;
  if (x > mu) {
    // P(x, μ) = e^{−μ} μ^x / x! · Σ_{n ≥ 0} μ^n / ((x+1)…(x+n))
    let term = 1;
    let sum = 1;
    for (let k = 1; k < 10_000 && term > sum * 1e-17; k++) {
      term *= mu / (x + k);
      sum += term;
    }
    return Math.min(1, Math.exp(-mu + x * Math.log(mu) - logFactorial(x)) * sum);
  }
  // x ≤ μ: 1 − Σ_{i < x} e^{−μ} μ^i / i!
  let pmf = Math.exp(-mu);
  let below = 0;
  for (let i = 0; i < x; i++) {
    below += pmf;
    pmf *= mu / (i + 1);
  }
  return Math.min(1, Math.max(0, 1 - below));
}

function logFactorial(x: number): number {
  if (x < 30) {
    let s = 0;
    for (let i = 2; i <= x; i++) s += Math.log(i);
    return s;
  }
  // Stirling with two correction terms: error < 1e-10 for x ≥ 30.
  return x * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI * x) + 1 / (12 * x) - 1 / (360 * x * x * x);
}

/**
 * Benjamini–Hochberg adjusted p-values, in the input order. `untested` more hypotheses with p = 1 (but see
 * `untestedP`) count in m: they rank after every p < 1 and their own terms are ≥ 1, so the q-values given equal
 * those of the full list.
 * `level`: only the p-values at or below it are ranked (the others get q = 1). They rank before all the others, so
 * their ranks are those of the full list; terms from the others are left out of the running minimum. With `level`
 * = bhStopLevel(alpha, n, untested), every q at or below alpha is exact (its smallest term has p ≤ level) and every
 * other q is an upper bound above alpha, so the same hypotheses are rejected at alpha; the sort is of the few
 * p-values that can be rejected instead of all n.
 * `untestedP`: p-values of some of the `untested` hypotheses (edges that cannot be significant themselves but were
 * tested all the same, significance's configuration null): those at or below `level` are ranked with the others.
 * Tied values get the same q whatever their order, so the q-values are those of the full list with them in it.
 */
export function benjaminiHochberg(p: Float64Array, untested = 0, level = Infinity, untestedP?: Float64Array): Float64Array {
  const n = p.length;
  const m = n + untested;
  const q = new Float64Array(n).fill(1);
  const { ranked, at } = rankedPValues(p, level, untestedP);
  const idx = ascendingOrder(ranked);
  let running = 1;
  for (let r = ranked.length - 1; r >= 0; r--) {
    const i = idx[r]!;
    running = Math.min(running, (ranked[i]! * m) / (r + 1));
    const to = at === undefined ? i : at[i]!;
    if (to >= 0) q[to] = running;
  }
  return q;
}

/**
 * The p-values BH ranks: those at or below `level`, then the untested ones at or below it; `at`: each one's index in
 * p (−1: untested), undefined when all of p is ranked as it is. A function of its own (see co-action.ts).
 */
function rankedPValues(p: Float64Array, level: number, untestedP: Float64Array | undefined): { ranked: Float64Array; at?: Int32Array } {
  const n = p.length;
  const limited = level < Infinity;
  let k = n;
  if (limited) {
    k = 0;
    for (let i = 0; i < n; i++) if (p[i]! <= level) k++;
  }
  let extra = 0;
  if (untestedP !== undefined) for (let j = 0; j < untestedP.length; j++) if (untestedP[j]! <= level) extra++;
  if (k === n && extra === 0) return { ranked: p };
  const ranked = new Float64Array(k + extra);
  const at = new Int32Array(k + extra).fill(-1);
  let j = 0;
  for (let i = 0; i < n; i++) {
    if (limited && !(p[i]! <= level)) continue;
    ranked[j] = p[i]!;
    at[j++] = i;
  }
  for (let u = 0; untestedP !== undefined && u < untestedP.length; u++) if (untestedP[u]! <= level) ranked[j++] = untestedP[u]!;
  return { ranked, at };
}

const BIG_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1 ? 0 : 1;

/**
 * Indices of p by ascending value, ties by index. For non-negative p (the usual case) a stable LSD radix sort of
 * the doubles' bits (their order as unsigned integers is their numeric order; −0 is read as 0), four 16-bit
 * passes, a pass skipped when every value has the same digit; otherwise a comparison sort.
 */
function ascendingOrder(p: Float64Array): Uint32Array {
  const n = p.length;
  if (!allNonNegative(p)) return Uint32Array.from(Array.from({ length: n }, (_, i) => i).sort((x, y) => p[x]! - p[y]! || x - y));
  const words = new Uint32Array(plusZero(p).buffer); // [low, high] per double on little-endian machines
  let idx = identity(n);
  let next = new Uint32Array(n);
  const count = new Uint32Array(65537);
  // Each loop is a function of its own (see co-action.ts: compiled once, not again at each next loop).
  for (let pass = 0; pass < 4; pass++) {
    const word = (pass >> 1) ^ BIG_ENDIAN;
    const shift = (pass & 1) * 16;
    digitCounts(words, n, word, shift, count);
    if (n === 0 || count[((words[word]! >>> shift) & 0xffff) + 1] === n) continue;
    for (let d = 0; d < 65536; d++) count[d + 1]! += count[d]!;
    scatterByDigit(words, idx, next, word, shift, count);
    [idx, next] = [next, idx];
  }
  return idx;
}

/** Whether every value is ≥ 0 (no NaN). */
function allNonNegative(p: Float64Array): boolean {
  for (let i = 0; i < p.length; i++) if (!(p[i]! >= 0)) return false;
  return true;
}

/** A copy with −0 as +0. */
function plusZero(p: Float64Array): Float64Array {
  const bits = new Float64Array(p.length);
  for (let i = 0; i < p.length; i++) bits[i] = p[i]! + 0;
  return bits;
}

function identity(n: number): Uint32Array<ArrayBuffer> {
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  return idx;
}

/** count[d + 1] = how many doubles have 16-bit digit d at (word, shift). */
function digitCounts(words: Uint32Array, n: number, word: number, shift: number, count: Uint32Array): void {
  count.fill(0);
  for (let i = 0; i < n; i++) count[((words[2 * i + word]! >>> shift) & 0xffff) + 1]!++;
}

/** One stable pass: idx's entries into next by their digit (count: each digit's first slot, used up). */
function scatterByDigit(words: Uint32Array, idx: Uint32Array, next: Uint32Array, word: number, shift: number, count: Uint32Array): void {
  for (let r = 0; r < idx.length; r++) {
    const i = idx[r]!;
    next[count[(words[2 * i + word]! >>> shift) & 0xffff]!++] = i;
  }
}
