// Matching quality on real portraits (../shared/data/photos/congress: public-domain official photos of
// members of the US Congress; different ids are different people). A spread-out subset keeps `npm test`
// fast; bench/photos.bench.ts runs all 813 and prints the full table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { comparePhotos } from '../core/photo/compare-photos.ts';
import type { PhotoFingerprint } from '../core/photo/fingerprint.ts';
import { matchWithin } from '../core/photo/match-photos.ts';
import { fingerprintBytes } from './fingerprint-files.ts';
import { PHOTO_VARIANTS } from './variants.ts';

const DIR = fileURLToPath(new URL('../../../shared/data/photos/congress/', import.meta.url));
const have = existsSync(DIR + '200x250') && existsSync(DIR + '100x125');
const skip = have ? false : 'needs ../shared/data/photos/congress (absent)';
const ids = have ? readdirSync(DIR + '200x250').sort().filter((_, i) => i % 7 === 0) : [];

async function fp(bytes: Uint8Array, name: string): Promise<PhotoFingerprint> {
  const r = await fingerprintBytes(bytes, name);
  assert.ok(r.ok, r.ok ? '' : r.issue.message);
  return r.value.fingerprint;
}

const originals = new Map<string, PhotoFingerprint>();
async function original(id: string): Promise<PhotoFingerprint> {
  let f = originals.get(id);
  if (!f) {
    f = await fp(readFileSync(DIR + '200x250/' + id), id);
    originals.set(id, f);
  }
  return f;
}

for (const v of PHOTO_VARIANTS.filter((x) => x.target !== undefined)) {
  test(`${v.name}: recall ≥ ${v.target} on ${ids.length} portraits`, { skip }, async () => {
    const missed: string[] = [];
    for (const id of ids) {
      const copy = await fp(await v.make(readFileSync(DIR + '200x250/' + id)), `${id} ${v.name}`);
      if (!comparePhotos(await original(id), copy)) missed.push(id);
    }
    assert.ok(1 - missed.length / ids.length >= v.target!, `missed ${missed.length}: ${missed.join(' ')}`);
  });
}

test('the 100x125 and 200x250 sizes of each portrait match each other', { skip }, async () => {
  for (const id of ids) {
    const small = await fp(readFileSync(DIR + '100x125/' + id), id + ' small');
    const m = comparePhotos(await original(id), small);
    assert.ok(m, `${id}: sizes do not match`);
    assert.notEqual(m.transform, 'exact');
  }
});

test('different people: false matches ≤ 0.1 % of pairs at the default thresholds', { skip }, async () => {
  const fps = await Promise.all(ids.map(original));
  const pairs = matchWithin(fps);
  const n = (fps.length * (fps.length - 1)) / 2;
  assert.ok(pairs.length / n <= 0.001, `${pairs.length} of ${n} pairs of different people matched`);
});
