// The whole detection on about a million simulated actions, read from the store: every default layer
// (co-share, co-link, co-target, co-text with near-duplicates, co-hashtag, co-media), significance, networks,
// scores. Issue 3's target: all layers including near-duplicate text on 1M actions < 10 s. Also evaluates the run
// against the simulator's truth, to show how the default settings hold at scale.
// Setup (simulate 75k accounts × 30 days, import into a fresh SQLite file) is timed apart from detection.
// TROLLMAP_BENCH_CACHE=1 keeps the simulated data and the imported DB in .cache/detect-1m/ and reuses them (to iterate
// on detection without the ~30 s setup); the import is then not timed.
// Detection is measured four times, each in its own process (`child` below): cold (rows parsed, columnar snapshot
// written) and warm (snapshot read), with one thread and with two (WORKER_LAYERS, co-target, in a worker thread).
// `append1`/`append2` (not run by default): on a copy of the database with a valid snapshot, APPEND_ACTIONS new
// actions are stored first (untimed), so the read is the stale snapshot plus the rows added since.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { resourceUsage } from 'node:process';
import { join } from 'node:path';
import { evaluate } from '../src/core/eval/index.ts';
import { DEFAULT_LAYERS, DEFAULT_PARAMS, type DetectContext, type LayerResult } from '../src/core/pipeline/index.ts';
import { readTruthFile } from '../src/cli/truth-file.ts';
import { inputHash } from '../src/cli/input-hash.ts';
import { importPaths } from '../src/ingest/import-paths.ts';
import { scenarioFor, simulateToDir } from '../src/simulate/index.ts';
import { openSqliteStore } from '../src/store/sqlite/index.ts';
import { CLAIMABLE_LAYERS, detectRunOn, runLayersWithWorker, startLayersWorker, WORKER_LAYERS } from '../src/detect-runner/layers-in-worker.ts';
import type { Action } from '../src/core/model.ts';
import { accountProfiles } from '../src/core/signals/account-signals.ts';
import type { Store } from '../src/store/store.ts';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const cpuSeconds = (since: NodeJS.CpuUsage): number => {
  const c = process.cpuUsage(since);
  return +((c.user + c.system) / 1e6).toFixed(2);
};

/** The simulated data and the imported database of the bench, made (and timed) unless cached. */
export interface Prepared {
  dir: string;
  data: string;
  sim: { actions: number; accounts: number; trolls: number };
  importSeconds: number | 'cached';
  importCpu: number | 'cached';
  /** Removes the database and the data unless they are cached. */
  done(): Promise<void>;
}

/** Simulates and imports (or, with TROLLMAP_BENCH_CACHE=1 and a previous run, reuses .cache/detect-1m/). */
export async function prepare(): Promise<Prepared> {
  const cached = process.env['TROLLMAP_BENCH_CACHE'] === '1';
  const dir = cached ? join(process.cwd(), '.cache', 'detect-1m') : await mkdtemp(join(tmpdir(), 'trollmap-bench-detect-'));
  const ready = join(dir, 'ready.json');
  const data = join(dir, 'sim');
  const done = async (): Promise<void> => {
    if (!cached) await rm(dir, { recursive: true, force: true });
  };
  try {
    let sim: Prepared['sim'];
    let importSeconds: number | 'cached' = 'cached';
    let importCpu: number | 'cached' = 'cached';
    let store: Store;
    if (cached && existsSync(ready)) {
      sim = JSON.parse(readFileSync(ready, 'utf8')) as typeof sim;
      store = await openSqliteStore(join(dir, 'bench.db'));
    } else {
      await rm(dir, { recursive: true, force: true });
      await mkdir(dir, { recursive: true });
      const s = await simulateToDir(scenarioFor({ seed: 1, accounts: 75_000, days: 30 }), data, { format: 'csv' });
      sim = { actions: s.actions, accounts: s.accounts, trolls: s.trolls };
      store = await openSqliteStore(join(dir, 'bench.db'));
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      await importPaths(store, [join(data, 'actions.csv'), join(data, 'accounts.csv')], {
        map: {}, now: () => Date.now(), clock: () => performance.now(),
      });
      importSeconds = +((performance.now() - t0) / 1000).toFixed(2);
      importCpu = cpuSeconds(cpu0);
      if (cached) await writeFile(ready, JSON.stringify(sim));
    }
    await store.close();
    return { dir, data, sim, importSeconds, importCpu, done };
  } catch (e) {
    await done();
    throw e;
  }
}

