// The messages between an import and its worker thread (import-worker.ts, read-in-worker.ts).
import type { Account } from '../core/model.ts';
import type { ActionBlock } from '../store/action-block.ts';
import type { ReadOutcome } from './read-file.ts';

/** Worker → importing thread. `format`, `accounts` and `block` are each answered with an `ack`. */
export type FromWorker =
  | { t: 'progress'; bytes: number; rows: number }
  | { t: 'format'; name: string }
  | { t: 'accounts'; list: Account[] }
  | { t: 'block'; block: ActionBlock }
  | { t: 'done'; outcome: ReadOutcome }
  | { t: 'error'; user: boolean; message: string; exitCode: number; stack: string };

/** Importing thread → worker: `go` starts the read (the worker is started early, while the file is hashed). */
export type ToWorker = { t: 'go' } | { t: 'ack' };
