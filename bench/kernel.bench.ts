// Co-action kernel at scale on canonical generated data (account, object, content, time), 60 s window, M = 2.
// Each scenario runs in its own child process so its peak RSS is its own. The store read is not included.
// Wall seconds and CPU seconds are both reported: on a shared 2-core machine the wall time includes waiting.
//   mild-1M    1M shares: organic Zipf traffic over 30 days + 2,000 troll bursts (5–20 of 1,000 accounts in 60 s)
//   mild-5M    the same generator at 5× (accounts, objects, bursts and rows)
//   bursty-1M  1M shares of which 400k sit in 800 bursts of 500 (drawn from 2,000 troll accounts) inside 60 s:
//              ≈ 100M in-window pairs, ≈ 2M distinct account pairs
import { spawnSync } from 'node:child_process';
import process, { resourceUsage } from 'node:process';
import { fileURLToPath } from 'node:url';
import { coAction } from '../src/core/detect/co-action.ts';
import { significance } from '../src/core/detect/significance.ts';
import type { Traces } from '../src/core/detect/traces.ts';
import { mulberry32 as prng } from '../src/core/graph/mulberry32.ts';

const WINDOW = 60_000;
const DAYS30 = 30 * 86_400;

/** Zipf-like index in [0, n): inverse-CDF of a continuous power law with exponent s > 1. */
function zipf(rand: () => number, n: number, s: number): number {
  const u = rand();
  const x = Math.pow(1 - u * (1 - Math.pow(n, 1 - s)), 1 / (1 - s));
  return Math.min(n - 1, Math.floor(x) - 1 < 0 ? 0 : Math.floor(x) - 1);
}

interface Spec {
  rows: number;
  accounts: number;
  objects: number;
  bursts: number;
  burstMin: number;
  burstMax: number;
  trollPool: number;
  seed: number;
}

const SPECS: Record<string, Spec> = {
  'mild-1M': { rows: 1_000_000, accounts: 100_000, objects: 200_000, bursts: 2_000, burstMin: 5, burstMax: 20, trollPool: 1_000, seed: 1 },
  'mild-5M': { rows: 5_000_000, accounts: 500_000, objects: 1_000_000, bursts: 10_000, burstMin: 5, burstMax: 20, trollPool: 5_000, seed: 5 },
  'bursty-1M': { rows: 1_000_000, accounts: 100_000, objects: 200_000, bursts: 800, burstMin: 500, burstMax: 500, trollPool: 2_000, seed: 9 },
};

/** Canonical rows as traces: content id = row index (every share is its own content). */
export function generate(spec: Spec): Traces {
  const rand = prng(spec.seed);
  const account = new Int32Array(spec.rows);
  const key = new Int32Array(spec.rows);
  const time = new Float64Array(spec.rows);
  const action = Int32Array.from({ length: spec.rows }, (_, i) => i);
  let r = 0;
  // Troll bursts: a fresh object each, 5–20 (or 500) pool accounts within 60 s.
  for (let b = 0; b < spec.bursts && r < spec.rows; b++) {
    const size = spec.burstMin + Math.floor(rand() * (spec.burstMax - spec.burstMin + 1));
    const object = spec.objects + b;
    const t0 = Math.floor(rand() * DAYS30);
    for (let i = 0; i < size && r < spec.rows; i++, r++) {
      account[r] = spec.accounts + Math.floor(rand() * spec.trollPool);
      key[r] = object;
      time[r] = (t0 + Math.floor(rand() * 60)) * 1000;
    }
  }
  // Organic traffic: Zipf accounts and objects, uniform times over 30 days.
  for (; r < spec.rows; r++) {
    account[r] = zipf(rand, spec.accounts, 1.2);
    key[r] = zipf(rand, spec.objects, 1.1);
    time[r] = Math.floor(rand() * DAYS30) * 1000;
  }
  return { count: spec.rows, account, key, time, action };
}

function scenario(name: string, withSignificance: boolean): Record<string, unknown> {
  const spec = SPECS[name]!;
  const g0 = performance.now();
  const traces = generate(spec);
  const generateSeconds = (performance.now() - g0) / 1000;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const result = coAction(traces, { window: WINDOW, minParticipation: 2 });
  const kernelSeconds = (performance.now() - t0) / 1000;
  const kernelCpuSeconds = process.cpuUsage(c0).user / 1e6;
  const kernelPeakRssMB = Math.round(resourceUsage().maxRSS / 1024);
  const out: Record<string, unknown> = {
    rows: spec.rows,
    generateSeconds: round(generateSeconds),
    kernelSeconds: round(kernelSeconds),
    kernelCpuSeconds: round(kernelCpuSeconds),
    kernelPeakRssMB,
    pairsCounted: result.stats.pairsCounted,
    edges: result.edges.count,
    evidenceRows: result.pairs.count,
    cappedKeys: result.cappedKeys.length,
    accountsKept: result.stats.accountsKept,
  };
  if (withSignificance) {
    const s0 = performance.now();
    const sc = process.cpuUsage();
    const sig = significance(traces, result, { window: WINDOW, minParticipation: 2 });
    out.significanceSeconds = round((performance.now() - s0) / 1000);
    out.significanceCpuSeconds = round(process.cpuUsage(sc).user / 1e6);
    // Generated trolls are the accounts ≥ spec.accounts: how many significant edges join two of them.
    let kept = 0;
    let trollPairs = 0;
    let trollPairsTwoKeys = 0;
    for (let i = 0; i < sig.count; i++) {
      const troll = sig.a[i]! >= spec.accounts && sig.b[i]! >= spec.accounts;
      kept += sig.significant[i]!;
      if (troll && sig.significant[i] === 1) trollPairs++;
      if (troll && result.edges.keys[i]! >= 2) trollPairsTwoKeys++;
    }
    out.significantEdges = kept;
    out.significantTrollEdges = trollPairs;
    out.trollEdgesOnTwoOrMoreKeys = trollPairsTwoKeys;
    out.peakRssWithSignificanceMB = Math.round(resourceUsage().maxRSS / 1024);
  }
  return out;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Runs each scenario in a child process and collects seconds and peak RSS. */
export async function run(): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = { window: WINDOW, minParticipation: 2 };
  const self = fileURLToPath(import.meta.url);
  for (const name of Object.keys(SPECS)) {
    const args = ['--import', 'tsx', self, name, 'significance'];
    const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (child.status !== 0) throw new Error(`kernel bench ${name} failed (exit ${child.status}): ${child.stderr}`);
    results[name] = JSON.parse(child.stdout);
    process.stderr.write(`${name}: ${child.stdout}\n`);
  }
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2]) {
  process.stdout.write(JSON.stringify(scenario(process.argv[2], process.argv[3] === 'significance')));
}
