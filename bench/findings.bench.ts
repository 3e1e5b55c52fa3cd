// buildFindings on a large synthetic run (seeded): 1M actions of 100k accounts over 30 days, 50 planted networks
// of 40 accounts (co-share + co-text edges) plus 5k random noise edges, 3 evidence pairs per edge.
// Measures signals + fused graph + Louvain + network summaries + scores + reasons, from columns to findings.
import { performance } from 'node:perf_hooks';
import type { ActionColumns } from '../src/core/columns.ts';
import { buildFindings } from '../src/core/findings/build-findings.ts';
import { mulberry32 } from '../src/core/graph/mulberry32.ts';
import type { Account } from '../src/core/model.ts';
import type { RunEdge } from '../src/core/run.ts';

const ACTIONS = 1_000_000;
const ACCOUNTS = 100_000;
const NETWORKS = 50;
const MEMBERS = 40;
const key = (i: number): string => `vk:${String(i).padStart(6, '0')}`;

function columns(rnd: () => number): ActionColumns {
  const account = new Int32Array(ACTIONS);
  const time = new Float64Array(ACTIONS);
  const kind = new Uint8Array(ACTIONS);
  const precision = new Uint8Array(ACTIONS).fill(1);
  const target = new Int32Array(ACTIONS);
  const shared = new Int32Array(ACTIONS).fill(-1);
  const text: string[] = [];
  const ids: string[] = [];
  const offsets = new Int32Array(ACTIONS + 1);
  const urls: string[] = [];
  const t0 = Date.UTC(2024, 0, 1);
  for (let i = 0; i < ACTIONS; i++) {
    account[i] = Math.floor(rnd() * ACCOUNTS);
    time[i] = t0 + Math.floor((i / ACTIONS) * 30 * 86_400_000);
    kind[i] = Math.floor(rnd() * 4);
    target[i] = Math.floor(rnd() * 20_000);
    ids.push(String(i));
    text.push(`текст номер ${Math.floor(rnd() * 10_000)} о выборах в парламент и о кандидатах`);
    if (rnd() < 0.3) urls.push(`https://news.example/${Math.floor(rnd() * 5000)}`);
    offsets[i + 1] = urls.length;
  }
  return {
    count: ACTIONS, accountKeys: Array.from({ length: ACCOUNTS }, (_, i) => key(i)), account, time, kind, precision, ids,
    platforms: ['vk'], platform: new Uint8Array(ACTIONS), targetKeys: Array.from({ length: 20_000 }, (_, i) => `vk:t${String(i).padStart(5, '0')}`),
    seq: Int32Array.from({ length: ACTIONS }, (_, i) => i), target, sharedKeys: [], shared, text, urls: { offsets, values: urls }, hashtags: { offsets: new Int32Array(ACTIONS + 1), values: [] },
    media: { offsets: new Int32Array(ACTIONS + 1), values: [] },
  };
}

function edges(rnd: () => number): RunEdge[] {
  const out = new Map<string, RunEdge>();
  const add = (x: number, y: number, layer: string, p: number): void => {
    if (x === y) return;
    const [a, b] = x < y ? [key(x), key(y)] : [key(y), key(x)];
    const pairs = 1 + Math.floor(rnd() * 8);
    const evidence = Array.from({ length: 3 }, (_, k) => ({ layer, key: `k${k}`, actionA: `vk:${k}`, actionB: `vk:${k + 1}`, dt: Math.floor(rnd() * 60_000) }));
    out.set(`${a} ${b} ${layer}`, { a, b, layer, pairs, keys: pairs, weight: pairs, p, evidence });
  };
  for (let n = 0; n < NETWORKS; n++) {
    for (let m = 0; m < MEMBERS; m++) {
      const me = n * 1000 + m;
      for (let k = 0; k < 10; k++) add(me, n * 1000 + Math.floor(rnd() * MEMBERS), 'co-share', 1e-7);
      for (let k = 0; k < 5; k++) add(me, n * 1000 + Math.floor(rnd() * MEMBERS), 'co-text', 1e-4);
    }
  }
  for (let k = 0; k < 5000; k++) add(Math.floor(rnd() * ACCOUNTS), Math.floor(rnd() * ACCOUNTS), 'co-link', 0.01);
  return [...out.values()].sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : x.layer < y.layer ? -1 : 1));
}

export async function run(): Promise<Record<string, unknown>> {
  const rnd = mulberry32(42);
  const cols = columns(rnd);
  const runEdges = edges(rnd);
  const accounts: Account[] = Array.from({ length: ACCOUNTS }, (_, i) => ({
    platform: 'vk', id: String(i).padStart(6, '0'), handle: `user_${Math.floor(rnd() * 10_000)}`, ...(i % 2 ? { bio: 'bio' } : {}),
  }));
  const start = performance.now();
  const cpu = process.cpuUsage();
  const r = buildFindings(cols, accounts, runEdges, { seed: 1 });
  const used = process.cpuUsage(cpu);
  const seconds = (performance.now() - start) / 1000;
  return {
    actions: ACTIONS, accounts: ACCOUNTS, edges: runEdges.length, networks: r.networks.length, accountFindings: r.accounts.length,
    buildFindingsSeconds: Number(seconds.toFixed(3)),
    // CPU time is reported beside wall time because the bench machine may be shared.
    buildFindingsCpuSeconds: Number(((used.user + used.system) / 1e6).toFixed(3)), actionsPerSecond: Math.round(ACTIONS / seconds),
    heapUsedMB: Math.round(process.memoryUsage().heapUsed / 1048576),
  };
}
