// The 8 dihedral transforms (rotations and flips) of a photo, applied to PDQ's 16x16 DCT instead of to the
// pixels. Flipping an axis multiplies DCT frequency u by (-1)^u; row/column index i holds frequency i+1, so
// even indices change sign. Diagonal flips transpose. Signs and names follow the reference
// (dct16OriginalTo* in ThreatExchange pdq/java PDQHasher.java; `flipY` is the left-right mirror image,
// `rotate90` a quarter turn anticlockwise, `flipPlus1` the transpose; pdq.test.ts checks each on pixels).
import { hashFromDct } from './pdq.ts';
import type { Hash256 } from './hash256.ts';

/** Meta's names for the 8 dihedral hashes, in the reference's order. */
export const DIHEDRAL = [
  'original',
  'rotate90',
  'rotate180',
  'rotate270',
  'flipX',
  'flipY',
  'flipPlus1',
  'flipMinus1',
] as const;
export type Dihedral = (typeof DIHEDRAL)[number];

/** Words a reader understands for each dihedral transform (what was done to the photo). */
export const DIHEDRAL_LABEL: Readonly<Record<Dihedral, string>> = {
  original: 'same',
  rotate90: 'rotate90',
  rotate180: 'rotate180',
  rotate270: 'rotate270',
  flipX: 'flip',
  flipY: 'mirror',
  flipPlus1: 'transpose',
  flipMinus1: 'transverse',
};

const sign = (odd: boolean): number => (odd ? 1 : -1);

// Per transform: where each coefficient of the original goes, and its sign (±1: multiplying is exact).
const MOVES = DIHEDRAL.map((t) => {
  const to = new Uint8Array(256);
  const by = new Float32Array(256);
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 16; j++) {
      const k = i * 16 + j;
      const diagonalSign = (i + j) & 1 ? -1 : 1;
      const [at, sg] = ((): [number, number] => {
        switch (t) {
          case 'original': return [k, 1];
          case 'rotate90': return [j * 16 + i, sign((j & 1) === 1)];
          case 'rotate180': return [k, diagonalSign];
          case 'rotate270': return [j * 16 + i, sign((i & 1) === 1)];
          case 'flipX': return [k, sign((i & 1) === 1)];
          case 'flipY': return [k, sign((j & 1) === 1)];
          case 'flipPlus1': return [j * 16 + i, 1];
          case 'flipMinus1': return [j * 16 + i, diagonalSign];
        }
      })();
      to[k] = at;
      by[k] = sg;
    }
  }
  return { to, by };
});

/** The DCT of the transformed photo, computed from the original's DCT. */
export function dihedralDct(a: Float32Array, t: Dihedral): Float32Array {
  const { to, by } = MOVES[DIHEDRAL.indexOf(t)]!;
  const b = new Float32Array(256);
  for (let k = 0; k < 256; k++) b[to[k]!] = by[k]! * a[k]!;
  return b;
}

/** The 8 dihedral hashes of one DCT, in DIHEDRAL order. */
export function dihedralHashes(dct: Float32Array): Hash256[] {
  return DIHEDRAL.map((t) => hashFromDct(dihedralDct(dct, t)));
}
