// Photo engine (issue 5) on real portraits: ../shared/data/photos/congress (813 public-domain official
// portraits of members of the US Congress, 200x250 and 100x125; different ids are different people) and
// Meta's PDQ reference images. Measures hashing speed (target ≥ 200 photos/s on this 2-core machine), the
// Hamming index on 1M hashes, and the recall / false-match table for the edits a troll factory makes.
// PHOTOS_BENCH_LIMIT=n uses the first n portraits for the quality table (default: all).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { bestDihedral, bestRung, comparePhotos, DEFAULT_MATCH_PARAMS } from '../src/core/photo/compare-photos.ts';
import type { PhotoFingerprint } from '../src/core/photo/fingerprint.ts';
import { HammingIndex, linearWithin } from '../src/core/photo/hamming-index.ts';
import { HASH_WORDS, type Hash256 } from '../src/core/photo/hash256.ts';
import { matchWithin } from '../src/core/photo/match-photos.ts';
import { fingerprintBytes, fingerprintFiles } from '../src/photos/fingerprint-files.ts';
import { fingerprintFilesParallel } from '../src/photos/fingerprint-pool.ts';
import { PHOTO_VARIANTS } from '../src/photos/variants.ts';

const DATA = fileURLToPath(new URL('../../shared/data/', import.meta.url));
const CONGRESS = DATA + 'photos/congress/';
const round = (x: number, d = 2): number => Math.round(x * 10 ** d) / 10 ** d;

async function hashingSpeed(files: string[], label: string, threads: 'one' | 'pool'): Promise<Record<string, unknown>> {
  const load = loadavg()[0] ?? 0;
  const cpu = process.cpuUsage();
  const t = performance.now();
  const { fingerprints, issues } = threads === 'pool' ? await fingerprintFilesParallel(files) : await fingerprintFiles(files, { concurrency: 6 });
  const seconds = (performance.now() - t) / 1000;
  const used = process.cpuUsage(cpu);
  return {
    set: label,
    threads: threads === 'pool' ? 'pool (this thread + a worker per further core)' : 'main thread',
    photos: files.length,
    failed: issues.length,
    seconds: round(seconds),
    photosPerSecond: Math.round(fingerprints.length / seconds),
    // CPU of this process (all threads): wall time swings when other jobs share the 2 cores.
    cpuMsPerPhoto: round((used.user + used.system) / 1000 / files.length),
    loadAverageBefore: round(load),
  };
}

function xorshift(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return s >>> 0;
  };
}

function indexBench(n: number): Record<string, unknown> {
  const next = xorshift(42);
  const words = new Uint32Array(n * HASH_WORDS);
  for (let i = 0; i < words.length; i++) words[i] = next();
  // Plant 1000 near-copies (5..31 bits flipped) of random hashes, so queries have true neighbours.
  const planted: [number, number][] = [];
  for (let p = 0; p < 1000; p++) {
    const src = next() % n;
    const dst = next() % n;
    if (src === dst) continue;
    words.copyWithin(dst * HASH_WORDS, src * HASH_WORDS, (src + 1) * HASH_WORDS);
    const flips = 5 + (next() % 27);
    for (let f = 0; f < flips; f++) {
      const bit = next() % 256;
      words[dst * HASH_WORDS + (bit >>> 5)] = words[dst * HASH_WORDS + (bit >>> 5)]! ^ (1 << (bit & 31));
    }
    planted.push([src, dst]);
  }
  const heapBefore = process.memoryUsage().arrayBuffers;
  let t = performance.now();
  const index = new HammingIndex(words);
  const buildSeconds = (performance.now() - t) / 1000;
  const indexMB = (process.memoryUsage().arrayBuffers - heapBefore) / 2 ** 20;
  const q = (i: number): Hash256 => words.slice(i * HASH_WORDS, (i + 1) * HASH_WORDS) as Hash256;
  t = performance.now();
  let hits = 0;
  let found = 0;
  for (const [src, dst] of planted) {
    const r = index.within(q(src), 31);
    hits += r.length;
    if (r.some((h) => h.id === dst)) found++;
  }
  const mihMs = (performance.now() - t) / planted.length;
  t = performance.now();
  const scans = 5;
  for (let i = 0; i < scans; i++) linearWithin(words, q(planted[i]![0]), 31);
  const scanMs = (performance.now() - t) / scans;
  return {
    hashes: n,
    buildSeconds: round(buildSeconds),
    indexMB: Math.round(indexMB),
    queryMsD31: round(mihMs, 3),
    queriesPerSecond: Math.round(1000 / mihMs),
    linearScanMsD31: round(scanMs, 1),
    plantedNeighboursFound: `${found}/${planted.length}`,
    meanHitsPerQuery: round(hits / planted.length, 2),
  };
}

