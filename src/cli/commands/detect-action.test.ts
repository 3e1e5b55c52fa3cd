import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Action } from '../../core/model.ts';
import { action, batch } from '../../store/store.contract.ts';
import { openSqliteStore } from '../../store/sqlite/index.ts';
import { trollmap } from '../../../test/support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'trollmap-detect-threads-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// Three accounts comment under the same six posts within a minute with the same text and link, and share the same
// post; forty others comment now and then. co-target (worker), co-share, co-text and co-link (this
// thread) all have something to find, so both threads contribute edges.
const LINES = [
  'The mayor has stolen the money for the new bridge again',
  'Only our candidate keeps every promise made to the villages',
  'Prices for bread went up twice this month and nobody cares',
  'Vote on Sunday, the future of the whole region depends on it',
  'Foreign agents are paying the opposition to organise protests',
  'The road to the airport finally opened thanks to the governor',
  'Happy holidays to everyone in our beautiful town, stay well',
  'Does anybody know when the next bus to the city centre leaves',
];
function world(): Action[] {
  const out: Action[] = [];
  for (let post = 0; post < 6; post++) {
    for (const [i, who] of ['t1', 't2', 't3'].entries()) {
      out.push(action(`t${post}-${who}`, who, post * 90 + i, { target: `p${post}`, text: LINES[post]!, urls: [`https://news.example/${post}`] }));
      out.push(action(`s${post}-${who}`, who, post * 90 + 30 + i, { kind: 'share', shared: `x${post}` }));
    }
  }
  for (let o = 0; o < 40; o++) {
    for (let k = 0; k < 3; k++) {
      out.push(action(`o${o}-${k}`, `o${o}`, ((o * 7 + k * 13) % 60) * 9, { target: `r${(o * 3 + k) % 30}`, text: LINES[6 + ((o + k) % 2)]! }));
    }
  }
  return out;
}

const db = join(dir, 'threads.db');
const store = await openSqliteStore(db);
const session = await store.beginImport();
await session.putActions(world());
await session.commit(batch('threads'));
await store.close();

/** `detect --json` output without the run id (each run is stored, so ids count up). */
function detectJson(flags: string[]): string {
  const r = trollmap(['detect', '--db', db, '--json', '--quiet', ...flags]);
  assert.equal(r.code, 0, r.stderr);
  return r.stdout.replace(/"runId": \d+,/, '');
}

for (const layers of [[], ['--layers', 'co-target,co-text,co-link']]) {
  test(`detect ${layers.join(' ')}: --threads 2 (co-target in a worker) prints byte-identical output to --threads 1`, () => {
    const one = detectJson(['--threads', '1', ...layers]);
    const two = detectJson(['--threads', '2', ...layers]);
    assert.match(one, /"layer": "co-target"/, 'the worker’s layer has edges');
    assert.match(one, /"layer": "co-text"/, 'this thread’s layer has edges');
    assert.equal(two, one);
    assert.equal(detectJson([...layers]), one, 'auto (one thread on a tiny database)');
  });
}

test('detect --threads 3 is a user error', () => {
  const r = trollmap(['detect', '--db', db, '--threads', '3']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /--threads \(3\): expected 1, 2 or auto/);
});
