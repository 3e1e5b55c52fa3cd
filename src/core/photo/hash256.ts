// 256-bit perceptual hashes (PDQ) as eight 32-bit words, with Meta's hex format and Hamming distance.
//
// Bit k (0..255) of a PDQ hash is DCT coefficient (row k>>4, column k&15). Meta's reference keeps 16 words of
// 16 bits (bit k in word k>>4, position k&15) and prints them from word 15 down to word 0, four hex digits each.
// We pack two of those 16-bit words into one 32-bit word (word 2m in the low half), so bit k sits at
// word k>>5, position k&31, and hex round-trips exactly with Meta's tools (Hash256.java toString/fromHexString).

declare const brand: unique symbol;
/** A 256-bit hash: eight little-endian 32-bit words. */
export type Hash256 = Uint32Array & { readonly [brand]: 'Hash256' };

/** Number of 32-bit words in a hash. */
export const HASH_WORDS = 8;

/** An all-zero hash. */
export function emptyHash(): Hash256 {
  return new Uint32Array(HASH_WORDS) as Hash256;
}

/** Sets bit k (0..255). */
export function setBit(h: Hash256, k: number): void {
  h[k >>> 5] = (h[k >>> 5] ?? 0) | (1 << (k & 31));
}

/** Reads bit k (0..255). */
export function getBit(h: Hash256, k: number): boolean {
  return (((h[k >>> 5] ?? 0) >>> (k & 31)) & 1) === 1;
}

/** Set bits in a 32-bit word. */
export function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Hamming distance between two hashes (0..256). */
export function hamming(a: Hash256, b: Hash256): number {
  let d = 0;
  for (let i = 0; i < HASH_WORDS; i++) d += popcount32(((a[i] ?? 0) ^ (b[i] ?? 0)) >>> 0);
  return d;
}

/** Hamming distance between hash `a` and the hash stored at word offset `off` of a packed array. */
export function hammingAt(a: Hash256, words: Uint32Array, off: number): number {
  let d = 0;
  for (let i = 0; i < HASH_WORDS; i++) d += popcount32(((a[i] ?? 0) ^ (words[off + i] ?? 0)) >>> 0);
  return d;
}

/** The 16-bit word i (0..15) of Meta's layout. */
export function word16(h: Hash256, i: number): number {
  return ((h[i >>> 1] ?? 0) >>> ((i & 1) * 16)) & 0xffff;
}

/** 64 lower-case hex digits, as Meta's pdq tools print a hash. */
export function toHex(h: Hash256): string {
  let s = '';
  for (let i = 15; i >= 0; i--) s += word16(h, i).toString(16).padStart(4, '0');
  return s;
}

/** Parses 64 hex digits (Meta's format); returns undefined when the text is not a hash. */
export function fromHex(hex: string): Hash256 | undefined {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) return undefined;
  const h = emptyHash();
  for (let i = 0; i < 16; i++) {
    const w = parseInt(hex.slice((15 - i) * 4, (15 - i) * 4 + 4), 16);
    h[i >>> 1] = (h[i >>> 1] ?? 0) | (w << ((i & 1) * 16));
  }
  return h;
}
