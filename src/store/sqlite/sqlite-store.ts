// The embedded store: one SQLite file (better-sqlite3, WAL). Default `trollmap.db` in the working directory.
import Database from 'better-sqlite3';
import { UserError } from '../../core/errors.ts';
import type { Account, Action, Platform } from '../../core/model.ts';
import type { AccountFinding, DetectionRun } from '../../core/run.ts';
import type {
  ActionColumns, ActionFilter, ImportSession, NewPhoto, PhotoFilter, Store, StoreStats, StoredBatch, StoredPhoto,
} from '../store.ts';
import { ACCOUNT_COLUMNS, ACCOUNTS_JSON_SQL, accountFromRaw, rowToAccount, rowToAction, type AccountRow, type ActionRow } from './codec.ts';
import { openImportSession } from './import-session.ts';
import { readColumns, type ReadColumnsOptions } from './columns.ts';
import type { PrefetchedAccounts } from './snapshot-helper.ts';
import { MIGRATIONS } from './migrations.ts';
import { insertPhotos, listPhotos } from './photos.ts';
import { getAccountEdges, getAccountFinding, getRun, saveRun } from './runs.ts';
import { computeStats } from './stats.ts';

type Db = Database.Database;

/** Opens (creating if needed) a trollmap SQLite file and brings its schema up to date. */
export async function openSqliteStore(
  path: string,
  options: {
    readonly?: boolean;
    /** ms to wait for another writer (default 5000) */
    busyTimeout?: number;
    /** When and how a read from the rows takes two threads (parallel-scan.ts; tests and tuning). */
    twoThreadReads?: ReadColumnsOptions['parallel'];
  } = {},
): Promise<Store> {
  let db: Db;
  try {
    db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (e) {
    throw new UserError(`cannot open database ${path}: ${(e as Error).message}`, { cause: e });
  }
  try {
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma(`busy_timeout = ${options.busyTimeout ?? 5000}`);
    db.pragma('cache_size = -131072');
    if (!options.readonly) migrate(db);
  } catch (e) {
    db.close();
    if (e instanceof Database.SqliteError) {
      throw new UserError(`${path} is not a usable trollmap database: ${e.message}`, { cause: e });
    }
    throw e;
  }
  return new SqliteStore(db, path, options.twoThreadReads);
}

function migrate(db: Db): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const row = db.prepare('SELECT version FROM schema_version').get() as { version: number } | undefined;
  const current = row?.version ?? 0;
  if (current > MIGRATIONS.length) {
    throw new UserError(`database schema version ${current} is newer than this trollmap (${MIGRATIONS.length}); upgrade trollmap`);
  }
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v] as string);
      db.prepare('DELETE FROM schema_version').run();
      db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(v + 1);
    }).immediate();
  }
}

interface BatchRow {
  id: number;
  source: string;
  format: string;
  sha256: string;
  rows_read: number;
  actions_added: number;
  actions_duplicate: number;
  accounts_added: number;
  bad_rows: number;
  issues: string;
  imported_at: number;
}

function rowToBatch(r: BatchRow): StoredBatch {
  return {
    id: r.id,
    source: r.source,
    format: r.format,
    sha256: r.sha256,
    rowsRead: r.rows_read,
    actionsAdded: r.actions_added,
    actionsDuplicate: r.actions_duplicate,
    accountsAdded: r.accounts_added,
    badRows: r.bad_rows,
    issues: JSON.parse(r.issues) as StoredBatch['issues'],
    importedAt: r.imported_at,
  };
}

/**
 * The accounts among raw `rows` (ACCOUNT_COLUMNS order) whose key is in `at`, in the order of its values (0 … n − 1,
 * distinct); only those are built (accountFromRaw).
 */
function inKeyOrder(at: ReadonlyMap<string, number>, rows: Iterable<unknown[]>): Account[] {
  const placed = new Array<Account | undefined>(at.size).fill(undefined);
  for (const r of rows) {
    const i = at.get(`${r[0] as string}:${r[1] as string}`);
    if (i !== undefined) placed[i] = accountFromRaw(r);
  }
  return placed.filter((a): a is Account => a !== undefined);
}

class SqliteStore implements Store {
  private inImport = false;
  /** Snapshot writes a helper thread is doing for reads of this store (each settles, never rejects). */
  private readonly snapshotWrites = new Set<Promise<boolean>>();
  /**
   * The accounts table as the last two-thread read's helper read it, with that read's rows (never rejects): the next
   * getAccounts of most of the table uses it instead of reading the table again. Used once; dropped by the next read
   * or import.
   */
  private prefetched: Promise<PrefetchedAccounts | undefined> | undefined;

  constructor(
    private readonly db: Db,
    readonly location: string,
    private readonly twoThreadReads?: ReadColumnsOptions['parallel'],
  ) {}

  /**
   * Settles when the scan helper has stored every snapshot it was handed. This store's own writes (an import, a run)
   * and its close wait for it instead of racing it for the write lock: on a loaded machine that write can take longer
   * than the busy timeout.
   */
  private async snapshotsWritten(): Promise<void> {
    await Promise.all(this.snapshotWrites);
  }

  async findBatch(sha256: string): Promise<StoredBatch | undefined> {
    const r = this.db.prepare('SELECT * FROM batches WHERE sha256 = ?').get(sha256) as BatchRow | undefined;
    return r && rowToBatch(r);
  }

  async listBatches(): Promise<StoredBatch[]> {
    return (this.db.prepare('SELECT * FROM batches ORDER BY id').all() as BatchRow[]).map(rowToBatch);
  }

