// The evidence a report shows, taken from the run's edges (never recomputed): which actions to look up, and the
// repeated texts of a network grouped by identical text with the time and account of every copy.
import type { DetectionRun, RunEdge } from '../run.ts';
import { compareStrings } from '../compare-strings.ts';

/** What the report needs to know about one action (the CLI resolves it from the store). */
export interface EvidenceAction {
  account: string;
  time: number;
  text?: string;
  url?: string;
}

/** Action key `platform:id` → the action, for the actions named in the run's evidence. */
export type EvidenceLookup = ReadonlyMap<string, EvidenceAction>;

/** One text posted by several accounts of a network, with each copy, earliest first. */
export interface RepeatedText {
  text: string;
  layers: string[];
  copies: { action: string; account: string; time: number; url?: string }[];
  accounts: number;
}

/** Every action key named in the evidence of edges inside a network, sorted. */
export function reportEvidenceKeys(run: DetectionRun): string[] {
  const keys = new Set<string>();
  for (const edges of edgesByNetwork(run).values()) {
    for (const e of edges) for (const p of e.evidence) keys.add(p.actionA).add(p.actionB);
  }
  return [...keys].sort();
}

/** Each network's edges: those whose two accounts are both its members (one pass over the edges). */
export function edgesByNetwork(run: DetectionRun): Map<number, RunEdge[]> {
  const networkOf = new Map<string, number>();
  const out = new Map<number, RunEdge[]>();
  for (const n of run.networks) {
    out.set(n.id, []);
    for (const m of n.members) networkOf.set(m, n.id);
  }
  for (const e of run.edges) {
    const na = networkOf.get(e.a);
    if (na !== undefined && na === networkOf.get(e.b)) out.get(na)!.push(e);
  }
  return out;
}

/**
 * Texts that appear in at least two distinct actions of a network's edges' evidence, most copies first. An action
 * missing from the lookup keeps its text only in the co-text layer, where the evidence key is the text itself.
 */
export function repeatedTexts(edges: readonly RunEdge[], lookup: EvidenceLookup): RepeatedText[] {
  const groups = new Map<string, { layers: Set<string>; copies: Map<string, RepeatedText['copies'][number]> }>();
  const add = (action: string, fallbackAccount: string, layer: string, key: string): void => {
    const found = lookup.get(action);
    const text = found?.text ?? (layer === 'co-text' ? key : undefined);
    if (text === undefined || text.trim() === '') return;
    let g = groups.get(text);
    if (!g) groups.set(text, (g = { layers: new Set(), copies: new Map() }));
    g.layers.add(layer);
    if (!g.copies.has(action)) {
      g.copies.set(action, {
        action,
        account: found?.account ?? fallbackAccount,
        time: found?.time ?? Number.NaN,
        ...(found?.url === undefined ? {} : { url: found.url }),
      });
    }
  };
  for (const e of edges) {
    for (const p of e.evidence) {
      add(p.actionA, e.a, p.layer, p.key);
      add(p.actionB, e.b, p.layer, p.key);
    }
  }
  const out: RepeatedText[] = [];
  for (const [text, g] of groups) {
    if (g.copies.size < 2) continue;
    const copies = [...g.copies.values()].sort(
      (x, y) => (x.time || 0) - (y.time || 0) || compareStrings(x.account, y.account) || compareStrings(x.action, y.action),
    );
    out.push({ text, layers: [...g.layers].sort(), copies, accounts: new Set(copies.map((c) => c.account)).size });
  }
  return out.sort((x, y) => y.copies.length - x.copies.length || y.accounts - x.accounts || compareStrings(x.text, y.text));
}
