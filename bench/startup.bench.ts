// How long `trollmap` takes to start: `trollmap --help` and `trollmap stats` on a small database, each run as a
// user runs it (`node bin/trollmap.js …`, a new process), from the CLI's bundle and through tsx
// (TROLLMAP_CLI_BUNDLE=0), alternated so both meet the same phases of the machine; and a worker thread's start
// (the layers worker, which waits for columns) from its bundle and under tsx (TROLLMAP_WORKER_BUNDLES=0), as the
// CPU the process spends until the worker is ready. Bundles are built before the clock starts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'bin', 'trollmap.js');
const RUNS = 7;

/** Wall milliseconds of one `node bin/trollmap.js …args` with `env` added. */
function wall(args: string[], env: Record<string, string>): number {
  const t = performance.now();
  execFileSync(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: 'ignore' });
  return performance.now() - t;
}

/** Process CPU milliseconds until a layers worker started with `env` is ready (a child process of its own). */
function workerStart(env: Record<string, string>): number {
  const script = `
    import { startLayersWorker, WORKER_LAYERS } from ${JSON.stringify(join(ROOT, 'src', 'detect-runner', 'layers-in-worker.ts'))};
    import { DEFAULT_PARAMS, DEFAULT_LAYERS } from ${JSON.stringify(join(ROOT, 'src', 'core', 'pipeline', 'defaults.ts'))};
    const c0 = process.cpuUsage();
    const w = startLayersWorker({ ...DEFAULT_PARAMS, layers: [...DEFAULT_LAYERS] }, WORKER_LAYERS);
    await new Promise((r) => setTimeout(r, 2000));
    const c = process.cpuUsage(c0);
    process.stdout.write(String((c.user + c.system) / 1000));
    await w.stop();`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  return Number(out);
}

const stats = (xs: number[]): { minMs: number; medianMs: number; maxMs: number } => {
  const s = [...xs].sort((a, b) => a - b);
  return { minMs: Math.round(s[0]!), medianMs: Math.round(s[Math.floor(s.length / 2)]!), maxMs: Math.round(s[s.length - 1]!) };
};

export async function run(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'trollmap-bench-startup-'));
  try {
    const db = join(dir, 'small.db');
    const sim = join(dir, 'sim');
    execFileSync(process.execPath, [BIN, 'simulate', '--accounts', '400', '--days', '2', '--seed', '1', '--out', sim], { stdio: 'ignore' });
    execFileSync(process.execPath, [BIN, 'import', '--db', db, sim], { stdio: 'ignore' });
    const on = {};
    const off = { TROLLMAP_CLI_BUNDLE: '0' };
    const commands: Record<string, string[]> = { help: ['--help'], stats: ['stats', '--db', db] };
    const out: Record<string, unknown> = { runs: RUNS };
    for (const [name, args] of Object.entries(commands)) {
      wall(args, on); // builds the bundle if needed, outside the clock
      const bundled: number[] = [];
      const tsx: number[] = [];
      for (let r = 0; r < RUNS; r++) {
        // The order swapped every other run.
        if (r % 2 === 0) {
          bundled.push(wall(args, on));
          tsx.push(wall(args, off));
        } else {
          tsx.push(wall(args, off));
          bundled.push(wall(args, on));
        }
      }
      out[name] = { bundle: stats(bundled), tsx: stats(tsx) };
    }
    workerStart({});
    const workerBundled: number[] = [];
    const workerTsx: number[] = [];
    for (let r = 0; r < 3; r++) {
      workerBundled.push(workerStart({}));
      workerTsx.push(workerStart({ TROLLMAP_WORKER_BUNDLES: '0' }));
    }
    out['layersWorkerCpu'] = { bundle: stats(workerBundled), tsx: stats(workerTsx) };
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
