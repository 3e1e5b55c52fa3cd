import assert from 'node:assert/strict';
import { test } from 'node:test';
import { coPhotoEdges } from './co-photo-edges.ts';
import type { AccountPhoto } from './co-photo.ts';
import { photoFingerprint } from './fingerprint.ts';
import { mirror, picture, type Img } from '../../../test/support/pictures.ts';

const photo = (account: string, src: string, im: Img, sha: string): AccountPhoto => ({
  account, photo: src, fingerprint: photoFingerprint(im.px, im.w, im.h, sha.padEnd(64, '0')),
});

const p1 = picture(160, 200, 11);
const p2 = picture(160, 200, 12);
const p3 = picture(160, 200, 13);

test('co-photo: the three accounts showing one picture (exact and mirrored) are linked, the others not', () => {
  const photos = [
    photo('fb:1', 'photos/1.jpg', p1, 'aa'),
    photo('fb:2', 'photos/2.jpg', mirror(p1), 'bb'),
    photo('fb:3', 'photos/3.jpg', p1, 'aa'),
    photo('fb:4', 'photos/4.jpg', p2, 'cc'),
    photo('fb:5', 'photos/5.jpg', p3, 'dd'),
    photo('fb:5', 'photos/5-again.jpg', p3, 'dd'),
  ];
  const { edges, capped } = coPhotoEdges(photos);
  assert.deepEqual(capped, []);
  assert.deepEqual(edges.map((e) => `${e.a} ${e.b}`), ['fb:1 fb:2', 'fb:1 fb:3', 'fb:2 fb:3'], 'fb:5 repeating its own photo is no link');
  const byPair = new Map(edges.map((e) => [`${e.a} ${e.b}`, e]));
  const e13 = byPair.get('fb:1 fb:3')!;
  assert.deepEqual(e13.evidence, [{ layer: 'co-photo', key: 'exact photo aa0000000000', actionA: 'photos/1.jpg', actionB: 'photos/3.jpg', dt: 0 }]);
  const e12 = byPair.get('fb:1 fb:2')!;
  assert.match(e12.evidence[0]!.key, /^mirror photo /);
  assert.equal(e12.evidence[0]!.actionA, 'photos/1.jpg', "actionA is the photo of the edge's account a");
  assert.equal(byPair.get('fb:2 fb:3')!.evidence[0]!.actionA, 'photos/2.jpg');
  for (const e of edges) {
    assert.equal(e.layer, 'co-photo');
    assert.equal(e.pairs, 1);
    assert.equal(e.keys, 1);
    assert.equal(e.p, undefined);
    assert.ok(Math.abs(e.weight - 0.5) < 1e-12, 'a picture shown by 3 accounts weighs 1/(3-1) per pair');
  }
});

test('co-photo: two shared pictures make one edge with two keys; a picture over the cap is reported, not paired', () => {
  const photos = [
    photo('x:a', 'a1', p1, '01'), photo('x:b', 'b1', p1, '01'),
    photo('x:a', 'a2', p2, '02'), photo('x:b', 'b2', mirror(p2), '03'),
    photo('x:c', 'c3', p3, '04'), photo('x:d', 'd3', p3, '04'), photo('x:e', 'e3', p3, '04'),
  ];
  const { edges, capped } = coPhotoEdges(photos, { maxAccounts: 2 });
  assert.equal(edges.length, 1);
  assert.equal(edges[0]!.keys, 2);
  assert.equal(edges[0]!.pairs, 2);
  assert.equal(edges[0]!.weight, 2);
  assert.deepEqual(edges[0]!.evidence.map((e) => e.key.split(' ')[0]), ['exact', 'mirror'], 'closest match first');
  assert.deepEqual(capped, [{ key: `photo:${'04'.padEnd(64, '0')}`, accounts: 3 }]);
});
