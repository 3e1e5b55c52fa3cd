// The whole detection on about a million simulated actions, read from the store: every default layer
// (co-share, co-link, co-target, co-text with near-duplicates, co-hashtag, co-media), significance, networks,
// scores. Issue 3's target: all layers including near-duplicate text on 1M actions < 10 s. Also evaluates the run
// against the simulator's truth, to show how the default settings hold at scale.
// Setup (simulate 75k accounts × 30 days, import into a fresh SQLite file) is timed apart from detection.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate } from '../src/core/eval/index.ts';
import { DEFAULT_LAYERS, DEFAULT_PARAMS, detectRun } from '../src/core/pipeline/index.ts';
import { readTruthFile } from '../src/cli/truth-file.ts';
import { importPaths } from '../src/ingest/import-paths.ts';
import { scenarioFor, simulateToDir } from '../src/simulate/index.ts';
import { openSqliteStore } from '../src/store/sqlite/index.ts';

const cpuSeconds = (since: NodeJS.CpuUsage): number => {
  const c = process.cpuUsage(since);
  return +((c.user + c.system) / 1e6).toFixed(2);
};

export async function run(): Promise<Record<string, unknown>> {
  const dir = await mkdtemp(join(tmpdir(), 'trollmap-bench-detect-'));
  try {
    const data = join(dir, 'sim');
    const sim = await simulateToDir(scenarioFor({ seed: 1, accounts: 75_000, days: 30 }), data, { format: 'csv' });
    const store = await openSqliteStore(join(dir, 'bench.db'));
    let t = performance.now();
    let cpu = process.cpuUsage();
    await importPaths(store, [join(data, 'actions.csv'), join(data, 'accounts.csv')], {
      map: {}, now: () => Date.now(), clock: () => performance.now(),
    });
    const importSeconds = +((performance.now() - t) / 1000).toFixed(2);
    const importCpu = cpuSeconds(cpu);

    t = performance.now();
    cpu = process.cpuUsage();
    const columns = await store.readActionColumns();
    const readSeconds = +((performance.now() - t) / 1000).toFixed(2);
    const accounts = await store.getAccounts(columns.accountKeys);
    const stages: Record<string, number> = {};
    let stage = '';
    let stageStart = performance.now();
    const detectStart = performance.now();
    const detectCpu = process.cpuUsage();
    const result = detectRun(columns, accounts, { ...DEFAULT_PARAMS, layers: [...DEFAULT_LAYERS] }, {
      version: 'bench', createdAt: 0, inputHash: '',
      onStage: (s) => {
        if (stage) stages[stage] = +((performance.now() - stageStart) / 1000).toFixed(2);
        stage = s;
        stageStart = performance.now();
      },
    });
    stages[stage] = +((performance.now() - stageStart) / 1000).toFixed(2);
    const detectSeconds = +((performance.now() - detectStart) / 1000).toFixed(2);
    const detectCpuSeconds = cpuSeconds(detectCpu);
    const evaluation = evaluate(result, await readTruthFile(join(data, 'truth.csv')));
    await store.close();
    return {
      command: 'npm run bench -- detect',
      actions: sim.actions,
      accounts: sim.accounts,
      trolls: sim.trolls,
      import: { seconds: importSeconds, cpuSeconds: importCpu },
      storeReadSeconds: readSeconds,
      detectSeconds,
      detectCpuSeconds,
      readPlusDetectSeconds: +(readSeconds + detectSeconds).toFixed(2),
      stages,
      edges: result.edges.length,
      networks: result.networks.length,
      eval: {
        precision: +evaluation.accounts.precision.toFixed(3),
        recall: +evaluation.accounts.recall.toFixed(3),
        prAuc: +evaluation.prAuc.toFixed(3),
      },
      target: { readPlusDetectSeconds: 10 },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
