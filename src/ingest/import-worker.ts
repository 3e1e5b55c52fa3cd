// The worker-thread side of a large import: reads the file (read-file.ts) and posts what it produces to the
// importing thread: the format, account batches, action blocks (their buffers transferred, not copied), progress,
// and at the end the summary or the error. It waits for an acknowledgement when MAX_IN_FLIGHT writes are
// unanswered, so a slow store bounds memory.
import { parentPort, workerData } from 'node:worker_threads';
import { isUserError } from '../core/errors.ts';
import type { Account } from '../core/model.ts';
import type { ActionBlock } from '../store/action-block.ts';
import type { BlockTarget } from './batch-sink.ts';
import { readFile, type ReadChoices } from './read-file.ts';
import type { FromWorker, ToWorker } from './worker-messages.ts';

const MAX_IN_FLIGHT = 3;
/** Progress is posted about every this many raw bytes (and at the end). */
const PROGRESS_BYTES = 1 << 20;
let posted = 0;
let last = { bytes: 0, rows: 0 };

const port = parentPort;
if (port === null) throw new Error('import-worker.ts runs only as a worker thread');
const { path, file, choices } = workerData as { path: string; file: string; choices: ReadChoices };

const post = (m: FromWorker, transfer?: ArrayBuffer[]): void => port.postMessage(m, transfer);
let inFlight = 0;
let wake: (() => void) | undefined;
let go: (() => void) | undefined;
const started = new Promise<void>((resolve) => (go = resolve));
port.on('message', (m: ToWorker) => {
  if (m.t === 'go') return go?.();
  inFlight--;
  wake?.();
  wake = undefined;
});
const answered = (): Promise<void> => new Promise((resolve) => (wake = resolve));

async function send(m: FromWorker, transfer?: ArrayBuffer[]): Promise<void> {
  post(m, transfer);
  inFlight++;
  while (inFlight >= MAX_IN_FLIGHT) await answered();
}

const target: BlockTarget = {
  putAccounts: (list: readonly Account[]) => send({ t: 'accounts', list: [...list] }),
  putActionBlock: (block: ActionBlock) => send({ t: 'block', block }, [block.bytes.buffer as ArrayBuffer]),
};

// No top-level await: under tsx this file is loaded through the CommonJS hook (src/threads/ts-worker.ts).
async function main(): Promise<void> {
  await started;
  try {
    const outcome = await readFile(path, file, choices, {
      begin: async (format) => {
        await send({ t: 'format', name: format });
        while (inFlight > 0) await answered();
        return target;
      },
      onProgress: (bytes, rows) => {
        last = { bytes, rows };
        if (bytes - posted < PROGRESS_BYTES) return;
        posted = bytes;
        post({ t: 'progress', bytes, rows });
      },
    });
    while (inFlight > 0) await answered();
    if (last.bytes > posted) post({ t: 'progress', ...last });
    post({ t: 'done', outcome });
  } catch (e) {
    const err = e as Error;
    post({ t: 'error', user: isUserError(e), message: err?.message ?? String(e), exitCode: isUserError(e) ? e.exitCode : 2, stack: err?.stack ?? '' });
  }
}

void main();
