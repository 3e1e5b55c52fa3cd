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
// 3. Offset crops ("pdq-offset" method): 256-bit hashes (16x16 DCT bits over a 32x32 tent sample of an ≤ 80 px
//    copy, 4x cheaper than a rung) of 24 off-centre 90 % windows, anchored at 0, ¼, ½, ¾ and all of the spare
//    width and height (centre left out: the c90 rung has it), each as is and mirrored, compared with the other
//    photo's coarse whole-photo hash (same sampling). Catches 88–92 % crops anywhere in the frame (the
//    simulator's 88 % a third down, a 90 % crop 3 % off-centre). Smaller off-centre crops (78 %) are missed.
// 4. Small rotations ("pdq-rotate", same windows list, angle ≠ 0): the coarse copy turned by ±3° and ±6° about its centre
//    (bilinear, black outside, as a rotated-and-cut-back copy looks), whole frame; each catches copies turned
//    within ~2° of it (on 100 congress portraits: recall 1.00 for sharp's 3° and −5° copies).
import { dihedralDct, dihedralHashes } from './dihedral.ts';
import { dct32To16, dct64To16, hashFromDct, pdqDct, pdqQuality } from './pdq.ts';
import type { Hash256 } from './hash256.ts';
import { resample, resampleCols, resampleRows, windowTent, workingCopy } from './window-tent.ts';

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

/**
 * The extra windows: off-centre crops (scale of each side, spare width/height left of and above the window)
 * and whole-frame small rotations (angle in degrees; +a turns the picture as sharp's rotate(−a)).
 */
export const OFFSETS = (() => {
  const out: { name: string; scale: number; fx: number; fy: number; angle: number }[] = [];
  const scale = 0.9;
  for (const fx of [0, 0.25, 0.5, 0.75, 1]) {
    for (const fy of [0, 0.25, 0.5, 0.75, 1]) {
      if (fx !== 0.5 || fy !== 0.5) out.push({ name: `o${scale * 100}:${fx * 100},${fy * 100}`, scale, fx, fy, angle: 0 });
    }
  }
  for (const angle of [-6, -3, 3, 6]) out.push({ name: `r${angle > 0 ? '+' : ''}${angle}`, scale: 1, fx: 0.5, fy: 0.5, angle });
  return out;
})();

/** Turns an image by `degrees` about its centre (bilinear; black where the turned frame has no pixels). */
export function rotateImage(img: Float32Array, w: number, h: number, degrees: number): Float32Array {
  const out = new Float32Array(w * h);
  const c = Math.cos((degrees * Math.PI) / 180);
  const s = Math.sin((degrees * Math.PI) / 180);
  const cx = (w - 1) / 2;
  const cy = (h - 1) / 2;
  const at = (x: number, y: number): number => (x < 0 || y < 0 || x >= w || y >= h ? 0 : img[y * w + x]!);
  for (let y = 0; y < h; y++) {
    // Source position of (x, y): (c (x − cx) − s (y − cy) + cx, s (x − cx) + c (y − cy) + cy), stepped along x.
    let sx = -c * cx - s * (y - cy) + cx;
    let sy = -s * cx + c * (y - cy) + cy;
    for (let x = 0; x < w; x++, sx += c, sy += s) {
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      let v: number;
      if (x0 >= 0 && y0 >= 0 && x0 + 1 < w && y0 + 1 < h) {
        const p = y0 * w + x0;
        v = (1 - fy) * ((1 - fx) * img[p]! + fx * img[p + 1]!) + fy * ((1 - fx) * img[p + w]! + fx * img[p + w + 1]!);
      } else {
        v = (1 - fy) * ((1 - fx) * at(x0, y0) + fx * at(x0 + 1, y0)) + fy * ((1 - fx) * at(x0, y0 + 1) + fx * at(x0 + 1, y0 + 1));
      }
      out[y * w + x] = v;
    }
  }
  return out;
}

/** One extra window's hash, as is and mirrored (offset: index into OFFSETS). */
export interface OffsetHash {
  offset: number;
  hash: Hash256;
  mirror: Hash256;
}

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
  /** The whole photo's coarse hash, the one the other photo's extra windows are compared with. */
  coarse: Hash256;
  /** Extra window hashes (off-centre crops, small rotations); empty in fingerprints stored before they existed. */
  offsets: OffsetHash[];
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

/** The extra windows are sampled at 32x32 from a coarser copy at most this many pixels a side (4x cheaper). */
export const COARSE_SIDE = 80;

function coarseHashes(src: Float32Array, width: number, x: number, w: number, height: number, y: number, h: number): { hash: Hash256; mirror: Hash256 } {
  const dct = dct32To16(resample(src, width, windowTent(width, 32, x, w), windowTent(height, 32, y, h)));
  return { hash: hashFromDct(dct), mirror: hashFromDct(dihedralDct(dct, 'flipY')) };
}

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
  // Extra windows, on a coarse copy: the photo's own quality gate applies (a flat window cannot come close to
  // another photo's whole-frame hash, which passed its own gate).
  const c = workingCopy(work.img, work.width, work.height, COARSE_SIDE);
  const [cw, ch] = [c.width, c.height];
  const coarse = coarseHashes(c.img, cw, 0, cw, ch, 0, ch).hash;
  // Windows with the same rows (crops at one fy) share the row pass; rotations have their own.
  const rowPasses = new Map<string, Float64Array>();
  const offsets: OffsetHash[] = OFFSETS.map((o, offset) => {
    const w = cw * o.scale;
    const h = ch * o.scale;
    const rows = windowTent(ch, 32, (ch - h) * o.fy, h);
    const key = `${o.angle}/${o.fy}`;
    let t = rowPasses.get(key);
    if (!t) {
      t = resampleRows(o.angle === 0 ? c.img : rotateImage(c.img, cw, ch, o.angle), cw, rows);
      rowPasses.set(key, t);
    }
    const dct = dct32To16(resampleCols(t, cw, windowTent(cw, 32, (cw - w) * o.fx, w)));
    return { offset, hash: hashFromDct(dct), mirror: hashFromDct(dihedralDct(dct, 'flipY')) };
  });
  return { sha256, width, height, quality: full.quality, dihedral: dihedralHashes(full.dct), ladder, coarse, offsets };
}
