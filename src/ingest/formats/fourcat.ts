// 4CAT exports, CSV or NDJSON, with at least `id, thread_id, author, body, timestamp`. The opening post of a
// thread (id = thread_id) is a post; every other item is a comment on its thread.
import type { Action } from '../../core/model.ts';
import { hasColumns } from '../head.ts';
import { readJsonLines, readTable } from '../records.ts';
import { str } from '../values.ts';
import { assignDefined, requiredTime } from './field-check.ts';
import type { Format, Sink } from './types.ts';

const MIN = ['id', 'thread_id', 'author', 'body', 'timestamp'];
const USED = new Set([...MIN, 'unix_timestamp']);

function item(get: (k: string) => unknown, keys: readonly string[], line: number, platform: string, sink: Sink): void {
  const id = str(get('id'));
  const account = str(get('author'));
  if (id === undefined || account === undefined) {
    const field = id === undefined ? 'id' : 'author';
    sink.bad({ line, field, code: 'missing-field', message: `${field} is empty; expected a value` });
    return;
  }
  const time = requiredTime(sink, line, 'timestamp', get('unix_timestamp') ?? get('timestamp'));
  if (time === undefined) return;
  const thread = str(get('thread_id'));
  const raw: Record<string, unknown> = {};
  for (const k of keys) {
    const v = get(k);
    if (!USED.has(k) && v !== undefined && v !== null && v !== '') raw[k] = v;
  }
  const body = get('body');
  sink.action(assignDefined<Action>(
    { platform, id, account, kind: thread === undefined || thread === id ? 'post' : 'comment', time: time.ms, precision: time.precision, urls: [], hashtags: [], mentions: [], media: [] },
    {
      target: thread !== undefined && thread !== id ? thread : undefined,
      text: typeof body === 'string' && body !== '' ? body : undefined,
      raw: Object.keys(raw).length > 0 ? raw : undefined,
    },
  ));
}

export const fourCat: Format = {
  name: '4cat',
  summary: '4CAT CSV or NDJSON (id, thread_id, author, body, timestamp)',
  platform: 'web',
  containers: ['csv', 'jsonl'],
  sniff: (head) => hasColumns(head.header, MIN),
  async read(source, head, options, sink) {
    const platform = options.platform ?? this.platform;
    if (head.container === 'jsonl') {
      await readJsonLines(source, sink, (rec, line) => item((k) => rec[k], Object.keys(rec), line, platform, sink));
      return;
    }
    await readTable(source, head, sink, (header) => {
      const index = new Map(header.map((h, i) => [h, i]));
      return (f, line) => item((k) => {
        const i = index.get(k);
        return i === undefined ? undefined : f[i];
      }, header, line, platform, sink);
    });
  },
};
