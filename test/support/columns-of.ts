// Test support: ActionColumns from a handful of actions, through the stores' own column builder.
import type { ActionColumns } from '../../src/core/columns.ts';
import type { Action } from '../../src/core/model.ts';
import { buildColumns, type ColumnRow } from '../../src/store/columns-builder.ts';

const joined = (values: readonly string[]): string | null => (values.length === 0 ? null : values.join('\n'));

/** Columns of `actions`, ordered by (time, platform, id) as a store reads them. */
export function columnsOf(actions: readonly Action[]): ActionColumns {
  const sorted = [...actions].sort(
    (x, y) => x.time - y.time || (x.platform < y.platform ? -1 : x.platform > y.platform ? 1 : 0) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0),
  );
  const rows: ColumnRow[] = sorted.map((a, seq) => [
    a.platform, a.id, a.account, a.kind, a.time, a.precision, a.target ?? null, a.shared ?? null, a.text ?? null,
    joined(a.urls), joined(a.hashtags), joined(a.media), seq,
  ]);
  return buildColumns(rows, rows.length);
}

/** A minimal action: platform `vk`, kind `comment`, minute precision, no lists, unless overridden. */
export function act(id: string, account: string, time: number, extra: Partial<Action> = {}): Action {
  return {
    platform: 'vk', id, account, kind: 'comment', time, precision: 'min',
    urls: [], hashtags: [], mentions: [], media: [], ...extra,
  };
}
