// The reference's literal blur-and-decimate (ThreatExchange pdq/java PDQHasher.java box1DFloat,
// jaroszFilterFloat, decimateFloat), kept as the test oracle for the fast tentDownsample64.

function box1d(inp: Float32Array, out: Float32Array, start: number, length: number, stride: number, full: number): void {
  const half = Math.floor((full + 2) / 2);
  let li = start;
  let ri = start;
  let oi = start;
  let sum = 0;
  let n = 0;
  for (let i = 0; i < half - 1; i++, ri += stride, n++) sum += inp[ri]!;
  for (let i = 0; i < full - half + 1; i++, ri += stride, oi += stride) {
    sum += inp[ri]!;
    n++;
    out[oi] = sum / n;
  }
  for (let i = 0; i < length - full; i++, li += stride, ri += stride, oi += stride) {
    sum += inp[ri]! - inp[li]!;
    out[oi] = sum / n;
  }
  for (let i = 0; i < half - 1; i++, li += stride, oi += stride) {
    sum -= inp[li]!;
    n--;
    out[oi] = sum / n;
  }
}

/** Two X,Y box passes with the reference's windows, then 64x64 centre sampling; `luma` is left unchanged. */
export function referenceDownsample64(luma: Float32Array, height: number, width: number): Float32Array {
  const buf = Float32Array.from(luma.subarray(0, height * width));
  const tmp = new Float32Array(height * width);
  const wr = Math.floor((width + 127) / 128);
  const wc = Math.floor((height + 127) / 128);
  for (let p = 0; p < 2; p++) {
    for (let i = 0; i < height; i++) box1d(buf, tmp, i * width, width, 1, wr);
    for (let j = 0; j < width; j++) box1d(tmp, buf, j, height, width, wc);
  }
  const out = new Float32Array(4096);
  for (let i = 0; i < 64; i++) {
    const ini = Math.floor(((i + 0.5) * height) / 64);
    for (let j = 0; j < 64; j++) out[i * 64 + j] = buf[ini * width + Math.floor(((j + 0.5) * width) / 64)]!;
  }
  return out;
}
