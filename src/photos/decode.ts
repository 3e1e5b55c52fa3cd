// Bounded image decoding with sharp (libvips): JPEG, PNG, WebP and GIF (first frame) → luma for PDQ.
// Limits stop decompression bombs before any pixel is decoded (the header's dimensions are checked first, and
// sharp checks them again against limitInputPixels) and cap the bytes read; every failure becomes a
// PhotoIssue, never a crash. A JPEG's header is read in JavaScript, so a JPEG costs one libvips pipeline
// (each has ~1.3 ms CPU of fixed cost, more than decoding a 200x250 portrait's pixels).
// EXIF orientation is deliberately NOT applied: Meta's reference does not, and the dihedral hashes match
// rotated copies anyway.
// Speed (measured on the 200x250 congress portraits): an embedded sRGB ICC profile (a quarter of them) made
// libvips build an lcms sRGB → sRGB transform per photo, ~8 ms CPU for an identity; such profiles are now
// ignored (other profiles, e.g. Adobe RGB, are still applied). libvips' operation cache is off: every photo is
// decoded once, so caching only costs hashing and memory.
import sharp, { type Metadata } from 'sharp';
import { lumaFromPixels, type PixelSpace } from '../core/photo/luma.ts';
import type { PhotoIssue } from '../core/photo/photo-issue.ts';
import { isSrgbProfile } from './icc-profile.ts';
import { readJpegHeader } from './jpeg-header.ts';

sharp.cache(false);

/** Size limits for one photo file. */
export interface DecodeLimits {
  /** Largest file accepted, in bytes. */
  maxBytes: number;
  /** Largest width x height accepted (checked from the header, before decoding). */
  maxPixels: number;
  /** Photos larger than this many pixels are shrunk by libvips while decoding (hash changes by a few bits). */
  shrinkAbovePixels: number;
  /** Seconds libvips may spend on one photo. */
  timeoutSeconds: number;
}

/** 50 MB and 50 megapixels cover camera photos; avatars are far smaller. */
export const DEFAULT_DECODE_LIMITS: DecodeLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxPixels: 50_000_000,
  shrinkAbovePixels: 8_000_000,
  timeoutSeconds: 30,
};

const FORMATS = new Set(['jpeg', 'png', 'webp', 'gif']);
/** The long side a very large photo is shrunk to (PDQ only keeps 64x64; 2048 stays within 4 bits of full size). */
const SHRINK_TO = 2048;

/** A decoded photo: luma, row-major. */
export interface DecodedPhoto {
  luma: Float32Array;
  width: number;
  height: number;
  format: string;
}

export type DecodeResult = { ok: true; photo: DecodedPhoto } | { ok: false; issue: PhotoIssue };

function fail(file: string, code: PhotoIssue['code'], message: string): DecodeResult {
  return { ok: false, issue: { file, code, message } };
}

/** What decoding needs to know before it starts: format, size, pixel layout and any ICC profile. */
interface Header {
  format: string;
  width: number;
  height: number;
  space: PixelSpace;
  icc?: Uint8Array | undefined;
}

// A JPEG's header is read in JavaScript (jpeg-header.ts); other formats, or a JPEG header it is unsure of,
// ask libvips (a metadata() pipeline, ~0.6 ms).
async function readHeader(bytes: Uint8Array, file: string): Promise<Header | DecodeResult> {
  const jpeg = readJpegHeader(bytes);
  if (jpeg) {
    const space: PixelSpace = jpeg.components === 4 ? 'cmyk' : jpeg.components === 1 ? 'grey' : 'rgb';
    return { format: 'jpeg', width: jpeg.width, height: jpeg.height, space, icc: jpeg.icc };
  }
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false, pages: 1 }).metadata();
  } catch (e) {
    return fail(file, 'unsupported-format', `${file}: not a JPEG, PNG, WebP or GIF image (${(e as Error).message})`);
  }
  if (!meta.format || !FORMATS.has(meta.format)) {
    return fail(file, 'unsupported-format', `${file}: ${meta.format ?? 'unknown'} image; expected JPEG, PNG, WebP or GIF`);
  }
  const space: PixelSpace = meta.space === 'cmyk' ? 'cmyk' : meta.space === 'b-w' || meta.space === 'grey16' ? 'grey' : 'rgb';
  return { format: meta.format, width: meta.width ?? 0, height: meta.pageHeight ?? meta.height ?? 0, space, icc: meta.icc };
}

/** Decodes an image held in memory; `file` names it in issues. */
export async function decodePhoto(bytes: Uint8Array, file: string, limits: DecodeLimits = DEFAULT_DECODE_LIMITS): Promise<DecodeResult> {
  if (bytes.length > limits.maxBytes) {
    return fail(file, 'too-large', `${file}: ${bytes.length} bytes; expected at most ${limits.maxBytes}`);
  }
  const header = await readHeader(bytes, file);
  if ('ok' in header) return header;
  const { format, width, height, space } = header;
  if (width * height > limits.maxPixels) {
    return fail(file, 'too-many-pixels', `${file}: ${width}x${height} pixels; expected at most ${limits.maxPixels} (a decompression bomb?)`);
  }
  try {
    const ignoreIcc = header.icc !== undefined && isSrgbProfile(header.icc);
    let img = sharp(bytes, { limitInputPixels: limits.maxPixels, failOn: 'truncated', pages: 1, autoOrient: false, ignoreIcc });
    img = img.timeout({ seconds: limits.timeoutSeconds });
    if (width * height > limits.shrinkAbovePixels) {
      img = img.resize({ width: SHRINK_TO, height: SHRINK_TO, fit: 'inside', kernel: 'linear' });
    }
    if (space === 'cmyk') img = img.pipelineColourspace('cmyk').toColourspace('cmyk');
    else if (space === 'grey') img = img.toColourspace('b-w');
    else img = img.toColourspace('srgb');
    const { data, info } = await img.raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
    const px = new Uint8Array(data.buffer, data.byteOffset, data.length);
    const luma = lumaFromPixels(px, info.width, info.height, info.channels, space);
    return { ok: true, photo: { luma, width: info.width, height: info.height, format } };
  } catch (e) {
    return fail(file, 'broken', `${file}: cannot decode the ${format} image (${(e as Error).message})`);
  }
}
