// Pixels → luma the way Meta's Java reference sees them, so our PDQ hashes agree with the hashes it makes.
//
// RGB: Y = 0.299 R + 0.587 G + 0.114 B (PDQHasher.fillFloatLumaFromBufferImage). Greyscale images: Java's
// ImageIO treats one-channel grey as linear light and BufferedImage.getRGB converts it to sRGB, so grey g
// is seen as sRGB-encode(g). CMYK JPEGs: Java reads them as plain inverted CMY(K), again as linear light.
// Matching those two quirks brings the reference's L.png / LA.png / CMYK.jpg from 10–20 bits away to 0
// (pdq-reference/expected-dihedral.csv). Any alpha channel is ignored, as in the reference.

/** How the pixel bytes are laid out. */
export type PixelSpace = 'rgb' | 'grey' | 'cmyk';

function srgbEncode(v: number): number {
  const x = v / 255;
  return 255 * (x <= 0.0031308 ? 12.92 * x : 1.055 * Math.pow(x, 1 / 2.4) - 0.055);
}

const GREY_LUT = (() => {
  const t = new Float32Array(256);
  for (let g = 0; g < 256; g++) t[g] = srgbEncode(g);
  return t;
})();

/** Luma (Float32, row-major) from interleaved 8-bit pixels with `channels` values each (extra ones ignored). */
export function lumaFromPixels(
  data: Uint8Array,
  width: number,
  height: number,
  channels: number,
  space: PixelSpace,
): Float32Array {
  const n = width * height;
  const out = new Float32Array(n);
  if (space === 'grey') {
    for (let i = 0, p = 0; i < n; i++, p += channels) out[i] = GREY_LUT[data[p]!]!;
  } else if (space === 'cmyk') {
    for (let i = 0, p = 0; i < n; i++, p += channels) {
      const k = 255 - data[p + 3]!;
      const r = GREY_LUT[Math.round(((255 - data[p]!) * k) / 255)]!;
      const g = GREY_LUT[Math.round(((255 - data[p + 1]!) * k) / 255)]!;
      const b = GREY_LUT[Math.round(((255 - data[p + 2]!) * k) / 255)]!;
      out[i] = 0.299 * r + 0.587 * g + 0.114 * b;
    }
  } else {
    for (let i = 0, p = 0; i < n; i++, p += channels) {
      out[i] = 0.299 * data[p]! + 0.587 * data[p + 1]! + 0.114 * data[p + 2]!;
    }
  }
  return out;
}
