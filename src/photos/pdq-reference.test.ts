// Meta's criterion for a PDQ port: within Hamming distance 10 of the reference hashes for images of quality
// ≥ 80. Reference hashes: ../shared/data/pdq-reference (made with ThreatExchange's Java implementation).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DIHEDRAL } from '../core/photo/dihedral.ts';
import { fromHex, hamming } from '../core/photo/hash256.ts';
import { fingerprintFile } from './fingerprint-files.ts';

const REF = fileURLToPath(new URL('../../../shared/data/pdq-reference/', import.meta.url));
const PHOTOS = fileURLToPath(new URL('../../../shared/data/photos/', import.meta.url));
const haveRef = existsSync(REF + 'expected-dihedral.csv');
const haveCongress = haveRef && existsSync(PHOTOS + 'congress/200x250');

function rows(csv: string): string[][] {
  return readFileSync(csv, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
}

test('all 8 dihedral hashes within 10 bits of the reference (39 images, quality ≥ 80)', { skip: haveRef ? false : 'needs ../shared/data/pdq-reference (absent)' }, async () => {
  let checked = 0;
  for (const [file, quality, ...hashes] of rows(REF + 'expected-dihedral.csv')) {
    const r = await fingerprintFile(REF + file!);
    assert.ok(r.ok, `${file}: ${r.ok ? '' : r.issue.message}`);
    if (Number(quality) < 80) continue;
    assert.ok(Math.abs(r.value.fingerprint.quality - Number(quality)) <= 5, `${file}: quality ${r.value.fingerprint.quality} vs ${quality}`);
    DIHEDRAL.forEach((t, i) => {
      const d = hamming(r.value.fingerprint.dihedral[i]!, fromHex(hashes[i]!)!);
      assert.ok(d <= 10, `${file} ${t}: ${d} bits from the reference`);
    });
    checked++;
  }
  assert.ok(checked >= 35, `only ${checked} images checked`);
});

test('rotated and flipped files hash like the original’s dihedral variants (reg-test-input/dih)', { skip: haveRef ? false : 'needs ../shared/data/pdq-reference (absent)' }, async () => {
  const dir = REF + 'images/reg-test-input/dih/';
  const orig = await fingerprintFile(dir + 'bridge-1-original.jpg');
  assert.ok(orig.ok);
  const files = ['bridge-1-original', 'bridge-2-rotate-90', 'bridge-3-rotate-180', 'bridge-4-rotate-270', 'bridge-6-flipy', 'bridge-5-flipx', 'bridge-7-flip-plus-1', 'bridge-8-flip-minus-1'];
  const variantOf = [0, 1, 2, 3, 5, 4, 6, 7]; // DIHEDRAL order: original, rotate90/180/270, flipX, flipY, flipPlus1, flipMinus1
  for (let k = 0; k < files.length; k++) {
    const r = await fingerprintFile(dir + files[k] + '.jpg');
    assert.ok(r.ok);
    const d = hamming(orig.value.fingerprint.dihedral[variantOf[k]!]!, r.value.fingerprint.dihedral[0]!);
    assert.ok(d <= 10, `${files[k]}: ${d} bits from the original's ${DIHEDRAL[variantOf[k]!]} hash`);
  }
});

test('congress portraits: hash within 10 bits of the reference (every 4th of 813)', { skip: haveCongress ? false : 'needs ../shared/data/photos/congress and pdq-reference (absent)' }, async () => {
  const all = rows(REF + 'congress-200x250.csv');
  let checked = 0;
  for (let i = 0; i < all.length; i += 4) {
    const [file, quality, hex] = all[i]!;
    if (Number(quality) < 80) continue;
    const r = await fingerprintFile(PHOTOS + file!);
    assert.ok(r.ok, file);
    const d = hamming(r.value.fingerprint.dihedral[0]!, fromHex(hex!)!);
    assert.ok(d <= 10, `${file}: ${d} bits from the reference`);
    checked++;
  }
  assert.ok(checked > 150);
});
