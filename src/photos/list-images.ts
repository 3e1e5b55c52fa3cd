// Finds the image files in a folder (recursively, as Telegram exports nest photos), sorted for stable output.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../core/errors.ts';

/** File name endings we try to decode. */
export const IMAGE_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp', '.gif'] as const;

/** Image files under `dir`, by extension, sorted by path; a missing folder is a UserError. */
export async function listImages(dir: string): Promise<string[]> {
  let st;
  try {
    st = await stat(dir);
  } catch (e) {
    throw new UserError(`${dir}: no such folder`, { cause: e });
  }
  if (!st.isDirectory()) throw new UserError(`${dir}: expected a folder of images, found a file`);
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files: string[] = [];
  for (const e of entries) {
    if (!e.isFile()) continue;
    const lower = e.name.toLowerCase();
    if (IMAGE_EXTENSIONS.some((x) => lower.endsWith(x))) files.push(join(e.parentPath ?? e.path, e.name));
  }
  return files.sort();
}
