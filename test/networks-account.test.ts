// `trollmap networks` and `trollmap account` on a real SQLite file holding a detection run built in the test:
// actions imported through an import session, edges written by hand, findings from buildFindings, saveRun.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { buildFindings } from '../src/core/findings/build-findings.ts';
import type { Action } from '../src/core/model.ts';
import type { DetectionRun, RunEdge } from '../src/core/run.ts';
import { openSqliteStore } from '../src/store/sqlite/index.ts';
import { act } from './support/columns-of.ts';
import { trollmap as run } from './support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'trollmap-findings-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, 'run.db');
const empty = join(dir, 'no-run.db');

const trollmap = (args: string[]) => run(args, { cwd: dir });

const HEADLINE = 'Захарченко: ОБСЕ игнорирует гибель мирных жителей';
const t0 = Date.UTC(2024, 0, 1, 10); // a Monday
const actions: Action[] = [
  act('1', 'a', t0, { kind: 'share', shared: 'p9', text: HEADLINE }),
  act('2', 'b', t0 + 12_000, { kind: 'share', shared: 'p9', text: HEADLINE }),
  act('3', 'c', t0 + 65_000, { kind: 'share', shared: 'p9', text: HEADLINE }),
  act('4', 'z', t0 + 3_600_000, { text: 'просто комментарий, ничего общего' }),
];
const evidence = (a: string, b: string, dt: number) => [{ layer: 'co-share', key: 'vk:p9', actionA: a, actionB: b, dt }];
const edges: RunEdge[] = [
  { a: 'vk:a', b: 'vk:b', layer: 'co-share', pairs: 4, keys: 3, weight: 4, p: 1e-8, evidence: evidence('vk:1', 'vk:2', 12_000) },
  { a: 'vk:a', b: 'vk:c', layer: 'co-share', pairs: 3, keys: 3, weight: 3, p: 1e-6, evidence: evidence('vk:1', 'vk:3', 65_000) },
  { a: 'vk:b', b: 'vk:c', layer: 'co-share', pairs: 3, keys: 2, weight: 3, p: 1e-6, evidence: evidence('vk:2', 'vk:3', 53_000) },
];

before(async () => {
  const store = await openSqliteStore(db);
  const session = await store.beginImport();
  await session.putActions(actions);
  await session.commit({
    source: 'test', format: 'test', sha256: 'x', rowsRead: 4, actionsAdded: 4, actionsDuplicate: 0, accountsAdded: 4, badRows: 0, issues: [], importedAt: t0,
  });
  const columns = await store.readActionColumns();
  const params: DetectionRun['params'] = { layers: ['co-share'], window: 60_000, minParticipation: 2, method: 'significance', seed: 1 };
  const findings = buildFindings(columns, [], edges, { seed: 1 });
  await store.saveRun({ version: '0.1.0', createdAt: t0, params, inputHash: 'h', actionsRead: 4, warnings: [], cappedKeys: [], edges, ...findings });
  await store.close();
  await (await openSqliteStore(empty)).close();
});

test('networks: the one network with its size, layer, span and shared text', () => {
  const r = trollmap(['networks', '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^run 1 \(2024-01-01 10:00Z, trollmap 0\.1\.0, seed 1\): 1 network, 3 accounts with coordination evidence/);
  assert.match(r.stdout, /#1 {2}score \d\.\d\d {2}3 accounts {2}layers: co-share 10 {2}2024-01-01 … 2024-01-01 \(1 active day\)/);
  assert.match(r.stdout, new RegExp(`text +3 actions, 3 accounts: ${HEADLINE}`));
  assert.doesNotMatch(r.stdout, /vk:z/);
});

test('networks --json: run metadata and the stored networks', () => {
  const r = trollmap(['networks', '--db', db, '--json']);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { run: { id: number; params: { seed: number } }; networks: { members: string[] }[] };
  assert.equal(out.run.id, 1);
  assert.equal(out.run.params.seed, 1);
  assert.deepEqual(out.networks.map((n) => n.members), [['vk:a', 'vk:b', 'vk:c']]);
});

test('account: the explanation names the partner, the layer, the action pair and its gap', () => {
  const r = trollmap(['account', 'vk:a', '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  assert.match(lines[0]!, /^vk:a — score \d\.\d\d \(flagged: ≥ 0\.50\), network 1$/);
  assert.ok(lines.includes('  with vk:b in co-share: 4 pairs on 3 shared keys, p = 1.0e-8'), r.stdout);
  assert.ok(lines.includes('    vk:1 ↔ vk:2  Δt 12s  on vk:p9'), r.stdout);
  assert.ok(lines.includes('    vk:1 ↔ vk:3  Δt 1m 05s  on vk:p9'), r.stdout);
});

test('account --json: the stored finding plus its edges', () => {
  const r = trollmap(['account', 'vk:c', '--db', db, '--json']);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { account: string; network: number; partners: unknown[]; edges: RunEdge[] };
  assert.equal(out.account, 'vk:c');
  assert.equal(out.network, 1);
  assert.equal(out.partners.length, 2);
  assert.deepEqual(out.edges.map((e) => [e.a, e.b, e.evidence[0]?.dt]), [['vk:a', 'vk:c', 65_000], ['vk:b', 'vk:c', 53_000]]);
});

test('account: a stored account without evidence scores 0 (exit 0); an unknown one is a one-line user error', () => {
  const z = trollmap(['account', 'vk:z', '--db', db]);
  assert.equal(z.code, 0, z.stderr);
  assert.match(z.stdout, /^vk:z — score 0\.00: no coordination evidence in run 1/);
  const nobody = trollmap(['account', 'vk:nobody', '--db', db]);
  assert.equal(nobody.code, 1);
  assert.match(nobody.stderr, /unknown account vk:nobody/);
  assert.equal(nobody.stderr.trim().split('\n').length, 1);
  const bad = trollmap(['account', 'nocolon', '--db', db]);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /account \(nocolon\): expected platform:id/);
});

test('no run yet, or an unknown run id: a user error that says what to do', () => {
  for (const cmd of [['networks'], ['account', 'vk:a']]) {
    const r = trollmap([...cmd, '--db', empty]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /no detection run in .*no-run\.db yet: run `trollmap detect` first/);
    assert.equal(r.stderr.trim().split('\n').length, 1);
  }
  const r = trollmap(['networks', '--db', db, '--run', '99']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /no detection run 99/);
});
