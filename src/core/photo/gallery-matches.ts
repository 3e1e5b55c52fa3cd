// Account photos against the reference gallery (known photos, e.g. of the real people whose photos were stolen).
import { DEFAULT_MATCH_PARAMS, type MatchParams, type PairMatch } from './compare-photos.ts';
import type { AccountPhoto } from './co-photo.ts';
import type { PhotoFingerprint } from './fingerprint.ts';
import { matchAcross } from './match-photos.ts';

/** A gallery photo: its label, its source and its fingerprint. */
export interface GalleryPhoto {
  gallery: string;
  photo: string;
  fingerprint: PhotoFingerprint;
}

/** An account photo that shows a gallery photo; `match` says how the gallery photo relates to the account's. */
export interface GalleryMatch {
  account: string;
  photo: string;
  gallery: string;
  galleryPhoto: string;
  match: PairMatch;
}

/** Every (account photo, gallery photo) pair that matches, in account-photo order. */
export function matchGallery(photos: readonly AccountPhoto[], gallery: readonly GalleryPhoto[], params: MatchParams = DEFAULT_MATCH_PARAMS): GalleryMatch[] {
  if (photos.length === 0 || gallery.length === 0) return [];
  const pairs = matchAcross(photos.map((p) => p.fingerprint), gallery.map((g) => g.fingerprint), params);
  return pairs.map((p) => ({
    account: photos[p.a]!.account,
    photo: photos[p.a]!.photo,
    gallery: gallery[p.b]!.gallery,
    galleryPhoto: gallery[p.b]!.photo,
    match: p.match,
  }));
}
