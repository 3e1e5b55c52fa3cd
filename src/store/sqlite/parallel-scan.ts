// A large chunked read on two threads: a helper thread with its own read-only connection claims rowid chunks
// through the same shared counter as this thread (it from the back, this thread from the front), so both stay busy
// until the table is read whatever the helper's start-up took; its columns (built and sorted there, moved here) are
// joined to this thread's by appendColumns, end to end when the table is in time order. The helper reads only when
// its read transaction sees the same table fingerprint as this one (for a whole-table read, the same largest seq
// and batches, and this thread then checks the count and Σ seq of all the rows read); chunks it claimed but did not
// deliver (an error, or no progress for HELPER_STALL_MS), or rows that fail that check, are read here, so the
// result never depends on it. On the 1,032,530 actions of bench/detect.bench.ts, the main thread spent 2.8–3.3
// CPU-s in the read instead of 4.5–4.8 (2026-11-29, machine loaded 3–4 by other work).
import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { joinedOf } from '../../threads/joined-strings.ts';
import { startTsWorker } from '../../threads/ts-worker.ts';
import { appendColumns } from '../columns-append.ts';
import type { ActionColumns } from '../store.ts';
import { debugNote, fingerprintCounts, tailOf, type OptionalColumn } from './column-snapshot.ts';
import { chunkCount, scanChunks, type ScanPlan } from './row-scan.ts';
import { snapshotHelper, type PrefetchedAccounts, type SnapshotHelper } from './snapshot-helper.ts';
import { CLAIMED, DONE, PROGRESS, STARTED, fromHelper, type FromScanHelper, type ScanHelperData } from './scan-protocol.ts';

/**
 * From how many rows a read takes two threads: the helper's start-up (a few tenths of a CPU-second under tsx, less
 * from its bundle) is then a fraction of the ~1 s a one-thread scan takes (a rough bound, not a measured
 * break-even).
 */
export const PARALLEL_SCAN_MIN_ROWS = 200_000;

/**
 * How long the helper may make no progress, once this thread has read its own chunks, before this thread reads the
 * helper's chunks itself (a helper that hangs or died without a word: out of memory, say). A chunk takes
 * milliseconds and building half a million rows well under a second: far beyond a slow machine's pace.
 */
export const HELPER_STALL_MS = 60_000;

/** Reading on two threads: the table's fingerprint in the caller's read transaction, and when it pays. */
export interface TwoThreads {
  fingerprint: string;
  /** Reads of fewer rows stay on one thread (default PARALLEL_SCAN_MIN_ROWS). */
  minRows?: number;
  /** Rowids per chunk (default the one-thread scan's). */
  chunk?: number;
  /** Tests: this thread starts claiming once the helper has claimed a chunk (or found it may not). */
  helperFirst?: boolean;
  /** Tests: the helper hangs after its first chunk (`ScanHelperData.stall`). */
  stallHelper?: boolean;
  /** How long the helper may make no progress (default HELPER_STALL_MS). */
  stallMs?: number;
  /** Told how many of the chunks this thread read. */
  onSplit?: (here: number, chunks: number) => void;
  /** Given the helper once it delivered its columns, to store the read's snapshot (without it, the helper stops). */
  onHelper?: (helper: SnapshotHelper) => void;
  /**
   * Given the accounts table as the helper read it after its rows, in the same read transaction (a promise, never
   * rejected; undefined when the helper did not deliver). The main thread is then spared that read.
   */
  onAccounts?: (accounts: Promise<PrefetchedAccounts | undefined>) => void;
}

/** Whether a read of `plan` goes to two threads (`minRows` overrides PARALLEL_SCAN_MIN_ROWS). */
export function parallelPays(db: Database.Database, plan: ScanPlan, minRows = PARALLEL_SCAN_MIN_ROWS): boolean {
  return plan.packed && plan.chunked && !db.memory && plan.count >= minRows && chunkCount(plan) > 1 && availableParallelism() >= 2;
}

/**
 * The rows of `plan` read on this thread and a helper thread, as one set of columns (those a one-thread scan
 * gives); `two.fingerprint` is the table's in this thread's read transaction.
 */
