// Where `detect --threads 2` starts to pay (DETECT_THREADS_MIN_ACTIONS in src/cli/commands/detect-action.ts):
// simulated sets of several sizes (`trollmap simulate --accounts N --days 30 --seed 1`), imported, snapshot written
// (warm), then the read and every default layer, with one thread and with co-target in the worker, each run in a
// fresh process. Besides wall time it records each thread's CPU time (Linux /proc, sampled by a helper thread
// because the worker thread exits as soon as it posts its results): on a busy machine wall time says little, and
// the longer thread's CPU time is what the wall time would be with a free core.
// TROLLMAP_BENCH_CACHE=1 keeps the sets in .cache/detect-threads/; TROLLMAP_BENCH_ACCOUNTS=2500,5000 picks sizes.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Layer } from '../src/core/detect/layer-traces.ts';
import { DEFAULT_LAYERS, DEFAULT_PARAMS, runLayer } from '../src/core/pipeline/index.ts';
import { CLAIMABLE_LAYERS, startLayersWorker, WORKER_LAYERS } from '../src/detect-runner/layers-in-worker.ts';
import { importPaths } from '../src/ingest/import-paths.ts';
import { scenarioFor, simulateToDir } from '../src/simulate/index.ts';
import { openSqliteStore } from '../src/store/sqlite/index.ts';

const REPS = 3;

export async function run(): Promise<Record<string, unknown>> {
  if (!existsSync('/proc/self/task')) return { skipped: 'needs Linux /proc for per-thread CPU time' };
  const cached = process.env['TROLLMAP_BENCH_CACHE'] === '1';
  const root = cached ? join(process.cwd(), '.cache', 'detect-threads') : await mkdtemp(join(tmpdir(), 'trollmap-bench-threads-'));
  const sizes = (process.env['TROLLMAP_BENCH_ACCOUNTS'] ?? '2500,5000,7500,10000,20000,40000').split(',').map(Number);
  const out: Record<string, unknown>[] = [];
  try {
    for (const accounts of sizes) {
      const dir = join(root, String(accounts));
      const db = join(dir, 'bench.db');
      if (!(cached && existsSync(join(dir, 'ready')))) {
        await rm(dir, { recursive: true, force: true });
        await mkdir(dir, { recursive: true });
        await simulateToDir(scenarioFor({ seed: 1, accounts, days: 30 }), join(dir, 'sim'), { format: 'csv' });
        const store = await openSqliteStore(db);
        await importPaths(store, [join(dir, 'sim', 'actions.csv'), join(dir, 'sim', 'accounts.csv')], { map: {}, now: () => Date.now(), clock: () => performance.now() });
        await store.readActionColumns(); // writes the columnar snapshot: every measured run is warm
        await store.close();
        await writeFile(join(dir, 'ready'), '');
      }
      const runs: Record<string, number>[] = [];
      for (let r = 0; r < REPS; r++) {
        for (const threads of ['1', '2']) {
          const c = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), 'child', db, threads], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
          if (c.status !== 0) throw new Error(`bench child failed (${c.status})`);
          runs.push(JSON.parse(c.stdout) as Record<string, number>);
        }
      }
      const min = (threads: number, key: string): number => Math.min(...runs.filter((x) => x['threads'] === threads).map((x) => x[key]!));
      out.push({
        accounts,
        actions: runs[0]!['actions'],
        oneThread: { wallMin: min(1, 'wall'), cpuMin: min(1, 'mainCpu') },
        twoThreads: { wallMin: min(2, 'wall'), mainCpuMin: min(2, 'mainCpu'), workerCpuMin: min(2, 'workerCpu'), longerThreadCpuMin: min(2, 'longerCpu') },
        runs,
      });
    }
    return { command: 'npm run bench -- detect-threads', load: loadavg().map((l) => +l.toFixed(2)), reps: REPS, sizes: out };
  } finally {
    if (!cached) await rm(root, { recursive: true, force: true });
  }
}

/** One warm read + every default layer in this process; CPU seconds per thread from /proc. */
async function child(db: string, threads: 1 | 2): Promise<Record<string, number>> {
  const sampler = startSampler();
  await new Promise((r) => setTimeout(r, 50));
  const main = String(process.pid);
  const before = new Map((await sampler.report()).map(([t, v]) => [t, v] as const));
  const own = (): number => taskCpu(main) - (before.get(main) ?? 0);
  const params = { ...DEFAULT_PARAMS, layers: [...DEFAULT_LAYERS] as Layer[] };
  const store = await openSqliteStore(db);
  const t0 = performance.now();
  const worker = threads === 2 ? startLayersWorker(params, WORKER_LAYERS, undefined, CLAIMABLE_LAYERS) : undefined;
  const columns = await store.readActionColumns({}, { onColumns: (c) => worker?.give(c) });
  await store.close();
  for (const layer of params.layers) if (!worker?.layers.includes(layer)) runLayer(columns, layer, params);
  const mainCpu = own();
  await worker?.result;
  const wall = (performance.now() - t0) / 1000;
  const after = await sampler.report();
  await worker?.stop();
  await sampler.stop();
  const workerCpu = after.filter(([t]) => !before.has(t)).reduce((s, [, v]) => s + v, 0);
  const r2 = (x: number): number => +x.toFixed(2);
  return { threads, actions: columns.count, wall: r2(wall), mainCpu: r2(mainCpu), workerCpu: r2(workerCpu), longerCpu: r2(Math.max(mainCpu, workerCpu)) };
}

const TICKS = 100; // USER_HZ, the unit of utime/stime in /proc/<pid>/task/<tid>/stat on Linux
function taskCpu(tid: string): number {
  const f = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) / TICKS;
}

/** A helper thread that samples every thread's CPU time every 20 ms and keeps the last value seen per thread. */
function startSampler(): { report(): Promise<[string, number][]>; stop(): Promise<void> } {
  const code = `const { parentPort } = require('node:worker_threads'); const fs = require('node:fs');
const seen = new Map(); const me = fs.readlinkSync('/proc/thread-self').split('/').pop();
const sample = () => { for (const t of fs.readdirSync('/proc/self/task')) { if (t === me) continue; try {
  const f = fs.readFileSync('/proc/self/task/' + t + '/stat', 'utf8').split(') ')[1].split(' ');
  seen.set(t, (Number(f[11]) + Number(f[12])) / ${TICKS}); } catch { /* the thread exited between listing and reading */ } } };
setInterval(sample, 20); sample();
parentPort.on('message', () => { sample(); parentPort.postMessage([...seen]); });`;
  const w = new Worker(code, { eval: true });
  return {
    report: () => new Promise((res) => { w.once('message', res); w.postMessage('report'); }),
    stop: async () => void (await w.terminate()),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === 'child') {
  const [db, threads] = process.argv.slice(3) as [string, string];
  process.stdout.write(JSON.stringify(await child(db, threads === '2' ? 2 : 1)));
}

