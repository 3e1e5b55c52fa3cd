// A fingerprint as bytes, for the store's photos table (one blob per photo, ~560 bytes with a full ladder):
// version 1 · sha256 (32) · width, height (u32 each) · quality (u8) · 8 dihedral hashes (8 x 32) · rung count
// (u8) · per rung: rung index in RUNGS (u8), quality (u8), hash (32), mirror (32). Little-endian words.
import { RUNGS, type PhotoFingerprint, type RungHash } from './fingerprint.ts';
import { HASH_WORDS, type Hash256 } from './hash256.ts';

const VERSION = 1;

function hexToBytes(hex: string, out: Uint8Array, at: number): void {
  for (let i = 0; i < 32; i++) out[at + i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
}

/** Serialises a fingerprint (the sha256 must be 64 hex digits). */
export function encodeFingerprint(f: PhotoFingerprint): Uint8Array {
  const out = new Uint8Array(1 + 32 + 8 + 1 + 8 * 32 + 1 + f.ladder.length * 66);
  const view = new DataView(out.buffer);
  out[0] = VERSION;
  hexToBytes(f.sha256, out, 1);
  view.setUint32(33, f.width, true);
  view.setUint32(37, f.height, true);
  out[41] = f.quality;
  let at = 42;
  const put = (h: Hash256): void => {
    for (let w = 0; w < HASH_WORDS; w++, at += 4) view.setUint32(at, h[w]!, true);
  };
  f.dihedral.forEach(put);
  out[at++] = f.ladder.length;
  for (const r of f.ladder) {
    out[at++] = RUNGS.findIndex((x) => x.name === r.rung);
    out[at++] = r.quality;
    put(r.hash);
    put(r.mirror);
  }
  return out;
}

/** Reads a fingerprint written by encodeFingerprint; throws on bytes it did not write (a bug or corruption). */
export function decodeFingerprint(bytes: Uint8Array): PhotoFingerprint {
  if (bytes[0] !== VERSION) throw new Error(`photo fingerprint: version ${bytes[0]}, expected ${VERSION}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 42;
  const get = (): Hash256 => {
    const h = new Uint32Array(HASH_WORDS) as Hash256;
    for (let w = 0; w < HASH_WORDS; w++, at += 4) h[w] = view.getUint32(at, true);
    return h;
  };
  const dihedral = Array.from({ length: 8 }, get);
  const n = bytes[at++]!;
  const ladder: RungHash[] = [];
  for (let i = 0; i < n; i++) {
    const rung = RUNGS[bytes[at++]!];
    if (!rung) throw new Error('photo fingerprint: unknown rung');
    const quality = bytes[at++]!;
    ladder.push({ rung: rung.name, quality, hash: get(), mirror: get() });
  }
  if (at !== bytes.length) throw new Error(`photo fingerprint: ${bytes.length} bytes, expected ${at}`);
  const sha256 = Array.from(bytes.subarray(1, 33), (b) => b.toString(16).padStart(2, '0')).join('');
  return { sha256, width: view.getUint32(33, true), height: view.getUint32(37, true), quality: bytes[41]!, dihedral, ladder };
}
