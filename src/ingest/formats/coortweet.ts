// CooRTweet's input tables (../shared/data/coortweet). Ids are kept exactly as in the input, because detection
// writes them back to CSV next to CooRTweet's own output.
// - four columns `object_id, account_id, content_id, timestamp_share`: each row is a share of object_id
//   (→ shared) by account_id, with content_id as the action id; unix seconds.
// - `german_elections`: `account_id, post_id, url_id, hashtag_id, domain_id, phash_id, timestamp`; post_id is the
//   action id, url_id becomes the opaque link `url_<n>`, phash_id the media `phash_<n>`, hashtag_id the
//   hashtag `hashtag_<n>`, domain_id stays in raw; the platform comes from the account prefix fb_/tw_; NA = none.
//   A post with several links or hashtags has one row per value: rows of one post are merged into one action.
import type { Action } from '../../core/model.ts';
import { hasColumns } from '../head.ts';
import { readTable } from '../records.ts';
import { present } from '../values.ts';
import { columnIndex } from './columns.ts';
import { required, requiredTime } from './field-check.ts';
import type { Format, Sink } from './types.ts';

const FOUR = ['object_id', 'account_id', 'content_id', 'timestamp_share'];
const GERMAN = ['account_id', 'post_id', 'url_id', 'hashtag_id', 'domain_id', 'phash_id', 'timestamp'];

function platformOf(account: string, override: string | undefined): string {
  if (override) return override;
  if (account.startsWith('fb_')) return 'facebook';
  if (account.startsWith('tw_')) return 'twitter';
  return 'twitter';
}

function addUnique(list: string[], value: string | undefined, prefix: string): void {
  if (value === undefined) return;
  const v = prefix + value;
  if (!list.includes(v)) list.push(v);
}

async function readGerman(source: Parameters<Format['read']>[0], head: Parameters<Format['read']>[1], override: string | undefined, sink: Sink): Promise<void> {
  // Rows of one post are scattered through the file, so posts are merged in memory (≈ 200k for the full table).
  const posts = new Map<string, Action>();
  const collisions: Action[] = [];
  await readTable(source, head, sink, (header) => {
    const c = columnIndex(header);
    const [acc, post, url, tag, domain, phash, ts] = GERMAN.map(c.at) as [number, number, number, number, number, number, number];
    return (f, line) => {
      const account = required(sink, line, 'account_id', f[acc]);
      const id = required(sink, line, 'post_id', f[post]);
      if (account === undefined || id === undefined) return;
      const time = requiredTime(sink, line, 'timestamp', f[ts]);
      if (time === undefined) return;
      const platform = platformOf(account, override);
      const key = `${platform}:${id}`;
      let a = posts.get(key);
      if (a === undefined) {
        a = { platform, id, account, kind: 'post', time: time.ms, precision: time.precision, urls: [], hashtags: [], mentions: [], media: [] };
        posts.set(key, a);
      } else if (a.account !== account) {
        // The same post id under another account: keep the first, count the row as a duplicate.
        collisions.push({ ...a, account, urls: [], hashtags: [], media: [] });
        return;
      }
      addUnique(a.urls, present(f[url]), 'url_');
      addUnique(a.hashtags, present(f[tag]), 'hashtag_');
      addUnique(a.media, present(f[phash]), 'phash_');
      const d = present(f[domain]);
      if (d !== undefined) {
        const raw = (a.raw ??= {});
        const known = raw.domain_id;
        if (known === undefined) raw.domain_id = d;
        else if (Array.isArray(known)) {
          if (!known.includes(d)) known.push(d);
        } else if (known !== d) raw.domain_id = [known, d];
      }
    };
  });
  let n = 0;
  for (const a of [...posts.values(), ...collisions]) {
    sink.action(a);
    if (++n % 5000 === 0) await sink.drain();
  }
}

export const coortweet: Format = {
  name: 'coortweet',
  summary: "CooRTweet tables: object_id, account_id, content_id, timestamp_share (shares) or the german_elections table (account_id, post_id, url_id, hashtag_id, domain_id, phash_id, timestamp)",
  platform: 'twitter',
  containers: ['csv'],
  sniff: (head) => hasColumns(head.header, FOUR) || hasColumns(head.header, GERMAN),
  async read(source, head, options, sink) {
    if (!hasColumns(head.header, FOUR)) {
      await readGerman(source, head, options.platform, sink);
      return;
    }
    await readTable(source, head, sink, (header) => {
      const c = columnIndex(header);
      const [obj, acc, content, ts] = FOUR.map(c.at) as [number, number, number, number];
      return (f, line) => {
        const account = required(sink, line, 'account_id', f[acc]);
        const id = required(sink, line, 'content_id', f[content]);
        const shared = required(sink, line, 'object_id', f[obj]);
        if (account === undefined || id === undefined || shared === undefined) return;
        const time = requiredTime(sink, line, 'timestamp_share', f[ts]);
        if (time === undefined) return;
        sink.action({
          platform: platformOf(account, options.platform), id, account, kind: 'share', shared, time: time.ms,
          precision: time.precision, urls: [], hashtags: [], mentions: [], media: [],
        });
      };
    });
  },
};
