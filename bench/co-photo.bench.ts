// Co-photo layer at scale (issue 5): synthetic fingerprints (seeded random hashes: distinct photos never match)
// with planted shared pictures, through the store (addPhotos → listPhotos → decode) and coPhotoEdges.
// CO_PHOTO_BENCH_N=n photos (default 100,000); 2 % of them are copies of n/100 (at most 1,000) shared pictures.
// Random hashes come from mulberry32 (src/core/graph), the project's seeded generator.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { mulberry32 } from '../src/core/graph/mulberry32.ts';
import { coPhotoEdges } from '../src/core/photo/co-photo-edges.ts';
import type { AccountPhoto } from '../src/core/photo/co-photo.ts';
import { decodeFingerprint, encodeFingerprint } from '../src/core/photo/fingerprint-codec.ts';
import { RUNGS, type PhotoFingerprint } from '../src/core/photo/fingerprint.ts';
import { HASH_WORDS, toHex, type Hash256 } from '../src/core/photo/hash256.ts';
import { openSqliteStore } from '../src/store/sqlite/index.ts';
import type { NewPhoto } from '../src/store/store.ts';

// 32-bit words from the project's seeded generator.
function rng(seed: number): () => number {
  const next = mulberry32(seed);
  return () => Math.floor(next() * 4294967296) >>> 0;
}

function randomFingerprint(next: () => number, i: number): PhotoFingerprint {
  const hash = (): Hash256 => Uint32Array.from({ length: HASH_WORDS }, next) as Hash256;
  return {
    sha256: i.toString(16).padStart(64, '0'),
    width: 200, height: 250, quality: 90,
    dihedral: Array.from({ length: 8 }, hash),
    ladder: RUNGS.slice(0, 5).map((r) => ({ rung: r.name, quality: 80, hash: hash(), mirror: hash() })),
  };
}

export async function run(): Promise<Record<string, unknown>> {
  const n = Number(process.env.CO_PHOTO_BENCH_N ?? 100_000);
  const next = rng(5);
  const pictures = Math.max(1, Math.min(1000, Math.floor(n / 100)));
  const shared = Array.from({ length: pictures }, (_, i) => randomFingerprint(next, n + i));
  const copies = new Array<number>(pictures).fill(0);
  const rows: NewPhoto[] = [];
  for (let i = 0; i < n; i++) {
    // Every 50th photo is a re-encoded copy of a shared picture (same hashes, other bytes): ~2 copies each.
    const k = (i / 50) % pictures;
    if (i % 50 === 0) copies[k]!++;
    const fp = i % 50 === 0 ? { ...shared[k]!, sha256: i.toString(16).padStart(64, '0') } : randomFingerprint(next, i);
    rows.push({
      platform: 'vk', account: String(i), source: `photos/${i}.jpg`, sha256: fp.sha256, pdq: toHex(fp.dihedral[0]!),
      quality: fp.quality, width: fp.width, height: fp.height, fingerprint: encodeFingerprint(fp),
    });
  }
  const dir = mkdtempSync(join(tmpdir(), 'trollmap-co-photo-bench-'));
  try {
    const store = await openSqliteStore(join(dir, 'b.db'));
    let t = performance.now();
    await store.addPhotos(rows);
    const insertSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    const stored = await store.listPhotos({ gallery: false });
    const photos: AccountPhoto[] = stored.map((p) => ({ account: `vk:${p.account}`, photo: p.source, fingerprint: decodeFingerprint(p.fingerprint) }));
    const readSeconds = (performance.now() - t) / 1000;
    await store.close();
    const load = loadavg()[0] ?? 0;
    const cpu = process.cpuUsage();
    t = performance.now();
    const { edges, capped } = coPhotoEdges(photos);
    const edgeSeconds = (performance.now() - t) / 1000;
    const edgeCpu = process.cpuUsage(cpu);
    const planted = copies.reduce((s, m) => s + (m * (m - 1)) / 2, 0);
    return {
      photos: n,
      blobBytes: rows[1]!.fingerprint.length,
      insertPhotosPerSecond: Math.round(n / insertSeconds),
      readDecodePhotosPerSecond: Math.round(n / readSeconds),
      coPhotoSeconds: Math.round(edgeSeconds * 100) / 100,
      coPhotoCpuSeconds: Math.round((edgeCpu.user + edgeCpu.system) / 1e4) / 100,
      loadAverageBefore: Math.round(load * 100) / 100,
      edges: edges.length,
      plantedPairs: planted,
      capped: capped.length,
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