export function scanInParallel(
  db: Database.Database, plan: ScanPlan, where: string, params: unknown[], omit: readonly OptionalColumn[], two: TwoThreads,
): ActionColumns {
  const { fingerprint, helperFirst = false } = two;
  const shared = new Int32Array(new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT));
  const { port1, port2 } = new MessageChannel();
  const withAccounts = two.onAccounts !== undefined;
  const tail = where === '' ? tailOf(fingerprint) : undefined;
  const data: ScanHelperData = {
    path: db.name, where, params, omit: [...omit], plan, fingerprint, ...(tail === undefined ? {} : { tail }), accounts: withAccounts, shared, port: port2,
    ...(two.stallHelper ? { stall: true } : {}),
  };
  const entry = new URL(`./scan-helper${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
  const helper = startTsWorker(entry, { workerData: data, transferList: [port2] });
  helper.unref();
  helper.on('error', (e) => debugNote(`scan helper: ${e.message}`));
  let kept = false;
  try {
    if (helperFirst) while (Atomics.load(shared, STARTED) === 0) Atomics.wait(shared, STARTED, 0, 1000);
    const n = chunkCount(plan);
    let claimed = 0;
    // This thread reads chunks from the front (0, 1, … claimed − 1), the helper from the back: each part is a run of
    // rowids, which the merge joins end to end when the table's rows are in time order (as imports leave them).
    const claim = (): number => (Atomics.add(shared, CLAIMED, 1) >= n ? -1 : claimed++);
    const own = scanChunks(db, plan, where, params, omit, claim, false);
    debugNote(`two-thread read: ${claimed} of ${n} chunks on this thread`);
    two.onSplit?.(claimed, n);
    if (claimed === n) return counted(own, plan);
    // Joined while the helper joins and posts its part: the merge puts the two joins end to end (appendColumns).
    joinedOf(own.ids);
    // The helper holds the other chunks: wait for them (it reads them as fast as this thread read its own), unless
    // it stops making progress.
    const stallMs = two.stallMs ?? HELPER_STALL_MS;
    const stalled = !helperDone(shared, stallMs);
    const got = stalled ? undefined : (receiveMessageOnPort(port1)?.message as FromScanHelper | undefined);
    let theirs: ActionColumns;
    if (got?.t === 'columns' && (tail === undefined || sameRows(own, got.columns, fingerprint))) {
      theirs = fromHelper(got.columns);
      if (two.onHelper !== undefined || withAccounts) {
        const handle = snapshotHelper(helper, port1, withAccounts);
        two.onAccounts?.(handle.accounts);
        if (two.onHelper !== undefined) two.onHelper(handle);
        else handle.dismiss();
        kept = true;
      }
    } else {
      debugNote(`scan helper: ${stalled ? `no progress for ${stallMs / 1000} s` : notDelivered(got)}; its chunks are read here`);
      let k = claimed;
      theirs = scanChunks(db, plan, where, params, omit, () => (k < n ? k++ : -1), false);
    }
    return counted(appendColumns(own, theirs), plan);
  } finally {
    if (!kept) {
      port1.close();
      void helper.terminate();
    }
  }
}

/** Why the helper's answer (when it gave one) is not used. */
function notDelivered(got: FromScanHelper | undefined): string {
  if (got === undefined) return 'no answer';
  if (got.t === 'error') return got.message;
  if (got.t === 'skipped') return got.why;
  return 'its rows are not the table this thread read';
}

/** Waits until the helper posted (true), or until it made no progress for `stallMs` (false). */
function helperDone(shared: Int32Array, stallMs: number): boolean {
  let progress = Atomics.load(shared, PROGRESS);
  let since = Date.now();
  while (Atomics.load(shared, DONE) === 0) {
    Atomics.wait(shared, DONE, 0, Math.min(stallMs, 1000));
    const now = Atomics.load(shared, PROGRESS);
    if (now !== progress) {
      progress = now;
      since = Date.now();
    } else if (Atomics.load(shared, DONE) === 0 && Date.now() - since >= stallMs) return false;
  }
  return true;
}

/**
 * Whether the rows of both threads of a whole-table read are the table of `fingerprint` (this thread's read
 * transaction), its tail being what the helper checked: their count and Σ seq must be its count and Σ seq.
 */
function sameRows(own: ActionColumns, theirs: Pick<ActionColumns, 'count' | 'seq'>, fingerprint: string): boolean {
  const counts = fingerprintCounts(fingerprint);
  if (counts === undefined) return false;
  let sum = 0;
  for (const c of [own, theirs]) for (let i = 0; i < c.count; i++) sum += c.seq[i]!;
  return own.count + theirs.count === counts.count && sum === counts.sum;
}

/** `c`, checked to hold the plan's rows. */
function counted(c: ActionColumns, plan: ScanPlan): ActionColumns {
  if (c.count !== plan.count) throw new Error(`two-thread read returned ${c.count} rows, expected ${plan.count}`);
  return c;
}
