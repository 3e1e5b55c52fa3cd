// Near-duplicate text clustering on all 581,683 IRA Russian-language tweets (../shared/data/ira, CC BY 4.0,
// FiveThirtyEight / Linvill & Warren). Target (issue 3): < 60 s on this 2-core machine.
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { gunzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { nearDuplicateClusters } from '../src/core/detect/near-duplicate.ts';

const IRA = new URL('../../shared/data/ira/ira_russian_language.csv.gz', import.meta.url);

/** Reads the `content` column of the IRA Russian tweets. */
function readContents(): string[] {
  const csv = gunzipSync(readFileSync(IRA)).toString('utf8');
  const parsed = Papa.parse<{ content: string }>(csv, { header: true, skipEmptyLines: true });
  return parsed.data.map((row) => row.content ?? '');
}

export async function run(): Promise<Record<string, unknown>> {
  if (!existsSync(IRA)) return { skipped: 'needs ../shared/data/ira/ira_russian_language.csv.gz (absent)' };
  let t = performance.now();
  const texts = readContents();
  const readSeconds = (performance.now() - t) / 1000;
  const load = loadavg()[0];
  t = performance.now();
  const cpu = process.cpuUsage();
  const r = nearDuplicateClusters(texts, { seed: 1 });
  const seconds = (performance.now() - t) / 1000;
  const used = process.cpuUsage(cpu);
  const inClusters = r.clusterOf.reduce((n, c) => (c >= 0 ? n + 1 : n), 0);
  const largest = r.clusters.reduce((m, c) => Math.max(m, c.size), 0);
  const nearOnly = r.clusters.filter((c) => c.distinct > 1).length;
  return {
    tweets: texts.length,
    readSeconds: round(readSeconds),
    clusterSeconds: round(seconds),
    // CPU time of the clustering thread: wall time swings when other processes share the 2 cores
    clusterCpuSeconds: round((used.user + used.system) / 1e6),
    loadAverageBefore: round(load ?? 0),
    tweetsPerSecond: Math.round(texts.length / seconds),
    distinctTexts: r.distinctTexts,
    linkableTexts: r.linkableTexts,
    clusters: r.clusters.length,
    clustersWithRewordings: nearOnly,
    tweetsInClusters: inClusters,
    largestCluster: largest,
    pairsChecked: r.pairsChecked,
    pairsSimilar: r.pairsSimilar,
    largestBucket: r.largestBucket,
    cappedBuckets: r.cappedBuckets,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
