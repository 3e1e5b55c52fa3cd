// `trollmap import` as a user runs it: reports, exit codes, one-line errors, re-import, the VK mapping.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { trollmap as run } from './support/cli.ts';

const fx = (p: string): string => fileURLToPath(new URL(`fixtures/formats/${p}`, import.meta.url));
const vkFile = fileURLToPath(new URL('../../shared/data/vk-comments/MKWM2022/BFM.csv.gz', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'trollmap-import-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const trollmap = (args: string[]) => run(args, { cwd: dir });

function actions(db: string): number {
  const r = trollmap(['stats', '--json', '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  return (JSON.parse(r.stdout) as { actions: number }).actions;
}

test('import prints what was imported per file and a total; a second run is a no-op', () => {
  const db = join(dir, 'a.db');
  const r = trollmap(['import', fx('twitter-io/tweets.csv'), fx('youtube/commentThreads.json'), '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /tweets\.csv \[twitter-io\]: 4 rows, 4 actions added, 0 duplicates, 2 new accounts, 0 bad rows/);
  assert.match(r.stdout, /commentThreads\.json \[youtube\]: 2 rows, 3 actions added, 0 duplicates, 2 new accounts, 0 bad rows/);
  assert.match(r.stdout, /^total: 2 file\(s\) imported, 6 rows, 7 actions added, 0 duplicates, 4 new accounts, 0 bad rows/m);
  assert.equal(r.stderr, '', 'no progress bar when stderr is not a terminal');
  assert.equal(actions(db), 7);
  const again = trollmap(['import', fx('twitter-io/tweets.csv'), '--db', db]);
  assert.equal(again.code, 0);
  assert.match(again.stdout, /already imported \(same sha256/);
  assert.equal(actions(db), 7);
});

test('--quiet prints nothing on success', () => {
  const r = trollmap(['import', fx('4cat/items.ndjson'), '--quiet', '--db', join(dir, 'q.db')]);
  assert.deepEqual([r.code, r.stdout, r.stderr], [0, '', '']);
});

test('bad flags and bad files are user errors: exit 1, one line, no stack trace', () => {
  const db = join(dir, 'b.db');
  const cases: [string[], RegExp][] = [
    [['import', fx('generic/actions.csv'), '--map', 'colour=x'], /^trollmap: --map \(colour=x\): unknown field "colour"; expected one of id, platform, account/],
    [['import', fx('generic/actions.csv'), '--map', 'account'], /^trollmap: --map \(account\): expected field=column/],
    [['import', fx('generic/actions.csv'), '--map', 'account=nope'], /^trollmap: --map account=nope: .*actions\.csv has no column "nope"; its columns are id, platform/],
    [['import', fx('generic/actions.csv'), '--format', 'myspace'], /^trollmap: --format \(myspace\): unknown format; expected one of twitter-io, ira/],
    [['import', fx('generic/actions.csv'), '--platform', 'Bad Name'], /^trollmap: --platform \(Bad Name\): expected a lower-case name/],
    [['import', fx('generic/actions.csv'), '--max-bad-rows', 'many'], /^trollmap: --max-bad-rows \(many\): expected a whole number/],
    [['import', join(dir, 'missing.csv')], /^trollmap: .*missing\.csv: no such file or folder\n$/],
    [['import', fx('ira/ira-original-header.csv'), '--format', 'ira', '--map', 'account=author'], /^trollmap: --map applies to the generic format only; --format ira has fixed columns/],
    [['import', fx('youtube/commentThreads.json'), '--format', 'ira'], /^trollmap: .*commentThreads\.json: --format ira reads csv, but this file looks like json\n$/],
  ];
  for (const [args, re] of cases) {
    const r = trollmap([...args, '--db', db]);
    assert.equal(r.code, 1, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, re);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  }
});

test('too many bad rows fail the file with grouped issues; --max-bad-rows lets them through', () => {
  const db = join(dir, 'c.db');
  const lines = ['account,time,text'];
  for (let i = 0; i < 50; i++) lines.push(`u${i % 4},${i % 10 === 3 ? '31/02/2019' : `2024-01-01T00:${String(i).padStart(2, '0')}:00Z`},hello ${i}`);
  const file = join(dir, 'comments.csv');
  writeFileSync(file, lines.join('\n') + '\n');
  const r = trollmap(['import', file, '--platform', 'vk', '--db', db]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /comments\.csv: 5 bad rows of 50, more than --max-bad-rows 1 \(the default, 1% of rows\); nothing was imported/);
  assert.match(r.stderr, /✖ time is not a date \("31\/02\/2019"\); expected ISO-8601 .* → at .*comments\.csv:5 \(and 4 more\)/);
  const ok = trollmap(['import', file, '--platform', 'vk', '--max-bad-rows', '5', '--db', db]);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /\[generic\]: 50 rows, 45 actions added, 0 duplicates, 4 new accounts, 5 bad rows/);
  assert.match(ok.stdout, /✖ time is not a date/);
  assert.equal(actions(db), 45);
});

test('--help documents the formats and mapping fields', () => {
  const r = trollmap(['import', '--help']);
  assert.equal(r.code, 0);
  for (const name of ['twitter-io', 'ira', 'coortweet', 'telegram', 'crowdtangle', 'meta-content-library', '4cat', 'youtube', 'generic']) {
    assert.match(r.stdout, new RegExp(`^  ${name} `, 'm'), name);
  }
  assert.match(r.stdout, /--max-bad-rows/);
  assert.match(r.stdout, /id, platform, account, handle, name, time, kind, target, shared, text, url, hashtag/);
});

test('VK comments import with --platform vk and the generic mapping (real data)', { skip: existsSync(vkFile) ? false : 'needs ../shared/data/vk-comments (absent)' }, () => {
  const db = join(dir, 'vk.db');
  const r = trollmap(['import', vkFile, '--platform', 'vk', '--map', 'account=user_id_hashed', '--map', 'time=datetime', '--map', 'target=media', '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  // BFM.csv.gz has 41 data rows (zcat | wc -l gives 42 with the header) by 29 distinct user_id_hashed values.
  assert.match(r.stdout, /BFM\.csv\.gz \[generic\]: 41 rows, 41 actions added, 0 duplicates, 29 new accounts, 0 bad rows/);
  const s = JSON.parse(trollmap(['stats', '--json', '--db', db]).stdout) as { byPlatform: Record<string, number>; byKind: Record<string, number> };
  assert.deepEqual([s.byPlatform, s.byKind], [{ vk: 41 }, { comment: 41 }]);
});

test('a UTF-16 tab-separated spreadsheet export (BOM, CRLF, quoted tab) imports', () => {
  const file = join(dir, 'excel.txt');
  const text = 'account\ttime\ttext\r\nu1\t2024-01-01 10:00\tПривет\r\nu2\t2024-01-01 10:01\t"quoted\ttab"\r\n';
  writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  const db = join(dir, 'x.db');
  const r = trollmap(['import', file, '--platform', 'vk', '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /excel\.txt \[generic\]: 2 rows, 2 actions added, 0 duplicates, 2 new accounts, 0 bad rows/);
  const s = JSON.parse(trollmap(['stats', '--json', '--db', db]).stdout) as { first: number; last: number };
  assert.deepEqual([s.first, s.last], [Date.parse('2024-01-01T10:00:00Z'), Date.parse('2024-01-01T10:01:00Z')]);
});
