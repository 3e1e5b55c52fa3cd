// Simulator throughput: one million actions written as generic CSV (the streaming path), plus the small
// default scenario. Reports wall and CPU seconds, actions/s and peak RSS.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultScenario, scenarioFor, simulateToDir } from '../src/simulate/index.ts';

async function timed(label: string, run: (dir: string) => Promise<{ actions: number }>) {
  const dir = await mkdtemp(join(tmpdir(), `trollmap-bench-${label}-`));
  try {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const { actions } = await run(join(dir, 'out'));
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    return { actions, seconds: +seconds.toFixed(2), cpuSeconds: +((cpu.user + cpu.system) / 1e6).toFixed(2),
      actionsPerSecond: Math.round(actions / seconds) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<Record<string, unknown>> {
  const small = await timed('small', (out) => simulateToDir(defaultScenario(1), out, { format: 'csv' }));
  // 75 000 accounts over 30 days make about a million actions.
  const million = await timed('1m', (out) => simulateToDir(scenarioFor({ seed: 1, accounts: 75_000, days: 30 }), out, { format: 'csv' }));
  return {
    command: 'npm run bench -- simulate',
    defaultScenario: small,
    million: { accounts: 75_000, days: 30, ...million },
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}
