// Evaluation and report rendering on a large synthetic run (seeded): 100k truth accounts, 5k trolls in 20
// factories, 300 networks, 60k edges with 3 evidence pairs each. Measures evaluate() and renderReport().
import { performance } from 'node:perf_hooks';
import { evaluate, type Truth } from '../src/core/eval/index.ts';
import { reportEvidenceKeys, type EvidenceAction } from '../src/core/export/report-evidence.ts';
import { renderReport } from '../src/core/export/report-html.ts';
import type { AccountFinding, DetectionRun, NetworkFinding, RunEdge } from '../src/core/run.ts';
import { mulberry32 } from '../src/core/graph/mulberry32.ts';

function syntheticRun(accounts: number, trolls: number, factories: number, networks: number, edges: number) {
  const rnd = mulberry32(42);
  const key = (i: number): string => `tw:${i}`;
  const truth: Truth = { accounts: [] };
  for (let i = 0; i < accounts; i++) {
    truth.accounts.push(i < trolls ? { key: key(i), label: 'troll', factory: `f${i % factories}` } : { key: key(i), label: 'organic' });
  }
  truth.accounts.sort((a, b) => (a.key < b.key ? -1 : 1));
  const signals = {
    actions: 1, hourOfWeek: [] as number[], nightShare: 0, officeHoursShare: 0, activeDays: 1, actionsPerDay: 1,
    emptyBio: false, ownPosts: 0, templatedHandle: false,
  };
  const found: AccountFinding[] = [];
  const members: string[][] = Array.from({ length: networks }, () => []);
  for (let i = 0; i < accounts; i++) {
    const troll = i < trolls;
    const inNet = troll ? rnd() < 0.9 : rnd() < 0.01;
    const net = inNet ? (troll ? (i % factories) * (networks / factories) + Math.floor(rnd() * 3) : Math.floor(rnd() * networks)) : -1;
    if (net >= 0) members[net]!.push(key(i));
    found.push({ account: key(i), score: troll ? 0.4 + 0.6 * rnd() : 0.5 * rnd(), network: net, layers: {}, partners: [], signals, reasons: ['a reason'] });
  }
  const texts = Array.from({ length: 500 }, (_, i) => `talking point number ${i} <b>!</b>`);
  const lookup = new Map<string, EvidenceAction>();
  const runEdges: RunEdge[] = [];
  let action = 0;
  for (let e = 0; e < edges; e++) {
    const net = members[Math.floor(rnd() * networks)]!;
    if (net.length < 2) continue;
    const a = net[Math.floor(rnd() * net.length)]!;
    const b = net[Math.floor(rnd() * net.length)]!;
    if (a === b) continue;
    const evidence = [0, 1, 2].map(() => {
      const text = texts[Math.floor(rnd() * texts.length)]!;
      const [x, y] = [`tw:a${action++}`, `tw:a${action++}`];
      lookup.set(x, { account: a, time: 1.7e12 + Math.floor(rnd() * 3e9), text });
      lookup.set(y, { account: b, time: 1.7e12 + Math.floor(rnd() * 3e9), text });
      return { layer: 'co-text', key: text, actionA: x, actionB: y, dt: 1000 };
    });
    runEdges.push({ a: a < b ? a : b, b: a < b ? b : a, layer: rnd() < 0.5 ? 'co-text' : 'co-link', pairs: 3, keys: 1, weight: 1, evidence });
  }
  const nets: NetworkFinding[] = members.map((m, id) => ({
    id, members: m, score: rnd(), layers: { 'co-text': m.length }, first: 1.7e12, last: 1.7e12 + 3e9, topTexts: [], topLinks: [],
    topTargets: [], timeline: Array.from({ length: 30 }, (_, d) => ({ day: `2023-11-${String(d + 1).padStart(2, '0')}`, actions: Math.floor(rnd() * 50) })),
    hourOfWeek: Array.from({ length: 168 }, () => Math.floor(rnd() * 20)),
  }));
  const run: DetectionRun = {
    version: 'bench', createdAt: 0, inputHash: '', actionsRead: 0, warnings: [], cappedKeys: [], edges: runEdges, networks: nets, accounts: found,
    params: { layers: ['co-text', 'co-link'], window: 60_000, minParticipation: 2, method: 'significance', seed: 1 },
  };
  return { run, truth, lookup };
}

export async function run(): Promise<Record<string, unknown>> {
  const { run: r, truth, lookup } = syntheticRun(100_000, 5_000, 20, 300, 60_000);
  let t = performance.now();
  const e = evaluate(r, truth);
  const evalSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  const keys = reportEvidenceKeys(r).length;
  const html = renderReport(r, lookup);
  const reportSeconds = (performance.now() - t) / 1000;
  return {
    truthAccounts: truth.accounts.length,
    edges: r.edges.length,
    networks: r.networks.length,
    evidenceActions: keys,
    evalSeconds: Number(evalSeconds.toFixed(3)),
    reportSeconds: Number(reportSeconds.toFixed(3)),
    reportMiB: Number((Buffer.byteLength(html) / 2 ** 20).toFixed(2)),
    prAuc: Number(e.prAuc.toFixed(4)),
    ari: Number(e.networks.ari.toFixed(4)),
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}
