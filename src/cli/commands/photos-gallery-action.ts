// The work of `trollmap photos add-gallery` and `gallery-matches`, imported only when they run.
import { UserError } from '../../core/errors.ts';
import { decodeFingerprint, encodeFingerprint } from '../../core/photo/fingerprint-codec.ts';
import { matchGallery, type GalleryMatch } from '../../core/photo/gallery-matches.ts';
import { toHex } from '../../core/photo/hash256.ts';
import { fingerprintFilesParallel } from '../../photos/fingerprint-pool.ts';
import { listImages } from '../../photos/list-images.ts';
import { openSqliteStore } from '../../store/sqlite/index.ts';
import type { NewPhoto, Store } from '../../store/store.ts';
import { existingDb } from '../open-store.ts';
import { resolveDbPath } from '../options.ts';

/** Every stored account photo that matches a stored gallery photo. */
export async function storedGalleryMatches(store: Store): Promise<GalleryMatch[]> {
  // The same image stored twice for one account (re-imports of an edited file) is one photo.
  const seen = new Set<string>();
  const photos = (await store.listPhotos({ gallery: false }))
    .filter((p) => {
      const k = `${p.platform}:${p.account}\u0000${p.sha256}`;
      return seen.has(k) ? false : (seen.add(k), true);
    })
    .map((p) => ({ account: `${p.platform}:${p.account}`, photo: p.source, fingerprint: decodeFingerprint(p.fingerprint) }));
  const gallery = (await store.listPhotos({ gallery: true })).map((g) => ({ gallery: g.gallery!, photo: g.source, fingerprint: decodeFingerprint(g.fingerprint) }));
  return matchGallery(photos, gallery);
}

/** `trollmap photos add-gallery DIR --label …`. */
export async function addGallery(dir: string, flags: { label: string; db?: string }): Promise<void> {
  if (flags.label.trim() === '') throw new UserError('--label: expected a non-empty description, such as "Jane Doe (real person)"');
  const files = await listImages(dir);
  if (files.length === 0) throw new UserError(`${dir}: no image files (.jpg, .jpeg, .png, .webp, .gif)`);
  const { fingerprints, issues } = await fingerprintFilesParallel(files);
  for (const i of issues) process.stderr.write(`✖ ${i.message} [${i.code}]\n`);
  const store = await openSqliteStore(resolveDbPath(flags.db));
  try {
    const known = new Set((await store.listPhotos({ gallery: true })).map((g) => `${g.gallery}\u0000${g.sha256}`));
    const rows: NewPhoto[] = fingerprints
      .filter((f) => !known.has(`${flags.label}\u0000${f.fingerprint.sha256}`))
      .map(({ file, fingerprint: fp }) => ({
        source: file, sha256: fp.sha256, pdq: toHex(fp.dihedral[0]!), quality: fp.quality, width: fp.width, height: fp.height,
        fingerprint: encodeFingerprint(fp), gallery: flags.label,
      }));
    if (rows.length > 0) await store.addPhotos(rows);
    const again = fingerprints.length - rows.length;
    const matches = (await storedGalleryMatches(store)).filter((m) => m.gallery === flags.label);
    process.stdout.write(
      `gallery "${flags.label}": ${rows.length} photo(s) added${again > 0 ? `, ${again} already there` : ''}` +
        `${issues.length > 0 ? `, ${issues.length} unreadable` : ''}; ${matches.length} stored account photo(s) match it` +
        `${matches.length > 0 ? ' (trollmap photos gallery-matches)' : ''}\n`,
    );
  } finally {
    await store.close();
  }
}

/** `trollmap photos gallery-matches`. */
export async function galleryMatchesCommand(flags: { json?: boolean; db?: string }): Promise<void> {
  const store = await openSqliteStore(existingDb(resolveDbPath(flags.db)));
  try {
    const rows = (await storedGalleryMatches(store)).map((m) => ({
      account: m.account, photo: m.photo, gallery: m.gallery, galleryPhoto: m.galleryPhoto,
      transform: m.match.transform, method: m.match.method, distance: m.match.distance,
    }));
    if (flags.json) {
      process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
      return;
    }
    for (const r of rows) process.stdout.write(`${r.account}\t${r.photo}\t${r.gallery}\t${r.galleryPhoto}\t${r.transform}\t${r.method}\t${r.distance}\n`);
    process.stderr.write(`${rows.length} account photo(s) match the gallery\n`);
  } finally {
    await store.close();
  }
}
