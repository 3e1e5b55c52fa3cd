// `trollmap eval` end to end: a real SQLite file holding a hand-made run, a truth CSV, the JSON the demo reads.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { AccountFinding, DetectionRun } from '../src/core/run.ts';
import { openSqliteStore } from '../src/store/sqlite/index.ts';
import { trollmap as run } from './support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'trollmap-eval-'));
const db = join(dir, 't.db');
after(() => rmSync(dir, { recursive: true, force: true }));

const trollmap = (args: string[]) => run(args, { cwd: dir });

function finding(account: string, score: number, network: number): AccountFinding {
  const signals = {
    actions: 1, hourOfWeek: new Array<number>(168).fill(0), nightShare: 0, officeHoursShare: 0, activeDays: 1,
    actionsPerDay: 1, emptyBio: false, ownPosts: 0, templatedHandle: false,
  };
  return { account, score, network, layers: {}, partners: [], signals, reasons: [] };
}

before(async () => {
  const run: DetectionRun = {
    version: 'test', createdAt: 0, inputHash: 'h', actionsRead: 4, warnings: [], cappedKeys: [],
    params: { layers: ['co-text'], window: 60_000, minParticipation: 2, method: 'significance', seed: 1 },
    accounts: [finding('tw:t1', 0.9, 0), finding('tw:t2', 0.8, 0), finding('tw:o1', 0.6, -1)],
    networks: [],
    edges: [{ a: 'tw:t1', b: 'tw:t2', layer: 'co-text', pairs: 1, keys: 1, weight: 1, evidence: [] }],
  };
  const store = await openSqliteStore(db);
  await store.saveRun(run);
  await store.close();
  writeFileSync(
    join(dir, 'truth.csv'),
    'platform,account,label,factory,operator,client,role\ntw,t1,troll,A,op1,c1,defence\ntw,t2,troll,A,op1,c1,attack\n' +
      'tw,o1,organic,,,,\ntw,o2,organic,,,,\n',
  );
  writeFileSync(join(dir, 'bad.csv'), 'platform,account,label\ntw,t1,troll\n"tw","t2",maybe\n');
});

test('eval --json: account precision/recall/F1 at the top level and under accounts; unscored truth counts as 0', () => {
  // At 0.5: t1, t2, o1 flagged → precision 2/3, recall 1, F1 0.8.
  const r = trollmap(['eval', '--db', db, '--truth', join(dir, 'truth.csv'), '--json']);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.ok(Math.abs(out.precision - 2 / 3) < 1e-12);
  assert.equal(out.recall, 1);
  assert.ok(Math.abs(out.f1 - 0.8) < 1e-12);
  assert.equal(out.accounts.precision, out.precision);
  assert.equal(out.prAuc, 1);
  assert.equal(out.coverage.truthNotInRun, 1);
  assert.equal(typeof out.networks.ari, 'number');
  assert.equal(out.layers.at(-1).layer, 'all');
});

test('eval --threshold 0.7 drops the organic account; text output names the numbers', () => {
  const r = trollmap(['eval', '--db', db, '--truth', join(dir, 'truth.csv'), '--threshold', '0.7']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /precision 1\.000 {2}recall 1\.000 {2}F1 1\.000/);
});

test('a bad truth row is a user error naming file:line and what was expected', () => {
  const r = trollmap(['eval', '--db', db, '--truth', join(dir, 'bad.csv')]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /label is "maybe": expected organic or troll → at .*bad\.csv:3/);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
});

test('a bad --threshold and a missing run are user errors', () => {
  assert.match(trollmap(['eval', '--db', db, '--truth', join(dir, 'truth.csv'), '--threshold', '2']).stderr, /--threshold \(2\): expected a score between 0 and 1/);
  const r = trollmap(['eval', '--db', db, '--truth', join(dir, 'truth.csv'), '--run', '99']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /no detection run #99/);
});
