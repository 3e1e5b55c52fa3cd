// FiveThirtyEight / Clemson IRA tweets (russian-troll-tweets): `author, content, publish_date, post_type, …`, both
// the original release and the per-author re-cut in ../shared/data/ira (`author_id, external_author_id, …`).
// Times have minute precision; post_type R/RETWEET = share, Q/QUOTE_TWEET = quote. The re-cut has no tweet ids,
// so ids are derived (identical rows of one account in the same minute are one action).
import type { Account, Action, ActionKind } from '../../core/model.ts';
import { hasColumns } from '../head.ts';
import { readTable } from '../records.ts';
import { present } from '../values.ts';
import { columnIndex, rawOf } from './columns.ts';
import { optionalCount, required, requiredTime } from './field-check.ts';
import { derivedId } from './generic.ts';
import type { Format } from './types.ts';

function kindOf(postType: string | undefined, retweet: string | undefined): ActionKind {
  const t = (postType ?? '').trim().toUpperCase();
  if (t === 'R' || t === 'RETWEET') return 'share';
  if (t === 'Q' || t === 'QUOTE_TWEET') return 'quote';
  return retweet?.trim() === '1' ? 'share' : 'post';
}

export const ira: Format = {
  name: 'ira',
  summary: 'FiveThirtyEight IRA tweets CSV (author/author_id, content, publish_date, post_type, …; .gz as is)',
  platform: 'twitter',
  containers: ['csv'],
  sniff: (head) =>
    hasColumns(head.header, ['external_author_id', 'content', 'publish_date', 'post_type']) &&
    (hasColumns(head.header, ['author']) || hasColumns(head.header, ['author_id'])),
  async read(source, head, options, sink) {
    const platform = options.platform ?? this.platform;
    await readTable(source, head, sink, (header) => {
      const c = columnIndex(header);
      const author = c.at('author_id') >= 0 ? c.at('author_id') : c.at('author');
      const [content, date, postType, retweet, tweetId, followers, following] = [
        'content', 'publish_date', 'post_type', 'retweet', 'tweet_id', 'followers', 'following',
      ].map(c.at) as [number, number, number, number, number, number, number];
      const urlCols = ['tco1_step1', 'tco2_step1', 'tco3_step1'].map(c.at).filter((i) => i >= 0);
      const rest = c.rest([author, content, date, postType, tweetId, ...urlCols]);
      return (f, line) => {
        const account = required(sink, line, header[author] ?? 'author', c.get(f, author));
        if (account === undefined) return;
        const time = requiredTime(sink, line, 'publish_date', f[date], 'min');
        if (time === undefined) return;
        const text = f[content] ?? '';
        const urls: string[] = [];
        for (const i of urlCols) {
          const u = present(f[i]);
          if (u !== undefined) urls.push(u);
        }
        const action: Action = {
          platform,
          id: present(c.get(f, tweetId)) ?? derivedId(platform, account, time.ms, text, ''),
          account, kind: kindOf(c.get(f, postType), c.get(f, retweet)), time: time.ms, precision: 'min',
          urls, hashtags: [], mentions: [], media: [],
        };
        if (text !== '') action.text = text;
        const raw = rawOf(header, f, rest);
        if (raw) action.raw = raw;
        sink.action(action);
        const profile: Account = { platform, id: account, handle: account };
        const fo = optionalCount(sink, line, 'followers', c.get(f, followers));
        const fi = optionalCount(sink, line, 'following', c.get(f, following));
        if (fo !== undefined) profile.followers = fo;
        if (fi !== undefined) profile.following = fi;
        sink.account(profile);
      };
    });
  },
};
