// The simulator's output goes through the ordinary importers: `trollmap simulate` then `trollmap import DIR`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/trollmap.js', import.meta.url));
const root = await mkdtemp(join(tmpdir(), 'trollmap-sim-import-'));
after(() => rm(root, { recursive: true, force: true }));

function cli(...args: string[]): string {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  assert.equal(r.status, 0, `trollmap ${args.join(' ')}\n${r.stderr}`);
  return r.stdout;
}

for (const format of ['csv', 'jsonl', 'twitter-io', 'telegram'] as const) {
  test(`${format}: every simulated action and every account of the truth is imported`, async () => {
    const out = join(root, format);
    const db = join(root, `${format}.db`);
    const said = cli('simulate', '--out', out, '--accounts', '300', '--days', '3', '--format', format, '--photos', join(root, 'none'));
    const written = Number((/simulated ([\d,]+) actions/.exec(said)?.[1] ?? '').replace(/,/g, ''));
    cli('import', out, '--db', db, '--quiet');
    const stats = JSON.parse(cli('stats', '--db', db, '--json')) as { accounts: number; actions: number };
    const truthRows = (await readFile(join(out, 'truth.csv'), 'utf8')).trim().split('\n').length - 1;
    if (format === 'telegram') {
      // Each channel post also appears as its automatic copy in the discussion group.
      assert.ok(stats.actions > written && stats.actions < written * 1.2, `${stats.actions} imported of ${written}`);
    } else {
      assert.equal(stats.actions, written);
    }
    assert.equal(stats.accounts, truthRows);
  });
}
