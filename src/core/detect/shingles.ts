// Character shingles of normalised texts, stored as sorted unique 32-bit hashes in one flat array (CSR layout):
// text i owns hashes[offsets[i] .. offsets[i + 1]).

import { hash32 } from '../normalise/hash.ts';

/** Shingle sets of many texts: `hashes[offsets[i]..offsets[i+1])` is text i's sorted set. */
export interface ShingleSets {
  readonly offsets: Int32Array;
  readonly hashes: Uint32Array;
}

/**
 * Hashes every run of `k` characters (UTF-16 units; our normalised texts are letters, digits and spaces, all in
 * the BMP for Russian, Kyrgyz and English) with `seed`; a text shorter than `k` is one shingle.
 */
export function shingleSets(texts: readonly string[], k: number, seed: number): ShingleSets {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`shingle length must be a positive integer, got ${k}`);
  let total = 0;
  for (const t of texts) total += Math.max(1, t.length - k + 1);
  const hashes = new Uint32Array(total);
  const offsets = new Int32Array(texts.length + 1);
  let at = 0;
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i] ?? '';
    const start = at;
    if (t.length <= k) hashes[at++] = hash32(t, 0, t.length, seed);
    else for (let p = 0; p + k <= t.length; p++) hashes[at++] = hash32(t, p, p + k, seed);
    at = start + sortUnique(hashes.subarray(start, at));
    offsets[i + 1] = at;
  }
  return { offsets, hashes: hashes.slice(0, at) };
}

/** Sorts in place and moves the distinct values to the front; returns how many there are. */
function sortUnique(a: Uint32Array): number {
  a.sort();
  let w = 0;
  for (let r = 0; r < a.length; r++) if (r === 0 || a[r] !== a[w - 1]) a[w++] = a[r] as number;
  return w;
}

/** Exact Jaccard similarity |A∩B| / |A∪B| of texts i and j (1 when both sets are empty). */
export function jaccard(sets: ShingleSets, i: number, j: number): number {
  const { offsets, hashes } = sets;
  let p = offsets[i] as number;
  const pe = offsets[i + 1] as number;
  let q = offsets[j] as number;
  const qe = offsets[j + 1] as number;
  const union0 = pe - p + (qe - q);
  if (union0 === 0) return 1;
  let inter = 0;
  while (p < pe && q < qe) {
    const a = hashes[p] as number;
    const b = hashes[q] as number;
    if (a === b) {
      inter++;
      p++;
      q++;
    } else if (a < b) p++;
    else q++;
  }
  return inter / (union0 - inter);
}

/** Size of text i's shingle set. */
export function setSize(sets: ShingleSets, i: number): number {
  return (sets.offsets[i + 1] as number) - (sets.offsets[i] as number);
}
