// Rows of a Twitter/X information-operations archive tweets CSV (pure), with its quirks: hashed ids for
// accounts under 5 000 followers, minute-precision times, Python-style lists, counts as floats, `absent`
// coordinates. Reactions have no place in this format and are left out.
import { csvLine } from './format-generic.ts';
import { hash32 } from './rng.ts';
import type { SimAccount, SimAction, World } from './types.ts';

export const TWITTER_IO_HEADER = ['tweetid', 'userid', 'user_display_name', 'user_screen_name',
  'user_reported_location', 'user_profile_description', 'user_profile_url', 'follower_count', 'following_count',
  'account_creation_date', 'account_language', 'tweet_language', 'tweet_text', 'tweet_time', 'tweet_client_name',
  'in_reply_to_userid', 'in_reply_to_tweetid', 'quoted_tweet_tweetid', 'is_retweet', 'retweet_userid',
  'retweet_tweetid', 'latitude', 'longitude', 'quote_count', 'reply_count', 'like_count', 'retweet_count',
  'hashtags', 'urls', 'user_mentions', 'poll_choices'] as const;

/** A 64-hex-digit pseudo hash, as the archives publish in place of small accounts' ids. */
export function hashedId(text: string): string {
  let out = '';
  let h = 0x9747b28c;
  for (let i = 0; i < 8; i++) {
    h = hash32(`${i}:${text}`, h);
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}

const HASH_BELOW = 5000;

/** The archive's user id of an account: hashed when it has fewer than 5 000 followers. */
export function twitterUserId(a: SimAccount): string {
  return a.followers < HASH_BELOW ? hashedId(`user:${a.id}`) : String(a.id);
}

/** The archive's tweet id (real tweet ids are 19-digit snowflakes). */
export function tweetId(a: SimAction): string {
  return `15${String(a.n).padStart(17, '0')}`;
}

function pyList(items: readonly string[] | undefined): string {
  return `[${(items ?? []).map((s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`).join(', ')}]`;
}

function minute(t: number): string {
  return new Date(t).toISOString().slice(0, 16).replace('T', ' ');
}

const CLIENTS = ['Twitter for Android', 'Twitter for iPhone', 'Twitter Web App', 'Twitter for Android'];

/** One archive line for an action, or '' for a reaction (the format has none). */
export function twitterIoLine(a: SimAction, w: World, byHandle: ReadonlyMap<string, SimAccount>): string {
  if (a.kind === 'reaction') return '';
  const acc = w.accounts[a.account] as SimAccount;
  const small = acc.followers < HASH_BELOW;
  const uid = twitterUserId(acc);
  const replyTo = a.target;
  const src = a.shared;
  const srcAcc = src ? (w.accounts[src.account] as SimAccount) : undefined;
  let text = a.text;
  if (a.kind === 'share' && src && srcAcc) text = `RT @${twitterScreenName(srcAcc)}: ${src.text}`;
  if (a.urls?.length && !a.urls.every((u) => text.includes(u))) text = `${text} ${a.urls.join(' ')}`.trim();
  const mentions = (a.mentions ?? []).map((h) => {
    const m = byHandle.get(h);
    return m ? twitterUserId(m) : h;
  });
  // Operators mostly work from office computers; ordinary people from phones.
  const client = acc.label === 'troll' && acc.id % 10 < 7 ? 'Twitter Web App' : (CLIENTS[acc.id % CLIENTS.length] as string);
  return csvLine([
    tweetId(a), uid, small ? uid : acc.name, twitterScreenName(acc), '', small ? '' : acc.bio,
    small || !acc.handle ? '' : `https://twitter.com/${acc.handle}`, `${acc.followers}.0`, `${acc.following}.0`,
    new Date(acc.created).toISOString().slice(0, 10), 'ru', a.lang || 'und', text, minute(a.time), client,
    replyTo ? twitterUserId(w.accounts[replyTo.account] as SimAccount) : '', replyTo ? tweetId(replyTo) : '',
    a.kind === 'quote' && src ? tweetId(src) : '', a.kind === 'share' ? 'True' : 'False',
    a.kind === 'share' && srcAcc ? twitterUserId(srcAcc) : '', a.kind === 'share' && src ? tweetId(src) : '',
    'absent', 'absent', '0.0', '0.0', '0.0', '0.0', pyList(a.hashtags), pyList(a.urls), pyList(mentions), '',
  ]);
}

/** The archive's screen name: hashed like the id for small accounts. */
export function twitterScreenName(a: SimAccount): string {
  return a.followers < HASH_BELOW ? twitterUserId(a) : a.handle || `user${a.id}`;
}
