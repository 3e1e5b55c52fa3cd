// The scan helper after it delivered its share of a read: the accounts it read in the same transaction (when asked),
// then the read's columnar snapshot, which it can store with a connection of its own while the main thread goes on
// (the main thread only encodes it; the blobs move to the helper without a copy). The write keeps every rule of
// storeSnapshot: the fingerprint's tail is checked in the write transaction, and a failure only leaves the snapshot
// unwritten.
import { setPriority } from 'node:os';
import { receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { debugNote, storeSnapshot, type EncodedSnapshot, type SnapshotPart } from './column-snapshot.ts';

/** A snapshot as the helper gets it: encoded whole (every part in an array that can cross threads). */
export type HandedSnapshot = EncodedSnapshot & { parts: SnapshotPart[] };

/** Messages between the main thread and a helper that stores a snapshot. */
export type ToSnapshotHelper = { t: 'snapshot'; snapshot: HandedSnapshot };
export type FromSnapshotHelper = { t: 'stored'; ok: boolean; note?: string };

/**
 * The accounts table as the scan helper read it, in the read transaction of its scan: the JSON of one array of rows
 * in ACCOUNT_COLUMNS order (SQLite writes it in C, JSON.parse builds the arrays natively; positional rows cost the
 * helper less than objects without their null members), and how many it holds.
 */
export interface PrefetchedAccounts {
  json: string;
  count: number;
}
export type AccountsMessage = { t: 'accounts'; accounts?: PrefetchedAccounts; note?: string };

/** The helper, kept after its read for one snapshot write, or let go. */
export interface SnapshotHelper {
  /** Hands the helper the snapshot; resolves (never rejects) with whether it was stored. */
  store(snapshot: HandedSnapshot): Promise<boolean>;
  /** Lets the helper go without a write (once it has sent the accounts it was asked for). */
  dismiss(): void;
  /** The accounts it was asked to read (undefined when it was not, or failed, or stopped first); never rejects. */
  accounts: Promise<PrefetchedAccounts | undefined>;
}

/** The main thread's handle on `worker`, which answers on `port` (first the accounts, when `withAccounts`). */
export function snapshotHelper(worker: Worker, port: MessagePort, withAccounts = false): SnapshotHelper {
  let ended = false;
  let gotAccounts: (a: PrefetchedAccounts | undefined) => void = () => undefined;
  const accounts = withAccounts ? new Promise<PrefetchedAccounts | undefined>((resolve) => (gotAccounts = resolve)) : Promise.resolve(undefined);
  let answered: ((m: FromSnapshotHelper | undefined) => void) | undefined;
  const end = (): void => {
    if (ended) return;
    ended = true;
    gotAccounts(undefined);
    port.close();
    void worker.terminate();
  };
  const route = (m: AccountsMessage | FromSnapshotHelper | undefined): void => {
    if (m?.t === 'accounts') {
      if (m.note !== undefined) debugNote(m.note);
      gotAccounts(m.accounts);
      // Nothing more is awaited from the helper until a snapshot is handed: the port may let the process end.
      if (answered === undefined) port.unref();
    } else answered?.(m);
  };
  // Listening keeps the process alive while the accounts are awaited (or a write is).
  port.on('message', route);
  // Its exit may be seen before its last messages, which are then already waiting on the port.
  worker.once('exit', () => {
    if (ended) return;
    for (let m = receiveMessageOnPort(port); m !== undefined; m = receiveMessageOnPort(port)) route(m.message as AccountsMessage | FromSnapshotHelper);
    if (!ended) answered?.(undefined);
    end();
  });
  return {
    store: (snapshot) =>
      new Promise<boolean>((resolve) => {
        answered = (m) => {
          if (m?.note !== undefined) debugNote(m.note);
          end();
          resolve(m?.ok ?? false);
        };
        port.ref();
        // Blobs that own their whole buffer move; the few that share one (small Buffers) are copied.
        const own = snapshot.parts.map((p) => p[2]).filter((b) => b.byteOffset === 0 && b.byteLength === b.buffer.byteLength);
        port.postMessage({ t: 'snapshot', snapshot } satisfies ToSnapshotHelper, [...new Set(own.map((b) => b.buffer as ArrayBuffer))]);
      }),
    dismiss: () => void accounts.finally(end),
    accounts,
  };
}

/** The helper's side: waits on `port` for a snapshot, stores it through a new connection to `path`, answers. */
export function storeWhenHanded(port: MessagePort, path: string, open: (path: string) => Database.Database): void {
  port.once('message', (m: ToSnapshotHelper) => {
    let ok = false;
    let note: string | undefined;
    try {
      yieldToDetection();
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

/**
 * Nice value of the snapshot write: it is work for the next run, done while this one detects on both cores, so it
 * takes what they leave (a core waiting for the other, the one-core networks stage). Not the lowest (19): a store
 * waits for the write before it saves its run, and under a load from other processes a write at 19 could crawl.
 */
const SNAPSHOT_WRITE_NICE = 10;

/**
 * Lowers this thread's scheduling priority to SNAPSHOT_WRITE_NICE. Linux only, where the priority of "process 0"
 * is the calling thread's; elsewhere it would be the whole process's, so nothing changes there.
 */
function yieldToDetection(): void {
  if (process.platform !== 'linux') return;
  try {
    setPriority(SNAPSHOT_WRITE_NICE);
  } catch (e) {
    debugNote(`snapshot write at normal priority: ${e instanceof Error ? e.message : String(e)}`);
  }
}
