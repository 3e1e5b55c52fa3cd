// Reads the description of an ICC colour profile, to tell an sRGB profile (converting with it is an identity,
// so decode.ts skips the costly transform) from others such as Adobe RGB (which must be applied).
// ICC.1 layout: a 128-byte header, then a tag count and 12-byte entries (signature, offset, size). The
// description is a v2 textDescriptionType ('desc', ASCII) or a v4 multiLocalizedUnicodeType ('mluc', UTF-16BE).

/** The profile's description text ('' when absent or unreadable). */
export function iccDescription(icc: Uint8Array): string {
  if (icc.length < 132) return '';
  const view = new DataView(icc.buffer, icc.byteOffset, icc.byteLength);
  const count = view.getUint32(128);
  for (let i = 0; i < count && 132 + 12 * i + 12 <= icc.length; i++) {
    const e = 132 + 12 * i;
    if (view.getUint32(e) !== 0x64657363) continue; // 'desc'
    const off = view.getUint32(e + 4);
    const size = view.getUint32(e + 8);
    if (off + Math.min(size, 12) > icc.length || size < 12) return '';
    const type = view.getUint32(off);
    if (type === 0x64657363) {
      const n = view.getUint32(off + 8);
      const end = Math.min(icc.length, off + 12 + n);
      return String.fromCharCode(...icc.subarray(off + 12, end)).replace(/\0+$/, '');
    }
    if (type === 0x6d6c7563 && off + 28 <= icc.length) {
      // First record: language, country, length, offset (relative to the tag).
      const len = view.getUint32(off + 20);
      const at = off + view.getUint32(off + 24);
      let s = '';
      for (let k = 0; k + 1 < len && at + k + 1 < icc.length; k += 2) s += String.fromCharCode(view.getUint16(at + k));
      return s;
    }
    return '';
  }
  return '';
}

/** True for the common sRGB profiles (sRGB IEC61966-2.1 and its v4 / compact variants). */
export function isSrgbProfile(icc: Uint8Array): boolean {
  return /^sRGB\b/i.test(iccDescription(icc).trim());
}
