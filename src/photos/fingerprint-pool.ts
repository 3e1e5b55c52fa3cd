// Fingerprints many files on several threads: hashing is JavaScript, so one thread tops out at one core.
// This thread hashes too, next to (threads − 1) worker threads; every thread keeps libvips busy on the libuv
// pool while it hashes. The workers load our TypeScript through tsx's CommonJS hook, so this works from the
// CLI (bin/trollmap.js) and under `node --import tsx` alike. Small jobs stay on this thread.
// Start-up cost (measured, CPU): a worker booted with tsx's ESM hook (and the parent's inherited
// `--import tsx`) cost ~0.63 s, because each ESM hook starts a module-loader thread of its own; the
// in-thread CommonJS hook with the tsx flags dropped costs ~0.25 s, and this thread needs none. On 813
// portraits with 2 cores that is ~1.2 ms of CPU a photo saved.
// Batches shrink towards the end (a quarter of each thread's share of what is left, 4..`batch` files), so
// no thread is left hashing a full batch while the others wait.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PhotoIssue } from '../core/photo/photo-issue.ts';
import { startTsWorker } from '../threads/ts-worker.ts';
import { DEFAULT_DECODE_LIMITS, type DecodeLimits } from './decode.ts';
import { FILES_IN_FLIGHT, fingerprintFiles, type FileFingerprint } from './fingerprint-files.ts';
import type { WorkerJob, WorkerResult } from './fingerprint-worker.ts';

/** Pool options: hashing threads including this one (default: one per core, at most 4), largest batch, limits, progress. */
export interface PoolOptions {
  workers: number;
  batch: number;
  limits: DecodeLimits;
  onProgress?: (done: number, total: number) => void;
}

// sharp is loaded before tsx's hook is registered (startTsWorker's preload).
function startWorker(): Worker {
  return startTsWorker(new URL('./fingerprint-worker.ts', import.meta.url), { preload: ['sharp'] });
}

/** Like fingerprintFiles (same order, same issues), spread over this thread and worker threads. */
export async function fingerprintFilesParallel(
  files: readonly string[],
  opts: Partial<PoolOptions> = {},
): Promise<{ fingerprints: FileFingerprint[]; issues: PhotoIssue[] }> {
  const limits = opts.limits ?? DEFAULT_DECODE_LIMITS;
  const threads = Math.min(opts.workers ?? Math.min(availableParallelism(), 4), Math.ceil(files.length / 32));
  if (threads <= 1) return fingerprintFiles(files, opts.onProgress ? { limits, onProgress: opts.onProgress } : { limits });
  const largest = opts.batch ?? 32;
  const results: WorkerResult[] = [];
  let next = 0;
  let done = 0;
  const take = (): WorkerJob | undefined => {
    if (next >= files.length) return undefined;
    const size = Math.max(4, Math.min(largest, Math.ceil((files.length - next) / (threads * 4))));
    const job: WorkerJob = { batch: next, files: files.slice(next, next + size), limits };
    next += job.files.length;
    return job;
  };
  const finish = (job: WorkerJob, r: WorkerResult): void => {
    results.push(r);
    done += job.files.length;
    opts.onProgress?.(done, files.length);
  };
  const here = async (): Promise<void> => {
    for (let job = take(); job; job = take()) {
      finish(job, { batch: job.batch, ...(await fingerprintFiles(job.files, { limits, concurrency: FILES_IN_FLIGHT })) });
    }
  };
  const remote = (w: Worker): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      let job: WorkerJob | undefined;
      const send = (): void => {
        job = take();
        if (job) w.postMessage(job);
        else resolve();
      };
      w.on('message', (r: WorkerResult) => {
        finish(job!, r);
        send();
      });
      const fail = (e: Error): void => {
        next = files.length; // the other threads stop taking batches
        reject(e);
      };
      w.on('error', fail);
      w.on('exit', (code) => (job || code !== 0 ? fail(new Error(`photo worker exited (${code})`)) : undefined));
      send();
    });
  const pool = Array.from({ length: threads - 1 }, startWorker);
  try {
    await Promise.all([here(), ...pool.map(remote)]);
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  results.sort((a, b) => a.batch - b.batch);
  return { fingerprints: results.flatMap((r) => r.fingerprints), issues: results.flatMap((r) => r.issues) };
}
