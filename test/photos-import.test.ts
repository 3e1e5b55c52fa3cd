// Photos through import → detect → explain, and the gallery, as a user runs them, on real portraits
// (../shared/data/photos/congress, public domain): three accounts show one portrait (as is, mirrored, cropped),
// four show other people, one avatar is broken.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const bin = fileURLToPath(new URL('../bin/trollmap.js', import.meta.url));
const PORTRAITS = fileURLToPath(new URL('../../shared/data/photos/congress/200x250/', import.meta.url));
const have = existsSync(PORTRAITS + 'A000014.jpg');
const skip = have ? false : 'needs ../shared/data/photos/congress (absent)';
const dir = mkdtempSync(join(tmpdir(), 'trollmap-photos-import-'));
after(() => (process.env.KEEP ? undefined : rmSync(dir, { recursive: true, force: true })));

function trollmap(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args, '--db', join(dir, 'x.db')], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const STOLEN = 'A000014.jpg';
const OTHERS = ['A000022.jpg', 'A000055.jpg', 'A000069.jpg', 'A000109.jpg'];

before(async () => {
  if (!have) return;
  mkdirSync(join(dir, 'in/photos'), { recursive: true });
  mkdirSync(join(dir, 'gallery'));
  const src = PORTRAITS + STOLEN;
  copyFileSync(src, join(dir, 'in/photos/a1.jpg'));
  await sharp(src).flop().jpeg({ quality: 85 }).toFile(join(dir, 'in/photos/a2.jpg'));
  const { width = 0, height = 0 } = await sharp(src).metadata();
  const w = Math.round(width * 0.9);
  const h = Math.round(height * 0.9);
  await sharp(src).extract({ left: Math.floor((width - w) / 2), top: Math.floor((height - h) / 2), width: w, height: h }).toFile(join(dir, 'in/photos/a3.jpg'));
  OTHERS.forEach((f, i) => copyFileSync(PORTRAITS + f, join(dir, `in/photos/o${i + 4}.jpg`)));
  writeFileSync(join(dir, 'in/photos/broken.jpg'), 'not a jpeg at all');
  copyFileSync(src, join(dir, 'gallery/real-person.jpg'));
  const rows = ['platform,account,handle,name,avatar'];
  for (let i = 1; i <= 3; i++) rows.push(`facebook,${i},h${i},Name ${i},photos/a${i}.jpg`);
  for (let i = 4; i <= 7; i++) rows.push(`facebook,${i},h${i},Name ${i},photos/o${i}.jpg`);
  rows.push('facebook,8,h8,Name 8,photos/broken.jpg');
  rows.push('facebook,9,h9,Name 9,https://example.invalid/avatar.jpg');
  writeFileSync(join(dir, 'in/accounts.csv'), rows.join('\n') + '\n');
  const actions = ['id,platform,account,time,kind,text'];
  for (let i = 1; i <= 9; i++) actions.push(`p${i},facebook,${i},2026-03-0${i}T0${i}:00:00Z,post,own words number ${i}`);
  writeFileSync(join(dir, 'in/actions.csv'), actions.join('\n') + '\n');
});

test('import: avatars are hashed with the import; a broken one is an issue, a URL is left alone without --fetch-media', { skip }, () => {
  const r = trollmap(['import', join(dir, 'in/accounts.csv'), join(dir, 'in/actions.csv')]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /photo skipped: .*broken\.jpg: not a JPEG, PNG, WebP or GIF image/);
  assert.match(r.stdout, /photos: 9 named, 7 stored, 1 unreadable \(issues above\), 1 URL\(s\) not fetched \(use --fetch-media\), 0 gallery matches/);
  assert.match(r.stdout, /accounts\.csv \[generic\]: 9 rows/);
});

