// Columnar read of actions from SQLite: one ordered scan, raw arrays, no objects per row.
import Database from 'better-sqlite3';
import type { ActionColumns, ActionFilter } from '../store.ts';
import { planScan, scanRows } from './row-scan.ts';
import { parallelPays, scanInParallel, type TwoThreads } from './parallel-scan.ts';
import type { HandedSnapshot, SnapshotHelper } from './snapshot-helper.ts';
import { appendColumns } from '../columns-append.ts';
import { joinedOf, stringsOf } from '../../threads/joined-strings.ts';
import {
  debugNote, encodeSnapshot, fingerprintCounts, readSnapshot, snapshotFingerprint, tableFingerprint, writeSnapshot, type OptionalColumn,
} from './column-snapshot.ts';

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

export type { OptionalColumn } from './column-snapshot.ts';

/** Reads of fewer actions than this are not snapshotted (parsing them costs less than a write). */
export const SNAPSHOT_MIN_ACTIONS = 20_000;

/** Options of a columnar read. */
export interface ReadColumnsOptions {
  /** Columns to leave empty ('' texts, no values) because the caller's layers do not read them. */
  omit?: readonly OptionalColumn[];
  /** Use and write columnar snapshots (default true); a full read of at least `snapshotMinActions` writes one. */
  snapshot?: boolean;
  snapshotMinActions?: number;
  /**
   * Called with the columns as soon as they are built, before a snapshot is written (or encoded for the scan
   * helper to write): detect hands them to its worker thread here, so the worker computes meanwhile.
   */
  onColumns?: (columns: ActionColumns) => void;
  /** When a read from the rows takes two threads (scanInParallel; default: from PARALLEL_SCAN_MIN_ROWS rows). */
  parallel?: Omit<TwoThreads, 'fingerprint' | 'onHelper' | 'onAccounts'>;
  /** Given the accounts table when a two-thread read's helper read it with the rows (TwoThreads.onAccounts). */
  onAccounts?: TwoThreads['onAccounts'];
  /**
   * Given the write of the snapshot when the helper thread of a two-thread read stores it while this thread goes on
   * (a promise of whether it was stored, never rejected): the caller keeps the process alive until it settles.
   * Without it, this thread writes the snapshot before returning.
   */
  onSnapshotWrite?: (stored: Promise<boolean>) => void;
}

/**
 * The filtered actions as columns, in (time, platform, id) order: from a valid columnar snapshot when there is one,
 * else from the rows (and then, for a full read, a snapshot is written for the next run).
 */
export function readColumns(db: Database.Database, filter: ActionFilter, options: ReadColumnsOptions = {}): ActionColumns {
  const omit = options.omit ?? [];
  const built = (c: ActionColumns): ActionColumns => {
    const columns = withJoinedIds(c);
    options.onColumns?.(columns);
    return columns;
  };
  if (options.snapshot === false) return built(readRows(db, filter, omit));
  // One read transaction, so the fingerprint describes exactly the rows read.
  const own = !db.inTransaction;
  if (own) db.exec('BEGIN');
  let fingerprint: string;
  let dataVersion: number;
  let columns: ActionColumns;
  // The helper thread of a two-thread read, kept to store the snapshot (handed over or let go below).
  const kept: { helper?: SnapshotHelper } = {};
  try {
    try {
      fingerprint = tableFingerprint(db);
      dataVersion = db.pragma('data_version', { simple: true }) as number;
      const snap = readSnapshot(db, filter, fingerprint, omit);
      if (snap !== undefined) return built(snap);
      const two: TwoThreads = {
        fingerprint, ...options.parallel,
        ...(options.onSnapshotWrite ? { onHelper: (h: SnapshotHelper) => (kept.helper = h) } : {}),
        ...(options.onAccounts ? { onAccounts: options.onAccounts } : {}),
      };
      columns = built(readAppended(db, filter, omit, fingerprint) ?? readRows(db, filter, omit, two));
    } finally {
      if (own) db.exec('COMMIT');
    }
    if (own && omit.length === 0 && columns.count >= (options.snapshotMinActions ?? SNAPSHOT_MIN_ACTIONS)) {
      const { helper } = kept;
      if (helper === undefined || options.onSnapshotWrite === undefined || db.readonly) {
        writeSnapshot(db, filter, columns, fingerprint, dataVersion);
      } else {
        const handed = handedSnapshot(filter, columns, fingerprint);
        delete kept.helper;
        options.onSnapshotWrite(helper.store(handed));
      }
    }
    return columns;
  } finally {
    kept.helper?.dismiss();
  }
}

