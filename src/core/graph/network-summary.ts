// Network summaries: what a network's members did together, computed from their actions and internal edges.
//
// - layers: coordinated pairs per layer over the edges with both ends in the network.
// - first/last, timeline (actions per UTC day), hourOfWeek (UTC, day-precision actions left out): over all the
//   members' actions in the run's read (0/0 when no member has an action in it).
// - topTexts: texts posted by ≥ 2 members, grouped by normalised text (normalise/text.ts) and long enough to link
//   accounts (its minimum size), shown as first written; ranked by accounts, then actions, then text.
// - topLinks / topTargets: links (grouped and shown by their co-link key, normalise/url.ts: tracking parameters
//   dropped, hosts unified) / targets (`platform:id`) used by ≥ 2 members, ranked by actions, then accounts,
//   then the string. "≥ 2 members" keeps one member's private habits out of the network's profile.
// - score: mean of the members' account scores.
import type { ActionColumns } from '../columns.ts';
import { TIME_PRECISIONS } from '../model.ts';
import { textNormaliser, urlKeyer } from '../normalise/shared-normalisers.ts';
import { isLinkableText } from '../normalise/text.ts';
import type { NetworkFinding, RunEdge } from '../run.ts';
import { dayNumber, dayString, hourOfWeek } from '../signals/clock.ts';

const DAY_PRECISION = TIME_PRECISIONS.indexOf('day');

/** A shown string's actions and accounts; the account set is made only once a second account appears. */
interface Tally {
  shown: string;
  actions: number;
  first: number;
  others: Set<number> | undefined;
}

const accountsOf = (t: Tally): number => (t.others === undefined ? 1 : t.others.size);

class NetworkTally {
  first = Number.POSITIVE_INFINITY;
  last = Number.NEGATIVE_INFINITY;
  readonly days = new Map<number, number>();
  readonly how = new Array<number>(168).fill(0);
  readonly texts = new Map<string, Tally>();
  readonly links = new Map<string, Tally>();
  /** By target code (columns.targetKeys). */
  readonly targets = new Map<number, Tally>();
}

function count<K>(map: Map<K, Tally>, key: K, shown: string, account: number): void {
  const t = map.get(key);
  if (t) {
    t.actions++;
    if (account !== t.first) (t.others ??= new Set([t.first])).add(account);
  } else map.set(key, { shown, actions: 1, first: account, others: undefined });
}

const byString = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

function ranked<K>(map: Map<K, Tally>, top: number, textsFirst: boolean): Tally[] {
  return [...map.values()]
    .filter((t) => t.others !== undefined && t.others.size >= 2)
    .sort((x, y) =>
      textsFirst
        ? accountsOf(y) - accountsOf(x) || y.actions - x.actions || byString(x.shown, y.shown)
        : y.actions - x.actions || accountsOf(y) - accountsOf(x) || byString(x.shown, y.shown),
    )
    .slice(0, top);
}

/** One NetworkFinding per member list (ids 1, 2, … in list order). */
export function summariseNetworks(
  columns: ActionColumns,
  groups: readonly (readonly string[])[],
  edges: readonly RunEdge[],
  scores: ReadonlyMap<string, number>,
  top = 5,
): NetworkFinding[] {
  const netOfKey = new Map<string, number>();
  groups.forEach((g, n) => g.forEach((k) => netOfKey.set(k, n)));
  const netOf = Int32Array.from(columns.accountKeys, (k) => netOfKey.get(k) ?? -1);
  const tallies = groups.map(() => new NetworkTally());
  const norms = new Map<string, string>();
  const normaliseText = textNormaliser(columns.text);
  const urlKey = urlKeyer(columns.urls.values);
  for (let i = 0; i < columns.count; i++) {
    const a = columns.account[i]!;
    const n = netOf[a]!;
    if (n < 0) continue;
    const t = tallies[n]!;
    const ms = columns.time[i]!;
    if (ms < t.first) t.first = ms;
    if (ms > t.last) t.last = ms;
    const day = dayNumber(ms);
    t.days.set(day, (t.days.get(day) ?? 0) + 1);
    if (columns.precision[i] !== DAY_PRECISION) t.how[hourOfWeek(ms)]!++;
    const text = columns.text[i]!;
    if (text !== '') {
      let norm = norms.get(text);
      if (norm === undefined) {
        norm = normaliseText(text);
        norms.set(text, isLinkableText(norm) ? norm : '');
        norm = norms.get(text)!;
      }
      if (norm !== '') count(t.texts, norm, text.trim(), a);
    }
    for (let u = columns.urls.offsets[i]!; u < columns.urls.offsets[i + 1]!; u++) {
      const raw = columns.urls.values[u]!;
      const key = urlKey(raw);
      count(t.links, key, key, a);
    }
    const target = columns.target[i]!;
    if (target >= 0) count(t.targets, target, columns.targetKeys[target]!, a);
  }
  const layerPairs = groups.map(() => new Map<string, number>());
  for (const e of edges) {
    const n = netOfKey.get(e.a);
    if (n === undefined || n !== netOfKey.get(e.b)) continue;
    const m = layerPairs[n]!;
    m.set(e.layer, (m.get(e.layer) ?? 0) + e.pairs);
  }
  return groups.map((members, n) => {
    const t = tallies[n]!;
    const layers: Record<string, number> = {};
    const pairs = layerPairs[n]!;
    for (const l of [...pairs.keys()].sort()) layers[l] = pairs.get(l)!;
    const score = members.reduce((s, m) => s + (scores.get(m) ?? 0), 0) / Math.max(1, members.length);
    return {
      id: n + 1,
      members: [...members],
      score,
      layers,
      first: Number.isFinite(t.first) ? t.first : 0,
      last: Number.isFinite(t.last) ? t.last : 0,
      topTexts: ranked(t.texts, top, true).map((x) => ({ text: x.shown, actions: x.actions, accounts: accountsOf(x) })),
      topLinks: ranked(t.links, top, false).map((x) => ({ url: x.shown, actions: x.actions })),
      topTargets: ranked(t.targets, top, false).map((x) => ({ target: x.shown, actions: x.actions })),
      timeline: [...t.days.entries()].sort((x, y) => x[0] - y[0]).map(([d, actions]) => ({ day: dayString(d), actions })),
      hourOfWeek: t.how,
    };
  });
}
