// What two threads get from this machine: a loop that stays in the core's cache, and random updates of a table of
// 8 MB and of 64 MB, each timed on one thread alone and on two threads at once (the same loop on both). Detection
// runs two threads on two cores; when both walk tables larger than their share of the shared cache, each slows
// down (a layer takes longer beside the other thread than alone), which no change to our code's instruction count
// shows. The loops are plain JavaScript in `eval` workers: nothing of trollmap's is measured here.
import { Worker } from 'node:worker_threads';

/** The loops a worker runs, by name: each returns its milliseconds. */
const KERNELS = `
const { parentPort, workerData } = require('node:worker_threads');
function cached() {
  const a = new Float64Array(1 << 16);
  let s = 0;
  const t = performance.now();
  for (let r = 0; r < 3000; r++) for (let i = 0; i < a.length; i++) { a[i] = a[i] * 1.0000001 + i; s += a[i]; }
  return [performance.now() - t, s];
}
function table(bytes) {
  const n = bytes / 4;
  const a = new Int32Array(n);
  let x = 12345;
  let s = 0;
  const t = performance.now();
  for (let i = 0; i < 3e7; i++) { x = (x * 1103515245 + 12345) & 0x7fffffff; s += a[x & (n - 1)]++; }
  return [performance.now() - t, s];
}
const [ms] = workerData.kernel === 'cached' ? cached() : table(workerData.bytes);
parentPort.postMessage(ms);
`;

interface Kernel {
  kernel: 'cached' | 'table';
  bytes?: number;
}

/** Milliseconds of each of `threads` workers running `k` at once. */
function runOnce(k: Kernel, threads: number): Promise<number[]> {
  return Promise.all(
    Array.from({ length: threads }, () => new Promise<number>((resolve, reject) => {
      const w = new Worker(KERNELS, { eval: true, workerData: k });
      w.once('message', (ms: number) => resolve(ms));
      w.once('error', reject);
    })),
  );
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Median milliseconds per thread over `runs` runs, alone and two at once, and their ratio. */
async function measure(k: Kernel, runs = 5): Promise<{ aloneMs: number; twoAtOnceMs: number; slowdown: number }> {
  const alone: number[] = [];
  const two: number[] = [];
  for (let r = 0; r < runs; r++) {
    alone.push(...(await runOnce(k, 1)));
    two.push(...(await runOnce(k, 2)));
  }
  const aloneMs = Math.round(median(alone));
  const twoAtOnceMs = Math.round(median(two));
  return { aloneMs, twoAtOnceMs, slowdown: +(twoAtOnceMs / aloneMs).toFixed(2) };
}

export async function run(): Promise<Record<string, unknown>> {
  return {
    note: 'median ms per thread over 5 runs: one thread alone, then two threads running the same loop at once',
    inCache: await measure({ kernel: 'cached' }),
    randomUpdates8MB: await measure({ kernel: 'table', bytes: 8 << 20 }),
    randomUpdates64MB: await measure({ kernel: 'table', bytes: 64 << 20 }),
  };
}
