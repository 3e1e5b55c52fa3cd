// Rows of the generic CSV/JSONL contract (pure): actions.csv, accounts.csv and truth.csv. The importer
// recognises these headers without a column mapping.
import { clientOn } from './factories.ts';
import type { SimAccount, SimAction, World } from './types.ts';

export const ACTION_HEADER = ['id', 'platform', 'account', 'time', 'kind', 'target', 'shared', 'text', 'url',
  'hashtag', 'mention', 'media', 'lang'] as const;
export const ACCOUNT_HEADER = ['platform', 'account', 'handle', 'name', 'created', 'bio', 'avatar', 'followers',
  'following', 'url'] as const;
export const TRUTH_HEADER = ['platform', 'account', 'label', 'factory', 'operator', 'client', 'role'] as const;

const DAY_MS = 86_400_000;
let cachedDay = NaN;
let cachedPrefix = '';
const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** ISO-8601 UTC with whole seconds: 2026-03-01T10:15:00Z (the date part is cached: this runs per row). */
export function isoSeconds(t: number): string {
  const day = Math.floor(t / DAY_MS);
  if (day !== cachedDay) {
    cachedDay = day;
    cachedPrefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
  }
  const s = Math.floor((t - day * DAY_MS) / 1000);
  return `${cachedPrefix}${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}Z`;
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One CSV field, quoted when it has to be (RFC 4180). */
export function csvField(value: string): string {
  return value !== '' && NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const join = (xs: readonly string[] | undefined): string => (xs === undefined || xs.length === 0 ? '' : csvField(xs.join(' ')));

/** actions.csv line of an action, built directly (the hot path of a 10M-row run). */
export function genericActionLine(a: SimAction, w: World, platform: string): string {
  return `${a.n},${platform},${(w.accounts[a.account] as SimAccount).id},${isoSeconds(a.time)},${a.kind},` +
    `${a.target ? a.target.n : ''},${a.shared ? a.shared.n : ''},${csvField(a.text)},${join(a.urls)},` +
    `${join(a.hashtags)},${join(a.mentions)},${join(a.media)},${a.lang}\n`;
}

/** One CSV line with its newline. */
export function csvLine(values: readonly string[]): string {
  return values.map(csvField).join(',') + '\n';
}

/** The generic id of an action. */
export function actionId(a: SimAction): string {
  return String(a.n);
}

/** Generic action record; list fields are arrays (CSV joins them with spaces). */
export function genericAction(a: SimAction, w: World, platform: string) {
  return {
    id: actionId(a),
    platform,
    account: String((w.accounts[a.account] as SimAccount).id),
    time: isoSeconds(a.time),
    kind: a.kind,
    target: a.target ? actionId(a.target) : '',
    shared: a.shared ? actionId(a.shared) : '',
    text: a.text,
    url: a.urls ?? [],
    hashtag: a.hashtags ?? [],
    mention: a.mentions ?? [],
    media: a.media ?? [],
    lang: a.lang,
  };
}

/** Generic account record; `avatar` only when photo files are written. */
export function genericAccount(a: SimAccount, platform: string, withPhotos: boolean) {
  return {
    platform,
    account: String(a.id),
    handle: a.handle,
    name: a.name,
    created: isoSeconds(a.created),
    bio: a.bio,
    avatar: withPhotos && a.photo ? a.photo.file : '',
    followers: a.followers,
    following: a.following,
    url: `https://www.${platform}.com/${a.handle || `profile.php?id=${a.id}`}`,
  };
}

/** Ground truth of one account; `client` of a network that switched sides reads `old>new`. */
export function truthRecord(a: SimAccount, w: World, platform: string, accountId: string) {
  const f = a.factory >= 0 ? w.factories[a.factory] : undefined;
  const clients = f ? [...new Set(f.schedule.map((s) => w.clients[s.client]?.id ?? ''))].join('>') : '';
  const op = f ? f.operators.find((o) => o.index === a.operator) : undefined;
  const client = a.role === 'politician' || a.role === 'supporter' ? (w.clients[a.role === 'politician' ? (w.pages[a.group]?.client ?? -1) : a.group]?.id ?? '') : clients;
  return { platform, account: accountId, label: a.label, factory: f?.id ?? '', operator: op?.id ?? '', client, role: a.role };
}

/** The client a factory works for at `day`, by id (for manifests). */
export function clientIdOn(w: World, factory: number, day: number): string {
  const f = w.factories[factory];
  return f ? (w.clients[clientOn(f, day)]?.id ?? '') : '';
}

/** CSV line of a record in header order (arrays joined by spaces). */
export function recordLine(header: readonly string[], rec: Record<string, unknown>): string {
  return csvLine(header.map((h) => {
    const v = rec[h];
    return Array.isArray(v) ? v.join(' ') : String(v ?? '');
  }));
}
