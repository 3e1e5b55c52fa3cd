// The co-photo layer's input for `trollmap detect`: stored account photos of the accounts detection read, turned
// into edges (src/core/photo/co-photo-edges.ts), plus a hash of the photos for the run's input hash.
import { createHash } from 'node:crypto';
import { coPhotoEdges, type CoPhotoResult } from '../core/photo/co-photo-edges.ts';
import type { AccountPhoto } from '../core/photo/co-photo.ts';
import { decodeFingerprint } from '../core/photo/fingerprint-codec.ts';
import type { Store } from '../store/store.ts';

/** Co-photo edges among `accountKeys` (accounts outside the read actions are left out), and the photos' hash. */
export async function storedPhotoEdges(store: Store, accountKeys: readonly string[]): Promise<CoPhotoResult & { photos: number; hash: string }> {
  const wanted = new Set(accountKeys);
  const photos: AccountPhoto[] = [];
  const h = createHash('sha256');
  for (const p of await store.listPhotos({ gallery: false })) {
    const account = `${p.platform}:${p.account}`;
    if (!wanted.has(account)) continue;
    photos.push({ account, photo: p.source, fingerprint: decodeFingerprint(p.fingerprint) });
    h.update(`${account}\u0000${p.sha256}\n`);
  }
  return { ...coPhotoEdges(photos), photos: photos.length, hash: h.digest('hex') };
}
