import { test } from 'node:test';
import assert from 'node:assert/strict';
import { comparePhotos, DEFAULT_MATCH_PARAMS } from './compare-photos.ts';
import { photoFingerprint, type PhotoFingerprint } from './fingerprint.ts';
import { matchAcross, matchWithin, type PhotoPair } from './match-photos.ts';
import { photoClusters } from './photo-clusters.ts';
import { decodeFingerprint, encodeFingerprint } from './fingerprint-codec.ts';
import { coPhotoGroups } from './co-photo.ts';
import { brighter, crop, mirror, picture as photo, type Img } from '../../../test/support/pictures.ts';

const fp = (im: Img, name: string): PhotoFingerprint => photoFingerprint(im.px, im.w, im.h, name);

const a = photo(160, 200, 1);
const b = photo(160, 200, 2);
const c = photo(180, 180, 3);
const set = [fp(a, 'a'), fp(mirror(a), 'a-mirror'), fp(crop(a, 0.9), 'a-crop90'), fp(b, 'b'), fp(brighter(b), 'b-bright'), fp(c, 'c'), fp(c, 'c')];

test('hand-made set: the expected pairs, transforms and methods', () => {
  const pairs = matchWithin(set);
  const got = pairs.map((p) => `${p.a}-${p.b} ${p.match.method} ${p.match.transform}`);
  assert.ok(got.includes('0-1 pdq mirror') || got.includes('0-1 pdq-crops mirror'), got.join('; '));
  assert.ok(got.some((g) => g.startsWith('0-2 pdq-crops crop')), got.join('; '));
  assert.ok(got.includes('3-4 pdq near-duplicate'), got.join('; '));
  assert.ok(got.includes('5-6 sha256 exact'), got.join('; '));
  // Different pictures never match.
  for (const p of pairs) {
    const group = (i: number): number => (i <= 2 ? 0 : i <= 4 ? 1 : 2);
    assert.equal(group(p.a), group(p.b), `${p.a}-${p.b} matched across pictures`);
  }
});

test('index-based matching equals comparing every pair', () => {
  const oracle: PhotoPair[] = [];
  for (let i = 0; i < set.length; i++) {
    for (let j = i + 1; j < set.length; j++) {
      const match = comparePhotos(set[i]!, set[j]!);
      if (match) oracle.push({ a: i, b: j, match });
    }
  }
  assert.deepEqual(matchWithin(set), oracle);
  const across: PhotoPair[] = [];
  for (let i = 0; i < 3; i++) {
    for (let j = 3; j < set.length; j++) {
      const match = comparePhotos(set[i]!, set[j]!);
      if (match) across.push({ a: i, b: j - 3, match });
    }
  }
  assert.deepEqual(matchAcross(set.slice(0, 3), set.slice(3)), across);
});

test('photos under the quality floor never match, not even byte-identical ones', () => {
  const flat = { w: 100, h: 100, px: new Float32Array(100 * 100).fill(90) };
  const f1 = fp(flat, 'same-bytes');
  assert.ok(f1.quality < DEFAULT_MATCH_PARAMS.minQuality);
  assert.equal(comparePhotos(f1, fp(flat, 'same-bytes')), undefined);
  assert.deepEqual(matchWithin([f1, fp(flat, 'same-bytes')]), []);
});

test('clusters: connected components with their links, deterministic order', () => {
  const m = (transform: 'mirror' | 'crop') => ({ method: 'pdq' as const, transform, distance: 3, via: 'full~full' });
  const pairs: PhotoPair[] = [
    { a: 4, b: 7, match: m('crop') },
    { a: 1, b: 4, match: m('mirror') },
    { a: 2, b: 5, match: m('mirror') },
  ];
  const clusters = photoClusters(8, pairs);
  assert.deepEqual(
    clusters.map((c) => ({ key: c.key, members: c.members, links: c.pairs.map((p) => `${p.a}-${p.b}`), transforms: c.transforms })),
    [
      { key: 1, members: [1, 4, 7], links: ['1-4', '4-7'], transforms: ['crop', 'mirror'] },
      { key: 2, members: [2, 5], links: ['2-5'], transforms: ['mirror'] },
    ],
  );
  assert.deepEqual(photoClusters(8, [...pairs].reverse()), clusters);
});

test('fingerprints survive the store codec byte for byte', () => {
  for (const f of set) {
    const bytes = encodeFingerprint({ ...f, sha256: f.sha256.padEnd(64, '0').replace(/[^0-9a-f]/g, 'a') });
    const back = decodeFingerprint(bytes);
    assert.deepEqual(encodeFingerprint(back), bytes);
    assert.equal(back.ladder.length, f.ladder.length);
    assert.deepEqual([...back.dihedral[5]!], [...f.dihedral[5]!]);
  }
  assert.throws(() => decodeFingerprint(new Uint8Array([9])), /version 9/);
});

test('co-photo groups: only pictures shown by two or more accounts, links across accounts only', () => {
  const photos = [
    { account: 'tw:1', photo: 'a.jpg', fingerprint: set[0]! },
    { account: 'tw:2', photo: 'a-mirror.jpg', fingerprint: set[1]! },
    { account: 'tw:1', photo: 'a-crop.jpg', fingerprint: set[2]! },
    { account: 'tw:3', photo: 'b.jpg', fingerprint: set[3]! },
    { account: 'tw:3', photo: 'b-bright.jpg', fingerprint: set[4]! },
  ];
  const groups = coPhotoGroups(photos);
  assert.deepEqual(groups.map((g) => [g.key, g.accounts]), [['photo:a', ['tw:1', 'tw:2']]]);
  const links = groups[0]!.links.map((l) => `${l.photoA}~${l.photoB} ${l.match.transform}`);
  assert.ok(links.every((l) => !l.startsWith('a.jpg~a-crop.jpg')), links.join('; '));
  assert.ok(links.some((l) => l.startsWith('a.jpg~a-mirror.jpg mirror')), links.join('; '));
});
