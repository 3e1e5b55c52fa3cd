// Test support: seeded synthetic "photos" (luma buffers) for the photo tests, and the edits they apply.
// A picture is a sum of 40 Gaussian blobs, so it has structure at every scale PDQ and the crop ladder look at
// (quality ≥ 50); the same seed always gives the same picture.

/** A luma image, row-major. */
export interface Img {
  w: number;
  h: number;
  px: Float32Array;
}

/** A seeded smooth picture of w x h pixels. */
export function picture(w: number, h: number, seed: number): Img {
  let s = (seed * 2654435761) >>> 0 || 1;
  const rnd = (): number => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
  const blobs = Array.from({ length: 40 }, () => ({ x: rnd() * w, y: rnd() * h, r: 4 + rnd() * w * 0.2, v: rnd() * 200 - 100 }));
  const px = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let v = 128;
      for (const b of blobs) v += b.v * Math.exp(-((x - b.x) ** 2 + (y - b.y) ** 2) / (b.r * b.r));
      px[y * w + x] = Math.max(0, Math.min(255, v));
    }
  }
  return { w, h, px };
}

/** The left-right mirror image. */
export const mirror = (im: Img): Img => ({ ...im, px: im.px.map((_, i) => im.px[Math.floor(i / im.w) * im.w + (im.w - 1 - (i % im.w))]!) });

/** 10 % brighter plus 5 levels, clipped at 255. */
export const brighter = (im: Img): Img => ({ ...im, px: im.px.map((v) => Math.min(255, v * 1.1 + 5)) });

/** A centred crop keeping `scale` of each side, with whole-pixel edges, as an image editor makes it. */
export function crop(im: Img, scale: number): Img {
  const w = Math.round(im.w * scale);
  const h = Math.round(im.h * scale);
  const r = { x: Math.floor((im.w - w) / 2), y: Math.floor((im.h - h) / 2), w, h };
  const px = new Float32Array(r.w * r.h);
  for (let y = 0; y < r.h; y++) px.set(im.px.subarray((r.y + y) * im.w + r.x, (r.y + y) * im.w + r.x + r.w), y * r.w);
  return { w: r.w, h: r.h, px };
}
