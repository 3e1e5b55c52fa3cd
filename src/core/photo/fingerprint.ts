// A photo's fingerprint: everything matching needs, computed once from its luma.
//
// 1. PDQ (Meta's reference, interoperable) with its 8 dihedral variants: survives resizing, recompression,
//    retouching, mirroring and 90° rotations — but not cropping, and at avatar sizes its mirror variant is
//    noisy (the reference's even box windows are not mirror-symmetric).
// 2. The crop ladder ("pdq-crops" method): PDQ-style 256-bit hashes (same DCT and median bits) over a
//    mirror-symmetric tent resampling of a ≤ 160 px working copy (window-tent.ts), for the whole photo and centred crops: 95, 90, 85 and 80 % of each
//    side, and the centred square of the short side at 100 % and 90 % (platforms crop avatars to squares
//    and circles). If photo B is a centred crop of A at scale c, B's whole-photo rung is close to A's rung c; two
//    different crops of one original meet on a shared rung; a caption bar over the bottom 10 % disappears
//    from both photos' 80 % rung. Each rung is kept as is and mirrored (exact, thanks to the symmetric tent).
//    Rungs whose own quality is low (flat backgrounds) are left out.
//    Limit: a rung only catches crops within ~1 % of its own scale and centre (measured: a 95 % crop against
//    a ladder without a 95 % rung is ~42 bits away; 3 % off-centre ~88). Crops between rungs, off-centre
//    crops and rotations by a few degrees are not matched; the bench reports each.
import { dihedralDct, dihedralHashes } from './dihedral.ts';
import { dct64To16, hashFromDct, pdqDct, pdqQuality } from './pdq.ts';
import type { Hash256 } from './hash256.ts';
import { resample, windowTent, workingCopy } from './window-tent.ts';

/** The rungs of the crop ladder. `square` first takes the centred square of the short side. */
export const RUNGS = [
  { name: 'full', square: false, scale: 1 },
  { name: 'c95', square: false, scale: 0.95 },
  { name: 'c90', square: false, scale: 0.9 },
  { name: 'c85', square: false, scale: 0.85 },
  { name: 'c80', square: false, scale: 0.8 },
  { name: 'sq100', square: true, scale: 1 },
  { name: 'sq90', square: true, scale: 0.9 },
] as const;
export type RungName = (typeof RUNGS)[number]['name'];

/** One rung's hash, as is and mirrored (left-right). */
export interface RungHash {
  rung: RungName;
  hash: Hash256;
  mirror: Hash256;
  quality: number;
}

/** What matching needs to know about one photo. */
export interface PhotoFingerprint {
  sha256: string;
  width: number;
  height: number;
  /** PDQ quality (0..100) of the whole photo. */
  quality: number;
  /** The 8 dihedral PDQ hashes in DIHEDRAL order; [0] is the photo's PDQ hash. */
  dihedral: Hash256[];
  ladder: RungHash[];
}

/** Fingerprint parameters. */
export interface FingerprintOptions {
  /** Rungs whose quality is below this are not kept (flat crops match anything). */
  minRungQuality: number;
  /** Skip square rungs when the photo is this close to square already (short side / long side). */
  squareTolerance: number;
}

export const DEFAULT_FINGERPRINT_OPTIONS: FingerprintOptions = { minRungQuality: 50, squareTolerance: 0.95 };

/** The ladder is sampled from a working copy at most this many pixels a side (rungs need ≥ 64 px). */
export const LADDER_SIDE = 160;

/** The centred window of one rung for a width x height photo, in (fractional) pixels. */
export function rungWindow(width: number, height: number, square: boolean, scale: number): { x: number; y: number; w: number; h: number } {
  const w = (square ? Math.min(width, height) : width) * scale;
  const h = (square ? Math.min(width, height) : height) * scale;
  return { x: (width - w) / 2, y: (height - h) / 2, w, h };
}

/** Computes a fingerprint from a luma buffer (row-major, width values a row). */
export function photoFingerprint(
  luma: Float32Array,
  width: number,
  height: number,
  sha256: string,
  opts: FingerprintOptions = DEFAULT_FINGERPRINT_OPTIONS,
): PhotoFingerprint {
  const full = pdqDct(luma, height, width);
  const ladder: RungHash[] = [];
  const nearlySquare = Math.min(width, height) / Math.max(width, height) >= opts.squareTolerance;
  const work = workingCopy(luma, width, height, LADDER_SIDE);
  for (const rung of RUNGS) {
    if (rung.square && nearlySquare) continue;
    const r = rungWindow(width, height, rung.square, rung.scale);
    const cols = windowTent(work.width, 64, r.x * work.sx, r.w * work.sx);
    const rows = windowTent(work.height, 64, r.y * work.sy, r.h * work.sy);
    const small = resample(work.img, work.width, cols, rows);
    const quality = pdqQuality(small);
    if (quality < opts.minRungQuality) continue;
    const dct = dct64To16(small);
    ladder.push({ rung: rung.name, hash: hashFromDct(dct), mirror: hashFromDct(dihedralDct(dct, 'flipY')), quality });
  }
  return { sha256, width, height, quality: full.quality, dihedral: dihedralHashes(full.dct), ladder };
}
