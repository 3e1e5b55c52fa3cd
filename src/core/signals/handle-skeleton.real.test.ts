// Real-data case: the screen names of 454 IRA troll accounts published by NBC News
// (../shared/data/nbc-ira-users/users.csv; provenance in ../shared/data/README.md). The expected counts were
// computed independently with a Python re-implementation of the skeleton rule (str.isalpha for letters,
// Unicode category Nd for digits) over the 394 distinct ids (the file has 454 rows; a repeated id keeps its last
// screen name): families L 297, L_L 41, LDL 8, LDDDD 7, LDDD 5, LD 5, LDD 4 …; 25 accounts in digit-bearing
// families of ≥ 5.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import type { Account } from '../model.ts';
import { HandleFamilies, isTemplated } from './handle-skeleton.ts';

const file = fileURLToPath(new URL('../../../../shared/data/nbc-ira-users/users.csv', import.meta.url));
const exists = existsSync(file);

test('IRA screen names: skeleton families and templated accounts', { skip: exists ? false : 'needs ../shared/data/nbc-ira-users (absent)' }, () => {
  const rows = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data;
  assert.equal(rows.length, 454);
  const accounts: Account[] = rows.map((r) => ({ platform: 'twitter', id: r.id!, handle: r.screen_name! }));
  const families = new HandleFamilies(accounts).all();
  const sizes = new Map<string, number>();
  for (const f of families.values()) sizes.set(f.skeleton, f.family);
  assert.equal(families.size, 394);
  assert.equal(sizes.get('L'), 297);
  assert.equal(sizes.get('L_L'), 41);
  assert.equal(sizes.get('LDL'), 8);
  assert.equal(sizes.get('LDDDD'), 7);
  assert.equal(sizes.get('LDDD'), 5);
  assert.equal(sizes.get('LDD'), 4);
  const templated = [...families.values()].filter((f) => isTemplated(f.skeleton, f.family, 5)).length;
  assert.equal(templated, 25);
});
