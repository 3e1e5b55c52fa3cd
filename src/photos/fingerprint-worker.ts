// Worker-thread side of fingerprint-pool.ts: fingerprints each batch of files it is sent and posts the result.
// Loaded through tsx's CommonJS hook (fingerprint-pool.ts says why), so this file and what it imports must not
// use import.meta or top-level await.
import { parentPort } from 'node:worker_threads';
import type { PhotoIssue } from '../core/photo/photo-issue.ts';
import type { DecodeLimits } from './decode.ts';
import { FILES_IN_FLIGHT, fingerprintFiles, type FileFingerprint } from './fingerprint-files.ts';

/** A batch to fingerprint: the index of its first file, its files and the limits. */
export interface WorkerJob {
  batch: number;
  files: string[];
  limits: DecodeLimits;
}

/** A batch's fingerprints and issues, in file order. */
export interface WorkerResult {
  batch: number;
  fingerprints: FileFingerprint[];
  issues: PhotoIssue[];
}

const port = parentPort;
if (!port) throw new Error('fingerprint-worker.ts must run in a worker thread');
port.on('message', (job: WorkerJob) => {
  void fingerprintFiles(job.files, { limits: job.limits, concurrency: FILES_IN_FLIGHT }).then((r) => port.postMessage({ batch: job.batch, ...r } satisfies WorkerResult));
});
