// Account score in [0, 1]: coordination evidence first, weak profile signals only as an amplifier. Method card:
//
// 1. Edge strength (one edge = one partner in one layer):
//      s = sig · vol,  sig = min(1, −log10 p / P)  (P = 8: p = 10⁻⁸, the scale of a Bonferroni cut over ~10⁵–10⁶
//      tested pairs, counts as certain; p = 10⁻⁴ gives 0.5, p = 0.05 gives 0.16),  vol = 1 − exp(−m / K), m = the
//      distinct keys the two met on (K = 3: one meeting gives 0.28, three 0.63, ten 0.96 — one coincidence is
//      weak, a habit is strong). Meetings, not pairs: ten comments of one person under one post are one meeting
//      (the pair count is used when an edge has no key count). An edge without a p-value (CooRTweet parity mode:
//      kept by a percentile cut, not a test) has sig = 0.5.
//      Calibration (docs/tuning.md): with P = 6, single organic–organic edges at p ≈ 3·10⁻⁴ (q ≈ 0.04) flagged
//      ordinary commenters; P = 8 leaves one such edge at 0.26 and lets factories' many partners add up.
// 2. Coordination C = 1 − Π_edges (1 − s): a noisy-OR. Each further partner, layer or pair can only raise C; many
//    weak links add up, and one overwhelming link suffices.
// 3. Weak signals (signals/weak-signals.ts) give W = min(1, fired / 4) (four or more saturate), and
//      score = 1 − (1 − C)^(1 + λ·W),  λ = 1.
//    With C = 0 the score is 0 whatever W is: weak signals never flag an account alone. With all weak signals they
//    can at most square the distance to 1 (C = 0.4 → 0.64), so they lift accounts with some evidence over the
//    threshold but never create evidence. The score is non-decreasing in C, W, meetings, and in 1/p.
// Flag threshold 0.5: reached by one edge with p ≤ 10⁻⁷ met on ≥ 3 keys (0.55), by three partners at p = 10⁻³
// with 3 keys each (0.56), or by two such partners plus two weak signals (0.56); one such partner plus four weak
// signals stays at 0.42.
// False positives: accounts that genuinely move together (a newsroom's staff sharing its own links, fans at a live
// event) have real co-action; the explanation shows which actions, so a reviewer can judge.
// References: noisy-OR combination of independent evidence (Pearl 1988, ch. 4); Pacheco et al. ICWSM 2021 for
// coordination-first detection with behaviour as context.

/** Tunable constants of the score (defaults in DEFAULT_SCORE_PARAMS; reasons in the file's card). */
export interface ScoreParams {
  pScale: number;
  pairScale: number;
  noPSignificance: number;
  weakSaturation: number;
  weakLift: number;
}

export const DEFAULT_SCORE_PARAMS: Readonly<ScoreParams> = {
  pScale: 8,
  pairScale: 3,
  noPSignificance: 0.5,
  weakSaturation: 4,
  weakLift: 1,
};

/** Accounts scoring at least this are flagged. */
export const DEFAULT_FLAG_THRESHOLD = 0.5;

/** Strength in [0, 1] of one edge from its pair count and p-value. */
export function edgeStrength(edge: { pairs: number; keys?: number; p?: number }, params: Readonly<ScoreParams> = DEFAULT_SCORE_PARAMS): number {
  const sig =
    edge.p === undefined
      ? params.noPSignificance
      : Math.min(1, Math.max(0, -Math.log10(Math.max(edge.p, 1e-300)) / params.pScale));
  const vol = 1 - Math.exp(-Math.max(0, edge.keys ?? edge.pairs) / params.pairScale);
  return sig * vol;
}

/** Coordination evidence C in [0, 1] of an account's edges (noisy-OR of their strengths). */
export function coordination(edges: readonly { pairs: number; keys?: number; p?: number }[], params: Readonly<ScoreParams> = DEFAULT_SCORE_PARAMS): number {
  let miss = 1;
  for (const e of edges) miss *= 1 - edgeStrength(e, params);
  return 1 - miss;
}

/** Final score from coordination C and the number of weak signals that fired. */
export function accountScore(c: number, weakFired: number, params: Readonly<ScoreParams> = DEFAULT_SCORE_PARAMS): number {
  const w = Math.min(1, weakFired / params.weakSaturation);
  return 1 - Math.pow(1 - c, 1 + params.weakLift * w);
}
