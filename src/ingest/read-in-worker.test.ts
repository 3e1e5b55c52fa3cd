// The worker-thread read against the in-thread read: the same rows stored, the same reports, the same one-line
// errors with nothing written, Ctrl-C stops it; and the store's empty-table bulk path keeps its indexes.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { isUserError } from '../core/errors.ts';
import type { Action } from '../core/model.ts';
import { openSqliteStore } from '../store/sqlite/index.ts';
import type { Store } from '../store/store.ts';
import { BatchSink } from './batch-sink.ts';
import { importFile, type ImportOptions } from './import-file.ts';
import type { FileReport } from './report.ts';

const dir = mkdtempSync(join(tmpdir(), 'trollmap-worker-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let seq = 0;
const fresh = (): { path: string; open: () => Promise<Store> } => {
  const path = join(dir, `db${++seq}.sqlite`);
  return { path, open: () => openSqliteStore(path) };
};
const opts = (extra: Partial<ImportOptions> = {}): ImportOptions => ({ map: {}, now: () => 1_700_000_000_000, clock: () => 0, ...extra });
const fx = (p: string): string => fileURLToPath(new URL(`../../test/fixtures/formats/${p}`, import.meta.url));
const coord = fileURLToPath(new URL('../../../shared/data/coortweet/russian_coord_tweets.csv.gz', import.meta.url));

function write(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

// 3,000 rows with an extra column (raw), repeated ids, and two rows whose time is not a date.
const mixed = (): string => {
  const lines = ['id,platform,account,time,text,views'];
  for (let i = 0; i < 3000; i++) {
    const time = i === 7 || i === 2500 ? 'never' : new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString();
    lines.push(`m${i % 2900},vk,acc${i % 11},${time},"текст ${i}, ""quoted""",${i % 3 === 0 ? '' : i}`);
  }
  return write('mixed.csv', lines.join('\n') + '\n');
};

function dump(path: string): unknown {
  const db = new Database(path, { readonly: true });
  try {
    return {
      actions: db.prepare('SELECT * FROM actions ORDER BY seq').raw().all(),
      accounts: db.prepare('SELECT * FROM accounts ORDER BY platform, id').raw().all(),
      indexes: db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'actions' ORDER BY name").raw().all(),
    };
  } finally {
    db.close();
  }
}

async function importBoth(files: [string, string][], extra: Partial<ImportOptions> = {}): Promise<{ reports: FileReport[][]; dumps: unknown[] }> {
  const reports: FileReport[][] = [];
  const dumps: unknown[] = [];
  for (const worker of [false, true]) {
    const db = fresh();
    const store = await db.open();
    const out: FileReport[] = [];
    for (const [path, name] of files) out.push(await importFile(store, path, name, opts({ ...extra, worker })));
    await store.close();
    reports.push(out);
    dumps.push(dump(db.path));
  }
  return { reports, dumps };
}

test('worker read: the same stored rows and reports as the in-thread read', async () => {
  const files: [string, string][] = [[mixed(), 'mixed.csv'], [fx('ira/ira_russian_language.head20.csv'), 'ira.csv'], [fx('twitter-io/tweets.csv'), 'tweets.csv']];
  const { reports, dumps } = await importBoth(files);
  assert.deepEqual(reports[1], reports[0]);
  assert.deepEqual(dumps[1], dumps[0]);
  const r = reports[0]![0]!;
  // 3,000 rows, 2 without a date (m7 at row 7, m2500). Rows 2900…2999 repeat m0…m99, but m7's first row was
  // bad, so row 2907 adds it: 2,900 ids − m2500 = 2,899 added, 100 − 1 = 99 repeats.
  assert.deepEqual([r.rows, r.badRows, r.actionsAdded, r.duplicates], [3000, 2, 2899, 99]);
  assert.equal((dumps[0] as { indexes: unknown[] }).indexes.length, 2, 'key and time indexes exist after a bulk import');
});

test('worker read: real CooRTweet file stores the same rows', { skip: existsSync(coord) ? false : 'needs ../shared/data/coortweet (absent)' }, async () => {
  const { reports, dumps } = await importBoth([[coord, 'coord.csv.gz']]);
  assert.deepEqual(reports[1], reports[0]);
  assert.deepEqual(dumps[1], dumps[0]);
});

test('worker read: errors are the same one-line user errors and nothing is written', async () => {
  const good = Array.from({ length: 12_000 }, (_, i) => `y${i},vk,acc${i % 5},2024-01-01T00:00:00Z,t`).join('\n');
  const cases: [string, string, RegExp][] = [
    ['cut.csv', `id,platform,account,time,text\n${good}\ny-last,vk,acc1,2024-01-01T00:00:00Z,"never closed\n`, /^cut\.csv:12002: a quoted field opened on this line never closes/],
    ['empty.csv', '', /^empty\.csv: the file is empty; expected a header row or JSON$/],
    ['weird.csv', 'foo,bar\n1,2\n', /^weird\.csv: not a format trollmap knows \(columns: foo, bar\)/],
    ['cut.json', '[{"account": "a", "time": 1700000000}, {"account": "b", "ti', /^cut\.json: the JSON ends early/],
    ['bad.csv', 'id,account,time\n1,a,x\n2,a,y\n', /^bad\.csv: 2 bad rows of 2, more than --max-bad-rows 1/],
  ];
  const db = fresh();
  const store = await db.open();
  for (const [name, text, re] of cases) {
    await assert.rejects(importFile(store, write(name, text), name, opts({ worker: true })), (e: unknown) => {
      assert.ok(isUserError(e), `${name}: ${(e as Error).stack}`);
      assert.match((e as Error).message, re, name);
      return true;
    });
  }
  assert.deepEqual([(await store.stats()).actions, (await store.listBatches()).length], [0, 0]);
  await store.close();
  assert.equal((dump(db.path) as { indexes: unknown[] }).indexes.length, 2, 'a rolled-back bulk import leaves the indexes');
});

test('worker read: Ctrl-C stops the worker, exit code 130, nothing written', async () => {
  const db = fresh();
  const store = await db.open();
  const controller = new AbortController();
  const rows = Array.from({ length: 60_000 }, (_, i) => `z${i},vk,acc${i % 5},2024-01-01T00:00:00Z,some text ${i}`).join('\n');
  const path = write('big.csv', `id,platform,account,time,text\n${rows}\n`);
  const p = importFile(store, path, 'big.csv', opts({ worker: true, signal: controller.signal, onProgress: () => controller.abort() }));
  await assert.rejects(p, (e: unknown) => isUserError(e) && e.exitCode === 130 && /interrupted while importing big\.csv/.test(e.message));
  assert.deepEqual([(await store.stats()).actions, (await store.listBatches()).length], [0, 0]);
  await store.close();
});

test('batch sink: past its id memory it stops deduping and the store dedupes on its index', async () => {
  const db = fresh();
  const store = await db.open();
  const session = await store.beginImport();
  let added = 0;
  const sink = new BatchSink({ putAccounts: (a) => session.putAccounts(a), putActionBlock: async (b) => (added += await session.putActionBlock(b)) }, 'f', { maxKeys: 3 });
  const a = (id: string): Action => ({ platform: 'vk', id, account: 'u', kind: 'post', time: 0, precision: 's', urls: [], hashtags: [], mentions: [], media: [] });
  for (const id of ['1', '2', '1', '3', '4', '2', '5', '5', '1']) sink.action(a(id));
  await sink.flush();
  await session.commit({ source: 'f', format: 'x', sha256: 's', rowsRead: 9, actionsAdded: added, actionsDuplicate: 0, accountsAdded: 0, badRows: 0, issues: [], importedAt: 0 });
  assert.equal(added, 5);
  assert.equal((await store.stats()).actions, 5);
  await store.close();
  assert.equal((dump(db.path) as { indexes: unknown[] }).indexes.length, 2);
});
