// Renders store statistics as a plain-text summary for the terminal.
import type { StoreStats } from '../columns.ts';

const fmt = (n: number): string => n.toLocaleString('en-US');

function isoMinute(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + 'Z';
}

/** A few lines: totals, kinds, platforms, time span, busiest days, top targets and links. */
export function statsText(s: StoreStats, options: { days?: number } = {}): string {
  const lines: string[] = [];
  lines.push(`${fmt(s.accounts)} accounts, ${fmt(s.actions)} actions from ${fmt(s.batches)} import(s)`);
  if (s.actions === 0) return lines.join('\n');
  const pairs = (r: Record<string, number>): string =>
    Object.entries(r)
      .map(([k, v]) => `${k} ${fmt(v)}`)
      .join(', ');
  lines.push(`by kind:      ${pairs(s.byKind)}`);
  lines.push(`by platform:  ${pairs(s.byPlatform)}`);
  if (s.first !== undefined && s.last !== undefined) {
    lines.push(`time span:    ${isoMinute(s.first)} … ${isoMinute(s.last)} (${s.byDay.length} days with actions)`);
  }
  const days = [...s.byDay].sort((a, b) => b.actions - a.actions || (a.day < b.day ? -1 : 1)).slice(0, options.days ?? 5);
  lines.push(`busiest days: ${days.map((d) => `${d.day} ${fmt(d.actions)}`).join(', ')}`);
  if (s.topTargets.length > 0) {
    lines.push('top targets:');
    for (const t of s.topTargets) lines.push(`  ${fmt(t.actions).padStart(8)}  ${t.target}`);
  }
  if (s.topUrls.length > 0) {
    lines.push('top links:');
    for (const u of s.topUrls) lines.push(`  ${fmt(u.actions).padStart(8)}  ${u.url}`);
  }
  return lines.join('\n');
}
