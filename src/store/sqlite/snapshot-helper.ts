// The scan helper after it delivered its share of a read: the accounts it read in the same transaction (when asked),
// then the read's columnar snapshot, which it encodes and stores with a connection of its own while the main thread
// goes on. The main thread sends it the joined columns without their ids and texts, plus the ids and texts of its
// own part and how the parts were joined: the helper still holds its part's, so it joins them again itself, and the
// main thread neither encodes the snapshot nor copies the helper's strings back to it. The write keeps every rule
// of storeSnapshot: the fingerprint's tail is checked in the write transaction, and a failure only leaves the
// snapshot unwritten.
import { setPriority } from 'node:os';
import { receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import type { ActionColumns } from '../store.ts';
import { mergeJoined, type RowMerge } from '../columns-append.ts';
import { joinStrings, type JoinedStrings } from '../../threads/joined-strings.ts';
import { debugNote, snapshotParts, storeSnapshot } from './column-snapshot.ts';

/**
 * What the helper needs to store a read's snapshot: its key and fingerprint, the columns without ids and texts, and
 * the main thread's part of those (`part`, joined with the helper's part as `merge` says, the main thread's part
 * being `a`).
 */
export interface SnapshotRecipe {
  key: string;
  fingerprint: string;
  columns: Omit<ActionColumns, 'ids' | 'text'>;
  part: { ids: JoinedStrings; text: JoinedStrings };
  merge: RowMerge;
}

/** Messages between the main thread and a helper that stores a snapshot. */
export type ToSnapshotHelper = { t: 'snapshot'; snapshot: SnapshotRecipe };
export type FromSnapshotHelper = { t: 'stored'; ok: boolean; note?: string };

/** The columns a two-thread read returned, the main thread's part of their ids and texts, and how they were joined. */
export interface JoinedRead {
  columns: ActionColumns;
  part: { ids: string[]; text: string[] };
  merge: RowMerge;
}

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
  /**
   * Hands the helper the snapshot of the read's columns under `key`, read at `fingerprint`; resolves (never
   * rejects) with whether it was stored.
   */
  store(key: string, fingerprint: string): Promise<boolean>;
  /** Lets the helper go without a write (once it has sent the accounts it was asked for). */
  dismiss(): void;
  /** The accounts it was asked to read (undefined when it was not, or failed, or stopped first); never rejects. */
  accounts: Promise<PrefetchedAccounts | undefined>;
}

/**
 * The main thread's handle on `worker`, which answers on `port` (first the accounts, when `withAccounts`), after
 * the two-thread read `read`.
 */
export function snapshotHelper(worker: Worker, port: MessagePort, read: JoinedRead, withAccounts = false): SnapshotHelper {
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
    store: (key, fingerprint) =>
      new Promise<boolean>((resolve) => {
        answered = (m) => {
          if (m?.note !== undefined) debugNote(m.note);
          end();
          resolve(m?.ok ?? false);
        };
        port.ref();
        const { ids: _ids, text: _text, ...columns } = read.columns;
        // A structured clone: the typed arrays are copied (this thread goes on using them), the dictionaries and
        // values serialized; this thread's part of the ids and texts crosses joined (two strings to copy, where half
        // a million of each cost the helper their allocation and collections).
        const part = { ids: joinStrings(read.part.ids), text: joinStrings(read.part.text) };
        const snapshot: SnapshotRecipe = { key, fingerprint, columns, part, merge: read.merge };
        port.postMessage({ t: 'snapshot', snapshot } satisfies ToSnapshotHelper);
      }),
    dismiss: () => void accounts.finally(end),
    accounts,
  };
}

/**
 * The helper's side: waits on `port` for a snapshot recipe, joins its own part's ids and texts (`own`) to the main
 * thread's, encodes the snapshot and stores it through a new connection to `path`, answers.
 */
export function storeWhenHanded(port: MessagePort, path: string, own: { ids: JoinedStrings; text: JoinedStrings }, open: (path: string) => Database.Database): void {
  port.once('message', (m: ToSnapshotHelper) => {
    let ok = false;
    let note: string | undefined;
    try {
      const { key, fingerprint, columns, part, merge } = m.snapshot;
      const whole = { ...columns, ids: mergeJoined(merge, part.ids, own.ids), text: mergeJoined(merge, part.text, own.text) };
      const db = open(path);
      try {
        db.pragma('synchronous = NORMAL');
        // Another process may be writing to the file: wait for it as the store's connections do.
        ok = storeSnapshot(db, { key, fingerprint, parts: snapshotParts(whole) }, { busyMs: 5000 });
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
 * Nice value of the helper once it delivered its part of the read: what it does next (the accounts, then the
 * snapshot: receiving, joining, encoding and writing it) is work the run waits for only at its end, or work for the
 * next run, done while this one detects on both cores, so it takes what they leave (a core waiting for the other,
 * the one-core networks stage). Not the lowest (19): a store waits for the write before it saves its run, and under
 * a load from other processes a write at 19 could crawl.
 */
const SNAPSHOT_WRITE_NICE = 10;

/**
 * Lowers this thread's scheduling priority to SNAPSHOT_WRITE_NICE. Linux only, where the priority of "process 0"
 * is the calling thread's; elsewhere it would be the whole process's, so nothing changes there.
 */
export function yieldToDetection(): void {
  if (process.platform !== 'linux') return;
  try {
    setPriority(SNAPSHOT_WRITE_NICE);
  } catch (e) {
    debugNote(`snapshot write at normal priority: ${e instanceof Error ? e.message : String(e)}`);
  }
}
