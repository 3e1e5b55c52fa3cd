// What the two threads of a parallel read (parallel-scan.ts) share: the shared counters, the data the helper
// (scan-helper.ts) starts with and the message it answers with. A module of its own so that the helper's bundle
// (src/boot/worker-bundle.ts) holds none of the main thread's side, which starts workers.
import type { MessagePort } from 'node:worker_threads';
import { cutDistinct, cutStrings, joinDistinct, joinStrings, stringsOf, type JoinedDistinct, type JoinedStrings } from '../../threads/joined-strings.ts';
import type { ActionColumns, MultiColumn } from '../store.ts';
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

/**
 * The share of a read's chunks the helper leaves to the main thread (the last ones claimed): after its scan the
 * helper still joins its part and posts it, and the main thread waited for that with its own part built (0.08–0.19 s
 * in four first reads of the detect bench; scratch timestamps, docs/tuning.md "Eighth session"). Reading a few
 * more chunks meanwhile, and joining its own ids, the main thread is done about when the helper's part arrives.
 */
export const LEFT_TO_MAIN = 0.025;

/** How many of `chunks` chunks the helper leaves to the main thread. */
export const leftToMain = (chunks: number): number => Math.ceil(chunks * LEFT_TO_MAIN);

/**
 * Whether the helper may read one more of `chunks` chunks, counting it as claimed when it may. The ones left to the
 * main thread (`leftToMain`) are looked at first and never counted, so the main thread's claims stay exact.
 */
export function helperClaims(shared: Int32Array, chunks: number): boolean {
  return Atomics.load(shared, CLAIMED) < chunks - leftToMain(chunks) && Atomics.add(shared, CLAIMED, 1) < chunks;
}

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
 * The helper's part of a read as it crosses: every list of strings joined (one string each, cut on this thread;
 * cloned one by one, half a million ids cost this thread more to receive, in allocations and young-heap collections,
 * and its dictionary keys and list values took 0.18–0.22 s to receive on the detect bench), its texts as their
 * distinct values joined and a code per row (copied texts repeat: on the detect bench, 21k distinct texts in 1M
 * actions).
 */
export type HelperColumns = Omit<ActionColumns, StringLists | 'text' | 'urls' | 'hashtags' | 'media'> & {
  [K in StringLists]: JoinedStrings;
} & { text: JoinedDistinct; urls: JoinedMulti; hashtags: JoinedMulti; media: JoinedMulti };

type StringLists = 'ids' | 'accountKeys' | 'targetKeys' | 'sharedKeys';

/** A list column with its values joined. */
interface JoinedMulti {
  offsets: Int32Array;
  values: JoinedStrings;
}

/** The helper's one message: its columns and the chunks they hold, or why it read none (or failed part-way). */
export type FromScanHelper =
  | { t: 'columns'; columns: HelperColumns; chunks: number[] }
  | { t: 'skipped'; why: string }
  | { t: 'error'; message: string; chunks: number[] };

/** The helper's columns as they cross, and the buffers moved to the main thread instead of copied. */
export function helperColumns(c: ActionColumns): { columns: HelperColumns; transfer: ArrayBuffer[] } {
  const multi = (m: MultiColumn): JoinedMulti => ({ offsets: m.offsets, values: joinStrings(m.values) });
  const columns: HelperColumns = {
    ...c,
    ids: joinStrings(c.ids),
    accountKeys: joinStrings(c.accountKeys),
    targetKeys: joinStrings(c.targetKeys),
    sharedKeys: joinStrings(c.sharedKeys),
    text: joinDistinct(c.text),
    urls: multi(c.urls),
    hashtags: multi(c.hashtags),
    media: multi(c.media),
  };
  const typed = [c.account, c.time, c.kind, c.precision, c.seq, c.platform, c.target, c.shared, c.urls.offsets, c.hashtags.offsets, c.media.offsets];
  const joined = [columns.ids, columns.accountKeys, columns.targetKeys, columns.sharedKeys, columns.text.values, columns.urls.values, columns.hashtags.values, columns.media.values];
  const transfer = [...typed, ...joined.map((j) => j.ends), columns.text.codes].map((a) => a.buffer as ArrayBuffer);
  return { columns, transfer: [...new Set(transfer)] };
}

/** The helper's columns as the main thread uses them (every list cut into its strings). */
export function fromHelper(c: HelperColumns): ActionColumns {
  const multi = (m: JoinedMulti): MultiColumn => ({ offsets: m.offsets, values: cutStrings(m.values) });
  return {
    ...c,
    // Kept joined: the merge puts the two parts' joins end to end when it can (appendColumns).
    ids: stringsOf(c.ids),
    accountKeys: cutStrings(c.accountKeys),
    targetKeys: cutStrings(c.targetKeys),
    sharedKeys: cutStrings(c.sharedKeys),
    text: cutDistinct(c.text),
    urls: multi(c.urls),
    hashtags: multi(c.hashtags),
    media: multi(c.media),
  };
}
