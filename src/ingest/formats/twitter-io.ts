// Twitter/X information-operations archive CSV (tweetid, userid, …, tweet_time, …, hashtags, urls, user_mentions).
// Quirks: hashed ids, minute-precision tweet_time, Python-style lists (`['a', 'b']`), counts like `0.0`,
// `absent` coordinates.
import type { Account, Action, ActionKind } from '../../core/model.ts';
import { hasColumns } from '../head.ts';
import { readTable } from '../records.ts';
import { parseList, present } from '../values.ts';
import { columnIndex, rawOf } from './columns.ts';
import { assignDefined, optionalCount, optionalTime, required, requiredTime } from './field-check.ts';
import type { Format } from './types.ts';

const USED = [
  'tweetid', 'userid', 'user_display_name', 'user_screen_name', 'user_reported_location', 'user_profile_description',
  'user_profile_url', 'follower_count', 'following_count', 'account_creation_date', 'account_language',
  'tweet_language', 'tweet_text', 'tweet_time', 'in_reply_to_tweetid', 'quoted_tweet_tweetid', 'is_retweet',
  'retweet_tweetid', 'hashtags', 'urls', 'user_mentions',
] as const;
// Counts in this archive are floats (`0.0`): kept in raw as numbers.
const COUNTS = new Set(['quote_count', 'reply_count', 'like_count', 'retweet_count']);

export const twitterIo: Format = {
  name: 'twitter-io',
  summary: 'Twitter/X information-operations archive CSV (tweetid, userid, tweet_time, tweet_text, is_retweet, hashtags, …)',
  platform: 'twitter',
  containers: ['csv'],
  sniff: (head) => hasColumns(head.header, ['tweetid', 'userid', 'tweet_time', 'tweet_text']),
  async read(source, head, options, sink) {
    const platform = options.platform ?? this.platform;
    await readTable(source, head, sink, (header) => {
      const c = columnIndex(header);
      const i = Object.fromEntries(USED.map((n) => [n, c.at(n)])) as Record<(typeof USED)[number], number>;
      const rest = c.rest(Object.values(i));
      const cell = (f: string[], n: (typeof USED)[number]): string | undefined => present(c.get(f, i[n]));
      const list = (f: string[], n: (typeof USED)[number], line: number): string[] => {
        const l = parseList(c.get(f, i[n]));
        if (l !== undefined) return l;
        sink.warn({ line, field: n, code: 'bad-value', message: `${n} is not a list ("${c.get(f, i[n])}"); expected ['a', 'b']` });
        return [];
      };
      return (f, line) => {
        const id = required(sink, line, 'tweetid', c.get(f, i.tweetid));
        const account = required(sink, line, 'userid', c.get(f, i.userid));
        if (id === undefined || account === undefined) return;
        const time = requiredTime(sink, line, 'tweet_time', c.get(f, i.tweet_time));
        if (time === undefined) return;
        const retweet = cell(f, 'retweet_tweetid');
        const quoted = cell(f, 'quoted_tweet_tweetid');
        const replyTo = cell(f, 'in_reply_to_tweetid');
        const isRetweet = /^(true|1)$/i.test(cell(f, 'is_retweet') ?? '');
        const kind: ActionKind = isRetweet ? 'share' : quoted ? 'quote' : replyTo ? 'reply' : 'post';
        const action = assignDefined<Action>(
          {
            platform, id, account, kind, time: time.ms, precision: time.precision,
            urls: list(f, 'urls', line), hashtags: list(f, 'hashtags', line), mentions: list(f, 'user_mentions', line), media: [],
          },
          { target: replyTo, shared: isRetweet ? retweet : quoted, text: c.get(f, i.tweet_text) || undefined, lang: cell(f, 'tweet_language') },
        );
        const raw = rawOf(header, f, rest.filter((k) => present(f[k]) !== undefined));
        if (raw) {
          for (const k of Object.keys(raw)) if (COUNTS.has(k) && Number.isFinite(Number(raw[k]))) raw[k] = Number(raw[k]);
          action.raw = raw;
        }
        sink.action(action);
        const created = optionalTime(sink, line, 'account_creation_date', c.get(f, i.account_creation_date));
        sink.account(assignDefined<Account>({ platform, id: account }, {
          handle: cell(f, 'user_screen_name'), name: cell(f, 'user_display_name'), location: cell(f, 'user_reported_location'),
          bio: cell(f, 'user_profile_description'), url: cell(f, 'user_profile_url'), lang: cell(f, 'account_language'),
          followers: optionalCount(sink, line, 'follower_count', c.get(f, i.follower_count)),
          following: optionalCount(sink, line, 'following_count', c.get(f, i.following_count)),
          createdAt: created?.ms, createdPrecision: created?.precision,
        }));
      };
    });
  },
};
