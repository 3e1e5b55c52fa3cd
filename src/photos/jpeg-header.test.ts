import { test } from 'node:test';
import assert from 'node:assert/strict';
import sharp, { type Sharp } from 'sharp';
import { readJpegHeader } from './jpeg-header.ts';

const noise = (w: number, h: number): Sharp => sharp({ create: { width: w, height: h, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 40 } } });

// libvips' own reading of the header is the oracle.
async function libvips(bytes: Buffer): Promise<{ width: number; height: number; components: number; icc?: Buffer }> {
  const m = await sharp(bytes).metadata();
  const components = m.space === 'cmyk' ? 4 : m.space === 'b-w' ? 1 : 3;
  return { width: m.width!, height: m.height!, components, ...(m.icc ? { icc: m.icc } : {}) };
}

const ours = (bytes: Buffer): Record<string, unknown> | undefined => {
  const h = readJpegHeader(bytes);
  return h && { ...h, ...(h.icc ? { icc: Buffer.from(h.icc) } : {}) };
};

test('size, components and ICC profile agree with libvips for colour, grey, CMYK and profiled JPEGs', async () => {
  const cases = {
    rgb: await noise(203, 251).jpeg().toBuffer(),
    progressive: await noise(64, 33).jpeg({ progressive: true }).toBuffer(),
    grey: await noise(90, 120).greyscale().toColourspace('b-w').jpeg().toBuffer(),
    cmyk: await noise(50, 70).toColourspace('cmyk').jpeg().toBuffer(),
    'display-p3 profile': await noise(80, 60).withIccProfile('p3').jpeg().toBuffer(),
    'sRGB profile': await noise(80, 60).withIccProfile('srgb').jpeg().toBuffer(),
    'large and wide': await noise(4000, 7).jpeg().toBuffer(),
  };
  for (const [name, bytes] of Object.entries(cases)) assert.deepEqual(ours(bytes), await libvips(bytes), name);
  assert.ok(readJpegHeader(cases['display-p3 profile'])?.icc, 'the profile is found');
});

// Splits the APP2 ICC segment of a JPEG into two chunks (as writers do for profiles over 64 KB), in `order`.
function splitIcc(jpeg: Buffer, order: [number, number], count = 2): Buffer {
  let at = 2;
  while (!(jpeg[at + 1] === 0xe2 && jpeg.subarray(at + 4, at + 15).toString('latin1') === 'ICC_PROFILE')) at += 2 + jpeg.readUInt16BE(at + 2);
  const len = jpeg.readUInt16BE(at + 2);
  const icc = jpeg.subarray(at + 18, at + 2 + len);
  const half = icc.length >> 1;
  const seg = (seq: number, data: Buffer): Buffer => {
    const head = Buffer.alloc(18);
    head.writeUInt16BE(0xffe2, 0);
    head.writeUInt16BE(16 + data.length, 2);
    head.write('ICC_PROFILE\0', 4, 'latin1');
    head[16] = seq;
    head[17] = count;
    return Buffer.concat([head, data]);
  };
  const parts = [seg(1, icc.subarray(0, half)), seg(2, icc.subarray(half))];
  return Buffer.concat([jpeg.subarray(0, at), parts[order[0] - 1]!, parts[order[1] - 1]!, jpeg.subarray(at + 2 + len)]);
}

test('an ICC profile split over several segments is put back together in sequence order', async () => {
  const jpeg = await noise(40, 30).withIccProfile('p3').jpeg().toBuffer();
  const whole = readJpegHeader(jpeg)!.icc!;
  for (const order of [[1, 2], [2, 1]] as [number, number][]) {
    const split = splitIcc(jpeg, order);
    assert.deepEqual(readJpegHeader(split)?.icc, whole, `order ${order}`);
    assert.deepEqual(ours(split), await libvips(split));
  }
  // A missing chunk: libjpeg drops such a profile; we leave the header to libvips.
  assert.equal(readJpegHeader(splitIcc(jpeg, [1, 2], 3)), undefined);
});

test('what is not a clean JPEG header is left to libvips', async () => {
  const jpeg = await noise(40, 30).jpeg().toBuffer();
  assert.equal(readJpegHeader(new Uint8Array()), undefined);
  assert.equal(readJpegHeader(Buffer.from('GIF89a....')), undefined);
  assert.equal(readJpegHeader(jpeg.subarray(0, 40)), undefined); // cut before the frame header
  const png = await noise(10, 10).png().toBuffer();
  assert.equal(readJpegHeader(png), undefined);
  // A zero height (defined later by a DNL marker) is not read here.
  const sof = jpeg.findIndex((v: number, i: number) => v === 0xff && jpeg[i + 1] === 0xc0);
  const dnl = Buffer.from(jpeg);
  dnl.writeUInt16BE(0, sof + 5);
  assert.equal(readJpegHeader(dnl), undefined);
});
