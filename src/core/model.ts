// The platform-neutral data model: accounts, actions and import batches. Every importer maps to it;
// everything after ingest speaks only this model.

/** Platforms we know by name; any other lower-case name is allowed too (a news site's comments, say). */
export const KNOWN_PLATFORMS = [
  'twitter',
  'facebook',
  'instagram',
  'telegram',
  'youtube',
  'vk',
  'web',
  'unknown',
] as const;
export type Platform = string;

/** What an action is. `share` covers reposts, retweets and forwards. */
export const ACTION_KINDS = ['post', 'comment', 'reply', 'share', 'quote', 'reaction'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

/** How exact a time is in its source: the Twitter IO archive has minutes, Telegram seconds. */
export const TIME_PRECISIONS = ['ms', 's', 'min', 'h', 'day'] as const;
export type TimePrecision = (typeof TIME_PRECISIONS)[number];

/** Milliseconds in one unit of each precision. */
export const PRECISION_MS: Readonly<Record<TimePrecision, number>> = {
  ms: 1,
  s: 1000,
  min: 60_000,
  h: 3_600_000,
  day: 86_400_000,
};

declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

/** `platform:id`, the one key of an account across the whole store. */
export type AccountKey = Brand<string, 'AccountKey'>;
/** `platform:id` of an action. */
export type ActionKey = Brand<string, 'ActionKey'>;

export function accountKey(platform: Platform, id: string): AccountKey {
  return `${platform}:${id}` as AccountKey;
}

export function actionKey(platform: Platform, id: string): ActionKey {
  return `${platform}:${id}` as ActionKey;
}

/** Splits `platform:id` at the first colon; ids may contain colons themselves. */
export function splitKey(key: string): { platform: string; id: string } | undefined {
  const at = key.indexOf(':');
  if (at <= 0 || at === key.length - 1) return undefined;
  return { platform: key.slice(0, at), id: key.slice(at + 1) };
}

/** A profile on one platform. Absent fields are left out, never filled with guesses. */
export interface Account {
  platform: Platform;
  id: string;
  handle?: string;
  name?: string;
  /** Creation time, ms since the epoch (UTC). */
  createdAt?: number;
  createdPrecision?: TimePrecision;
  bio?: string;
  /** Path or URL of the profile photo as the export gives it. */
  avatar?: string;
  followers?: number;
  following?: number;
  url?: string;
  location?: string;
  lang?: string;
}

/** One thing an account did: a post, comment, reply, share, quote or reaction. */
export interface Action {
  platform: Platform;
  id: string;
  /** The acting account's platform id (same platform). */
  account: string;
  kind: ActionKind;
  /** ms since the epoch, UTC. */
  time: number;
  precision: TimePrecision;
  /** What the action is on or replies to: a post, thread or message id. */
  target?: string;
  /** The object shared: the reposted/forwarded/quoted post id. */
  shared?: string;
  text?: string;
  urls: string[];
  hashtags: string[];
  mentions: string[];
  /** Media references: file paths, URLs or hashes as the export gives them. */
  media: string[];
  lang?: string;
  /** Source columns that did not map to a field, kept so nothing is lost. */
  raw?: Record<string, unknown>;
}

/** An import of one file. */
export interface ImportBatch {
  source: string;
  format: string;
  sha256: string;
  rowsRead: number;
  actionsAdded: number;
  actionsDuplicate: number;
  accountsAdded: number;
  badRows: number;
  issues: Issue[];
  /** ms since the epoch. */
  importedAt: number;
}

/** A problem found in input data, kept as data (never thrown): where, what was found, what was expected. */
export interface Issue {
  file: string;
  /** 1-based line (CSV/JSONL) or record number (JSON); 0 when it concerns the whole file. */
  line: number;
  field?: string;
  code: IssueCode;
  message: string;
}

export type IssueCode =
  | 'missing-field'
  | 'bad-date'
  | 'bad-number'
  | 'bad-value'
  | 'ragged-row'
  | 'bad-json'
  | 'bad-encoding'
  | 'duplicate-id'
  | 'empty-file'
  | 'unknown-format';

/** An empty action: fills list fields so readers only set what they know. */
export function emptyLists(): Pick<Action, 'urls' | 'hashtags' | 'mentions' | 'media'> {
  return { urls: [], hashtags: [], mentions: [], media: [] };
}
