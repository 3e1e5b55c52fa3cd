// The worker-thread side of `scanInParallel`: opens the database read-only and, when its read transaction sees the
// table the main thread is reading (same fingerprint), claims rowid chunks from the back of the table (the main
// thread reads from the front), builds them into columns and posts those (typed arrays moved, not copied); then
// raises the done flag, whatever happened. Having delivered, it may store the read's snapshot (snapshot-helper.ts).
// Loaded through startTsWorker: no `import.meta`, no top-level `await`.
import { workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { tableFingerprint } from './column-snapshot.ts';
import { CLAIMED, DONE, STARTED, transferables, type FromScanHelper, type ScanHelperData } from './parallel-scan.ts';
import { chunkCount, scanChunks } from './row-scan.ts';
import { storeWhenHanded } from './snapshot-helper.ts';

function main(data: ScanHelperData): void {
  const { shared, port } = data;
  const chunks: number[] = [];
  let message: FromScanHelper;
  let transfer: ArrayBuffer[] = [];
  let db: Database.Database | undefined;
  try {
    db = new Database(data.path, { readonly: true, fileMustExist: true });
    db.pragma('cache_size = -131072');
    db.exec('BEGIN');
    const started = (): void => {
      Atomics.store(shared, STARTED, 1);
      Atomics.notify(shared, STARTED);
    };
    if (tableFingerprint(db) !== data.fingerprint) {
      started();
      message = { t: 'skipped', why: 'the table changed since the main thread began its read' };
    } else {
      const n = chunkCount(data.plan);
      const claim = (): number => {
        const free = Atomics.add(shared, CLAIMED, 1) < n;
        if (chunks.length === 0) started();
        if (!free) return -1;
        const k = n - 1 - chunks.length;
        chunks.push(k);
        return k;
      };
      const columns = scanChunks(db, data.plan, data.where, data.params, data.omit, claim, false);
      message = { t: 'columns', columns, chunks };
      transfer = transferables(columns);
    }
  } catch (e) {
    Atomics.store(shared, STARTED, 1);
    Atomics.notify(shared, STARTED);
    message = { t: 'error', message: e instanceof Error ? e.message : String(e), chunks };
  } finally {
    if (db?.inTransaction) db.exec('COMMIT');
    db?.close();
  }
  try {
    port.postMessage(message, transfer);
    // Then the main thread may hand over the read's snapshot to store (or close the port, which ends this thread).
    if (message.t === 'columns') storeWhenHanded(port, data.path, (path) => new Database(path, { fileMustExist: true }));
  } finally {
    // Raised whatever happened: the main thread blocks until it is.
    Atomics.store(shared, DONE, 1);
    Atomics.notify(shared, DONE);
  }
}

main(workerData as ScanHelperData);
