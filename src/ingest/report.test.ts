import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { IssueGroup } from './issues.ts';
import { IssueCollector, formatIssueGroup } from './issues.ts';
import { formatImportReport, type FileReport } from './report.ts';

const base: FileReport = {
  file: 'tweets.csv', status: 'imported', format: 'twitter-io', rows: 1200, actionsAdded: 1100, duplicates: 62,
  accountsAdded: 40, badRows: 38, ignored: 0, issues: [], seconds: 2,
};

test('issues group by field and code: the first one, and how many more', () => {
  const c = new IssueCollector();
  c.add({ file: 'tweets.csv', line: 1042, field: 'tweet_time', code: 'bad-date', message: 'tweet_time is not a date ("31/02/2019")' }, true);
  for (let i = 0; i < 37; i++) c.add({ file: 'tweets.csv', line: 1100 + i, field: 'tweet_time', code: 'bad-date', message: 'x' }, true);
  c.add({ file: 'tweets.csv', line: 7, field: 'follower_count', code: 'bad-number', message: 'follower_count is not a count ("-1")' }, false);
  const groups = c.list();
  assert.deepEqual(groups.map((g) => [g.first.line, g.count, g.skipped]), [[1042, 38, true], [7, 1, false]]);
  assert.equal(formatIssueGroup(groups[0]!), '✖ tweet_time is not a date ("31/02/2019") → at tweets.csv:1042 (and 37 more)');
  assert.equal(formatIssueGroup(groups[1]!), '⚠ follower_count is not a count ("-1") → at tweets.csv:7');
});

test('the report has a line per file, its issues, skipped files and a total', () => {
  const group: IssueGroup = { first: { file: 'tweets.csv', line: 1042, field: 'tweet_time', code: 'bad-date', message: 'tweet_time is not a date ("31/02/2019")' }, count: 38, skipped: true };
  const text = formatImportReport([
    { ...base, issues: [group] },
    { ...base, file: 'again.csv', status: 'already', note: 'already imported (same sha256 as tweets.csv, batch 1); nothing to do', rows: 0, actionsAdded: 0, duplicates: 0, accountsAdded: 0, badRows: 0, seconds: 0 },
    { ...base, file: 'result.json', format: 'telegram', rows: 10, actionsAdded: 8, duplicates: 0, accountsAdded: 3, badRows: 0, ignored: 2, seconds: 0.5 },
  ]);
  assert.equal(text, [
    'tweets.csv [twitter-io]: 1,200 rows, 1,100 actions added, 62 duplicates, 40 new accounts, 38 bad rows',
    '  ✖ tweet_time is not a date ("31/02/2019") → at tweets.csv:1042 (and 37 more)',
    'again.csv: already imported (same sha256 as tweets.csv, batch 1); nothing to do',
    'result.json [telegram]: 10 rows, 8 actions added, 0 duplicates, 3 new accounts, 0 bad rows, 2 ignored',
    // 1,210 rows in 2.5 s.
    'total: 2 file(s) imported, 1,210 rows, 1,108 actions added, 62 duplicates, 43 new accounts, 38 bad rows, 484 rows/s',
  ].join('\n'));
  assert.doesNotMatch(formatImportReport([base], { timing: false }), /rows\/s/);
});
