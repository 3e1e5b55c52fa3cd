// The photos an import names (avatars, image media), noted while reading. Kept apart from photos-import.ts so the
// reading side (also a worker thread) does not load the image libraries.
import type { Account, Action } from '../core/model.ts';
import { IMAGE_EXTENSIONS } from '../photos/list-images.ts';

/** A photo an import names: whose it is, where it is (as given), and which field named it. */
export interface PhotoRef {
  platform: string;
  account: string;
  source: string;
  field: 'avatar' | 'media' | 'photos';
}

/** True for an http(s) URL. */
export const isUrl = (s: string): boolean => /^https?:\/\//i.test(s);
const isImagePath = (s: string): boolean => IMAGE_EXTENSIONS.some((x) => s.toLowerCase().endsWith(x));

function isImageUrl(s: string): boolean {
  if (!isUrl(s)) return false;
  try {
    return isImagePath(new URL(s).pathname);
  } catch {
    return false; // not a URL after all: not a photo reference
  }
}

/** Notes an account's avatar in `refs`, if it has one. */
export function noteAvatar(a: Account, refs: PhotoRef[]): void {
  if (a.avatar) refs.push({ platform: a.platform, account: a.id, source: a.avatar, field: 'avatar' });
}

/** Notes an action's image media (paths or URLs that name an image) in `refs`. */
export function noteImageMedia(a: Action, refs: PhotoRef[]): void {
  for (const m of a.media) if (isImagePath(m) || isImageUrl(m)) refs.push({ platform: a.platform, account: a.account, source: m, field: 'media' });
}
