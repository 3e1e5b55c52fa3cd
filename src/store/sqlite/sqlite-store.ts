// The embedded store: one SQLite file (better-sqlite3, WAL). Default `trollmap.db` in the working directory.
import Database from 'better-sqlite3';
import { UserError } from '../../core/errors.ts';
import type { Account, Action, ImportBatch, Platform } from '../../core/model.ts';
import type { AccountFinding, DetectionRun } from '../../core/run.ts';
import type {
  ActionColumns, ActionFilter, ImportSession, NewPhoto, PhotoFilter, Store, StoreStats, StoredBatch, StoredPhoto,
} from '../store.ts';
import { accountToRow, joinList, rowToAccount, rowToAction, type AccountRow, type ActionRow } from './codec.ts';
import { readColumns } from './columns.ts';
import { MIGRATIONS } from './migrations.ts';
import { insertPhotos, listPhotos } from './photos.ts';
import { getAccountEdges, getAccountFinding, getRun, saveRun } from './runs.ts';
import { computeStats } from './stats.ts';

type Db = Database.Database;

/** Opens (creating if needed) a trollmap SQLite file and brings its schema up to date. */
export async function openSqliteStore(
  path: string,
  options: { readonly?: boolean; /** ms to wait for another writer (default 5000) */ busyTimeout?: number } = {},
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
  return new SqliteStore(db, path);
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

const ACCOUNT_COLUMNS = [
  'handle', 'name', 'created_at', 'created_precision', 'bio', 'avatar',
  'followers', 'following', 'url', 'location', 'lang',
] as const;

const UPSERT_ACCOUNT = `INSERT INTO accounts (platform, id, ${ACCOUNT_COLUMNS.join(', ')})
  VALUES (@platform, @id, ${ACCOUNT_COLUMNS.map((c) => '@' + c).join(', ')})
  ON CONFLICT (platform, id) DO UPDATE SET
  ${ACCOUNT_COLUMNS.map((c) => `${c} = COALESCE(excluded.${c}, accounts.${c})`).join(',\n  ')}`;

const ACTION_COLUMNS = `platform, id, account, kind, time_ms, time_precision, target, shared, text,
  urls, hashtags, mentions, media, lang, raw, batch_id`;
const ACTION_PARAMS = 16;
/** Rows per multi-row INSERT: one call into SQLite per 100 rows costs a third of one call per row. */
const ROWS_PER_INSERT = 100;

function insertActions(rows: number): string {
  const one = `(${new Array<string>(ACTION_PARAMS).fill('?').join(', ')})`;
  return `INSERT INTO actions (${ACTION_COLUMNS}) VALUES ${new Array<string>(rows).fill(one).join(', ')}
  ON CONFLICT (platform, id) DO NOTHING`;
}

/** An action's values in ACTION_COLUMNS order, appended to `out` (no row object: this runs once per action). */
function pushActionValues(out: unknown[], a: Action, batchId: number): void {
  out.push(
    a.platform, a.id, a.account, a.kind, a.time, a.precision, a.target ?? null, a.shared ?? null, a.text ?? null,
    joinList(a.urls), joinList(a.hashtags), joinList(a.mentions), joinList(a.media), a.lang ?? null,
    a.raw && Object.keys(a.raw).length > 0 ? JSON.stringify(a.raw) : null, batchId,
  );
}

class SqliteStore implements Store {
  private inImport = false;

  constructor(
    private readonly db: Db,
    readonly location: string,
  ) {}

  async findBatch(sha256: string): Promise<StoredBatch | undefined> {
    const r = this.db.prepare('SELECT * FROM batches WHERE sha256 = ?').get(sha256) as BatchRow | undefined;
    return r && rowToBatch(r);
  }

  async listBatches(): Promise<StoredBatch[]> {
    return (this.db.prepare('SELECT * FROM batches ORDER BY id').all() as BatchRow[]).map(rowToBatch);
  }

  async beginImport(): Promise<ImportSession> {
    if (this.inImport) throw new Error('an import session is already open on this store');
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
    const accountsBefore = (db.prepare('SELECT count(*) AS n FROM accounts').get() as { n: number }).n;
    const nextBatch = ((db.prepare('SELECT max(id) AS m FROM batches').get() as { m: number | null }).m ?? 0) + 1;
    const upsert = db.prepare(UPSERT_ACCOUNT);
    const insertMany = db.prepare(insertActions(ROWS_PER_INSERT));
    const insertOne = db.prepare(insertActions(1));
    const values: unknown[] = [];
    const ensureAccount = db.prepare('INSERT INTO accounts (platform, id) VALUES (?, ?) ON CONFLICT (platform, id) DO NOTHING');
    const seenAccounts = new Set<string>();
    let added = 0;
    let open = true;
    const finish = (): void => {
      open = false;
      this.inImport = false;
    };
    const check = (): void => {
      if (!open) throw new Error('import session already finished');
    };
    return {
      putAccounts: async (accounts: readonly Account[]) => {
        check();
        for (const a of accounts) upsert.run(accountToRow(a));
      },
      putActions: async (actions: readonly Action[]) => {
        check();
        let n = 0;
        for (const a of actions) {
          const key = `${a.platform}:${a.account}`;
          if (!seenAccounts.has(key)) {
            seenAccounts.add(key);
            ensureAccount.run(a.platform, a.account);
          }
        }
        let i = 0;
        for (; i + ROWS_PER_INSERT <= actions.length; i += ROWS_PER_INSERT) {
          values.length = 0;
          for (let j = i; j < i + ROWS_PER_INSERT; j++) pushActionValues(values, actions[j]!, nextBatch);
          n += insertMany.run(values).changes;
        }
        for (; i < actions.length; i++) {
          values.length = 0;
          pushActionValues(values, actions[i]!, nextBatch);
          n += insertOne.run(values).changes;
        }
        added += n;
        return n;
      },
      putPhotos: async (photos: readonly NewPhoto[]) => {
        check();
        return insertPhotos(db, photos, nextBatch);
      },
      commit: async (batch: ImportBatch) => {
        check();
        const accountsAfter = (db.prepare('SELECT count(*) AS n FROM accounts').get() as { n: number }).n;
        const stored: StoredBatch = {
          ...batch,
          id: nextBatch,
          actionsAdded: added,
          accountsAdded: accountsAfter - accountsBefore,
        };
        try {
          db.prepare(
            `INSERT INTO batches (id, source, format, sha256, rows_read, actions_added, actions_duplicate,
             accounts_added, bad_rows, issues, imported_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
          ).run(
            stored.id, stored.source, stored.format, stored.sha256, stored.rowsRead, stored.actionsAdded,
            stored.actionsDuplicate, stored.accountsAdded, stored.badRows, JSON.stringify(stored.issues),
            stored.importedAt,
          );
          db.exec('COMMIT');
        } catch (e) {
          if (db.inTransaction) db.exec('ROLLBACK');
          finish();
          throw e;
        }
        finish();
        return stored;
      },
      rollback: async () => {
        if (!open) return;
        if (db.inTransaction) db.exec('ROLLBACK');
        finish();
      },
    };
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
    const stmt = this.db.prepare('SELECT * FROM accounts WHERE platform = ? AND id = ?');
    const out: Account[] = [];
    for (const key of keys) {
      const at = key.indexOf(':');
      if (at <= 0) continue;
      const r = stmt.get(key.slice(0, at), key.slice(at + 1)) as AccountRow | undefined;
      if (r) out.push(rowToAccount(r));
    }
    return out;
  }

  async *iterateAccounts(): AsyncIterable<Account> {
    for (const r of this.db.prepare('SELECT * FROM accounts ORDER BY platform, id').iterate()) {
      yield rowToAccount(r as AccountRow);
    }
  }

  async readActionColumns(filter: ActionFilter = {}): Promise<ActionColumns> {
    return readColumns(this.db, filter);
  }

  async stats(options: { top?: number } = {}): Promise<StoreStats> {
    return computeStats(this.db, options.top ?? 10);
  }

  async saveRun(run: DetectionRun): Promise<number> {
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
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
    this.db.close();
  }
}
