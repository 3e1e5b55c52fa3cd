// Columnar read of actions from SQLite: one ordered scan, raw arrays, no objects per row.
import type Database from 'better-sqlite3';
import { ACTION_KINDS, TIME_PRECISIONS } from '../../core/model.ts';
import { buildColumns, type ColumnRow } from '../columns-builder.ts';
import type { ActionColumns, ActionFilter } from '../store.ts';

export function filterSql(filter: ActionFilter): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (filter.kinds && filter.kinds.length > 0) {
    clauses.push(`kind IN (${filter.kinds.map(() => '?').join(', ')})`);
    params.push(...filter.kinds);
  }
  if (filter.platform !== undefined) {
    clauses.push('platform = ?');
    params.push(filter.platform);
  }
  if (filter.since !== undefined) {
    clauses.push('time_ms >= ?');
    params.push(filter.since);
  }
  if (filter.until !== undefined) {
    clauses.push('time_ms <= ?');
    params.push(filter.until);
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

export function readColumns(db: Database.Database, filter: ActionFilter): ActionColumns {
  const { where, params } = filterSql(filter);
  const count = (db.prepare(`SELECT count(*) AS n FROM actions ${where}`).get(...params) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT platform, id, account, ${indexSql('kind', ACTION_KINDS)}, time_ms, ${indexSql('time_precision', TIME_PRECISIONS)},
         target, shared, text, urls, hashtags, media, seq
       FROM actions ${where}`,
    )
    .raw()
    .iterate(...params) as IterableIterator<ColumnRow>;
  return buildColumns(rows, count);
}

/** The column's index in `names` computed by SQLite (no string per row for JavaScript to hash); −1 if unknown. */
function indexSql(column: string, names: readonly string[]): string {
  return `CASE ${column} ${names.map((n, i) => `WHEN '${n}' THEN ${i}`).join(' ')} ELSE -1 END`;
}
