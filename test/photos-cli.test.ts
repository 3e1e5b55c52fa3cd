// `trollmap photos hash` / `photos match` run as a user would run them, on real portraits
// (../shared/data/photos/congress, public domain) and Meta's reference hashes (../shared/data/pdq-reference).
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { fromHex, hamming } from '../src/core/photo/hash256.ts';
import { trollmap as run } from './support/cli.ts';

const DATA = fileURLToPath(new URL('../../shared/data/', import.meta.url));
const have = existsSync(DATA + 'photos/congress/200x250') && existsSync(DATA + 'pdq-reference/congress-200x250.csv');
const skip = have ? false : 'needs ../shared/data/photos/congress and pdq-reference (absent)';
const dir = mkdtempSync(join(tmpdir(), 'trollmap-photos-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const trollmap = (args: string[]) => run(args, { cwd: dir });

test('photos hash --json: Meta-format hex within 10 bits of the reference, and the quality', { skip }, () => {
  const ref = readFileSync(DATA + 'pdq-reference/congress-200x250.csv', 'utf8').trim().split('\n').slice(1, 4).map((l) => l.split(','));
  const r = trollmap(['photos', 'hash', '--json', ...ref.map((x) => DATA + 'photos/' + x[0])]);
  assert.equal(r.code, 0, r.stderr);
  const rows = JSON.parse(r.stdout) as { file: string; pdq: string; quality: number }[];
  assert.equal(rows.length, 3);
  rows.forEach((row, i) => {
    assert.deepEqual(Object.keys(row), ['file', 'pdq', 'quality']);
    assert.match(row.pdq, /^[0-9a-f]{64}$/);
    assert.ok(hamming(fromHex(row.pdq)!, fromHex(ref[i]![2]!)!) <= 10);
    assert.equal(row.quality, Number(ref[i]![1]));
  });
});

test('photos hash on a broken file: one clear line and exit 1; mixed with good files: exit 0', { skip }, () => {
  writeFileSync(join(dir, 'broken.jpg'), 'this is not a jpeg');
  const bad = trollmap(['photos', 'hash', join(dir, 'broken.jpg')]);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /broken\.jpg: not a JPEG, PNG, WebP or GIF image/);
  assert.doesNotMatch(bad.stderr, /\n\s+at /);
  const mixed = trollmap(['photos', 'hash', join(dir, 'broken.jpg'), DATA + 'photos/congress/200x250/A000014.jpg']);
  assert.equal(mixed.code, 0);
  assert.match(mixed.stdout, /^[0-9a-f]{64},100,.*A000014\.jpg\n$/);
});

test('photos match DIR DIR2 --json: a mirrored copy and a 90 % crop are found, strangers are not', { skip }, async () => {
  const left = join(dir, 'real');
  const right = join(dir, 'fakes');
  mkdirSync(left);
  mkdirSync(right);
  const src = (id: string): string => DATA + `photos/congress/200x250/${id}.jpg`;
  for (const id of ['A000014', 'A000022', 'A000055']) copyFileSync(src(id), join(left, `${id}.jpg`));
  await sharp(src('A000014')).flop().jpeg({ quality: 85 }).toFile(join(right, 'fake1.jpg'));
  await sharp(src('A000022')).extract({ left: 10, top: 12, width: 180, height: 225 }).toFile(join(right, 'fake2.jpg'));
  copyFileSync(src('B000444'), join(right, 'stranger.jpg'));
  const r = trollmap(['photos', 'match', left, right, '--json']);
  assert.equal(r.code, 0, r.stderr);
  const pairs = (JSON.parse(r.stdout) as { a: string; b: string; transform: string; method: string; distance: number }[]).map(
    (p) => `${p.a.split('/').pop()} ${p.b.split('/').pop()} ${p.transform}`,
  );
  assert.deepEqual(pairs, ['A000014.jpg fake1.jpg mirror', 'A000022.jpg fake2.jpg crop']);
});

test('photos match on a missing folder: exit 1 with the path', () => {
  const r = trollmap(['photos', 'match', join(dir, 'nope')]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /nope: no such folder/);
});

test('photos hash into a reader that stops early (| head -1): exit 0, no error', { skip }, async () => {
  const { spawn } = await import('node:child_process');
  const bin = fileURLToPath(new URL('../bin/trollmap.js', import.meta.url));
  const folder = DATA + 'photos/congress/200x250/';
  const files = readdirSync(folder).map((f) => folder + f);
  // 813 lines of ~110 bytes: more than a pipe holds, so the CLI is still writing when the reader goes away.
  const child = spawn(process.execPath, [bin, 'photos', 'hash', ...files], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const first = await new Promise<string>((resolve) => {
    child.stdout.once('data', (d: Buffer) => resolve(d.toString()));
    child.once('close', () => resolve(''));
  });
  child.stdout.destroy();
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.match(first, /^[0-9a-f]{64},/);
  assert.equal(stderr, '');
  assert.equal(code, 0);
});
