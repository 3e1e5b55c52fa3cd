import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { trollmap } from '../../../test/support/cli.ts';
import { smallWorld } from '../../../test/support/small-world.ts';
import { sqliteWith } from '../../../test/support/sqlite-with.ts';

const dir = mkdtempSync(join(tmpdir(), 'trollmap-detect-threads-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const db = await sqliteWith(join(dir, 'threads.db'), smallWorld());

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

test('detect --layers co-text,co-link,co-hashtag --threads 2 (no co-target: a worker that may take co-link and co-hashtag) prints byte-identical output to --threads 1', () => {
  const layers = ['--layers', 'co-text,co-link,co-hashtag'];
  const one = detectJson(['--threads', '1', ...layers]);
  assert.match(one, /"layer": "co-link"/, 'a layer the worker may take has edges');
  assert.equal(detectJson(['--threads', '2', ...layers]), one);
});

test('detect --threads 3 is a user error', () => {
  const r = trollmap(['detect', '--db', db, '--threads', '3']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /--threads \(3\): expected 1, 2 or auto/);
});
