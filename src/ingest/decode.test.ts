import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { isUserError } from '../core/errors.ts';
import { hashFile, openText } from './decode.ts';

const dir = mkdtempSync(join(tmpdir(), 'trollmap-decode-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const text = 'account,time,text\nu1,2024-01-01T00:00:00Z,Привет мир\n';

function file(name: string, bytes: Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

async function readAll(path: string): Promise<{ text: string; encoding: string; gzip: boolean }> {
  const src = await openText(path, path);
  let out = '';
  for await (const c of src.chunks()) out += c;
  return { text: out, encoding: src.encoding, gzip: src.gzip };
}

test('UTF-8 with and without BOM, gzip by magic bytes (whatever the name)', async () => {
  assert.deepEqual(await readAll(file('plain.csv', Buffer.from(text))), { text, encoding: 'utf-8', gzip: false });
  assert.equal((await readAll(file('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])))).text, text);
  assert.deepEqual(await readAll(file('packed.csv', gzipSync(Buffer.from(text)))), { text, encoding: 'utf-8', gzip: true });
});

test('UTF-16 LE and BE with BOM, and LE without BOM (spreadsheet exports)', async () => {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.from(le).swap16();
  assert.deepEqual((await readAll(file('le.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), le])))).text, text);
  const bom = await readAll(file('be.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), be])));
  assert.deepEqual([bom.text, bom.encoding], [text, 'utf-16be']);
  const bare = await readAll(file('le-nobom.csv', le));
  assert.deepEqual([bare.text, bare.encoding], [text, 'utf-16le']);
});

test('binary data is refused with a one-line message', async () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xd8, 0xfe]);
  await assert.rejects(openText(file('image.csv', png), 'image.csv'), (e: unknown) => {
    assert.ok(isUserError(e));
    assert.match((e as Error).message, /^image\.csv: looks like binary data, not text/);
    assert.doesNotMatch((e as Error).message, /\n/);
    return true;
  });
  const invalid = Buffer.alloc(400, 0xc3);
  await assert.rejects(openText(file('latin.csv', invalid), 'latin.csv'), /undecodable bytes/);
});

test('a cut-short gzip file is a user error', async () => {
  const gz = gzipSync(Buffer.from(text.repeat(2000)));
  const p = file('cut.csv.gz', gz.subarray(0, Math.floor(gz.length / 2)));
  await assert.rejects(
    (async () => {
      const src = await openText(p, 'cut.csv.gz');
      for await (const _ of src.chunks());
    })(),
    (e: unknown) => isUserError(e) && /cut\.csv\.gz: the gzip data is damaged or cut short/.test((e as Error).message),
  );
});

test('sha256 is of the raw bytes', async () => {
  // sha256("abc"), FIPS 180-2 test vector.
  assert.equal(await hashFile(file('abc.txt', Buffer.from('abc'))), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  await assert.rejects(hashFile(join(dir, 'missing.csv'), 'missing.csv'), /^UserError: missing\.csv: no such file$/);
});
