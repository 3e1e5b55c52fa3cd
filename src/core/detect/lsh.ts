// Locality-sensitive hashing over MinHash signatures (banding; Indyk & Motwani 1998, Leskovec et al., Mining of
// Massive Datasets ch. 3): a signature of K = bands × rows values is cut into bands; two texts become candidates
// when all `rows` values of some band agree, which happens with probability 1 − (1 − s^rows)^bands at Jaccard s.

import { fmix32 } from '../normalise/hash.ts';
import { ophInto } from './minhash.ts';
import type { ShingleSets } from './shingles.ts';

/** Probability that a pair with Jaccard `s` shares at least one band. */
export function candidateProbability(s: number, bands: number, rows: number): number {
  return 1 - (1 - s ** rows) ** bands;
}

/** One 32-bit hash per (band, text), band-major: `out[band * n + i]`; signatures by ophInto (bands × rows a power of two). */
export function bandHashes(sets: ShingleSets, bands: number, rows: number, seed: number): Uint32Array {
  const n = sets.offsets.length - 1;
  const sig = new Uint32Array(bands * rows);
  const out = new Uint32Array(bands * n);
  for (let i = 0; i < n; i++) {
    ophInto(sets, i, seed, sig);
    for (let b = 0; b < bands; b++) {
      let h = b + 1;
      for (let r = 0; r < rows; r++) h = fmix32((Math.imul(h, 0x9e3779b1) ^ (sig[b * rows + r] as number)) >>> 0);
      out[b * n + i] = h;
    }
  }
  return out;
}

/**
 * Calls `visit(members, from, to)` for every bucket of two or more texts, band by band; `members[from..to)` are the
 * text indices of one bucket in ascending order. Sorting packs (hash, index) into one float64 so a native numeric
 * sort does the work; with more than 2^21 texts the hash is truncated to fit 53 bits, which only adds candidates
 * (every candidate is verified).
 */
export function forEachBucket(
  hashes: Uint32Array,
  n: number,
  bands: number,
  visit: (members: Int32Array, from: number, to: number) => void,
): void {
  const indexBits = Math.max(1, Math.ceil(Math.log2(Math.max(2, n))));
  const hashBits = Math.min(32, 53 - indexBits);
  const scale = 2 ** indexBits;
  const drop = 32 - hashBits;
  const keys = new Float64Array(n);
  const members = new Int32Array(n);
  for (let b = 0; b < bands; b++) {
    for (let i = 0; i < n; i++) keys[i] = ((hashes[b * n + i] as number) >>> drop) * scale + i;
    keys.sort();
    let from = 0;
    let runKey = -1;
    for (let p = 0; p < n; p++) {
      const key = keys[p] as number;
      const bucket = Math.floor(key / scale);
      members[p] = key - bucket * scale;
      if (bucket !== runKey) {
        if (p - from >= 2) visit(members, from, p);
        from = p;
        runKey = bucket;
      }
    }
    if (n - from >= 2) visit(members, from, n);
  }
}
