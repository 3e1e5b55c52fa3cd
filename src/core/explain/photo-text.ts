// How photo evidence reads: co-photo edges carry photo sources (not action keys) and the transform found.

const PHRASES: Readonly<Record<string, string>> = {
  exact: 'the same file of',
  'near-duplicate': 'a resized or re-encoded copy of',
  mirror: 'a mirrored copy of',
  flip: 'an upside-down mirrored copy of',
  rotate90: 'a rotated copy of',
  rotate180: 'a rotated copy of',
  rotate270: 'a rotated copy of',
  transpose: 'a rotated and mirrored copy of',
  transverse: 'a rotated and mirrored copy of',
  crop: 'a cropped copy of',
  'mirror+crop': 'a mirrored and cropped copy of',
  linked: 'a copy (matched through other copies) of',
};

/** The copy a transform label names, e.g. "mirror" → "a mirrored copy of". */
export function transformPhrase(transform: string): string {
  return PHRASES[transform] ?? `a copy (${transform}) of`;
}

/**
 * One line of co-photo evidence (key "<transform> photo <sha256 prefix>"), e.g.
 * `shares a mirrored copy of photo 3fa2c1d4e5f6 with facebook:123: photos/a.jpg ↔ photos/b.jpg`.
 */
export function photoEvidenceLine(ev: { key: string; actionA: string; actionB: string }, partner: string, own: 'A' | 'B'): string {
  const [transform = '', , photo = ''] = ev.key.split(' ');
  const mine = own === 'A' ? ev.actionA : ev.actionB;
  const theirs = own === 'A' ? ev.actionB : ev.actionA;
  return `shares ${transformPhrase(transform)} photo ${photo} with ${partner}: ${mine} ↔ ${theirs}`;
}