/**
 * `columns` with its ids kept joined (`stringsOf`; the join is the one the snapshot and the layers worker use): a
 * large read's million id strings are then garbage, and every later collection marks one string instead
 * (docs/tuning.md, "Seventh session": warm reads shorter, first reads unchanged).
 */
function withJoinedIds(columns: ActionColumns): ActionColumns {
  const ids = stringsOf(joinedOf(columns.ids));
  return ids === columns.ids ? columns : { ...columns, ids };
}

/** The snapshot of `columns` encoded whole (blobs that may move to another thread). */
function handedSnapshot(filter: ActionFilter, columns: ActionColumns, fingerprint: string): HandedSnapshot {
  const { key, parts } = encodeSnapshot(filter, columns, fingerprint, true);
  return { key, fingerprint, parts: [...parts] };
}

/**
 * When the stored unfiltered snapshot is stale only because actions were added since (every action it covers is
 * still stored: the same count and Σ seq up to its largest seq, and the same action at that seq; trollmap never
 * updates or deletes actions), that snapshot plus the rows after its largest seq, as one set of columns; else
 * undefined. Call inside a read transaction; `fingerprint` is the table's in it.
 */
export function readAppended(
  db: Database.Database, filter: ActionFilter, omit: readonly OptionalColumn[], fingerprint: string,
): ActionColumns | undefined {
  // A filtered snapshot need not hold the action at the table's largest seq, which the check below compares.
  if (filterSql(filter).where !== '') return undefined;
  const stale = snapshotFingerprint(db, {});
  const counts = stale === undefined ? undefined : fingerprintCounts(stale);
  const table = fingerprintCounts(fingerprint);
  if (stale === undefined || counts === undefined || table === undefined) return undefined;
  const { count, sum, last } = counts;
  // Count and Σ seq up to `last`: the table's less those of the rows added since (a short range of the rowid).
  const since = db.prepare('SELECT count(*) AS n, coalesce(sum(seq), 0) AS s FROM actions WHERE seq > ?').get(last) as { n: number; s: number };
  if (table.count - since.n !== count || table.sum - since.s !== sum) return undefined;
  const snapshot = readSnapshot(db, {}, stale, omit);
  if (snapshot === undefined) return undefined;
  // Its ids stay joined: the merge puts the new rows' after them when they come later in time (as imports do).
  // A deleted last action and a new one that took its seq keep count and Σ seq: compare that action too.
  const at = snapshot.seq.lastIndexOf(last);
  const row = db.prepare('SELECT platform, id FROM actions WHERE seq = ?').get(last) as { platform: string; id: string } | undefined;
  if (last > 0 && (at < 0 || row === undefined || row.id !== snapshot.ids[at] || row.platform !== snapshot.platforms[snapshot.platform[at]!])) return undefined;
  const after = scanRows(db, 'WHERE seq > ?', [last], omit, planScan(db, 'WHERE seq > ?', [last], undefined, since.n));
  debugNote(`columnar snapshot of ${snapshot.count} actions extended by ${after.count} added since`);
  return appendColumns(snapshot, after);
}

/**
 * The filtered actions as columns from the rows (one scan, in one read transaction); `omit`ted columns are read as
 * empty. With `twoThreads` (the fingerprint of the caller's read transaction), a large read is shared with a helper
 * thread.
 */
export function readRows(db: Database.Database, filter: ActionFilter, omit: readonly OptionalColumn[] = [], twoThreads?: TwoThreads): ActionColumns {
  const own = !db.inTransaction;
  if (own) db.exec('BEGIN');
  try {
    const { where, params } = filterSql(filter);
    // The caller's fingerprint (same transaction) holds the whole table's count: no second count(*) scan.
    const known = where === '' && twoThreads ? fingerprintCounts(twoThreads.fingerprint)?.count : undefined;
    const plan = planScan(db, where, params, twoThreads?.chunk, known);
    if (twoThreads && parallelPays(db, plan, twoThreads.minRows)) {
      return scanInParallel(db, plan, where, params, omit, twoThreads);
    }
    return scanRows(db, where, params, omit, plan);
  } finally {
    if (own) db.exec('COMMIT');
  }
}

/** How many actions `filter` selects in the SQLite file at `path` (a read-only connection of its own). */
export function countActionsAt(path: string, filter: ActionFilter): number {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const { where, params } = filterSql(filter);
    return (db.prepare(`SELECT count(*) AS n FROM actions ${where}`).get(...params) as { n: number }).n;
  } finally {
    db.close();
  }
}
