// Repetition, on the bundled real IRA day (examples/ira-2015-08-20.csv): one copied tweet that carries two links is
// two keys but one occasion, and must not link two accounts by itself; every stored edge shows at least two
// different actions of each of its accounts. The rule is the kernel's, whatever the null: this test runs co-link
// with the configuration null, which keeps edges on this all-troll day (the default co-membership null finds the
// day's links too crowded to tell anything, see the second test).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { RunEdge } from '../src/core/run.ts';
import { trollmap as run } from './support/cli.ts';

const sample = fileURLToPath(new URL('../examples/ira-2015-08-20.csv', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'trollmap-repetition-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const trollmap = (args: string[]) => run([...args, '--db', join(dir, 'ira.db')], { cwd: dir });

test('co-link edges need two occasions on each side, not two links of one copied tweet', () => {
  assert.equal(trollmap(['import', sample, '--quiet']).code, 0);
  assert.equal(trollmap(['detect', '--layers', 'co-link', '--null', 'co-link=configuration', '--quiet']).code, 0);
  // AbalakovaYlia posted the Zakharchenko tweet (two t.co links) once that day, as did dozens of other accounts.
  const lone = JSON.parse(trollmap(['account', 'twitter:AbalakovaYlia', '--json']).stdout) as { edges: RunEdge[] };
  assert.deepEqual(lone.edges, []);
  const networks = JSON.parse(trollmap(['networks', '--json']).stdout) as { networks: { members: string[] }[] };
  assert.ok(networks.networks.length > 0, 'accounts that met on two different posts are still linked');
  for (const member of networks.networks.flatMap((n) => n.members)) {
    const { edges } = JSON.parse(trollmap(['account', member, '--json']).stdout) as { edges: RunEdge[] };
    for (const e of edges) {
      const actionsOf = (side: 'actionA' | 'actionB') => new Set(e.evidence.map((ev) => ev[side])).size;
      assert.ok(actionsOf('actionA') >= 2 && actionsOf('actionB') >= 2, `${e.a}–${e.b} rests on one occasion`);
    }
  }
});

test('--null is stored with the run; by default co-link uses the co-membership null', () => {
  const tests = () => {
    const { run } = JSON.parse(trollmap(['networks', '--json']).stdout) as { run: { params: { nulls?: object; tests: { layer: string; null: string }[] } } };
    return { nulls: run.params.nulls, tests: run.params.tests.map((t) => `${t.layer}=${t.null}`) };
  };
  assert.deepEqual(tests(), { nulls: { 'co-link': 'configuration' }, tests: ['co-link=configuration'] });
  assert.equal(trollmap(['detect', '--layers', 'co-link,co-target', '--quiet']).code, 0);
  assert.deepEqual(tests(), { nulls: undefined, tests: ['co-link=membership', 'co-target=membership'] });
  const bad = trollmap(['detect', '--null', 'co-link=shuffle']);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /--null \(co-link=shuffle\): expected layer=model/);
});
