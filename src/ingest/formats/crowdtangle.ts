// CrowdTangle CSV exports. Facebook pages and groups, old headers (`Created`) and new ones (`Post Created`,
// `Followers at Posting`, `Page Created`, …), and the Instagram variant (`Account, User Name, …, Description`).
// The post's permalink (`URL`) is its id; times carry a zone abbreviation (`2021-03-01 12:34:56 EST`).
import type { Account, Action } from '../../core/model.ts';
import { hasColumns } from '../head.ts';
import { readTable } from '../records.ts';
import { present } from '../values.ts';
import { columnIndex, rawOf } from './columns.ts';
import { assignDefined, optionalCount, optionalTime, required, requiredTime } from './field-check.ts';
import { derivedId } from './generic.ts';
import type { Format } from './types.ts';

const FIELDS = [
  'page name', 'group name', 'account', 'user name', 'facebook id', 'post created', 'created', 'url', 'message',
  'description', 'title', 'link', 'final link', 'photo', 'followers at posting', 'page created', 'page description',
] as const;

export const crowdtangle: Format = {
  name: 'crowdtangle',
  summary: 'CrowdTangle CSV: Facebook pages/groups (old and new headers) and Instagram (Account, User Name, Post Created, URL, …)',
  platform: 'facebook',
  containers: ['csv'],
  sniff: (head) =>
    (hasColumns(head.header, ['Facebook Id', 'URL']) && (hasColumns(head.header, ['Post Created']) || hasColumns(head.header, ['Created']))) ||
    hasColumns(head.header, ['Account', 'User Name', 'Post Created', 'URL']),
  async read(source, head, options, sink) {
    const instagram = !hasColumns(head.header, ['Facebook Id']);
    const platform = options.platform ?? (instagram ? 'instagram' : this.platform);
    await readTable(source, head, sink, (header) => {
      const c = columnIndex(header);
      const i = Object.fromEntries(FIELDS.map((n) => [n, c.at(n)])) as Record<(typeof FIELDS)[number], number>;
      const timeCol = i['post created'] >= 0 ? i['post created'] : i.created;
      const rest = c.rest(Object.values(i));
      const cell = (f: string[], n: (typeof FIELDS)[number]): string | undefined => present(c.get(f, i[n]));
      return (f, line) => {
        const idField = instagram ? 'User Name' : 'Facebook Id';
        const account = required(sink, line, idField, instagram ? cell(f, 'user name') : cell(f, 'facebook id'));
        if (account === undefined) return;
        const time = requiredTime(sink, line, header[timeCol] ?? 'Post Created', c.get(f, timeCol));
        if (time === undefined) return;
        const text = instagram ? (cell(f, 'description') ?? cell(f, 'title')) : cell(f, 'message');
        const urls = [...new Set([cell(f, 'link'), cell(f, 'final link')].filter((u): u is string => u !== undefined))];
        const photo = cell(f, 'photo');
        const action = assignDefined<Action>(
          {
            platform, id: cell(f, 'url') ?? derivedId(platform, account, time.ms, text ?? '', ''), account, kind: 'post',
            time: time.ms, precision: time.precision, urls, hashtags: [], mentions: [], media: photo ? [photo] : [],
          },
          { text, raw: rawOf(header, f, rest) },
        );
        sink.action(action);
        const created = optionalTime(sink, line, 'Page Created', c.get(f, i['page created']));
        sink.account(assignDefined<Account>({ platform, id: account }, {
          handle: instagram ? account : cell(f, 'user name'),
          name: cell(f, 'page name') ?? cell(f, 'group name') ?? cell(f, 'account'),
          bio: cell(f, 'page description'),
          followers: optionalCount(sink, line, 'Followers at Posting', c.get(f, i['followers at posting'])),
          createdAt: created?.ms, createdPrecision: created?.precision,
        }));
      };
    });
  },
};
