// Photos that come with an import: avatars (the accounts' `avatar` path or URL, relative to the imported file's
// folder), image media of actions (Telegram exports' photos/…), and `--photos DIR` (files named by account id).
// They are fingerprinted on the worker pool and stored through the import's own session, so a failed import
// leaves no photos; broken images become issues. URLs are fetched only with --fetch-media. Every stored photo is
// matched against the reference gallery and the matches are reported.
import { access } from 'node:fs/promises';
import { basename, extname, isAbsolute, join } from 'node:path';
import { decodeFingerprint, encodeFingerprint } from '../core/photo/fingerprint-codec.ts';
import type { PhotoFingerprint } from '../core/photo/fingerprint.ts';
import { toHex } from '../core/photo/hash256.ts';
import { matchGallery, type GalleryMatch } from '../core/photo/gallery-matches.ts';
import type { PhotoIssue } from '../core/photo/photo-issue.ts';
import { DEFAULT_FETCH_LIMITS, fetchImage, type FetchLimits } from '../photos/fetch-image.ts';
import { fingerprintBytes } from '../photos/fingerprint-files.ts';
import { fingerprintFilesParallel } from '../photos/fingerprint-pool.ts';
import { listImages } from '../photos/list-images.ts';
import { isUrl, type PhotoRef } from './photo-refs.ts';
import type { NewPhoto, Store } from '../store/store.ts';

/** How photos of an import are read. */
export interface PhotoImportOptions {
  /** Folder that relative paths are relative to (the imported file's folder). */
  baseDir: string;
  /** Fetch http(s) URLs (opt-in). */
  fetchMedia: boolean;
  fetchLimits?: FetchLimits;
  fetchImpl?: typeof fetch;
}

export type { GalleryMatch, PhotoRef };

/** What the photo step of one import did. */
export interface PhotoImportSummary {
  /** Photos named (account, source) and distinct images read. */
  named: number;
  images: number;
  stored: number;
  issues: PhotoIssue[];
  /** Media paths with no file (exports often leave media out): not an issue. */
  mediaAbsent: number;
  /** URLs left alone because --fetch-media was not given. */
  urlsNotFetched: number;
  galleryMatches: GalleryMatch[];
}

/** `--photos DIR`: image files named by account id (`<id>.jpg`), all of one platform. */
export async function photosFromFolder(dir: string, platform: string): Promise<PhotoRef[]> {
  return (await listImages(dir)).map((file) => ({ platform, account: basename(file, extname(file)), source: file, field: 'photos' }));
}

/** Where a reference is read from: a URL as is, `--photos` files as listed, others relative to baseDir. */
function location(ref: PhotoRef, baseDir: string): string {
  if (ref.field === 'photos' || isUrl(ref.source) || isAbsolute(ref.source)) return ref.source;
  return join(baseDir, ref.source);
}

/** Fingerprints each distinct location once; URLs only when fetching is on. */
async function fingerprintLocations(
  locations: readonly string[],
  opts: PhotoImportOptions,
): Promise<{ byLocation: Map<string, PhotoFingerprint>; issues: PhotoIssue[] }> {
  const byLocation = new Map<string, PhotoFingerprint>();
  const files = locations.filter((l) => !isUrl(l));
  const { fingerprints, issues } = await fingerprintFilesParallel(files);
  for (const f of fingerprints) byLocation.set(f.file, f.fingerprint);
  const urls = opts.fetchMedia ? locations.filter(isUrl) : [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < urls.length) {
      const url = urls[next++]!;
      const got = await fetchImage(url, opts.fetchLimits ?? DEFAULT_FETCH_LIMITS, opts.fetchImpl);
      if (!got.ok) {
        issues.push(got.issue);
        continue;
      }
      const fp = await fingerprintBytes(got.bytes, url);
      if (fp.ok) byLocation.set(url, fp.value.fingerprint);
      else issues.push(fp.issue);
    }
  };
  await Promise.all(Array.from({ length: Math.min(6, urls.length) }, worker));
  return { byLocation, issues };
}

/** Media references whose file does not exist. */
async function absentMedia(refs: readonly PhotoRef[], baseDir: string): Promise<Set<PhotoRef>> {
  const out = new Set<PhotoRef>();
  for (const r of refs) {
    if (r.field !== 'media' || isUrl(r.source)) continue;
    try {
      await access(location(r, baseDir));
    } catch {
      out.add(r); // no such file: the export left the media out
    }
  }
  return out;
}

/** Reads, fingerprints and stores (through `put`) the photos `refs` name, and matches them against the gallery. */
export async function importPhotos(
  store: Store,
  put: (photos: readonly NewPhoto[]) => Promise<number>,
  refs: readonly PhotoRef[],
  opts: PhotoImportOptions,
): Promise<PhotoImportSummary> {
  const seen = new Set<string>();
  const named = refs.filter((r) => {
    const k = `${r.platform}\u0000${r.account}\u0000${r.source}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
  const absent = await absentMedia(named, opts.baseDir);
  const distinct = named.filter((r) => !absent.has(r));
  const locations = [...new Set(distinct.map((r) => location(r, opts.baseDir)))];
  const { byLocation, issues } = await fingerprintLocations(locations, opts);
  const rows: NewPhoto[] = [];
  const fps: PhotoFingerprint[] = [];
  let urlsNotFetched = 0;
  for (const r of distinct) {
    const where = location(r, opts.baseDir);
    const fp = byLocation.get(where);
    if (!fp) {
      if (isUrl(where) && !opts.fetchMedia) urlsNotFetched++;
      continue;
    }
    fps.push(fp);
    rows.push({
      platform: r.platform, account: r.account, source: r.source, sha256: fp.sha256, pdq: toHex(fp.dihedral[0]!),
      quality: fp.quality, width: fp.width, height: fp.height, fingerprint: encodeFingerprint(fp),
    });
  }
  const stored = rows.length > 0 ? await put(rows) : 0;
  const galleryMatches = matchGallery(
    rows.map((r, i) => ({ account: `${r.platform}:${r.account}`, photo: r.source, fingerprint: fps[i]! })),
    (await store.listPhotos({ gallery: true })).map((g) => ({ gallery: g.gallery!, photo: g.source, fingerprint: decodeFingerprint(g.fingerprint) })),
  );
  return { named: named.length, mediaAbsent: absent.size, images: locations.length - (opts.fetchMedia ? 0 : locations.filter(isUrl).length), stored, issues, urlsNotFetched, galleryMatches };
}
