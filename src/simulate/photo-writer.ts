// Writes the profile photos the plan asks for (sharp): stolen portraits as exact copies and as mirrored,
// cropped and recompressed variants, organic portraits as plain copies. A writer file: it touches the disk.
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { PhotoRef, SimAccount } from './types.ts';

/** The portraits available under `dir` (sorted, so a source index always means the same file). */
export async function listPortraits(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  return names.filter((n) => /\.jpe?g$/i.test(n)).sort().map((n) => join(dir, n));
}

async function makeVariant(src: string, ref: PhotoRef, dest: string): Promise<void> {
  if (ref.variant === 'original') {
    await copyFile(src, dest);
    return;
  }
  let img = sharp(src);
  const meta = await img.metadata();
  const w = meta.width ?? 200;
  const h = meta.height ?? 250;
  if (ref.variant === 'mirror' || ref.variant === 'mirror-crop') img = img.flop();
  if (ref.variant === 'crop' || ref.variant === 'mirror-crop') {
    const keep = ref.k === 0 ? 0.88 : 0.78;
    const cw = Math.round(w * keep);
    const ch = Math.round(h * keep);
    img = img.extract({ left: ref.k === 0 ? Math.round((w - cw) / 2) : 0, top: Math.round((h - ch) / 3), width: cw, height: ch });
    if (ref.k === 1) img = img.resize(w, h);
  }
  if (ref.variant === 'recompress') {
    if (ref.k === 1) img = img.resize(Math.round(w * 0.8), Math.round(h * 0.8));
    await img.jpeg({ quality: ref.k === 0 ? 35 : 70 }).toFile(dest);
    return;
  }
  await img.jpeg({ quality: 85 }).toFile(dest);
}

/** Writes every distinct photo the accounts use under `outDir/photos/`; returns how many files it wrote. */
export async function writePhotos(accounts: readonly SimAccount[], portraits: readonly string[], outDir: string): Promise<number> {
  const wanted = new Map<string, PhotoRef>();
  for (const a of accounts) if (a.photo && !wanted.has(a.photo.file)) wanted.set(a.photo.file, a.photo);
  if (wanted.size === 0) return 0;
  await mkdir(join(outDir, 'photos'), { recursive: true });
  const jobs = [...wanted.values()].sort((x, y) => (x.file < y.file ? -1 : 1));
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const ref = jobs[next++] as PhotoRef;
      const src = portraits[ref.source];
      if (src === undefined) throw new Error(`photo source ${ref.source} is outside the pool of ${portraits.length}`);
      await makeVariant(src, ref, join(outDir, ref.file));
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return jobs.length;
}
