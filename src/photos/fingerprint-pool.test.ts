import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { toHex } from '../core/photo/hash256.ts';
import { fingerprintFiles } from './fingerprint-files.ts';
import { fingerprintFilesParallel } from './fingerprint-pool.ts';

const DIR = fileURLToPath(new URL('../../../shared/data/photos/congress/100x125/', import.meta.url));
const have = existsSync(DIR);

test('worker threads give the same fingerprints, order and issues as one thread', { skip: have ? false : 'needs ../shared/data/photos/congress (absent)' }, async () => {
  const files = readdirSync(DIR).sort().slice(0, 70).map((f) => DIR + f);
  files.splice(40, 0, '/nonexistent/a.jpg', fileURLToPath(import.meta.url));
  const one = await fingerprintFiles(files);
  let progress = 0;
  const many = await fingerprintFilesParallel(files, { workers: 2, batch: 16, onProgress: (done) => (progress = done) });
  assert.equal(progress, files.length);
  assert.deepEqual(many.issues, one.issues);
  assert.equal(many.issues.length, 2);
  const key = (r: typeof one): string[] => r.fingerprints.map((f) => `${f.file} ${toHex(f.fingerprint.dihedral[0]!)} ${f.fingerprint.ladder.length}`);
  assert.deepEqual(key(many), key(one));
});
