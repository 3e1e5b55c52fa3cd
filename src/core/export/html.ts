// HTML escaping for reports: every piece of text that came from data (posts, handles, URLs, keys) goes through
// `esc` before it reaches the page, so a comment such as `<script>…</script>` is shown, never run.

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for use in HTML content and in double- or single-quoted attribute values. */
export function esc(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}

/** An http(s) URL fit for an href, escaped; anything else (javascript:, data:, relative) gives undefined. */
export function safeHref(url: string | undefined): string | undefined {
  if (url === undefined || !/^https?:\/\/[^\s]+$/i.test(url.trim())) return undefined;
  return esc(url.trim());
}

/** `2024-03-01 14:05Z` from ms since the epoch. */
export function isoMinute(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + 'Z';
}

/** A short duration: `45 s`, `12 min`, `5.5 h`, `3.2 days`. */
export function duration(ms: number): string {
  const s = ms / 1000;
  if (s < 60) return `${Math.round(s)} s`;
  if (s < 3600) return `${Math.round(s / 60)} min`;
  if (s < 86_400) return `${(s / 3600).toFixed(1)} h`;
  return `${(s / 86_400).toFixed(1)} days`;
}
