// Whole-CLI behaviour: help, exit codes and one-line errors, run as a user would run it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { trollmap as run } from './support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'trollmap-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const trollmap = (args: string[]) => run(args, { cwd: dir });

test('--help lists the commands and exits 0', () => {
  const r = trollmap(['--help']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /Usage: trollmap/);
  assert.match(r.stdout, /stats/);
});

test('an unknown command is a user error: exit 1, no stack trace', () => {
  const r = trollmap(['frobnicate']);
  assert.equal(r.code, 1);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
});

test('stats on a missing database says what to do, exit 1', () => {
  const r = trollmap(['stats', '--db', join(dir, 'none.db')]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /no database at .*none\.db: import data first/);
  assert.equal(r.stderr.trim().split('\n').length, 1, 'one line');
});

test('a bad flag value names the flag and what was expected', () => {
  const r = trollmap(['stats', '--top', 'lots']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /--top \(lots\): expected a whole number/);
});
