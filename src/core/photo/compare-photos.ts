// Decides whether two fingerprinted photos show the same picture, and how one was transformed into the other.
//
// Methods, tried in order (the first that matches is reported):
//   sha256    identical bytes                                            → transform "exact"
//   pdq       min over the 8 dihedral variants of A of Hamming(A_t, B) ≤ pdqThreshold
//             → "near-duplicate" (same orientation: resized, recompressed, retouched), "mirror", "flip",
//               "rotate90", "rotate180", "rotate270", "transpose", "transverse"
//   pdq-crop  min over A's crop ladder vs B's whole photo, A's whole photo vs B's ladder, and the same rung
//             on both sides, each as is and mirrored, ≤ cropThreshold            → "crop" or "mirror+crop"
// Parameters: pdqThreshold 31 (Meta's suggested PDQ match distance), cropThreshold 24 (stricter: ~20
// comparisons per pair instead of 8 raise the chance of a false match; tuned on congress portraits, see
// bench/photos.bench.ts), minQuality 50 (Meta: quality < 50 hashes are unreliable; flat images match
// anything: a platform's default avatar would link every account that kept it). Photos under minQuality
// never match, not even by sha256.
// False positives: different photos of one scene or one studio setup (official portraits share pose,
// background and framing) can come within the threshold; the bench reports the rate on 813 portraits.
import { DIHEDRAL, DIHEDRAL_LABEL } from './dihedral.ts';
import { hamming } from './hash256.ts';
import type { PhotoFingerprint } from './fingerprint.ts';

/** How a match was found. */
export type MatchMethod = 'sha256' | 'pdq' | 'pdq-crops';

/** What was done to the photo, as far as the match tells. */
export type PhotoTransform =
  | 'exact'
  | 'near-duplicate'
  | 'mirror'
  | 'flip'
  | 'rotate90'
  | 'rotate180'
  | 'rotate270'
  | 'transpose'
  | 'transverse'
  | 'crop'
  | 'mirror+crop';

/** The verdict for one pair: method, transform, distance and which hashes met (e.g. "c90~full"). */
export interface PairMatch {
  method: MatchMethod;
  transform: PhotoTransform;
  distance: number;
  via: string;
}

/** Matching thresholds. */
export interface MatchParams {
  pdqThreshold: number;
  cropThreshold: number;
  minQuality: number;
}

export const DEFAULT_MATCH_PARAMS: MatchParams = { pdqThreshold: 31, cropThreshold: 24, minQuality: 50 };

/** Best PDQ (whole-photo, dihedral) distance from a to b and the transform that gives it. */
export function bestDihedral(a: PhotoFingerprint, b: PhotoFingerprint): { distance: number; transform: PhotoTransform } {
  const target = b.dihedral[0]!;
  let best = 257;
  let at = 0;
  for (let t = 0; t < a.dihedral.length; t++) {
    const d = hamming(a.dihedral[t]!, target);
    if (d < best) {
      best = d;
      at = t;
    }
  }
  const name = DIHEDRAL[at]!;
  return { distance: best, transform: name === 'original' ? 'near-duplicate' : (DIHEDRAL_LABEL[name] as PhotoTransform) };
}

/** Best crop-ladder distance between a and b: rungs meet when one is `full` or both are the same rung. */
export function bestRung(a: PhotoFingerprint, b: PhotoFingerprint): { distance: number; mirror: boolean; via: string } {
  let best = { distance: 257, mirror: false, via: '' };
  for (const x of a.ladder) {
    for (const y of b.ladder) {
      if (x.rung !== 'full' && y.rung !== 'full' && x.rung !== y.rung) continue;
      const d = hamming(x.hash, y.hash);
      if (d < best.distance) best = { distance: d, mirror: false, via: `${x.rung}~${y.rung}` };
      const m = hamming(x.mirror, y.hash);
      if (m < best.distance) best = { distance: m, mirror: true, via: `${x.rung}~${y.rung}` };
    }
  }
  return best;
}

/** The match between two photos, or undefined when they do not match under `params`. */
export function comparePhotos(a: PhotoFingerprint, b: PhotoFingerprint, params: MatchParams = DEFAULT_MATCH_PARAMS): PairMatch | undefined {
  if (a.quality < params.minQuality || b.quality < params.minQuality) return undefined;
  if (a.sha256 === b.sha256) return { method: 'sha256', transform: 'exact', distance: 0, via: 'sha256' };
  const d = bestDihedral(a, b);
  if (d.distance <= params.pdqThreshold) return { method: 'pdq', transform: d.transform, distance: d.distance, via: 'full~full' };
  const c = bestRung(a, b);
  if (c.distance <= params.cropThreshold) {
    // Only whole photo against a crop rung is a crop; the same rung on both sides is an edit of the whole.
    const [x, y] = c.via.split('~');
    const cropped = x !== y && (x === 'full' || y === 'full');
    const transform: PhotoTransform = cropped ? (c.mirror ? 'mirror+crop' : 'crop') : c.mirror ? 'mirror' : 'near-duplicate';
    return { method: 'pdq-crops', transform, distance: c.distance, via: c.via };
  }
  return undefined;
}
