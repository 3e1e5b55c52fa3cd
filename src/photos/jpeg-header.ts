// Reads what decode.ts needs from a JPEG's header in JavaScript — size, number of components, embedded ICC
// profile — so that a JPEG (most avatars) costs one libvips call instead of two: sharp's metadata() is a
// full libvips pipeline of its own (~0.6 ms CPU of the ~3 ms a 200x250 portrait takes to decode).
// Only a header this reader is sure about is used; anything unusual (no frame header before the scan, a
// DNL height, ICC chunks out of sequence, 2 components) returns undefined and libvips reads the header.
// Layout (ITU T.81 annex B): SOI, then segments FF xx + 16-bit length; the frame header SOFn holds precision,
// height, width and the component count. ICC profiles (ICC.1 annex B.4) are split over APP2 segments
// "ICC_PROFILE\0" + sequence number (1..n) + n, concatenated in sequence order, as libjpeg reads them.

/** What a JPEG's header says. */
export interface JpegHeader {
  width: number;
  height: number;
  /** 1 (greyscale), 3 (YCbCr/RGB) or 4 (CMYK/YCCK). */
  components: 1 | 3 | 4;
  /** The embedded ICC profile, when there is one. */
  icc?: Uint8Array;
}

const ICC_TAG = [0x49, 0x43, 0x43, 0x5f, 0x50, 0x52, 0x4f, 0x46, 0x49, 0x4c, 0x45, 0x00]; // "ICC_PROFILE\0"

function isIccSegment(b: Uint8Array, at: number, len: number): boolean {
  if (len < 2 + ICC_TAG.length + 2) return false;
  for (let i = 0; i < ICC_TAG.length; i++) if (b[at + 2 + i] !== ICC_TAG[i]) return false;
  return true;
}

// SOF0..SOF15 are frame headers except DHT (C4), JPG (C8) and DAC (CC).
const isFrame = (m: number): boolean => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

function joinIcc(chunks: Map<number, Uint8Array>, count: number): Uint8Array | 'bad' {
  if (chunks.size !== count) return 'bad';
  let size = 0;
  for (let s = 1; s <= count; s++) {
    const c = chunks.get(s);
    if (!c) return 'bad';
    size += c.length;
  }
  const icc = new Uint8Array(size);
  for (let s = 1, at = 0; s <= count; s++) {
    const c = chunks.get(s)!;
    icc.set(c, at);
    at += c.length;
  }
  return icc;
}

/** The header of a JPEG held in memory; undefined when the bytes are not a JPEG header this reader is sure of. */
export function readJpegHeader(b: Uint8Array): JpegHeader | undefined {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8 || b[2] !== 0xff) return undefined;
  let at = 2;
  let frame: Omit<JpegHeader, 'icc'> | undefined;
  const chunks = new Map<number, Uint8Array>();
  let count = 0;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return undefined;
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) return undefined; // no such markers before the scan
    const len = (b[at + 2]! << 8) | b[at + 3]!;
    if (len < 2 || at + 2 + len > b.length) return undefined;
    const seg = at + 2;
    if (marker === 0xda) {
      if (!frame) return undefined;
      const icc = count > 0 ? joinIcc(chunks, count) : undefined;
      if (icc === 'bad') return undefined;
      return icc ? { ...frame, icc } : frame;
    }
    if (marker === 0xd9) return undefined;
    if (isFrame(marker)) {
      if (frame || len < 8) return undefined;
      const height = (b[seg + 3]! << 8) | b[seg + 4]!;
      const width = (b[seg + 5]! << 8) | b[seg + 6]!;
      const components = b[seg + 7]!;
      if (height === 0 || width === 0 || (components !== 1 && components !== 3 && components !== 4)) return undefined;
      frame = { width, height, components };
    } else if (marker === 0xe2 && isIccSegment(b, seg, len)) {
      const seq = b[seg + 2 + ICC_TAG.length]!;
      const n = b[seg + 2 + ICC_TAG.length + 1]!;
      if (seq === 0 || n === 0 || seq > n || (count !== 0 && n !== count) || chunks.has(seq)) return undefined;
      count = n;
      chunks.set(seq, b.subarray(seg + 2 + ICC_TAG.length + 2, seg + len));
    }
    at = seg + len;
  }
  return undefined;
}
