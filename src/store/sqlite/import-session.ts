// One import as one SQLite transaction. Actions arrive as JSONB blocks (action-block.ts) that SQLite unpacks in C
// with jsonb_each: one call per block instead of a bound value per field. Into an empty actions table, blocks
// whose ids are known to be distinct are appended without the (platform, id) and time indexes, which are built
// once before the commit (a sort instead of a random B-tree insert per row); a rollback restores them.
import type Database from 'better-sqlite3';
import type { Account, Action } from '../../core/model.ts';
import { ACTION_ROW, ActionBlockWriter, type ActionBlock } from '../action-block.ts';
import type { ImportSession, NewPhoto, StoredBatch } from '../store.ts';
import { insertPhotos } from './photos.ts';

type Db = Database.Database;

const ACCOUNT_COLUMNS = [
  'handle', 'name', 'created_at', 'created_precision', 'bio', 'avatar',
  'followers', 'following', 'url', 'location', 'lang',
] as const;

// Positional parameters: binding an object by names costs several times more per account.
const UPSERT_ACCOUNT = `INSERT INTO accounts (platform, id, ${ACCOUNT_COLUMNS.join(', ')})
  VALUES (?, ?, ${ACCOUNT_COLUMNS.map(() => '?').join(', ')})
  ON CONFLICT (platform, id) DO UPDATE SET
  ${ACCOUNT_COLUMNS.map((c) => `${c} = COALESCE(excluded.${c}, accounts.${c})`).join(',\n  ')}`;

/** Parameters: the batch id, then the block; `WHERE true` lets an upsert follow a SELECT. */
function insertBlock(unique: boolean): string {
  return `INSERT INTO actions (${ACTION_ROW.join(', ')}, batch_id)
  SELECT ${ACTION_ROW.map((_, i) => `value ->> ${i}`).join(', ')}, ? FROM jsonb_each(?) WHERE true
  ${unique ? 'ON CONFLICT (platform, id) DO NOTHING' : ''}`;
}

/** The indexes an empty-table import drops and rebuilds, by name (their SQL is read from the schema). */
const BULK_INDEXES = ['actions_key', 'actions_time'];

/** Opens the session on a transaction already begun; `finish` is called once when it commits or rolls back. */
export function openImportSession(db: Db, finish: () => void): ImportSession {
  const accountsBefore = (db.prepare('SELECT count(*) AS n FROM accounts').get() as { n: number }).n;
  const nextBatch = ((db.prepare('SELECT max(id) AS m FROM batches').get() as { m: number | null }).m ?? 0) + 1;
  const upsert = db.prepare(UPSERT_ACCOUNT);
  const ensureAccount = db.prepare('INSERT INTO accounts (platform, id) VALUES (?, ?) ON CONFLICT (platform, id) DO NOTHING');
  const seenAccounts = new Set<string>();
  const indexSql = (db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND name IN (${BULK_INDEXES.map(() => '?').join(', ')})`)
    .pluck().all(...BULK_INDEXES) as string[]);
  const empty = db.prepare('SELECT 1 FROM actions LIMIT 1').get() === undefined;
  // 'possible': nothing inserted yet into an empty table; 'on': indexes dropped; 'off': normal inserts.
  let bulk: 'possible' | 'on' | 'off' = empty && indexSql.length === BULK_INDEXES.length ? 'possible' : 'off';
  let insertUnique: Database.Statement | undefined;
  let insertPlain: Database.Statement | undefined;
  let added = 0;
  let open = true;
  const check = (): void => {
    if (!open) throw new Error('import session already finished');
  };
  const end = (): void => {
    open = false;
    finish();
  };
  const buildIndexes = (): void => {
    for (const sql of indexSql) db.exec(sql);
    bulk = 'off';
  };
  const putActionBlock = async (block: ActionBlock): Promise<number> => {
    check();
    for (const [platform, account] of block.accounts) {
      const key = `${platform}\u0000${account}`;
      if (seenAccounts.has(key)) continue;
      seenAccounts.add(key);
      ensureAccount.run(platform, account);
    }
    if (block.rows === 0) return 0;
    if (bulk === 'possible') {
      if (block.distinct) {
        for (const name of BULK_INDEXES) db.exec(`DROP INDEX ${name}`);
        bulk = 'on';
      } else bulk = 'off';
    } else if (bulk === 'on' && !block.distinct) buildIndexes();
    const stmt = bulk === 'on' ? (insertPlain ??= db.prepare(insertBlock(false))) : (insertUnique ??= db.prepare(insertBlock(true)));
    const bytes = Buffer.from(block.bytes.buffer, block.bytes.byteOffset, block.bytes.byteLength);
    const n = stmt.run(nextBatch, bytes).changes;
    added += n;
    return n;
  };
  return {
    putAccounts: async (accounts: readonly Account[]) => {
      check();
      for (const a of accounts) {
        upsert.run(
          a.platform, a.id, a.handle ?? null, a.name ?? null, a.createdAt ?? null, a.createdPrecision ?? null, a.bio ?? null,
          a.avatar ?? null, a.followers ?? null, a.following ?? null, a.url ?? null, a.location ?? null, a.lang ?? null,
        );
      }
    },
    putActionBlock,
    putActions: async (actions: readonly Action[]) => {
      const writer = new ActionBlockWriter();
      const accounts = new Map<string, [string, string]>();
      for (const a of actions) {
        writer.add(a);
        accounts.set(`${a.platform}\u0000${a.account}`, [a.platform, a.account]);
      }
      return putActionBlock({ ...writer.take(), distinct: false, accounts: [...accounts.values()] });
    },
    putPhotos: async (photos: readonly NewPhoto[]) => {
      check();
      return insertPhotos(db, photos, nextBatch);
    },
    commit: async (batch) => {
      check();
      try {
        if (bulk === 'on') buildIndexes();
        const accountsAfter = (db.prepare('SELECT count(*) AS n FROM accounts').get() as { n: number }).n;
        const stored: StoredBatch = { ...batch, id: nextBatch, actionsAdded: added, accountsAdded: accountsAfter - accountsBefore };
        db.prepare(
          `INSERT INTO batches (id, source, format, sha256, rows_read, actions_added, actions_duplicate,
           accounts_added, bad_rows, issues, imported_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
        ).run(
          stored.id, stored.source, stored.format, stored.sha256, stored.rowsRead, stored.actionsAdded,
          stored.actionsDuplicate, stored.accountsAdded, stored.badRows, JSON.stringify(stored.issues),
          stored.importedAt,
        );
        db.exec('COMMIT');
        end();
        return stored;
      } catch (e) {
        if (db.inTransaction) db.exec('ROLLBACK');
        end();
        throw e;
      }
    },
    rollback: async () => {
      if (!open) return;
      if (db.inTransaction) db.exec('ROLLBACK');
      end();
    },
  };
}
