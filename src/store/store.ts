// The one storage interface. SQLite implements it now, PostgreSQL later; both must pass store.contract.ts.
// Methods are async so a networked store fits the same shape; keep engine-specific tricks out of it.
import type { ActionColumns, StoreStats } from '../core/columns.ts';
import type { Account, Action, ActionKind, ImportBatch, Platform } from '../core/model.ts';
import type { AccountFinding, DetectionRun, RunEdge } from '../core/run.ts';
import type { ActionBlock } from './action-block.ts';

export type { ActionColumns, MultiColumn, StoreStats } from '../core/columns.ts';

/** A stored import batch with its id. */
export interface StoredBatch extends ImportBatch {
  id: number;
}

/**
 * A photo to store: an account's (platform and account id) or a reference gallery's (gallery label), with its
 * fingerprint blob (src/core/photo/fingerprint-codec.ts). `source` is the path or URL as the input gave it.
 */
export interface NewPhoto {
  platform?: Platform;
  account?: string;
  source: string;
  sha256: string;
  /** PDQ hash, 64 hex digits. */
  pdq: string;
  quality: number;
  width: number;
  height: number;
  fingerprint: Uint8Array;
  gallery?: string;
}

/** A stored photo; `batchId` is the import that brought it (absent for gallery photos and standalone adds). */
export interface StoredPhoto extends NewPhoto {
  id: number;
  batchId?: number;
}

/** Which photos a read returns: gallery photos only (true), account photos only (false), or all. */
export interface PhotoFilter {
  gallery?: boolean;
}

/** Writes of one import; nothing is visible to readers until `commit`, and `rollback` leaves no trace. */
export interface ImportSession {
  /** Adds or updates accounts (a later non-empty field fills an empty one; never blanks a known field). */
  putAccounts(accounts: readonly Account[]): Promise<void>;
  /** Adds actions; an action whose (platform, id) is already stored is skipped. Returns how many were new. */
  putActions(actions: readonly Action[]): Promise<number>;
  /** putActions for a block of encoded actions (the import pipeline's fast path). Returns how many were new. */
  putActionBlock(block: ActionBlock): Promise<number>;
  /** Adds photos of this import (they carry its batch id and vanish with a rollback). Returns how many. */
  putPhotos(photos: readonly NewPhoto[]): Promise<number>;
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
  /**
   * The filtered actions as columns. `onColumns` is called with them as soon as they are built, before any work the
   * store does afterwards (the SQLite store writes its columnar snapshot then): detect hands them to its worker there.
   * `oneThread`: no helper thread, whatever the read's size (`detect --threads 1`).
   */
  readActionColumns(filter?: ActionFilter, options?: { onColumns?: (columns: ActionColumns) => void; oneThread?: boolean }): Promise<ActionColumns>;
  stats(options?: { top?: number }): Promise<StoreStats>;
  /** Stores a detection run with all its findings in one transaction; returns its id. */
  saveRun(run: DetectionRun): Promise<number>;
  /** A stored run (the latest when no id is given). */
  getRun(id?: number): Promise<DetectionRun | undefined>;
  /** One account's finding in a run (the latest when no run id is given). */
  getAccountFinding(account: string, runId?: number): Promise<AccountFinding | undefined>;
  /** A run's edges that touch one account, in stored order (the latest run when no id is given); undefined when no such run. */
  getAccountEdges(account: string, runId?: number): Promise<{ run: number; edges: RunEdge[] } | undefined>;
  /** Adds photos in their own transaction (a gallery, or photos outside any import). Returns how many. */
  addPhotos(photos: readonly NewPhoto[]): Promise<number>;
  /** Stored photos in id order (fingerprint blobs included). */
  listPhotos(filter?: PhotoFilter): Promise<StoredPhoto[]>;
  close(): Promise<void>;
}
