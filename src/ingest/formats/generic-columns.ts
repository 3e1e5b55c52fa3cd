// The generic format's column contract: which field each column feeds, from `--map field=column` first and then
// from common column names (the simulator's own headers need no mapping at all).
import { UserError } from '../../core/errors.ts';
import { normName } from '../head.ts';

/** Fields a column can be mapped to with `--map field=column`. */
export const MAP_FIELDS = [
  'id', 'platform', 'account', 'handle', 'name', 'time', 'kind', 'target', 'shared', 'text', 'url', 'hashtag',
  'mention', 'media', 'lang', 'created', 'bio', 'avatar', 'followers', 'following', 'profile_url', 'location',
] as const;
export type MapField = (typeof MAP_FIELDS)[number];

// Common names per field, most specific first. A column feeds at most one field.
const ALIASES: Record<MapField, readonly string[]> = {
  id: ['id', 'action_id', 'post_id', 'tweet_id', 'tweetid', 'status_id', 'message_id', 'comment_id'],
  platform: ['platform'],
  account: ['account', 'account_id', 'user_id', 'userid', 'author_id', 'from_id', 'owner_id', 'author', 'user', 'username'],
  handle: ['handle', 'screen_name', 'user_screen_name', 'user_name', 'username'],
  name: ['name', 'display_name', 'user_display_name', 'author_name', 'from'],
  time: ['time', 'timestamp', 'created_at', 'datetime', 'date', 'published_at', 'publish_date', 'created_time', 'date_unixtime'],
  kind: ['kind'],
  target: ['target', 'in_reply_to', 'in_reply_to_id', 'in_reply_to_status_id', 'reply_to', 'parent_id', 'thread_id'],
  shared: ['shared', 'shared_id', 'retweet_id', 'retweeted_id', 'repost_of', 'forwarded_from'],
  text: ['text', 'content', 'body', 'message', 'full_text', 'tweet_text', 'comment'],
  url: ['url', 'urls', 'link', 'links', 'expanded_url'],
  hashtag: ['hashtag', 'hashtags', 'tags'],
  mention: ['mention', 'mentions', 'user_mentions'],
  media: ['media', 'media_url', 'photo', 'photos', 'image', 'images'],
  lang: ['lang', 'language', 'tweet_language'],
  created: ['created', 'account_created', 'account_creation_date', 'user_created_at'],
  bio: ['bio', 'description', 'user_description', 'user_profile_description'],
  avatar: ['avatar', 'avatar_url', 'profile_image_url'],
  followers: ['followers', 'followers_count', 'follower_count'],
  following: ['following', 'following_count', 'friends_count'],
  profile_url: ['profile_url', 'user_profile_url'],
  location: ['location', 'user_location', 'user_reported_location'],
};

/** True when a JSON text mentions a key that names an account (so it plausibly holds generic records). */
export function mentionsAccountKey(text: string): boolean {
  return ALIASES.account.some((k) => new RegExp(`"${k}"\\s*:`, 'i').test(text));
}

/** Which column feeds each field; `accountsOnly` when the file lists accounts (no time column). */
export interface ColumnPlan {
  columns: Partial<Record<MapField, string>>;
  accountsOnly: boolean;
  /** Columns that feed no field: kept in `raw`. */
  rest: string[];
}

/** Parses `--map field=column` values into a record, with a message that lists the valid fields. */
export function parseMap(values: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) {
    const eq = v.indexOf('=');
    const field = eq < 0 ? '' : v.slice(0, eq).trim();
    const column = eq < 0 ? '' : v.slice(eq + 1).trim();
    if (field === '' || column === '') throw new UserError(`--map (${v}): expected field=column, such as account=user_id`);
    if (!(MAP_FIELDS as readonly string[]).includes(field)) {
      throw new UserError(`--map (${v}): unknown field "${field}"; expected one of ${MAP_FIELDS.join(', ')}`);
    }
    out[field] = column;
  }
  return out;
}

/** Plans the mapping for a file with these columns; `strict` checks that mapped columns exist (CSV headers). */
export function planColumns(
  columns: readonly string[],
  map: Readonly<Record<string, string>>,
  file: string,
  strict: boolean,
): ColumnPlan {
  const plan: Partial<Record<MapField, string>> = {};
  const used = new Set<string>();
  for (const [field, column] of Object.entries(map)) {
    if (strict && !columns.includes(column)) {
      throw new UserError(`--map ${field}=${column}: ${file} has no column "${column}"; its columns are ${columns.join(', ')}`);
    }
    plan[field as MapField] = column;
    used.add(column);
  }
  const byNorm = new Map<string, string>();
  for (const c of columns) if (!byNorm.has(normName(c))) byNorm.set(normName(c), c);
  for (const field of MAP_FIELDS) {
    if (plan[field] !== undefined) continue;
    for (const alias of ALIASES[field]) {
      const c = byNorm.get(alias);
      if (c !== undefined && !used.has(c)) {
        plan[field] = c;
        used.add(c);
        break;
      }
    }
  }
  const accountsOnly = plan.time === undefined && plan.account !== undefined && map.time === undefined;
  if (accountsOnly && plan.url !== undefined && plan.profile_url === undefined) {
    plan.profile_url = plan.url;
    delete plan.url;
  }
  return { columns: plan, accountsOnly, rest: columns.filter((c) => !used.has(c)) };
}