  async beginImport(): Promise<ImportSession> {
    await this.snapshotsWritten();
    if (this.inImport) throw new Error('an import session is already open on this store');
    this.prefetched = undefined;
    const db = this.db;
    try {
      db.exec('BEGIN IMMEDIATE');
    } catch (e) {
      if (e instanceof Database.SqliteError && /^SQLITE_BUSY/.test(e.code)) {
        throw new UserError(`database ${this.location} is busy: another trollmap process is writing to it; try again when it finishes`, { cause: e });
      }
      throw e;
    }
    this.inImport = true;
    try {
      return openImportSession(db, () => {
        this.inImport = false;
      });
    } catch (e) {
      db.exec('ROLLBACK');
      this.inImport = false;
      throw e;
    }
  }

  async getAccount(platform: Platform, id: string): Promise<Account | undefined> {
    const r = this.db.prepare('SELECT * FROM accounts WHERE platform = ? AND id = ?').get(platform, id) as
      | AccountRow
      | undefined;
    return r && rowToAccount(r);
  }

  async getAction(platform: Platform, id: string): Promise<Action | undefined> {
    const r = this.db.prepare('SELECT * FROM actions WHERE platform = ? AND id = ?').get(platform, id) as
      | ActionRow
      | undefined;
    return r && rowToAction(r);
  }

  async getAccounts(keys: readonly string[]): Promise<Account[]> {
    // Most of the table (a detect over all actions): the accounts the scan helper read with the action rows, else
    // the table read here the same way (ACCOUNTS_JSON_SQL), each row put at its key's place (no probe per key).
    // Fewer keys: one statement for all of them, SQLite walking the JSON array in C and joining on the primary key,
    // in the keys' order (one statement per key cost 1.7 s for 75k accounts).
    const prefetched = await this.prefetched;
    this.prefetched = undefined;
    const total = prefetched?.count ?? (this.db.prepare('SELECT count(*) AS n FROM accounts').get() as { n: number }).n;
    if (keys.length > 0 && keys.length * 2 >= total) {
      const at = new Map<string, number>();
      for (let i = 0; i < keys.length; i++) at.set(keys[i]!, i);
      if (at.size === keys.length) {
        const json = prefetched?.json ?? (this.db.prepare(ACCOUNTS_JSON_SQL).raw().get() as [string, number])[0];
        return inKeyOrder(at, JSON.parse(json) as unknown[][]);
      }
    }
    const pairs: [string, string][] = [];
    for (const key of keys) {
      const at = key.indexOf(':');
      if (at > 0) pairs.push([key.slice(0, at), key.slice(at + 1)]);
    }
    if (pairs.length === 0) return [];
    const rows = this.db
      .prepare(
        `SELECT ${ACCOUNT_COLUMNS.replace(/(\w+)/g, 'a.$1')} FROM json_each(?) AS k
         JOIN accounts AS a ON a.platform = k.value ->> 0 AND a.id = k.value ->> 1
         ORDER BY k.key`,
      )
      .raw()
      .all(JSON.stringify(pairs)) as unknown[][];
    return rows.map(accountFromRaw);
  }

  async *iterateAccounts(): AsyncIterable<Account> {
    for (const r of this.db.prepare('SELECT * FROM accounts ORDER BY platform, id').iterate()) {
      yield rowToAccount(r as AccountRow);
    }
  }

  async readActionColumns(filter: ActionFilter = {}, options: { onColumns?: (columns: ActionColumns) => void; oneThread?: boolean } = {}): Promise<ActionColumns> {
    // A snapshot the previous read's helper is still writing is this read's source: wait for it, rather than read
    // every row again.
    await this.snapshotsWritten();
    this.prefetched = undefined;
    const onAccounts = (accounts: Promise<PrefetchedAccounts | undefined>): void => {
      this.prefetched = accounts;
    };
    // A snapshot stored by a helper thread is awaited by snapshotsWritten().
    const onSnapshotWrite = (stored: Promise<boolean>): void => {
      this.snapshotWrites.add(stored);
      void stored.finally(() => this.snapshotWrites.delete(stored));
    };
    return readColumns(this.db, filter, {
      ...(options.onColumns ? { onColumns: options.onColumns } : {}),
      ...(options.oneThread ? { parallel: { minRows: Number.POSITIVE_INFINITY } } : this.twoThreadReads ? { parallel: this.twoThreadReads } : {}),
      onSnapshotWrite, onAccounts,
    });
  }

  async stats(options: { top?: number } = {}): Promise<StoreStats> {
    return computeStats(this.db, options.top ?? 10);
  }

  async saveRun(run: DetectionRun): Promise<number> {
    await this.snapshotsWritten();
    return saveRun(this.db, run);
  }

  async getRun(id?: number): Promise<DetectionRun | undefined> {
    return getRun(this.db, id);
  }

  async getAccountFinding(account: string, runId?: number): Promise<AccountFinding | undefined> {
    return getAccountFinding(this.db, account, runId);
  }

  async getAccountEdges(account: string, runId?: number): ReturnType<Store['getAccountEdges']> { return getAccountEdges(this.db, account, runId); }

  async addPhotos(photos: readonly NewPhoto[]): Promise<number> {
    if (this.inImport) throw new Error('addPhotos while an import session is open: use the session\'s putPhotos');
    return this.db.transaction(() => insertPhotos(this.db, photos, undefined)).immediate();
  }

  async listPhotos(filter?: PhotoFilter): Promise<StoredPhoto[]> {
    return listPhotos(this.db, filter);
  }

  async close(): Promise<void> {
    await this.snapshotsWritten();
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
    this.db.close();
  }
}
