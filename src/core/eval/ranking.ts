// Account-level quality of a score against ground truth: precision/recall/F1 at a threshold, precision@k, the
// precision/recall curve and its average precision (PR-AUC).
//
// Ranking: score descending, then account key ascending, so equal scores always rank the same way. precision@k
// takes the first k of that order (k is capped at the number of accounts). The curve and average precision do
// not depend on that tie-break: accounts with equal scores enter together, one step per distinct score, as in
// scikit-learn's average_precision_score: AP = Σ (R_i − R_{i−1}) · P_i over distinct thresholds, highest first.
// Conventions: precision of an empty selection is 0; with no trolls in the truth, recall and AP are 0.

/** An account of the truth with its score (0 when the run never saw it). */
export interface ScoredAccount {
  key: string;
  score: number;
  troll: boolean;
}

/** Counts and rates at one threshold: an account is flagged when its score is ≥ the threshold. */
export interface ThresholdMetrics {
  threshold: number;
  flagged: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Precision among the first k ranked accounts (`ranked` = min(k, accounts), the denominator). */
export interface PrecisionAtK {
  k: number;
  ranked: number;
  precision: number;
  trolls: number;
  organic: number;
}

/** One step of the precision/recall curve: flag every account scoring ≥ threshold. */
export interface CurvePoint {
  threshold: number;
  flagged: number;
  precision: number;
  recall: number;
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

/** Accounts by score descending, then key ascending. */
export function rankAccounts(accounts: readonly ScoredAccount[]): ScoredAccount[] {
  return [...accounts].sort((x, y) => y.score - x.score || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

/** Precision, recall and F1 when flagging accounts with score ≥ threshold. */
export function thresholdMetrics(accounts: readonly ScoredAccount[], threshold: number): ThresholdMetrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const a of accounts) {
    const flagged = a.score >= threshold;
    if (flagged && a.troll) tp++;
    else if (flagged) fp++;
    else if (a.troll) fn++;
  }
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const f1 = ratio(2 * precision * recall, precision + recall);
  return { threshold, flagged: tp + fp, truePositives: tp, falsePositives: fp, falseNegatives: fn, precision, recall, f1 };
}

/** Precision among the first k accounts of a ranking (k capped at its length). */
export function precisionAtK(ranked: readonly ScoredAccount[], k: number): PrecisionAtK {
  const top = ranked.slice(0, Math.max(0, Math.min(k, ranked.length)));
  const trolls = top.filter((a) => a.troll).length;
  return { k, ranked: top.length, precision: ratio(trolls, top.length), trolls, organic: top.length - trolls };
}

/** One point per distinct score, highest first; the last point flags every account. */
export function prCurve(ranked: readonly ScoredAccount[]): CurvePoint[] {
  const totalTrolls = ranked.filter((a) => a.troll).length;
  const points: CurvePoint[] = [];
  let tp = 0;
  for (let i = 0; i < ranked.length; i++) {
    const a = ranked[i] as ScoredAccount;
    if (a.troll) tp++;
    const next = ranked[i + 1];
    if (next !== undefined && next.score === a.score) continue;
    points.push({ threshold: a.score, flagged: i + 1, precision: tp / (i + 1), recall: ratio(tp, totalTrolls) });
  }
  return points;
}

/** Step-wise area under the precision/recall curve: Σ (R_i − R_{i−1}) · P_i. */
export function averagePrecision(curve: readonly CurvePoint[]): number {
  let ap = 0;
  let prevRecall = 0;
  for (const p of curve) {
    ap += (p.recall - prevRecall) * p.precision;
    prevRecall = p.recall;
  }
  return ap;
}

/** At most `max` curve points, evenly spaced, always keeping the first and the last (for printing and JSON). */
export function thinCurve(curve: readonly CurvePoint[], max: number): CurvePoint[] {
  if (curve.length <= max || max < 2) return [...curve];
  const out: CurvePoint[] = [];
  for (let j = 0; j < max; j++) out.push(curve[Math.round((j * (curve.length - 1)) / (max - 1))] as CurvePoint);
  return out;
}
