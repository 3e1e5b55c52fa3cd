// Fingerprints many files on several worker threads: hashing is JavaScript, so one thread tops out at one
// core; each worker also keeps libvips busy. The workers load our TypeScript through tsx's API, so this works
// from the CLI (bin/trollmap.js) and under `node --import tsx` alike. Small jobs stay on this thread.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PhotoIssue } from '../core/photo/photo-issue.ts';
import { DEFAULT_DECODE_LIMITS, type DecodeLimits } from './decode.ts';
import { fingerprintFiles, type FileFingerprint } from './fingerprint-files.ts';
import type { WorkerJob } from './fingerprint-worker.ts';

/** Pool options: threads (default: one per core, at most 4), files per batch, limits, progress. */
export interface PoolOptions {
  workers: number;
  batch: number;
  limits: DecodeLimits;
  onProgress?: (done: number, total: number) => void;
}

interface BatchResult {
  batch: number;
  fingerprints: FileFingerprint[];
  issues: PhotoIssue[];
}

function startWorker(): Worker {
  const api = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./fingerprint-worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(boot, { eval: true });
}

/** Like fingerprintFiles (same order, same issues), spread over worker threads. */
export async function fingerprintFilesParallel(
  files: readonly string[],
  opts: Partial<PoolOptions> = {},
): Promise<{ fingerprints: FileFingerprint[]; issues: PhotoIssue[] }> {
  const limits = opts.limits ?? DEFAULT_DECODE_LIMITS;
  const workers = Math.min(opts.workers ?? Math.min(availableParallelism(), 4), Math.ceil(files.length / 32));
  if (workers <= 1) return fingerprintFiles(files, opts.onProgress ? { limits, onProgress: opts.onProgress } : { limits });
  const size = opts.batch ?? 32;
  const batches: string[][] = [];
  for (let i = 0; i < files.length; i += size) batches.push(files.slice(i, i + size));
  const results: BatchResult[] = new Array(batches.length);
  let next = 0;
  let done = 0;
  const pool = Array.from({ length: workers }, startWorker);
  try {
    await Promise.all(
      pool.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const send = (): void => {
              if (next >= batches.length) return resolve();
              const job: WorkerJob = { batch: next, files: batches[next]!, limits };
              next++;
              w.postMessage(job);
            };
            w.on('message', (r: BatchResult) => {
              results[r.batch] = r;
              done += batches[r.batch]!.length;
              opts.onProgress?.(done, files.length);
              send();
            });
            w.on('error', reject);
            w.on('exit', (code) => (next < batches.length || code !== 0 ? reject(new Error(`photo worker exited (${code})`)) : undefined));
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return { fingerprints: results.flatMap((r) => r.fingerprints), issues: results.flatMap((r) => r.issues) };
}
