// CooRTweet parity end to end, as a user runs it: import the real tables into a fresh SQLite file, run
// `trollmap detect --pairs-csv --edges-csv`, and compare byte for byte with CooRTweet's own output
// (../shared/data/coortweet/expected, produced by CooRTweet's R code; see the README there).
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { trollmap } from './support/cli.ts';

const data = fileURLToPath(new URL('../../shared/data/coortweet/', import.meta.url));
const skip = existsSync(data) ? false : 'needs ../shared/data/coortweet (absent)';
const dir = mkdtempSync(join(tmpdir(), 'trollmap-parity-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const expected = (name: string): string => gunzipSync(readFileSync(join(data, 'expected', name))).toString('utf8');

const runs = [
  { table: 'russian_coord_tweets.csv.gz', name: 'russian_coord_tweets_tw10_mp5', args: ['--layers', 'co-share', '--window', '10', '--min-participation', '5'] },
  { table: 'russian_coord_tweets.csv.gz', name: 'russian_coord_tweets_tw60_mp2', args: ['--layers', 'co-share', '--window', '60', '--min-participation', '2'] },
  {
    table: 'german_elections.csv.gz',
    name: 'german_elections_fb_urls_tw60_mp2',
    args: ['--platform', 'facebook', '--layers', 'co-link', '--window', '60s', '--min-participation', '2'],
  },
];

for (const run of runs) {
  test(`detect reproduces CooRTweet's ${run.name} exactly`, { skip }, () => {
    const db = join(dir, `${run.table}.db`);
    if (!existsSync(db)) assert.equal(trollmap(['import', join(data, run.table), '--db', db, '--quiet']).code, 0);
    const pairs = join(dir, `${run.name}_pairs.csv`);
    const edges = join(dir, `${run.name}_edges.csv`);
    const r = trollmap(['detect', '--db', db, ...run.args, '--pairs-csv', pairs, '--edges-csv', edges, '--quiet']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(readFileSync(pairs, 'utf8'), expected(`${run.name}_pairs.csv.gz`));
    assert.equal(readFileSync(edges, 'utf8'), expected(`${run.name}_edges.csv.gz`));
  });
}
