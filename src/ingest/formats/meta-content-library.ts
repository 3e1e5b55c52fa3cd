// Meta Content Library CSV: `id, creation_time, text, link_attachment.link, post_owner.id, post_owner.name,
// surface.id, surface.name` (+ statistics and other columns kept in raw). A post made in a group or on another
// page (surface ≠ owner) has that surface as its target.
import type { Account, Action } from '../../core/model.ts';
import { hasColumns } from '../head.ts';
import { readTable } from '../records.ts';
import { present } from '../values.ts';
import { columnIndex, rawOf } from './columns.ts';
import { assignDefined, required, requiredTime } from './field-check.ts';
import type { Format } from './types.ts';

const FIELDS = ['id', 'creation_time', 'text', 'link_attachment.link', 'post_owner.id', 'post_owner.name', 'post_owner.username', 'surface.id', 'lang'] as const;

export const metaContentLibrary: Format = {
  name: 'meta-content-library',
  summary: 'Meta Content Library CSV (id, creation_time, text, link_attachment.link, post_owner.id, post_owner.name, surface.id, surface.name)',
  platform: 'facebook',
  containers: ['csv'],
  sniff: (head) => hasColumns(head.header, ['id', 'creation_time', 'post_owner.id']),
  async read(source, head, options, sink) {
    const platform = options.platform ?? this.platform;
    await readTable(source, head, sink, (header) => {
      const c = columnIndex(header);
      const i = Object.fromEntries(FIELDS.map((n) => [n, c.at(n)])) as Record<(typeof FIELDS)[number], number>;
      const rest = c.rest(Object.values(i));
      const cell = (f: string[], n: (typeof FIELDS)[number]): string | undefined => present(c.get(f, i[n]));
      return (f, line) => {
        const id = required(sink, line, 'id', c.get(f, i.id));
        const account = required(sink, line, 'post_owner.id', c.get(f, i['post_owner.id']));
        if (id === undefined || account === undefined) return;
        const time = requiredTime(sink, line, 'creation_time', c.get(f, i.creation_time));
        if (time === undefined) return;
        const surface = cell(f, 'surface.id');
        const link = cell(f, 'link_attachment.link');
        sink.action(assignDefined<Action>(
          { platform, id, account, kind: 'post', time: time.ms, precision: time.precision, urls: link ? [link] : [], hashtags: [], mentions: [], media: [] },
          { target: surface !== undefined && surface !== account ? surface : undefined, text: cell(f, 'text'), lang: cell(f, 'lang'), raw: rawOf(header, f, rest) },
        ));
        sink.account(assignDefined<Account>({ platform, id: account }, { name: cell(f, 'post_owner.name'), handle: cell(f, 'post_owner.username') }));
      };
    });
  },
};
