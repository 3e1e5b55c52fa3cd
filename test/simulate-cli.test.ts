// The whole `trollmap simulate` command, run as a user would.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/trollmap.js', import.meta.url));
const root = await mkdtemp(join(tmpdir(), 'trollmap-sim-cli-'));
after(() => rm(root, { recursive: true, force: true }));

function cli(...args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
}

test('simulate writes the small scenario and says what it wrote', () => {
  const out = join(root, 'sim');
  const r = cli('simulate', '--out', out, '--accounts', '400', '--days', '5', '--photos', join(root, 'no-photos'));
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /simulated [\d,]+ actions by 400 accounts \(40 troll accounts in 3 factories\)/);
  assert.match(r.stdout, /no-photos is absent: accounts have no photos/);
  return readdir(out).then((files) => assert.deepEqual(files.sort(), ['accounts.csv', 'actions.csv', 'scenario.md', 'truth.csv']));
});

test('bad flags exit 1 with a one-line reason and write nothing', () => {
  for (const [args, reason] of [
    [['--format', 'xml'], /--format \(xml\): expected one of csv, jsonl, twitter-io, telegram/],
    [['--accounts', '50'], /--accounts \(50\): expected ≥ 200/],
    [['--accounts', '300', '--factories', '9'], /--factories \(9\): at most 3 for 300 accounts/],
    [['--seed', 'abc'], /--seed \(abc\): expected a whole number/],
  ] as const) {
    const out = join(root, `bad-${args[0]}`);
    const r = cli('simulate', '--out', out, ...args);
    assert.equal(r.status, 1, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, reason);
    assert.equal(existsSync(out), false);
  }
});
