// Scores a stored detection run against ground truth: account ranking, networks vs factories, layers.
//
// Which accounts count: the truth's. A run account absent from the truth is left out of every metric and counted
// in `coverage.runNotInTruth`; a truth account the run never scored gets score 0 and no network.
// Networks vs factories (ARI, NMI): every truth account gets a predicted label (its network, or a singleton of
// its own when the run put it in no network) and a true label (its factory; organic accounts and trolls without
// a factory are singletons). Organic singletons matched by unclustered accounts raise NMI a little, so the same
// two numbers are also given over the trolls alone (`trollsOnly`), which is the stricter view.
import type { DetectionRun } from '../run.ts';
import { DEFAULT_FLAG_THRESHOLD } from '../score/account-score.ts';
import { layerContribution, type LayerContribution } from './layers.ts';
import { ariOf, contingency, nmiOf } from './partition.ts';
import {
  averagePrecision,
  prCurve,
  precisionAtK,
  rankAccounts,
  thinCurve,
  thresholdMetrics,
  type CurvePoint,
  type PrecisionAtK,
  type ScoredAccount,
  type ThresholdMetrics,
} from './ranking.ts';
import { networkPurity, type FactoryRecall, type NetworkPurity, factoryRecall } from './purity.ts';
import type { Truth, TruthAccount } from './truth.ts';

export interface EvalOptions {
  /** Flag accounts with score ≥ threshold (default: the score's own flag threshold, 0.5). */
  threshold?: number;
  /** Cut-offs for precision@k (default 10, 50, 100); the number of true trolls is always added last. */
  ks?: readonly number[];
  /** Most curve points kept in the result (default 200; PR-AUC always uses the full curve). */
  maxCurvePoints?: number;
  /** Fixed thresholds reported side by side, for tuning (default 0.1, 0.2, …, 0.9). */
  sweep?: readonly number[];
}

const SWEEP = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

export interface AccountEvaluation extends ThresholdMetrics {
  prAuc: number;
  precisionAtK: PrecisionAtK[];
  /** Precision among the top R accounts, R = number of trolls in the truth. */
  rPrecision: number;
  /** The threshold metrics at each sweep threshold. */
  sweep: ThresholdMetrics[];
  curve: CurvePoint[];
}

export interface NetworkEvaluation {
  ari: number;
  nmi: number;
  trollsOnly: { ari: number; nmi: number };
  predicted: number;
  factories: number;
  table: NetworkPurity[];
  byFactory: FactoryRecall[];
}

/** Everything `trollmap eval` prints; the account-level threshold metrics are repeated at the top level. */
export interface Evaluation {
  runId?: number;
  threshold: number;
  precision: number;
  recall: number;
  f1: number;
  prAuc: number;
  precisionAtK: PrecisionAtK[];
  accounts: AccountEvaluation;
  networks: NetworkEvaluation;
  layers: LayerContribution[];
  coverage: {
    truthAccounts: number;
    trolls: number;
    organic: number;
    runAccounts: number;
    runNotInTruth: number;
    truthNotInRun: number;
  };
}

/** Evaluates a run against the truth. */
export function evaluate(run: DetectionRun, truth: Truth, options: EvalOptions = {}): Evaluation {
  const threshold = options.threshold ?? DEFAULT_FLAG_THRESHOLD;
  const byKey = new Map<string, TruthAccount>(truth.accounts.map((t) => [t.key, t]));
  const found = new Map(run.accounts.map((a) => [a.account, a]));
  const scored: ScoredAccount[] = truth.accounts.map((t) => ({
    key: t.key,
    score: found.get(t.key)?.score ?? 0,
    troll: t.label === 'troll',
  }));
  const trolls = scored.filter((s) => s.troll).length;
  const ranked = rankAccounts(scored);
  const curve = prCurve(ranked);
  const prAuc = averagePrecision(curve);
  const atK = [...(options.ks ?? [10, 50, 100]), trolls].map((k) => precisionAtK(ranked, k));
  const at = thresholdMetrics(scored, threshold);
  const accounts: AccountEvaluation = {
    ...at,
    prAuc,
    precisionAtK: atK,
    rPrecision: precisionAtK(ranked, trolls).precision,
    sweep: (options.sweep ?? SWEEP).map((t) => thresholdMetrics(scored, t)),
    curve: thinCurve(curve, options.maxCurvePoints ?? 200),
  };

  const predictedOf = (t: TruthAccount): string => {
    const n = found.get(t.key)?.network ?? -1;
    return n >= 0 ? `n:${n}` : `s:${t.key}`;
  };
  const trueOf = (t: TruthAccount): string =>
    t.label === 'troll' && t.factory !== undefined ? `f:${t.factory}` : `s:${t.key}`;
  const trollList = truth.accounts.filter((t) => t.label === 'troll');
  const all = contingency(truth.accounts.map(trueOf), truth.accounts.map(predictedOf));
  const trollsOnly = contingency(trollList.map(trueOf), trollList.map(predictedOf));
  const networks: NetworkEvaluation = {
    ari: ariOf(all),
    nmi: nmiOf(all),
    trollsOnly: { ari: ariOf(trollsOnly), nmi: nmiOf(trollsOnly) },
    predicted: run.networks.length,
    factories: new Set(trollList.flatMap((t) => (t.factory === undefined ? [] : [t.factory]))).size,
    table: networkPurity(run.networks, byKey),
    byFactory: factoryRecall(trollList, found),
  };

  const runNotInTruth = run.accounts.filter((a) => !byKey.has(a.account)).length;
  return {
    ...(run.id === undefined ? {} : { runId: run.id }),
    threshold,
    precision: at.precision,
    recall: at.recall,
    f1: at.f1,
    prAuc,
    precisionAtK: atK,
    accounts,
    networks,
    layers: layerContribution(run.edges, byKey, trolls),
    coverage: {
      truthAccounts: truth.accounts.length,
      trolls,
      organic: truth.accounts.length - trolls,
      runAccounts: run.accounts.length,
      runNotInTruth,
      truthNotInRun: truth.accounts.filter((t) => !found.has(t.key)).length,
    },
  };
}
