// co-photo by hand, through the real CLI: three profile photos imported with `import --photos DIR --platform vk`
// beside one action per account → detect --layers co-photo → the stored edge and `account`.
// Photos: two official portraits of different people from ../shared/data/photos/congress/200x250 (the first two
// files by name); vk:101 shows portrait A, vk:102 a mirrored copy of A made here with sharp (flop), vk:103
// portrait B.
// By the co-photo method card (src/core/photo/co-photo-edges.ts): 101's and 102's photos match by PDQ over the
// dihedral variants (a horizontal mirror; distance ≤ 31), so they form one picture shown by n = 2 accounts: one
// edge 101–102 with 1 shared photo (pairs = keys = 1), weight 1/(n − 1) = 1, no p-value (photos have no time
// null), evidence key "mirror photo <sha256 prefix of the picture's first photo>" with the two photo files.
// Portrait B is another person (different portraits stayed ≥ 58 bits apart on the congress set, well above 31):
// 103 has no edge. There is no time window: the actions' times play no part.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import sharp from 'sharp';
import { edgeOf, LayerDb, type DetectJson } from './layer-cli.ts';

const portraits = fileURLToPath(new URL('../../../shared/data/photos/congress/200x250', import.meta.url));
const present = existsSync(portraits);
const skip = present ? false : 'needs ../shared/data/photos/congress/200x250 (absent)';

const db = new LayerDb();
const photos = join(db.dir, 'photos');
const file = (id: string): string => join(photos, `${id}.jpg`);
const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');
let run: DetectJson;

before(async () => {
  if (!present) return;
  const [a, b] = readdirSync(portraits).filter((f) => f.endsWith('.jpg')).sort();
  mkdirSync(photos);
  copyFileSync(join(portraits, a!), file('101'));
  await sharp(join(portraits, a!)).flop().jpeg({ quality: 90 }).toFile(file('102'));
  copyFileSync(join(portraits, b!), file('103'));
  const actions = join(db.dir, 'actions.csv');
  writeFileSync(actions, ['id,account,time,text', ...['101', '102', '103'].map((id, i) => `p${id},${id},2026-03-01T1${i}:00:00Z,hello from ${id}`)].join('\n') + '\n');
  db.import([actions], ['--photos', photos, '--platform', 'vk']);
  run = db.detect(['--layers', 'co-photo', '--seed', '1']);
});
after(() => db.close());

test('co-photo: the mirrored copy links 101 and 102 with one shared photo; 103 (another person) has no edge', { skip }, () => {
  assert.deepEqual(run.edges.map((e) => [e.a, e.b, e.layer]), [['vk:101', 'vk:102', 'co-photo']]);
  const e = edgeOf(run.edges, 'vk:101', 'vk:102', 'co-photo')!;
  assert.equal(e.pairs, 1);
  assert.equal(e.keys, 1);
  assert.equal(e.weight, 1);
  assert.equal(e.p, undefined, 'no time null for photos');
  assert.equal(e.evidence.length, 1);
  const ev = e.evidence[0]!;
  const [transform, word, prefix] = ev.key.split(' ');
  assert.equal(transform, 'mirror');
  assert.equal(word, 'photo');
  assert.ok([sha(file('101')), sha(file('102'))].some((s) => s.slice(0, 12) === prefix), `key ${ev.key}`);
  assert.ok(ev.actionA.endsWith('101.jpg') && ev.actionB.endsWith('102.jpg'), `${ev.actionA} ↔ ${ev.actionB}`);
  assert.equal(ev.dt, 0);
});

test('co-photo: `account vk:102` names the partner, the transform and both photo files', { skip }, () => {
  const lines = db.explain('vk:102');
  assert.ok(lines.includes('  with vk:101 in co-photo: 1 shared photo (no p-value: photos have no time null)'), lines.join('\n'));
  const photoLine = lines.find((l) => l.startsWith('    shares a mirrored copy of photo '));
  assert.ok(photoLine, lines.join('\n'));
  assert.match(photoLine, /with vk:101: .*102\.jpg ↔ .*101\.jpg$/);
  const none = db.accountJson('vk:103');
  assert.equal(none.score, 0);
  assert.deepEqual(none.edges, []);
});
