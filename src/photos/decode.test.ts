import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { hamming } from '../core/photo/hash256.ts';
import { DEFAULT_DECODE_LIMITS, decodePhoto } from './decode.ts';
import { fingerprintBytes, fingerprintFile, fingerprintFiles } from './fingerprint-files.ts';

const SAMPLE = fileURLToPath(new URL('../../../shared/data/photos/congress/200x250/A000014.jpg', import.meta.url));
const haveSample = existsSync(SAMPLE);

function crc32(buf: Uint8Array): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

// A 100000 x 100000 grey PNG whose whole file is a few hundred bytes: the header alone says 10 gigapixels.
function pngBomb(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(100_000, 0);
  ihdr.writeUInt32BE(100_000, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.alloc(100_001 * 4))), chunk('IEND', new Uint8Array())]);
}

test('a decompression bomb is refused from its header, with a message naming the size', async () => {
  const bomb = pngBomb();
  assert.ok(bomb.length < 2000);
  const r = await decodePhoto(bomb, 'bomb.png');
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.equal(r.issue.code, 'too-many-pixels');
    assert.match(r.issue.message, /bomb\.png: 100000x100000 pixels; expected at most 50000000/);
  }
});

test('a JPEG whose header claims 60000x60000 pixels is refused before decoding', async () => {
  const jpeg = Buffer.from(await sharp({ create: { width: 16, height: 16, channels: 3, background: '#888' } }).jpeg().toBuffer());
  const sof = jpeg.findIndex((v, i) => v === 0xff && jpeg[i + 1] === 0xc0);
  jpeg.writeUInt16BE(60_000, sof + 5);
  jpeg.writeUInt16BE(60_000, sof + 7);
  const r = await decodePhoto(jpeg, 'bomb.jpg');
  assert.equal(r.ok ? 'ok' : r.issue.code, 'too-many-pixels');
  if (!r.ok) assert.match(r.issue.message, /bomb\.jpg: 60000x60000 pixels/);
});

test('garbage, empty and oversized inputs become issues, not exceptions', async () => {
  const text = await decodePhoto(new TextEncoder().encode('account_id,avatar\n1,x.jpg\n'), 'accounts.csv');
  assert.equal(text.ok ? 'ok' : text.issue.code, 'unsupported-format');
  const empty = await decodePhoto(new Uint8Array(), 'empty.jpg');
  assert.equal(empty.ok ? 'ok' : empty.issue.code, 'unsupported-format');
  const big = await decodePhoto(new Uint8Array(2000), 'big.jpg', { ...DEFAULT_DECODE_LIMITS, maxBytes: 1000 });
  assert.equal(big.ok ? 'ok' : big.issue.code, 'too-large');
  const missing = await fingerprintFile('/nonexistent/photo.jpg');
  assert.equal(missing.ok ? 'ok' : missing.issue.code, 'unreadable');
});

test('a truncated JPEG is reported as broken', { skip: haveSample ? false : 'needs ../shared/data/photos/congress (absent)' }, async () => {
  const bytes = readFileSync(SAMPLE);
  const r = await decodePhoto(bytes.subarray(0, Math.floor(bytes.length / 2)), 'half.jpg');
  assert.equal(r.ok ? 'ok' : r.issue.code, 'broken');
});

test('PNG, WebP and GIF copies hash close to the JPEG original', { skip: haveSample ? false : 'needs ../shared/data/photos/congress (absent)' }, async () => {
  const bytes = readFileSync(SAMPLE);
  const base = await fingerprintBytes(bytes, 'a.jpg');
  assert.ok(base.ok);
  const copies = {
    png: await sharp(bytes).png().toBuffer(),
    webp: await sharp(bytes).webp({ quality: 90 }).toBuffer(),
    gif: await sharp(bytes).gif().toBuffer(),
    'grey png': await sharp(bytes).greyscale().toColourspace('b-w').png().toBuffer(),
  };
  for (const [name, copy] of Object.entries(copies)) {
    const r = await fingerprintBytes(copy, name);
    assert.ok(r.ok, name);
    // A one-channel PNG goes through Java's grey-as-linear quirk (luma.ts), so it sits a little further away.
    const d = hamming(base.value.fingerprint.dihedral[0]!, r.value.fingerprint.dihedral[0]!);
    assert.ok(d <= (name === 'grey png' ? 20 : 6), `${name}: ${d} bits`);
  }
});

test('bulk mode keeps going past bad files and reports each', { skip: haveSample ? false : 'needs ../shared/data/photos/congress (absent)' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'trollmap-photos-'));
  try {
    writeFileSync(join(dir, 'bomb.png'), pngBomb());
    writeFileSync(join(dir, 'notes.jpg'), 'not an image');
    const files = [SAMPLE, join(dir, 'bomb.png'), join(dir, 'notes.jpg'), join(dir, 'missing.jpg'), SAMPLE];
    const { fingerprints, issues } = await fingerprintFiles(files, { concurrency: 3 });
    assert.deepEqual(fingerprints.map((f) => f.file), [SAMPLE, SAMPLE]);
    assert.deepEqual(issues.map((i) => i.code), ['too-many-pixels', 'unsupported-format', 'unreadable']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
