// What the two threads of a parallel read (parallel-scan.ts) share: the shared counters, the data the helper
// (scan-helper.ts) starts with and the message it answers with. A module of its own so that the helper's bundle
// (src/boot/worker-bundle.ts) holds none of the main thread's side, which starts workers.
import type { MessagePort } from 'node:worker_threads';
import { joinDistinct, joinStrings, type JoinedDistinct, type JoinedStrings } from '../../threads/joined-strings.ts';
import type { ActionColumns } from '../store.ts';
import type { OptionalColumn } from './column-snapshot.ts';
import type { ScanPlan } from './row-scan.ts';

/**
 * Indices into the shared Int32Array: chunks claimed so far (the main thread's i-th claim reads chunk i, the
 * helper's j-th chunk n − 1 − j: disjoint while claims stay below n); 1 once the helper checked the table; 1 once it
 * posted; the helper's progress (bumped at each of its claims and steps after them).
 */
export const CLAIMED = 0;
export const STARTED = 1;
export const DONE = 2;
export const PROGRESS = 3;

/** What the main thread hands the helper. */
export interface ScanHelperData {
  path: string;
  where: string;
  params: unknown[];
  omit: OptionalColumn[];
  plan: ScanPlan;
  fingerprint: string;
  /**
   * For a whole-table read: the fingerprint's tail (`fingerprintTail`), which is all the helper checks (no scan of
   * the actions); this thread then checks the count and Σ seq of the rows read (`sameRows`). Else the helper checks
   * the whole fingerprint.
   */
  tail?: string;
  /** Read the accounts table too, after the rows (for `TwoThreads.onAccounts`). */
  accounts: boolean;
  /** Tests: stop making progress after the first chunk (a helper that hangs). */
  stall?: boolean;
  /** Shared memory: the next chunk to claim, the started and done flags (indices below). */
  shared: Int32Array;
  port: MessagePort;
}

/**
 * The helper's part of a read as it crosses: its ids joined (one string, cut on this thread; cloned one by one, half
 * a million cost this thread more to receive, in allocations and young-heap collections), its texts as their distinct
 * values joined and a code per row (copied texts repeat: on the detect bench, 21k distinct texts in 1M actions).
 */
export type HelperColumns = Omit<ActionColumns, 'ids' | 'text'> & { ids: JoinedStrings; text: JoinedDistinct };

/** The helper's one message: its columns and the chunks they hold, or why it read none (or failed part-way). */
export type FromScanHelper =
  | { t: 'columns'; columns: HelperColumns; chunks: number[] }
  | { t: 'skipped'; why: string }
  | { t: 'error'; message: string; chunks: number[] };

/** The helper's columns as they cross, and the buffers moved to the main thread instead of copied. */
export function helperColumns(c: ActionColumns): { columns: HelperColumns; transfer: ArrayBuffer[] } {
  const columns = { ...c, ids: joinStrings(c.ids), text: joinDistinct(c.text) };
  const typed = [c.account, c.time, c.kind, c.precision, c.seq, c.platform, c.target, c.shared, c.urls.offsets, c.hashtags.offsets, c.media.offsets];
  const transfer = [...typed, columns.ids.ends, columns.text.values.ends, columns.text.codes].map((a) => a.buffer as ArrayBuffer);
  return { columns, transfer: [...new Set(transfer)] };
}
