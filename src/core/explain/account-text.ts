// An account's explanation, rendered only from its stored finding and the run's stored edges (never recomputed):
// score and network, then each partner with layer, pair count, p-value and sample action pairs with their gaps,
// then the weak profile signals and the account's activity.
import type { AccountFinding, PartnerLink, RunEdge } from '../run.ts';
import { DEFAULT_FLAG_THRESHOLD, edgeStrength } from '../score/account-score.ts';
import { clip, count, formatDay, formatGap, formatP, formatScore } from './format.ts';
import { photoEvidenceLine } from './photo-text.ts';
import { signalSentences } from './signal-text.ts';

/** Rendering limits. */
export interface ExplainOptions {
  threshold: number;
  /** Partners listed (strongest first); the rest are counted. */
  partners: number;
  /** Action pairs shown per edge. */
  pairsPerEdge: number;
}

export const DEFAULT_EXPLAIN_OPTIONS: Readonly<ExplainOptions> = { threshold: DEFAULT_FLAG_THRESHOLD, partners: 10, pairsPerEdge: 3 };

const other = (e: RunEdge, account: string): string => (e.a === account ? e.b : e.a);

/** The account's edges, strongest first (ties: partner key, then layer). */
export function edgesOf(account: string, edges: readonly RunEdge[]): RunEdge[] {
  return edges
    .filter((e) => e.a === account || e.b === account)
    .map((e) => ({ e, s: edgeStrength(e), partner: other(e, account) }))
    .sort((x, y) => y.s - x.s || (x.partner < y.partner ? -1 : x.partner > y.partner ? 1 : x.e.layer < y.e.layer ? -1 : x.e.layer > y.e.layer ? 1 : 0))
    .map((x) => x.e);
}

/** Co-photo edges count shared photos, not action pairs; their evidence holds photo sources. */
const PHOTO_LAYER = 'co-photo';

function layerList(layers: Record<string, number>): string {
  return Object.entries(layers)
    .map(([l, n]) => (l === PHOTO_LAYER ? `${l} ${n} shared photo${n === 1 ? '' : 's'}` : `${l} ${n} pair${n === 1 ? '' : 's'}`))
    .join(', ');
}

function link(p: PartnerLink): string {
  const what = p.layer === PHOTO_LAYER ? 'shared photo' : 'pair';
  return `${p.account} in ${p.layer}, ${p.pairs} ${what}${p.pairs === 1 ? '' : 's'}${p.p === undefined ? '' : `, ${formatP(p.p)}`}`;
}

/** The short reasons stored with a finding, most important first. */
export function accountReasons(f: Pick<AccountFinding, 'layers' | 'partners' | 'signals'>): string[] {
  const partners = new Set(f.partners.map((p) => p.account)).size;
  const layers = Object.keys(f.layers).length;
  const out: string[] = [];
  if (partners > 0) {
    out.push(`coordinated with ${partners} account${partners === 1 ? '' : 's'} in ${layers} layer${layers === 1 ? '' : 's'} (${layerList(f.layers)})`);
    out.push(`strongest link: ${link(f.partners[0]!)}`);
  }
  return [...out, ...signalSentences(f.signals)];
}

/** The full explanation as lines of plain text. */
export function explainAccount(f: AccountFinding, edges: readonly RunEdge[], options: Partial<ExplainOptions> = {}): string[] {
  const o = { ...DEFAULT_EXPLAIN_OPTIONS, ...options };
  const flagged = f.score >= o.threshold ? `flagged: ≥ ${formatScore(o.threshold)}` : `not flagged: < ${formatScore(o.threshold)}`;
  const lines = [`${f.account} — score ${formatScore(f.score)} (${flagged}), ${f.network >= 0 ? `network ${f.network}` : 'in no network'}`];
  const mine = edgesOf(f.account, edges);
  const partners = new Set(mine.map((e) => other(e, f.account)));
  const pairs = Object.entries(f.layers).reduce((s, [l, n]) => s + (l === PHOTO_LAYER ? 0 : n), 0);
  const listed = Object.keys(f.layers).length > 0 ? ` — ${layerList(f.layers)}` : '';
  lines.push(`coordination: ${pairs} action pairs with ${partners.size} account${partners.size === 1 ? '' : 's'}${listed}`);
  const shown = mine.slice(0, o.partners);
  for (const e of shown) {
    if (e.layer === PHOTO_LAYER) {
      const partner = other(e, f.account);
      lines.push(`  with ${partner} in ${e.layer}: ${e.keys} shared photo${e.keys === 1 ? '' : 's'} (no p-value: photos have no time null)`);
      for (const ev of e.evidence.slice(0, o.pairsPerEdge)) lines.push(`    ${photoEvidenceLine(ev, partner, e.a === f.account ? 'A' : 'B')}`);
      if (e.evidence.length > o.pairsPerEdge) lines.push(`    … ${e.evidence.length - o.pairsPerEdge} more shared photos`);
      continue;
    }
    const keys = `${e.keys} shared key${e.keys === 1 ? '' : 's'}`;
    lines.push(`  with ${other(e, f.account)} in ${e.layer}: ${e.pairs} pair${e.pairs === 1 ? '' : 's'} on ${keys}${e.p === undefined ? '' : `, ${formatP(e.p)}`}`);
    for (const ev of e.evidence.slice(0, o.pairsPerEdge)) {
      lines.push(`    ${ev.actionA} ↔ ${ev.actionB}  Δt ${formatGap(ev.dt)}  on ${clip(ev.key, 80)}`);
    }
    if (e.evidence.length > o.pairsPerEdge) lines.push(`    … ${e.evidence.length - o.pairsPerEdge} more stored pairs`);
  }
  if (mine.length > shown.length) lines.push(`  … ${mine.length - shown.length} more links`);
  const weak = signalSentences(f.signals);
  lines.push(weak.length > 0 ? 'profile signals (weak alone; they only strengthen coordination evidence):' : 'profile signals: none');
  for (const s of weak) lines.push(`  - ${s}`);
  const s = f.signals;
  const span = s.firstAction !== undefined && s.lastAction !== undefined ? `, ${formatDay(s.firstAction)} … ${formatDay(s.lastAction)}` : '';
  lines.push(`activity: ${count(s.actions, 'action')} on ${count(s.activeDays, 'day')} (${s.actionsPerDay.toFixed(1)} per active day)${span}, ${count(s.ownPosts, 'own post')}`);
  return lines;
}

/** One line for ranked tables: score, account, network, partners per layer, weak signals. */
export function accountLine(f: AccountFinding): string {
  const partners = new Set(f.partners.map((p) => p.account)).size;
  const weak = f.signals.weak ?? [];
  return [
    formatScore(f.score),
    f.account,
    f.network >= 0 ? `net ${f.network}` : 'no net',
    `${partners} partner${partners === 1 ? '' : 's'}: ${layerList(f.layers)}`,
    ...(weak.length > 0 ? [`weak: ${weak.join(', ')}`] : []),
  ].join('  ');
}
