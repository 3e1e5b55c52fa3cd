// `trollmap report` end to end: actions and a run in a real SQLite file; the report shows stored texts, escaped.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { emptyLists, type Action } from '../src/core/model.ts';
import { openSqliteStore } from '../src/store/sqlite/index.ts';
import { HOSTILE, reportRun } from './fixtures/report-run.ts';
import { trollmap as run } from './support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'trollmap-report-cli-'));
const db = join(dir, 't.db');
after(() => rmSync(dir, { recursive: true, force: true }));

const trollmap = (args: string[]) => run(args, { cwd: dir });

before(async () => {
  const t = Date.UTC(2024, 2, 5, 10, 0);
  const action = (id: string, account: string, time: number, text: string): Action => ({
    platform: 'tw', id, account, kind: 'comment', time, precision: 's', text, ...emptyLists(),
    raw: { url: `https://example.com/p/${id}` },
  });
  const store = await openSqliteStore(db);
  const s = await store.beginImport();
  await s.putAccounts([{ platform: 'tw', id: 'trent', handle: 'trent_1984' }]);
  await s.putActions([action('10', 'mallory<i>', t, HOSTILE), action('11', 'trent', t + 5000, HOSTILE)]);
  await s.commit({
    source: 'x', format: 'generic', sha256: 'x', rowsRead: 2, actionsAdded: 2, actionsDuplicate: 0, accountsAdded: 1,
    badRows: 0, issues: [], importedAt: 0,
  });
  await store.saveRun(reportRun());
  await store.close();
});

test('report --out writes the file atomically with the stored evidence, escaped, and says what it wrote', () => {
  const out = join(dir, 'r.html');
  const r = trollmap(['report', '--db', db, '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /wrote .*r\.html \(2 networks, \d+ KiB\)/);
  const html = readFileSync(out, 'utf8');
  assert.ok(html.includes('&lt;script&gt;window.__pwned = 1&lt;/script&gt;') && !html.includes(HOSTILE));
  assert.ok(html.includes('href="https://example.com/p/10"'), 'permalink from the raw url column');
  assert.ok(html.includes('@trent_1984'), 'handle from the store');
  assert.match(html, /2024-03-05 10:00:05Z/);
  assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
});

test('report into a missing folder is a user error and leaves no file', () => {
  const out = join(dir, 'no-such-dir', 'r.html');
  const r = trollmap(['report', '--db', db, '--out', out]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /cannot write .*r\.html/);
  assert.ok(!existsSync(out));
});

test('report on an unknown run id is a user error', () => {
  const r = trollmap(['report', '--db', db, '--run', '404']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /no detection run #404/);
});
