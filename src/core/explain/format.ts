// Small formatters shared by the explanations: gaps, p-values, shares, times, scores.

/** A time gap for people: `0s`, `42s`, `3m 05s`, `2h 07m`, `4d 3h`. */
export function formatGap(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  if (ms !== 0 && s === 0) return `${Math.abs(ms)}ms`;
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h ${String(m % 60).padStart(2, '0')}m`;
  return `${Math.floor(h / 24)}d ${h % 24}h`;
}

/** `p = 0.012`, `p = 3.2e-8`, `p < 1e-300`. */
export function formatP(p: number): string {
  if (p <= 0) return 'p < 1e-300';
  if (p >= 0.001) return `p = ${Number(p.toPrecision(2))}`;
  const [mantissa, exponent] = p.toExponential(1).split('e');
  return `p = ${mantissa}e${exponent}`;
}

/** A share as a whole percentage. */
export function formatShare(x: number): string {
  return `${Math.round(x * 100)}%`;
}

/** `2024-01-01 10:00Z`. */
export function formatTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + 'Z';
}

/** `2024-01-01`. */
export function formatDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A score with two decimals. */
export function formatScore(x: number): string {
  return x.toFixed(2);
}

/** `UTC+6`, `UTC−3:30`, `UTC`. */
export function formatOffset(hours: number): string {
  if (hours === 0) return 'UTC';
  const sign = hours > 0 ? '+' : '−';
  const h = Math.floor(Math.abs(hours));
  const m = Math.round((Math.abs(hours) - h) * 60);
  return `UTC${sign}${h}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
}

/** Shortens a one-line rendering of `s` to `max` characters with an ellipsis. */
export function clip(s: string, max: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : flat.slice(0, max - 1) + '…';
}

/** `1 day`, `3 days`: a count with its noun (plural by adding s). */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
