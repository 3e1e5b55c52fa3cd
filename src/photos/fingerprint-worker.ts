// Worker-thread side of fingerprint-pool.ts: fingerprints each batch of files it is sent and posts the result.
import { parentPort } from 'node:worker_threads';
import type { DecodeLimits } from './decode.ts';
import { fingerprintFiles } from './fingerprint-files.ts';

/** A batch to fingerprint: its number and files. */
export interface WorkerJob {
  batch: number;
  files: string[];
  limits: DecodeLimits;
}

const port = parentPort;
if (!port) throw new Error('fingerprint-worker.ts must run in a worker thread');
port.on('message', (job: WorkerJob) => {
  void fingerprintFiles(job.files, { limits: job.limits, concurrency: 3 }).then((r) => port.postMessage({ batch: job.batch, ...r }));
});
