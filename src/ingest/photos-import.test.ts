// The photo step of an import against a real store: avatars fetched from a local server (no network) with
// --fetch-media, left alone without it, and a failed import leaving no photos.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { isUserError } from '../core/errors.ts';
import { openSqliteStore } from '../store/sqlite/index.ts';
import { importFile, type ImportOptions } from './import-file.ts';

const PORTRAIT = fileURLToPath(new URL('../../../shared/data/photos/congress/200x250/A000014.jpg', import.meta.url));
const have = existsSync(PORTRAIT);
const skip = have ? false : 'needs ../shared/data/photos/congress (absent)';
const dir = mkdtempSync(join(tmpdir(), 'trollmap-photos-import-'));
const server = createServer((req, res) => {
  if (req.url === '/a.jpg') res.writeHead(200, { 'content-type': 'image/jpeg' }).end(readFileSync(PORTRAIT));
  else res.writeHead(200, { 'content-type': 'text/html' }).end('<p>login</p>');
});
let base = '';
before(async () => {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

const options = (fetchMedia: boolean): ImportOptions => ({ map: {}, now: () => 0, clock: () => 0, photos: { fetchMedia, pending: [] } });

function accountsFile(name: string, extra = ''): string {
  const path = join(dir, name);
  writeFileSync(path, `platform,account,handle,avatar\nvk,1,one,${base}/a.jpg\nvk,2,two,${base}/login\n${extra}`);
  return path;
}

test('avatar URLs: fetched with --fetch-media (a non-image answer is an issue), counted and left alone without', { skip }, async () => {
  const store = await openSqliteStore(join(dir, 'a.db'));
  try {
    const off = await importFile(store, accountsFile('off.csv'), 'off.csv', options(false));
    assert.equal(off.photos?.urlsNotFetched, 2);
    assert.equal(off.photos?.stored, 0);
    const on = await importFile(store, accountsFile('on.csv', 'vk,3,three,\n'), 'on.csv', options(true));
    assert.equal(on.photos?.stored, 1);
    assert.deepEqual(on.photos?.issues.map((i) => i.code), ['unsupported-format']);
    assert.ok(on.issues.some((g) => /photo skipped: .*\/login: content type text\/html/.test(g.first.message)));
    const stored = await store.listPhotos();
    assert.deepEqual(stored.map((p) => [p.platform, p.account, p.source, p.batchId]), [['vk', '1', `${base}/a.jpg`, 2]]);
    assert.equal(stored[0]!.sha256.length, 64);
  } finally {
    await store.close();
  }
});

test('a file that fails (too many bad rows) stores none of its photos', { skip }, async () => {
  const store = await openSqliteStore(join(dir, 'b.db'));
  try {
    const path = join(dir, 'bad.csv');
    writeFileSync(path, `platform,account,time,avatar\nvk,1,2026-01-01T00:00:00Z,${base}/a.jpg\nvk,2,not a time,x.jpg\nvk,3,also bad,y.jpg\n`);
    await assert.rejects(importFile(store, path, 'bad.csv', { ...options(true), maxBadRows: 1 }), (e) => isUserError(e));
    assert.deepEqual(await store.listPhotos(), []);
  } finally {
    await store.close();
  }
});

test('Telegram export: photos posted in messages are read relative to result.json; files left out of the export are not issues', { skip }, async () => {
  const store = await openSqliteStore(join(dir, 'c.db'));
  try {
    mkdirSync(join(dir, 'tg/photos'), { recursive: true });
    copyFileSync(PORTRAIT, join(dir, 'tg/photos/photo_1.jpg'));
    const msg = (id: number, from: string, extra: string): string =>
      `{"id": ${id}, "type": "message", "date": "2024-01-01T10:0${id}:00", "date_unixtime": "${1704103200 + id * 60}", "from": "U", "from_id": "${from}", "text": "x", ${extra}}`;
    const messages = [
      msg(1, 'user1', '"photo": "photos/photo_1.jpg", "width": 200, "height": 250'),
      msg(2, 'user2', '"photo": "photos/photo_2.jpg"'),
      msg(3, 'user3', '"photo": "(File not included. Change data exporting settings to download.)"'),
    ];
    writeFileSync(join(dir, 'tg/result.json'), `{"name": "Chat", "type": "private_supergroup", "id": 42, "messages": [${messages.join(',')}]}`);
    const r = await importFile(store, join(dir, 'tg/result.json'), 'tg/result.json', options(false));
    assert.equal(r.format, 'telegram');
    assert.deepEqual({ named: r.photos?.named, stored: r.photos?.stored, absent: r.photos?.mediaAbsent, issues: r.photos?.issues.length }, { named: 2, stored: 1, absent: 1, issues: 0 });
    assert.deepEqual((await store.listPhotos()).map((p) => [p.platform, p.account, p.source]), [['telegram', 'user1', 'photos/photo_1.jpg']]);
  } finally {
    await store.close();
  }
});
