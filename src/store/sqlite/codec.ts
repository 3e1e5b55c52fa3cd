// Row <-> model mapping shared by the SQLite reads and writes. Lists are stored newline-joined (no list value
// in our model can hold a newline), NULL when empty.
import type { Account, Action, ActionKind, TimePrecision } from '../../core/model.ts';

export function joinList(values: readonly string[]): string | null {
  return values.length === 0 ? null : values.join('\n');
}

export function splitList(value: string | null): string[] {
  return value === null || value === '' ? [] : value.split('\n');
}

/** Drops undefined fields so optional properties stay absent (exactOptionalPropertyTypes). */
function defined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined || o[k] === null) delete o[k];
  return o;
}

export interface AccountRow {
  platform: string;
  id: string;
  handle: string | null;
  name: string | null;
  created_at: number | null;
  created_precision: string | null;
  bio: string | null;
  avatar: string | null;
  followers: number | null;
  following: number | null;
  url: string | null;
  location: string | null;
  lang: string | null;
}

/** The account columns in the order `accountFromRaw` reads them. */
export const ACCOUNT_COLUMNS =
  'platform, id, handle, name, created_at, created_precision, bio, avatar, followers, following, url, location, lang';

/**
 * The whole accounts table as the JSON of one array of rows (ACCOUNT_COLUMNS order), and its row count: SQLite
 * writes it in C and JSON.parse builds the arrays natively, where a row-by-row read pays better-sqlite3 per value
 * (the detect bench's 75,000 accounts, first read in a fresh process: 399–452 ms against 615–669 ms, five
 * alternations, scratch `.cache/acc12b.ts`).
 */
export const ACCOUNTS_JSON_SQL = `SELECT json_group_array(json_array(${ACCOUNT_COLUMNS})), count(*) FROM accounts`;

const OPTIONAL_ACCOUNT_FIELDS = [
  'handle', 'name', 'createdAt', 'createdPrecision', 'bio', 'avatar', 'followers', 'following', 'url', 'location', 'lang',
] as const;

/** An account from a raw row in ACCOUNT_COLUMNS order; absent fields are never set (no `delete`, which makes
 * objects slow dictionaries). */
export function accountFromRaw(r: readonly unknown[]): Account {
  const a: Record<string, unknown> = { platform: r[0], id: r[1] };
  for (let i = 0; i < OPTIONAL_ACCOUNT_FIELDS.length; i++) {
    const v = r[i + 2];
    if (v !== null && v !== undefined) a[OPTIONAL_ACCOUNT_FIELDS[i]!] = v;
  }
  return a as unknown as Account;
}

export function rowToAccount(r: AccountRow): Account {
  return accountFromRaw([
    r.platform, r.id, r.handle, r.name, r.created_at, r.created_precision, r.bio, r.avatar, r.followers, r.following,
    r.url, r.location, r.lang,
  ]);
}

export interface ActionRow {
  platform: string;
  id: string;
  account: string;
  kind: string;
  time_ms: number;
  time_precision: string;
  target: string | null;
  shared: string | null;
  text: string | null;
  urls: string | null;
  hashtags: string | null;
  mentions: string | null;
  media: string | null;
  lang: string | null;
  raw: string | null;
}

export function rowToAction(r: ActionRow): Action {
  const action = defined({
    platform: r.platform,
    id: r.id,
    account: r.account,
    kind: r.kind as ActionKind,
    time: r.time_ms,
    precision: r.time_precision as TimePrecision,
    target: r.target,
    shared: r.shared,
    text: r.text,
    lang: r.lang,
    raw: r.raw === null ? null : (JSON.parse(r.raw) as Record<string, unknown>),
  } as unknown as Action);
  action.urls = splitList(r.urls);
  action.hashtags = splitList(r.hashtags);
  action.mentions = splitList(r.mentions);
  action.media = splitList(r.media);
  return action;
}
