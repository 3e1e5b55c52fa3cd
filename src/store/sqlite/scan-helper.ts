// The worker-thread side of `scanInParallel`: opens the database read-only and, when its read transaction sees the
// table the main thread is reading (same fingerprint, or for a whole-table read the same fingerprint tail, the rest
// being checked by the main thread on the rows), claims rowid chunks from the back of the table (the main
// thread reads from the front), builds them into columns and posts those (typed arrays moved, not copied; ids
// joined, texts as their distinct values); then raises the done flag, whatever happened. It bumps a progress counter
// at each claim and step, by which the main thread tells a slow helper from one that hangs. Asked for them, it then
// reads the accounts in the same read transaction and posts them while the main thread joins the columns. Having
// delivered, it may store the read's snapshot (snapshot-helper.ts).
// Loaded through startTsWorker: no `import.meta`, no top-level `await`.
import { workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { fingerprintTail, tableFingerprint } from './column-snapshot.ts';
import { DONE, PROGRESS, STARTED, helperClaims, helperColumns, type FromScanHelper, type ScanHelperData } from './scan-protocol.ts';
import { chunkCount, scanChunks } from './row-scan.ts';
import { storeWhenHanded, type AccountsMessage } from './snapshot-helper.ts';
import { ACCOUNTS_JSON_SQL } from './codec.ts';

function main(data: ScanHelperData): void {
  const { shared, port } = data;
  const raise = (flag: typeof STARTED | typeof DONE): void => {
    Atomics.store(shared, flag, 1);
    Atomics.notify(shared, flag);
  };
  const chunks: number[] = [];
  let message: FromScanHelper;
  let transfer: ArrayBuffer[] = [];
  let db: Database.Database | undefined;
  try {
    try {
      db = new Database(data.path, { readonly: true, fileMustExist: true });
      db.pragma('cache_size = -131072');
      db.exec('BEGIN');
      // Given a tail (a whole-table read), only it is checked here: the main thread checks the rest on the rows.
      if (data.tail !== undefined ? fingerprintTail(db) !== data.tail : tableFingerprint(db) !== data.fingerprint) {
        raise(STARTED);
        message = { t: 'skipped', why: 'the table changed since the main thread began its read' };
      } else {
        const n = chunkCount(data.plan);
        const claim = (): number => {
          if (data.stall && chunks.length === 1) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
          Atomics.add(shared, PROGRESS, 1);
          const free = helperClaims(shared, n);
          if (chunks.length === 0) raise(STARTED);
          if (!free) return -1;
          const k = n - 1 - chunks.length;
          chunks.push(k);
          return k;
        };
        const columns = scanChunks(db, data.plan, data.where, data.params, data.omit, claim, false);
        Atomics.add(shared, PROGRESS, 1);
        const crossing = helperColumns(columns);
        message = { t: 'columns', columns: crossing.columns, chunks };
        transfer = crossing.transfer;
      }
    } catch (e) {
      raise(STARTED);
      message = { t: 'error', message: e instanceof Error ? e.message : String(e), chunks };
    }
    try {
      port.postMessage(message, transfer);
    } finally {
      // Raised whatever happened: the main thread blocks until it is.
      raise(DONE);
    }
    // While the main thread joins and sorts the columns: the accounts, in the same read transaction as the rows.
    if (message.t === 'columns' && data.accounts && db) port.postMessage(readAccounts(db));
  } finally {
    if (db?.inTransaction) db.exec('COMMIT');
    db?.close();
  }
  // Then the main thread may hand over the read's snapshot to store (or close the port, which ends this thread).
  if (message.t === 'columns') storeWhenHanded(port, data.path, (path) => new Database(path, { fileMustExist: true }));
}

/** The accounts table as the JSON of one array of rows (ACCOUNT_COLUMNS), or why it could not be read. */
function readAccounts(db: Database.Database): AccountsMessage {
  try {
    const [json, count] = db.prepare(ACCOUNTS_JSON_SQL).raw().get() as [string, number];
    return { t: 'accounts', accounts: { json, count } };
  } catch (e) {
    return { t: 'accounts', note: `accounts not read by the scan helper: ${e instanceof Error ? e.message : String(e)}` };
  }
}

main(workerData as ScanHelperData);