/** One measured run (`cold2`, say: see `child`) in a process of its own: its JSON. */
export function measuredRun(prepared: Prepared, name: string): Record<string, unknown> {
  const m = /^(cold|warm|append)([12])$/.exec(name);
  if (!m) throw new Error(`TROLLMAP_BENCH_RUNS: unknown run ${name}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), 'child', join(prepared.dir, 'bench.db'), join(prepared.data, 'truth.csv'), m[1]!, m[2]!], {
    encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`bench child ${name} failed (${r.status})`);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

export async function run(): Promise<Record<string, unknown>> {
  const prepared = await prepare();
  try {
    // Four runs, each in a fresh process (so peak RSS is its own): cold (no columnar snapshot: rows parsed, snapshot
    // written) and warm (snapshot read), one thread and two (WORKER_LAYERS in a worker, as
    // `trollmap detect --threads 2`). TROLLMAP_BENCH_RUNS=cold1,warm2 picks some.
    const wanted = (process.env['TROLLMAP_BENCH_RUNS'] ?? 'cold1,warm1,cold2,warm2').split(',');
    const runs: Record<string, unknown> = {};
    for (const name of wanted) runs[name] = measuredRun(prepared, name);
    return {
      command: 'npm run bench -- detect',
      load: loadavg().map((l) => +l.toFixed(2)),
      cores: availableParallelism(),
      ...prepared.sim,
      import: { seconds: prepared.importSeconds, cpuSeconds: prepared.importCpu },
      runs,
      target: { readPlusDetectSeconds: 10, peakRssMB: 2048 },
    };
  } finally {
    await prepared.done();
  }
}

/** Actions added before an `append` run: copies of the last ones stored, with new ids. */
const APPEND_ACTIONS = 1000;

/** A copy of the database at `dbPath` whose snapshot is valid, then APPEND_ACTIONS more actions: its path. */
async function appendedCopy(dbPath: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'trollmap-bench-append-'));
  const path = join(dir, 'bench.db');
  const source = new Database(dbPath);
  await source.backup(path);
  source.close();
  const store = await openSqliteStore(path);
  await store.readActionColumns(); // leaves a valid snapshot
  const db = new Database(path, { readonly: true });
  const last = db.prepare('SELECT platform, id, account, kind, time_ms AS time, time_precision AS precision, target, shared, text FROM actions ORDER BY seq DESC LIMIT ?')
    .all(APPEND_ACTIONS) as (Action & { target: string | null; shared: string | null; text: string | null })[];
  db.close();
  const session = await store.beginImport();
  await session.putActions(last.map((a) => ({
    platform: a.platform, id: `appended-${a.id}`, account: a.account, kind: a.kind, time: a.time, precision: a.precision,
    ...(a.target === null ? {} : { target: a.target }), ...(a.shared === null ? {} : { shared: a.shared }), ...(a.text === null ? {} : { text: a.text }),
    urls: [], hashtags: [], mentions: [], media: [],
  })));
  await session.commit({ source: 'bench', format: 'bench', sha256: 'appended', rowsRead: last.length, actionsAdded: 0, actionsDuplicate: 0, accountsAdded: 0, badRows: 0, issues: [], importedAt: 0 });
  await store.close();
  return path;
}

/** One measured detection in this process: read (from rows when `cold`, after deleting snapshots) + layers + networks. */
async function child(originalPath: string, truthPath: string, temp: 'cold' | 'warm' | 'append', threads: 1 | 2): Promise<Record<string, unknown>> {
  const params = { ...DEFAULT_PARAMS, layers: [...DEFAULT_LAYERS] };
  {
    const store = await openSqliteStore(originalPath); // brings the schema up to date (snapshot table)
    await store.close();
  }
  const dbPath = temp === 'append' ? await appendedCopy(originalPath) : originalPath;
  if (temp === 'cold') {
    const db = new Database(dbPath);
    db.prepare('DELETE FROM column_snapshots').run();
    db.close();
  }
  const store = await openSqliteStore(dbPath);
  const t = performance.now();
  const cpu = process.cpuUsage();
  // As `trollmap detect --threads 2`: the worker boots during the read and gets its columns as soon as they are
  // built, before the snapshot write.
  const worker = threads === 2 ? startLayersWorker(params, WORKER_LAYERS, undefined, CLAIMABLE_LAYERS) : undefined;
  let builtSeconds: number | undefined;
  // One thread (as `--threads 1`) also reads on one thread; two may share a first read with a scan helper.
  const columns = await store.readActionColumns({}, worker ? {
    onColumns: (c) => {
      builtSeconds = +((performance.now() - t) / 1000).toFixed(2);
      worker.give(c);
    },
  } : { oneThread: true });
  const readSeconds = +((performance.now() - t) / 1000).toFixed(2);
  const readCpu = cpuSeconds(cpu);
  const stages: Record<string, number> = {};
  const stageCpu: Record<string, number> = {};
  let stage = '';
  let stageStart = performance.now();
  let stageCpuStart = process.cpuUsage();
  const close = (): void => {
    stages[stage] = +((performance.now() - stageStart) / 1000).toFixed(2);
    stageCpu[stage] = cpuSeconds(stageCpuStart);
  };
  const onStage = (s: string): void => {
    if (stage) close();
    stage = s;
    stageStart = performance.now();
    stageCpuStart = process.cpuUsage();
  };
  // In `trollmap detect`'s order (src/cli/commands/detect-action.ts): this thread's layers, then, while the worker
  // may still be busy, the accounts and the input hash; then the worker's results and the networks.
  let computed: Map<string, LayerResult> | undefined;
  let workerSeconds: Record<string, number> | undefined;
  let computing: Promise<Map<string, LayerResult>> | undefined;
  if (worker) {
    onStage(`layers here (${DEFAULT_LAYERS.filter((l) => !WORKER_LAYERS.includes(l)).join(', ')})`);
    computing = runLayersWithWorker(columns, params, worker, { keep: true });
    computing.catch(() => undefined);
  }
  onStage('accounts and input hash');
  const accountsStart = performance.now();
  const accounts = await store.getAccounts(columns.accountKeys);
  const accountsSeconds = +((performance.now() - accountsStart) / 1000).toFixed(2);
  inputHash(columns);
  // As detect does while its worker computes: what the signals read of the profiles (counted in this stage).
  const profiles = worker ? accountProfiles(accounts) : undefined;
  if (computing && worker) {
    onStage(`waiting for the worker (${WORKER_LAYERS.join(', ')})`);
    computed = await computing;
    workerSeconds = Object.fromEntries(Object.entries((await worker.result).seconds).map(([k, v]) => [k, +v.toFixed(2)]));
  }
  // With a worker, it finds the networks while this thread computes the accounts' signals and scores.
  const context: DetectContext = {
    version: 'bench', createdAt: 0, inputHash: '',
    ...(computed ? { computed } : {}),
    ...(profiles ? { profiles } : {}),
    onStage,
  };
  const result = await detectRunOn(worker, columns, accounts, params, context).finally(() => worker?.stop());
  close();
  // The store closes before the clock stops: a snapshot the scan helper is still writing is part of the run, as in
  // `trollmap detect`, which waits for it too.
  const closeStart = performance.now();
  await store.close();
  const closeSeconds = +((performance.now() - closeStart) / 1000).toFixed(2);
  const seconds = +((performance.now() - t) / 1000).toFixed(2);
  const cpuAll = cpuSeconds(cpu);
  const snapshot = new Database(dbPath, { readonly: true }).prepare('SELECT count(*) AS rows, coalesce(sum(length(body)), 0) AS bytes FROM column_snapshots').get();
  if (temp === 'append') await rm(join(dbPath, '..'), { recursive: true, force: true });
  const evaluation = evaluate(result, await readTruthFile(truthPath));
  const { params: _p, ...stable } = result;
  return {
    temp, threads,
    ...(temp === 'append' ? { appendedActions: APPEND_ACTIONS } : {}),
    readPlusDetectSeconds: seconds,
    readPlusDetectCpuSeconds: cpuAll,
    storeReadSeconds: readSeconds,
    storeReadCpuSeconds: readCpu,
    ...(builtSeconds === undefined ? {} : { columnsToWorkerAtSeconds: builtSeconds }),
    accountsSeconds,
    closeSeconds,
    stages,
    stageCpuSeconds: stageCpu,
    ...(workerSeconds ? { workerSeconds } : {}),
    peakRssMB: Math.round(resourceUsage().maxRSS / 1024),
    snapshot,
    edges: result.edges.length,
    networks: result.networks.length,
    runSha256: createHash('sha256').update(JSON.stringify(stable)).digest('hex').slice(0, 16),
    eval: {
      precision: +evaluation.accounts.precision.toFixed(3),
      recall: +evaluation.accounts.recall.toFixed(3),
      prAuc: +evaluation.prAuc.toFixed(3),
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === 'child') {
  const [dbPath, truthPath, temp, threads] = process.argv.slice(3) as [string, string, 'cold' | 'warm' | 'append', string];
  process.stdout.write(JSON.stringify(await child(dbPath, truthPath, temp, threads === '2' ? 2 : 1)));
}
