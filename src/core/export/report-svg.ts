// Inline SVG charts for the report: activity per day (bars) and actions per hour of week (7 × 24 heatmap, UTC).
// Every label is escaped; sizes are fixed so the same data always gives the same markup.
import { esc } from './html.ts';

const DAY_MS = 86_400_000;
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Bars per UTC day from the first to the last active day (quiet days are zero-height bars). */
export function timelineSvg(timeline: readonly { day: string; actions: number }[]): string {
  const counts = new Map(timeline.map((d) => [d.day, d.actions]));
  const times = timeline.map((d) => Date.parse(`${d.day}T00:00:00Z`)).filter((t) => Number.isFinite(t));
  if (times.length === 0) return '<p class="muted">No dated activity.</p>';
  const first = Math.min(...times);
  const last = Math.max(...times);
  const days: { day: string; actions: number }[] = [];
  for (let t = first; t <= last && days.length < 3660; t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    days.push({ day, actions: counts.get(day) ?? 0 });
  }
  const max = Math.max(1, ...days.map((d) => d.actions));
  const width = 720;
  const height = 120;
  const left = 40;
  const plot = width - left - 10;
  const bar = plot / days.length;
  const bars = days
    .map((d, i) => {
      const h = (d.actions / max) * (height - 30);
      const x = (left + i * bar).toFixed(2);
      const y = (height - 20 - h).toFixed(2);
      return `<rect class="bar" x="${x}" y="${y}" width="${Math.max(0.5, bar - 1).toFixed(2)}" height="${h.toFixed(2)}"><title>${esc(d.day)}: ${d.actions} actions</title></rect>`;
    })
    .join('');
  const firstDay = esc(days[0]!.day);
  const lastDay = esc(days[days.length - 1]!.day);
  return (
    `<svg class="timeline" role="img" aria-label="actions per day" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">` +
    `<text x="${left - 4}" y="14" text-anchor="end">${max}</text><text x="${left - 4}" y="${height - 20}" text-anchor="end">0</text>` +
    `<line x1="${left}" y1="${height - 20}" x2="${width - 10}" y2="${height - 20}" class="axis"/>` +
    bars +
    `<text x="${left}" y="${height - 4}">${firstDay}</text><text x="${width - 10}" y="${height - 4}" text-anchor="end">${lastDay}</text>` +
    '</svg>'
  );
}

/** 7 rows (Monday first) × 24 hour columns, UTC; darker cells hold more actions. */
export function heatmapSvg(hourOfWeek: readonly number[]): string {
  const cell = 22;
  const left = 40;
  const top = 18;
  const max = Math.max(1, ...hourOfWeek.slice(0, 168));
  const cells: string[] = [];
  for (let d = 0; d < 7; d++) {
    for (let h = 0; h < 24; h++) {
      const n = hourOfWeek[d * 24 + h] ?? 0;
      const opacity = n === 0 ? 0 : 0.12 + 0.88 * (n / max);
      cells.push(
        `<rect x="${left + h * cell}" y="${top + d * cell}" width="${cell - 2}" height="${cell - 2}" class="${n === 0 ? 'empty' : 'hot'}"` +
          `${n === 0 ? '' : ` fill-opacity="${opacity.toFixed(3)}"`}><title>${WEEKDAYS[d]} ${String(h).padStart(2, '0')}:00 UTC: ${n} actions</title></rect>`,
      );
    }
  }
  const rows = WEEKDAYS.map((w, d) => `<text x="${left - 6}" y="${top + d * cell + 15}" text-anchor="end">${w}</text>`).join('');
  const cols = [0, 3, 6, 9, 12, 15, 18, 21].map((h) => `<text x="${left + h * cell + 2}" y="12">${String(h).padStart(2, '0')}</text>`).join('');
  const width = left + 24 * cell + 10;
  const height = top + 7 * cell + 4;
  return (
    `<svg class="heatmap" role="img" aria-label="actions per hour of week, UTC" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">` +
    rows + cols + cells.join('') + '</svg>'
  );
}
