// Network summaries as text, rendered from the stored NetworkFinding.
import type { NetworkFinding } from '../run.ts';
import { clip, count, formatDay, formatScore } from './format.ts';

function layers(n: NetworkFinding): string {
  return Object.entries(n.layers).map(([l, p]) => `${l} ${p}`).join(', ') || 'none';
}

function spanDays(n: NetworkFinding): number {
  return n.timeline.length;
}

/** One line for the ranked table: id, score, size, layers, span, top text. */
export function networkLine(n: NetworkFinding): string {
  const text = n.topTexts[0] ? `  "${clip(n.topTexts[0].text, 60)}"` : '';
  return `#${n.id}  score ${formatScore(n.score)}  ${n.members.length} accounts  layers: ${layers(n)}  ${formatDay(n.first)} … ${formatDay(n.last)} (${count(spanDays(n), 'active day')})${text}`;
}

/** A block: the line above, then members, top texts, links and targets, and the busiest days. */
export function networkText(n: NetworkFinding, options: { members?: number; days?: number } = {}): string[] {
  const showMembers = options.members ?? 10;
  const lines = [networkLine(n)];
  const more = n.members.length > showMembers ? ` … ${n.members.length - showMembers} more` : '';
  lines.push(`  members: ${n.members.slice(0, showMembers).join(', ')}${more}`);
  for (const t of n.topTexts) lines.push(`  text   ${String(t.actions).padStart(5)} actions, ${t.accounts} accounts: ${clip(t.text, 100)}`);
  for (const l of n.topLinks) lines.push(`  link   ${String(l.actions).padStart(5)} actions: ${clip(l.url, 100)}`);
  for (const t of n.topTargets) lines.push(`  target ${String(t.actions).padStart(5)} actions: ${t.target}`);
  const busiest = [...n.timeline].sort((x, y) => y.actions - x.actions || (x.day < y.day ? -1 : 1)).slice(0, options.days ?? 3);
  if (busiest.length > 0) lines.push(`  busiest days: ${busiest.map((d) => `${d.day} ${d.actions}`).join(', ')}`);
  return lines;
}
