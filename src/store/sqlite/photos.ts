// The photos table: account photos (with the import batch that brought them) and gallery photos.
import type Database from 'better-sqlite3';
import type { NewPhoto, PhotoFilter, StoredPhoto } from '../store.ts';

type Db = Database.Database;

interface PhotoDbRow {
  id: number;
  platform: string | null;
  account: string | null;
  source: string;
  sha256: string;
  pdq: string;
  quality: number;
  width: number;
  height: number;
  fingerprint: Buffer;
  batch_id: number | null;
  gallery: string | null;
}

const INSERT = `INSERT INTO photos (platform, account, source, sha256, pdq, quality, width, height, fingerprint, batch_id, gallery)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** Inserts photos with the given batch id (undefined: none); the caller owns the transaction. */
export function insertPhotos(db: Db, photos: readonly NewPhoto[], batchId: number | undefined): number {
  const stmt = db.prepare(INSERT);
  for (const p of photos) {
    if ((p.gallery === undefined) === (p.account === undefined || p.platform === undefined)) {
      throw new Error(`photo ${p.source}: expected either platform and account or a gallery label`);
    }
    stmt.run(
      p.platform ?? null, p.account ?? null, p.source, p.sha256, p.pdq, p.quality, p.width, p.height,
      Buffer.from(p.fingerprint.buffer, p.fingerprint.byteOffset, p.fingerprint.byteLength), batchId ?? null, p.gallery ?? null,
    );
  }
  return photos.length;
}

function rowToPhoto(r: PhotoDbRow): StoredPhoto {
  const out: StoredPhoto = {
    id: r.id, source: r.source, sha256: r.sha256, pdq: r.pdq, quality: r.quality, width: r.width, height: r.height,
    fingerprint: new Uint8Array(r.fingerprint.buffer, r.fingerprint.byteOffset, r.fingerprint.byteLength),
  };
  if (r.platform !== null) out.platform = r.platform;
  if (r.account !== null) out.account = r.account;
  if (r.gallery !== null) out.gallery = r.gallery;
  if (r.batch_id !== null) out.batchId = r.batch_id;
  return out;
}

/** Photos in id order, filtered by gallery membership. */
export function listPhotos(db: Db, filter: PhotoFilter = {}): StoredPhoto[] {
  const where = filter.gallery === undefined ? '' : filter.gallery ? 'WHERE gallery IS NOT NULL' : 'WHERE gallery IS NULL';
  return (db.prepare(`SELECT * FROM photos ${where} ORDER BY id`).all() as PhotoDbRow[]).map(rowToPhoto);
}
