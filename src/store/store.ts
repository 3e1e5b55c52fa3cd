// The one storage interface. SQLite implements it now, PostgreSQL later; both must pass store.contract.ts.
// Methods are async so a networked store fits the same shape; keep engine-specific tricks out of it.
import type { Account, Action, ActionKind, ImportBatch, Platform } from '../core/model.ts';

/** A stored import batch with its id. */
export interface StoredBatch extends ImportBatch {
  id: number;
}

/** Writes of one import; nothing is visible to readers until `commit`, and `rollback` leaves no trace. */
export interface ImportSession {
  /** Adds or updates accounts (a later non-empty field fills an empty one; never blanks a known field). */
  putAccounts(accounts: readonly Account[]): Promise<void>;
  /** Adds actions; an action whose (platform, id) is already stored is skipped. Returns how many were new. */
  putActions(actions: readonly Action[]): Promise<number>;
  /** Records the batch and makes everything visible at once. */
  commit(batch: ImportBatch): Promise<StoredBatch>;
  rollback(): Promise<void>;
}

/** Which actions a read covers. Times are ms since the epoch, inclusive. */
export interface ActionFilter {
  kinds?: readonly ActionKind[];
  platform?: Platform;
  since?: number;
  until?: number;
}

/**
 * Actions as columns for detection at scale: row i of every array is one action, ordered by (time, platform, id).
 * Strings that repeat (accounts, targets, shared objects) are dictionary-encoded: -1 means absent.
 */
export interface ActionColumns {
  count: number;
  /** Dictionary of account keys (`platform:id`), sorted. */
  accountKeys: string[];
  account: Int32Array;
  /** ms since the epoch. */
  time: Float64Array;
  /** Index into ACTION_KINDS. */
  kind: Uint8Array;
  /** Index into TIME_PRECISIONS. */
  precision: Uint8Array;
  /** Action ids as in the input files (without platform). */
  ids: string[];
  platforms: string[];
  platform: Uint8Array;
  /** Dictionary of targets (`platform:id`), sorted. */
  targetKeys: string[];
  target: Int32Array;
  /** Dictionary of shared objects (`platform:id`), sorted. */
  sharedKeys: string[];
  shared: Int32Array;
  /** Text per action ('' when none). */
  text: string[];
  /** Multi-valued fields, CSR-style: values of action i are values[offsets[i] .. offsets[i+1]). */
  urls: MultiColumn;
  hashtags: MultiColumn;
  media: MultiColumn;
}

export interface MultiColumn {
  offsets: Int32Array;
  values: string[];
}

export interface StoreStats {
  accounts: number;
  actions: number;
  batches: number;
  byKind: Record<string, number>;
  byPlatform: Record<string, number>;
  /** Actions per UTC day, `YYYY-MM-DD`, sorted. */
  byDay: { day: string; actions: number }[];
  topTargets: { target: string; actions: number }[];
  topUrls: { url: string; actions: number }[];
  first?: number;
  last?: number;
}

export interface Store {
  /** Where the data lives, for messages (a file path or a connection string without password). */
  readonly location: string;
  /** The batch that imported a file with this sha256, if any. */
  findBatch(sha256: string): Promise<StoredBatch | undefined>;
  listBatches(): Promise<StoredBatch[]>;
  beginImport(): Promise<ImportSession>;
  getAccount(platform: Platform, id: string): Promise<Account | undefined>;
  getAction(platform: Platform, id: string): Promise<Action | undefined>;
  /** Accounts by key, for explanations; unknown keys are left out. */
  getAccounts(keys: readonly string[]): Promise<Account[]>;
  /** Streams all stored accounts in key order. */
  iterateAccounts(): AsyncIterable<Account>;
  readActionColumns(filter?: ActionFilter): Promise<ActionColumns>;
  stats(options?: { top?: number }): Promise<StoreStats>;
  close(): Promise<void>;
}