test('detect --layers co-photo: exactly the three accounts sharing the portrait are linked, with the transforms', { skip }, () => {
  const r = trollmap(['detect', '--layers', 'co-photo', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const run = JSON.parse(r.stdout) as { edges: { a: string; b: string; layer: string; keys: number; evidence: { key: string; actionA: string; actionB: string }[] }[] };
  assert.deepEqual(run.edges.map((e) => `${e.a} ${e.b}`).sort(), ['facebook:1 facebook:2', 'facebook:1 facebook:3', 'facebook:2 facebook:3']);
  const byPair = new Map(run.edges.map((e) => [`${e.a} ${e.b}`, e]));
  const first = (k: string) => byPair.get(k)!.evidence[0]!;
  assert.match(first('facebook:1 facebook:2').key, /^mirror photo [0-9a-f]{12}$/);
  assert.deepEqual([first('facebook:1 facebook:2').actionA, first('facebook:1 facebook:2').actionB], ['photos/a1.jpg', 'photos/a2.jpg']);
  assert.match(first('facebook:1 facebook:3').key, /^crop photo /);
  assert.match(first('facebook:2 facebook:3').key, /^mirror\+crop photo /);
  for (const e of run.edges) assert.equal(e.keys, 1);
  const explained = trollmap(['account', 'facebook:2']);
  assert.equal(explained.code, 0, explained.stderr);
  assert.match(explained.stdout, /shares a mirrored copy of photo [0-9a-f]{12} with facebook:1: photos\/a2\.jpg ↔ photos\/a1\.jpg/);
});

test('gallery: add-gallery reports stored matches; a later import lists its own; gallery-matches lists them all', { skip }, () => {
  const add = trollmap(['photos', 'add-gallery', join(dir, 'gallery'), '--label', 'Real person (public portrait)']);
  assert.equal(add.code, 0, add.stderr);
  assert.match(add.stdout, /gallery "Real person \(public portrait\)": 1 photo\(s\) added; 3 stored account photo\(s\) match it/);
  writeFileSync(join(dir, 'in/more.csv'), 'platform,account,handle,name,avatar\nfacebook,10,h10,Name 10,photos/a2.jpg\nfacebook,11,h11,Name 11,photos/o4.jpg\n');
  const imp = trollmap(['import', join(dir, 'in/more.csv')]);
  assert.equal(imp.code, 0, imp.stderr);
  assert.match(imp.stdout, /1 gallery match\n/);
  assert.match(imp.stdout, /★ facebook:10 photos\/a2\.jpg matches gallery "Real person \(public portrait\)" .*real-person\.jpg: mirror/);
  const list = trollmap(['photos', 'gallery-matches', '--json']);
  assert.equal(list.code, 0, list.stderr);
  const rows = JSON.parse(list.stdout) as { account: string; transform: string }[];
  assert.deepEqual(rows.map((m) => `${m.account} ${m.transform}`).sort(), ['facebook:1 exact', 'facebook:10 mirror', 'facebook:2 mirror', 'facebook:3 crop']);
});

test('import --photos DIR: files named by account id, needs --platform', { skip }, () => {
  const need = trollmap(['import', join(dir, 'in/actions.csv'), '--photos', join(dir, 'gallery')]);
  assert.equal(need.code, 1);
  assert.match(need.stderr, /--photos needs --platform/);
  mkdirSync(join(dir, 'byid'));
  copyFileSync(join(dir, 'in/photos/a2.jpg'), join(dir, 'byid/77.jpg'));
  writeFileSync(join(dir, 'in/late.csv'), 'id,platform,account,time,kind,text\nq1,facebook,77,2026-03-10T00:00:00Z,post,hello\n');
  const r = trollmap(['import', join(dir, 'in/late.csv'), '--platform', 'facebook', '--photos', join(dir, 'byid')]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /photos: 1 named, 1 stored, 1 gallery match/);
  const d = trollmap(['detect', '--layers', 'co-photo', '--json']);
  const run = JSON.parse(d.stdout) as { edges: { a: string; b: string }[] };
  assert.ok(run.edges.some((e) => e.a === 'facebook:1' && e.b === 'facebook:77'), 'the --photos avatar links to the portrait\'s other copies');
  writeFileSync(join(dir, 'in/more2.csv'), 'platform,account,handle,name,avatar\nfacebook,10,h10,Name 10,photos/a2.jpg\nfacebook,12,h12,Name 12,\n');
  assert.equal(trollmap(['import', join(dir, 'in/more2.csv')]).code, 0);
  const list = JSON.parse(trollmap(['photos', 'gallery-matches', '--json']).stdout) as { account: string }[];
  assert.equal(list.filter((m) => m.account === 'facebook:10').length, 1, 'an edited file re-importing the same avatar lists it once');
});
