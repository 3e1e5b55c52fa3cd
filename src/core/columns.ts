// Data shapes that stores hand to the core: actions as columns for detection, and summary statistics.

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
  /** Insertion order in the store: within one import, the order of the rows in the input file. */
  seq: Int32Array;
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

