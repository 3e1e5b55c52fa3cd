// The scan helper's second job: after it delivered its share of a read, it can store the read's columnar snapshot
// with a connection of its own while the main thread goes on (the main thread only encodes it; the blobs move to
// the helper without a copy). The write keeps every rule of storeSnapshot: the fingerprint is checked in the write
// transaction, and a failure only leaves the snapshot unwritten.
import { receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { debugNote, storeSnapshot, type EncodedSnapshot, type SnapshotPart } from './column-snapshot.ts';

/** A snapshot as the helper gets it: encoded whole (every part in an array that can cross threads). */
export type HandedSnapshot = EncodedSnapshot & { parts: SnapshotPart[] };

/** Messages between the main thread and a helper that stores a snapshot. */
export type ToSnapshotHelper = { t: 'snapshot'; snapshot: HandedSnapshot };
export type FromSnapshotHelper = { t: 'stored'; ok: boolean; note?: string };

/** The helper, kept after its read for one snapshot write, or let go. */
export interface SnapshotHelper {
  /** Hands the helper the snapshot; resolves (never rejects) with whether it was stored. */
  store(snapshot: HandedSnapshot): Promise<boolean>;
  /** Lets the helper go without a write. */
  dismiss(): void;
}

/** The main thread's handle on `worker`, which answers on `port`. */
export function snapshotHelper(worker: Worker, port: MessagePort): SnapshotHelper {
  let ended = false;
  const end = (): void => {
    if (ended) return;
    ended = true;
    port.close();
    void worker.terminate();
  };
  return {
    store: (snapshot) =>
      new Promise<boolean>((resolve) => {
        const finish = (ok: boolean): void => {
          end();
          resolve(ok);
        };
        const answered = (m: FromSnapshotHelper | undefined): void => {
          if (m?.note !== undefined) debugNote(m.note);
          finish(m?.ok ?? false);
        };
        // The listening port keeps the process alive until the helper answers (or stops). Its exit may be seen
        // before its answer, which is then already waiting on the port.
        port.once('message', answered);
        worker.once('exit', () => void (ended || answered(receiveMessageOnPort(port)?.message as FromSnapshotHelper | undefined)));
        // Blobs that own their whole buffer move; the few that share one (small Buffers) are copied.
        const own = snapshot.parts.map((p) => p[2]).filter((b) => b.byteOffset === 0 && b.byteLength === b.buffer.byteLength);
        port.postMessage({ t: 'snapshot', snapshot } satisfies ToSnapshotHelper, [...new Set(own.map((b) => b.buffer as ArrayBuffer))]);
      }),
    dismiss: end,
  };
}

/** The helper's side: waits on `port` for a snapshot, stores it through a new connection to `path`, answers. */
export function storeWhenHanded(port: MessagePort, path: string, open: (path: string) => Database.Database): void {
  port.once('message', (m: ToSnapshotHelper) => {
    let ok = false;
    let note: string | undefined;
    try {
      // At the thread's normal priority: the main thread's store waits for this write before it saves its run
      // (SqliteStore.snapshotsWritten), so a lower one would only delay that.
      const db = open(path);
      try {
        db.pragma('synchronous = NORMAL');
        // Another process may be writing to the file: wait for it as the store's connections do.
        ok = storeSnapshot(db, m.snapshot, { busyMs: 5000 });
      } finally {
        db.close();
      }
    } catch (e) {
      note = `columnar snapshot not written by the scan helper: ${e instanceof Error ? e.message : String(e)}`;
    }
    port.postMessage({ t: 'stored', ok, ...(note === undefined ? {} : { note }) } satisfies FromSnapshotHelper);
    port.close();
  });
}
