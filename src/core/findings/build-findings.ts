// From a run's edges to its findings: account signals, fused graph, seeded networks, scores and reasons.
// Pure: the detect command reads the columns and accounts, runs the kernel and significance, calls this, and
// saves the run. Same columns + accounts + edges + options ⇒ the same findings, in the same order.
//
// Only accounts with at least one edge get a finding: without coordination evidence the score is 0 by
// construction (score/account-score.ts), and storing signals for every account of a national data set would be
// gigabytes of nothing. Networks: see graph/communities.ts (≥ 3 accounts by default).
import type { ActionColumns } from '../columns.ts';
import { networkGroups, type NetworkOptions } from '../graph/network-groups.ts';
import { summariseNetworks } from '../graph/network-summary.ts';
import type { Account } from '../model.ts';
import type { AccountFinding, AccountSignals, NetworkFinding, PartnerLink, RunEdge } from '../run.ts';
import { accountScore, coordination, DEFAULT_SCORE_PARAMS, edgeStrength, type ScoreParams } from '../score/account-score.ts';
import { accountSignals, type AccountProfiles, type SignalOptions } from '../signals/account-signals.ts';
import { windowsDisjoint } from '../signals/active-window.ts';
import { DEFAULT_WEAK_THRESHOLDS, weakSignals, type WeakThresholds } from '../signals/weak-signals.ts';
import { accountReasons } from '../explain/account-text.ts';
import { compareStrings } from '../compare-strings.ts';

/** Everything that shapes the findings besides the data; only `seed` is required (the networks' options, and more). */
export interface FindingsOptions extends NetworkOptions {
  /** Local time offset for the rhythm signals, hours east of UTC (default 6, Bishkek). */
  offsetHours?: number;
  signals?: Partial<SignalOptions>;
  weak?: Partial<WeakThresholds>;
  score?: Partial<ScoreParams>;
  /** Entries per top list of a network (default 5). */
  top?: number;
  /** Partner links kept per account finding, strongest first (default 100; the edges keep them all). */
  maxPartners?: number;
}

/** Networks (by id) and account findings (by score, then key) of one run. */
export function buildFindings(
  columns: ActionColumns,
  accounts: readonly Account[],
  edges: readonly RunEdge[],
  options: FindingsOptions,
  profiles?: AccountProfiles,
): { networks: NetworkFinding[]; accounts: AccountFinding[] } {
  return completeFindings(findingsDraft(columns, accounts, edges, options, profiles), networkGroups(edges, options));
}

/**
 * The findings before their networks: each linked account's edges, signals, score, partners and reasons (none of
 * which depends on the networks), the accounts in their final order (by score, then key).
 */
export interface FindingsDraft {
  columns: ActionColumns;
  edges: readonly RunEdge[];
  options: FindingsOptions;
  scores: Map<string, number>;
  accounts: Omit<AccountFinding, 'network'>[];
}

/**
 * The first part of `buildFindings`: everything but the networks (`networkGroups`), which may be computed meanwhile.
 * `profiles`: `accountProfiles(accounts)`, when the caller made it already.
 */
export function findingsDraft(
  columns: ActionColumns, accounts: readonly Account[], edges: readonly RunEdge[], options: FindingsOptions, profiles?: AccountProfiles,
): FindingsDraft {
  const scoreParams: ScoreParams = { ...DEFAULT_SCORE_PARAMS, ...options.score };
  const byAccount = new Map<string, RunEdge[]>();
  for (const e of edges) {
    if (e.a === e.b) continue;
    for (const k of [e.a, e.b]) {
      const list = byAccount.get(k);
      if (list) list.push(e);
      else byAccount.set(k, [e]);
    }
  }
  const keys = [...byAccount.keys()].sort(compareStrings);
  const signalOptions = { ...options.signals, ...(options.offsetHours === undefined ? {} : { offsetHours: options.offsetHours }) };
  const signals = accountSignals(columns, profiles ?? accounts, keys, signalOptions);
  markAlternatingShifts(edges, signals);
  const thresholds = { ...DEFAULT_WEAK_THRESHOLDS, ...options.weak };
  const scores = new Map<string, number>();
  for (const k of keys) {
    const s = signals.get(k)!;
    s.weak = weakSignals(s, thresholds);
    scores.set(k, accountScore(coordination(byAccount.get(k)!, scoreParams), s.weak.length, scoreParams));
  }
  const found = keys.map((k) => accountFinding(k, byAccount.get(k)!, scores.get(k)!, signals.get(k)!, scoreParams, options.maxPartners ?? 100));
  found.sort((x, y) => y.score - x.score || compareStrings(x.account, y.account));
  return { columns, edges, options, scores, accounts: found };
}

/** An account's finding but its network: pairs per layer, strongest partners, and the reasons in words. */
function accountFinding(
  account: string, mine: readonly RunEdge[], score: number, signals: AccountSignals, scoreParams: ScoreParams, maxPartners: number,
): Omit<AccountFinding, 'network'> {
  const layerPairs = new Map<string, number>();
  for (const e of mine) layerPairs.set(e.layer, (layerPairs.get(e.layer) ?? 0) + e.pairs);
  const layers: Record<string, number> = {};
  for (const l of [...layerPairs.keys()].sort(compareStrings)) layers[l] = layerPairs.get(l)!;
  const partners = partnerLinks(account, mine, scoreParams).slice(0, maxPartners);
  return { account, score, layers, partners, signals, reasons: accountReasons({ layers, partners, signals }) };
}

/** The findings from their draft and the networks that `networkGroups` gives for the same edges and options. */
export function completeFindings(draft: FindingsDraft, groups: readonly (readonly string[])[]): { networks: NetworkFinding[]; accounts: AccountFinding[] } {
  const { columns, edges, options, scores } = draft;
  const networkOf = new Map<string, number>();
  groups.forEach((g, i) => g.forEach((k) => networkOf.set(k, i + 1)));
  const networks = summariseNetworks(columns, groups, edges, scores, options.top ?? 5);
  const accounts = draft.accounts.map(({ account, score, layers, partners, signals, reasons }): AccountFinding => (
    { account, score, network: networkOf.get(account) ?? -1, layers, partners, signals, reasons }
  ));
  return { networks, accounts };
}

function partnerLinks(account: string, edges: readonly RunEdge[], params: ScoreParams): PartnerLink[] {
  return edges
    .map((e) => {
      const link: PartnerLink = { account: e.a === account ? e.b : e.a, layer: e.layer, pairs: e.pairs };
      if (e.p !== undefined) link.p = e.p;
      return { link, s: edgeStrength(e, params) };
    })
    .sort((x, y) => y.s - x.s || compareStrings(x.link.account, y.link.account) || compareStrings(x.link.layer, y.link.layer))
    .map((x) => x.link);
}

/** Two linked accounts that both work in a shift, in windows that do not overlap, alternate shifts. */
function markAlternatingShifts(edges: readonly RunEdge[], signals: Map<string, AccountSignals>): void {
  const partners = new Map<string, Set<string>>();
  for (const e of edges) {
    const a = signals.get(e.a);
    const b = signals.get(e.b);
    if (e.a === e.b || !a?.shift || !b?.shift || !a.activeWindow || !b.activeWindow) continue;
    if (!windowsDisjoint(a.activeWindow, b.activeWindow)) continue;
    for (const [x, y] of [[e.a, e.b], [e.b, e.a]] as const) {
      const set = partners.get(x) ?? new Set<string>();
      set.add(y);
      partners.set(x, set);
    }
  }
  for (const [k, set] of partners) signals.get(k)!.alternatesWith = [...set].sort(compareStrings);
}