async function qualityTable(ids: string[]): Promise<Record<string, unknown>> {
  const fp = async (bytes: Uint8Array, name: string): Promise<PhotoFingerprint> => {
    const r = await fingerprintBytes(bytes, name);
    if (!r.ok) throw new Error(r.issue.message);
    return r.value.fingerprint;
  };
  const originals: PhotoFingerprint[] = [];
  for (const id of ids) originals.push(await fp(readFileSync(CONGRESS + '200x250/' + id), id));
  const variants = [
    ...PHOTO_VARIANTS,
    { name: 'other size (100x125, real)', target: 1, make: async (_: Uint8Array, id: string) => readFileSync(CONGRESS + '100x125/' + id) },
  ];
  const table: Record<string, unknown>[] = [];
  for (const v of variants) {
    let pdq = 0;
    let any = 0;
    const methods: Record<string, number> = {};
    const dists: number[] = [];
    for (let i = 0; i < ids.length; i++) {
      const copy = await fp(await (v.make as (b: Uint8Array, id: string) => Promise<Buffer>)(readFileSync(CONGRESS + '200x250/' + ids[i]), ids[i]!), 'copy');
      const a = originals[i]!;
      const d = bestDihedral(a, copy).distance;
      dists.push(Math.min(d, bestRung(a, copy).distance));
      if (d <= DEFAULT_MATCH_PARAMS.pdqThreshold && a.quality >= DEFAULT_MATCH_PARAMS.minQuality) pdq++;
      const m = comparePhotos(a, copy);
      if (m) {
        any++;
        const key = `${m.method}:${m.transform}`;
        methods[key] = (methods[key] ?? 0) + 1;
      }
    }
    dists.sort((x, y) => x - y);
    table.push({
      edit: v.name,
      target: v.target ?? '-',
      recallPdqOnly: round(pdq / ids.length, 3),
      recall: round(any / ids.length, 3),
      medianBestDistance: dists[dists.length >> 1],
      matchedBy: methods,
    });
  }
  const t = performance.now();
  const pairs = matchWithin(originals);
  const matchSeconds = (performance.now() - t) / 1000;
  const n = (ids.length * (ids.length - 1)) / 2;
  // Distance margins between different people, to judge the thresholds.
  let minPdq = 256;
  let minRung = 256;
  for (let i = 0; i < originals.length; i++) {
    for (let j = i + 1; j < originals.length; j++) {
      minPdq = Math.min(minPdq, bestDihedral(originals[i]!, originals[j]!).distance);
      minRung = Math.min(minRung, bestRung(originals[i]!, originals[j]!).distance);
    }
  }
  return {
    portraits: ids.length,
    thresholds: DEFAULT_MATCH_PARAMS,
    table,
    differentPeople: {
      pairs: n,
      falseMatches: pairs.length,
      falseMatchRate: round(pairs.length / n, 6),
      closestPdqDistance: minPdq,
      closestCropLadderDistance: minRung,
      matchWithinSeconds: round(matchSeconds),
    },
  };
}

export async function run(): Promise<Record<string, unknown>> {
  if (!existsSync(CONGRESS + '200x250')) return { skipped: 'needs ../shared/data/photos/congress (absent)' };
  const ids = readdirSync(CONGRESS + '200x250').sort();
  const big = DATA + 'pdq-reference/images/bridge-mods/aaa-orig.jpg';
  const results: Record<string, unknown> = {
    hashing: [
      await hashingSpeed(ids.map((id) => CONGRESS + '200x250/' + id), 'congress 200x250', 'pool'),
      await hashingSpeed(ids.map((id) => CONGRESS + '200x250/' + id), 'congress 200x250', 'one'),
      await hashingSpeed(ids.map((id) => CONGRESS + '100x125/' + id), 'congress 100x125', 'pool'),
      ...(existsSync(big) ? [await hashingSpeed(Array.from({ length: 64 }, () => big), 'bridge 1600x1004 x64', 'pool')] : []),
    ],
    index: indexBench(1_000_000),
  };
  const limit = Number(process.env.PHOTOS_BENCH_LIMIT ?? ids.length);
  results.quality = await qualityTable(ids.slice(0, limit));
  return results;
}
