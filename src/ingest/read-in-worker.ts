// readFile in a worker thread: decoding, parsing and mapping run there while this thread writes to the store, so
// a large import uses both cores. Blocks arrive as transferred buffers; each write is acknowledged (backpressure).
// A worker error surfaces as the same UserError (or, for a bug, an Error with the worker's stack); Ctrl-C
// (the signal) stops the worker at once. The worker never outlives the call.
import type { Worker } from 'node:worker_threads';
import { UserError } from '../core/errors.ts';
import { startTsWorker } from '../threads/ts-worker.ts';
import type { ReadChoices, ReadHooks, ReadOutcome } from './read-file.ts';
import type { FromWorker, ToWorker } from './worker-messages.ts';

function startWorker(path: string, file: string, choices: ReadChoices): Worker {
  const entry = new URL(`./import-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
  return startTsWorker(entry, { workerData: { path, file, choices } });
}

/** A worker thread started for one file: it loads its modules and waits for `read` (or `cancel`). */
export interface WorkerReader {
  read(hooks: ReadHooks): Promise<ReadOutcome>;
  cancel(): Promise<void>;
}

/** Starts the worker early (its start-up overlaps the file's hashing); call `read` or `cancel` once. */
export function startReader(path: string, file: string, choices: ReadChoices): WorkerReader {
  const worker = startWorker(path, file, choices);
  // Until `read` listens, a failure to start is kept for it (an 'error' event without a listener would throw).
  let early: unknown;
  const keep = (e: unknown): void => void (early ??= e);
  const exited = (code: number): void => keep(new Error(`import worker for ${file} stopped (exit code ${code}) before it was used`));
  worker.on('error', keep);
  worker.on('exit', exited);
  return {
    read: (hooks) => {
      worker.off('error', keep);
      worker.off('exit', exited);
      return run(worker, file, hooks, early);
    },
    cancel: async () => {
      await worker.terminate();
    },
  };
}

async function run(worker: Worker, file: string, hooks: ReadHooks, early: unknown): Promise<ReadOutcome> {
  const ack = (): void => worker.postMessage({ t: 'ack' } satisfies ToWorker);
  let onAbort: (() => void) | undefined;
  try {
    return await new Promise<ReadOutcome>((resolve, reject) => {
      let settled = false;
      const fail = (e: unknown): void => {
        if (settled) return;
        settled = true;
        reject(e);
      };
      const interrupted = (): void =>
        fail(new UserError(`interrupted while importing ${file}; nothing from it was written`, { exitCode: 130 }));
      if (early !== undefined) return fail(early);
      if (hooks.signal?.aborted) return interrupted();
      onAbort = interrupted;
      hooks.signal?.addEventListener('abort', interrupted, { once: true });
      let target: Awaited<ReturnType<ReadHooks['begin']>> | undefined;
      // Writes run one after another, in the order the worker sent them.
      let chain = Promise.resolve();
      const handle = async (m: FromWorker): Promise<void> => {
        if (settled) return;
        switch (m.t) {
          case 'progress':
            return hooks.onProgress?.(m.bytes, m.rows);
          case 'format':
            target = await hooks.begin(m.name);
            return ack();
          case 'accounts':
            await target!.putAccounts(m.list);
            return ack();
          case 'block':
            await target!.putActionBlock(m.block);
            return ack();
          case 'done':
            settled = true;
            return resolve(m.outcome);
          case 'error': {
            if (m.user) return fail(new UserError(m.message, { exitCode: m.exitCode }));
            const bug = new Error(`import worker: ${m.message}`);
            bug.stack = m.stack;
            return fail(bug);
          }
        }
      };
      worker.on('message', (m: FromWorker) => {
        chain = chain.then(() => handle(m)).catch(fail);
      });
      worker.on('error', (e) => fail(e));
      worker.on('exit', (code) => {
        void chain.then(() => fail(new Error(`import worker for ${file} stopped (exit code ${code}) before finishing`)));
      });
      worker.postMessage({ t: 'go' } satisfies ToWorker);
    });
  } finally {
    if (onAbort) hooks.signal?.removeEventListener('abort', onAbort);
    await worker.terminate();
  }
}
