// The messages between an import and its worker thread (import-worker.ts, read-in-worker.ts).
import type { Account } from '../core/model.ts';
import type { ActionBlock } from '../store/action-block.ts';
import type { EncodedColumns } from '../store/snapshot-codec.ts';
import type { ReadOutcome } from './read-file.ts';

/** Worker → importing thread. `format`, `accounts`, `block` and `columns` are each answered with an `ack`. */
export type FromWorker =
  | { t: 'progress'; bytes: number; rows: number }
  | { t: 'format'; name: string }
  | { t: 'accounts'; list: Account[] }
  | { t: 'block'; block: ActionBlock }
  | { t: 'columns'; columns: EncodedColumns }
  | { t: 'done'; outcome: ReadOutcome }
  | { t: 'error'; user: boolean; message: string; exitCode: number; stack: string };

/**
 * Importing thread → worker: `go` starts the read (the worker is started early, while the file is hashed); the ack
 * of `format` says whether the store takes the actions as columns too.
 */
export type ToWorker = { t: 'go' } | { t: 'ack'; wantsColumns?: boolean };
