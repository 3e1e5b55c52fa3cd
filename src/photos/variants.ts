// Edits a troll factory makes to a stolen photo, made with sharp, for quality tests and the bench:
// mirror, mirror + shrink, heavy recompression, centre crops, brightness/contrast, a caption bar, a small
// rotation, a square avatar crop. Each returns a new JPEG (quality 90 unless the edit is the compression).
import sharp, { type Sharp } from 'sharp';

/** One edit: its name, and whether the issue sets a recall target for it. */
export interface PhotoVariant {
  name: string;
  target?: number;
  make: (input: Uint8Array) => Promise<Buffer>;
}

const jpeg = (s: Sharp, quality = 90): Promise<Buffer> => s.jpeg({ quality }).toBuffer();

async function size(input: Uint8Array): Promise<{ w: number; h: number }> {
  const m = await sharp(input).metadata();
  return { w: m.width ?? 0, h: m.height ?? 0 };
}

// A crop keeping `scale` of each side, centred, or moved by `shift` of the width/height right and down.
async function centreCrop(input: Uint8Array, scale: number, shift = 0): Promise<Buffer> {
  const { w, h } = await size(input);
  const cw = Math.round(w * scale);
  const ch = Math.round(h * scale);
  const left = Math.min(w - cw, Math.floor((w - cw) / 2) + Math.round(w * shift));
  const top = Math.min(h - ch, Math.floor((h - ch) / 2) + Math.round(h * shift));
  return jpeg(sharp(input).extract({ left, top, width: cw, height: ch }));
}

// A crop keeping `scale` of each side whose left/top margins are fx/fy of the spare width/height (0.5, 0.5 is
// centred), optionally resized back to the original size: the simulator's stolen-photo crops
// (src/simulate/photo-writer.ts) are 88 % centred across and a third down, and 78 % at the left edge.
async function anchoredCrop(input: Uint8Array, scale: number, fx: number, fy: number, resizeBack: boolean): Promise<Buffer> {
  const { w, h } = await size(input);
  const cw = Math.round(w * scale);
  const ch = Math.round(h * scale);
  let img = sharp(input).extract({ left: Math.round((w - cw) * fx), top: Math.round((h - ch) * fy), width: cw, height: ch });
  if (resizeBack) img = img.resize(w, h);
  return jpeg(img, 85);
}

// A caption: a dark bar over the bottom 10 % with light blocks where letters would be (no font needed).
async function caption(input: Uint8Array): Promise<Buffer> {
  const { w, h } = await size(input);
  const bar = Math.max(1, Math.round(h * 0.1));
  const glyphs: string[] = [];
  for (let x = Math.round(w * 0.05), i = 0; x < w * 0.9; x += Math.max(3, Math.round(w * 0.045)), i++) {
    if (i % 6 === 5) continue;
    const gh = Math.round(bar * (i % 3 === 0 ? 0.6 : 0.45));
    glyphs.push(`<rect x="${x}" y="${Math.round((bar - gh) / 2)}" width="${Math.max(2, Math.round(w * 0.03))}" height="${gh}" fill="#f0f0f0"/>`);
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${bar}"><rect width="${w}" height="${bar}" fill="#101010"/>${glyphs.join('')}</svg>`;
  return jpeg(sharp(input).composite([{ input: Buffer.from(svg), top: h - bar, left: 0 }]));
}

// Rotate by a few degrees and cut the centre back to the original size (corners get a little black fill).
async function rotate(input: Uint8Array, degrees: number): Promise<Buffer> {
  const { w, h } = await size(input);
  const rotated = await sharp(input).rotate(degrees, { background: '#000' }).toBuffer({ resolveWithObject: true });
  const { width: rw, height: rh } = rotated.info;
  return jpeg(sharp(rotated.data).extract({ left: Math.floor((rw - w) / 2), top: Math.floor((rh - h) / 2), width: w, height: h }));
}

async function squareAvatar(input: Uint8Array): Promise<Buffer> {
  const { w, h } = await size(input);
  const s = Math.min(w, h);
  return jpeg(sharp(input).extract({ left: Math.floor((w - s) / 2), top: Math.floor((h - s) / 2), width: s, height: s }).resize(150, 150));
}

/** The edits, with the recall the issue requires where it sets one. */
export const PHOTO_VARIANTS: readonly PhotoVariant[] = [
  { name: 'mirror', target: 0.99, make: (b) => jpeg(sharp(b).flop()) },
  {
    name: 'mirror+resize40%',
    target: 0.99,
    make: async (b) => jpeg(sharp(b).flop().resize(Math.max(1, Math.round((await size(b)).w * 0.4)))),
  },
  { name: 'jpeg-q30', target: 0.99, make: (b) => jpeg(sharp(b), 30) },
  { name: 'crop90%', target: 0.95, make: (b) => centreCrop(b, 0.9) },
  { name: 'crop80%', make: (b) => centreCrop(b, 0.8) },
  { name: 'crop95%', make: (b) => centreCrop(b, 0.95) },
  { name: 'crop85%', make: (b) => centreCrop(b, 0.85) },
  { name: 'crop90%-off-centre', make: (b) => centreCrop(b, 0.9, 0.03) },
  { name: 'offset-crop88%-top-third', make: (b) => anchoredCrop(b, 0.88, 0.5, 1 / 3, false) },
  { name: 'offset-crop78%-left+resize', make: (b) => anchoredCrop(b, 0.78, 0, 1 / 3, true) },
  { name: 'mirror+crop90%', make: async (b) => centreCrop(await jpeg(sharp(b).flop()), 0.9) },
  { name: 'square-avatar', make: squareAvatar },
  { name: 'brightness+20%', make: (b) => jpeg(sharp(b).modulate({ brightness: 1.2 })) },
  { name: 'brightness-20%', make: (b) => jpeg(sharp(b).modulate({ brightness: 0.8 })) },
  { name: 'contrast+20%', make: (b) => jpeg(sharp(b).linear(1.2, -0.2 * 128)) },
  { name: 'contrast-20%', make: (b) => jpeg(sharp(b).linear(0.8, 0.2 * 128)) },
  { name: 'caption-bar10%', make: caption },
  { name: 'rotate3°', make: (b) => rotate(b, 3) },
  { name: 'rotate-5°', make: (b) => rotate(b, -5) },
];
