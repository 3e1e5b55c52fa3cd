import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { cooRTweetEdgesCsv, cooRTweetFiles, cooRTweetPairsCsv } from '../export/coortweet-csv.ts';
import type { ActionColumns } from '../columns.ts';
import { cooRTweet, quantileType7 } from './coortweet.ts';
import { layerTraces } from './layer-traces.ts';
import { Dictionary, TraceBuilder, type LayerTraces } from './traces.ts';

// Reference data: CooRTweet's bundled data sets and the outputs of its own R code (see ../shared/data/README.md).
const dir = fileURLToPath(new URL('../../../../shared/data/coortweet/', import.meta.url));
const have = existsSync(`${dir}expected`);
const skip = have ? false : 'needs ../shared/data/coortweet (absent)';

/** Rows in file order → traces in file order: [account, object, content, unix seconds]. */
function fromRows(rows: Iterable<readonly [string, string, string, number]>): LayerTraces {
  const acc = new Dictionary();
  const obj = new Dictionary();
  const content = new Dictionary();
  const b = new TraceBuilder();
  for (const [a, o, c, t] of rows) b.push(acc.intern(a), obj.intern(o), t * 1000, content.intern(c));
  return { traces: b.build(), accounts: acc.names, keys: obj.names, actions: content.names };
}

function readCsv(file: string): Record<string, string>[] {
  const text = gunzipSync(readFileSync(dir + file)).toString('utf8');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

function expected(name: string): string {
  return gunzipSync(readFileSync(`${dir}expected/${name}`)).toString('utf8');
}

function* russian(): Generator<[string, string, string, number]> {
  for (const r of readCsv('russian_coord_tweets.csv.gz')) {
    yield [r.account_id!, r.object_id!, r.content_id!, Number(r.timestamp_share)];
  }
}

// The Facebook rows of german_elections with a URL: url_id (written `url_<id>`) is the object, post_id the content.
function* germanFacebookUrls(): Generator<[string, string, string, number]> {
  for (const r of readCsv('german_elections.csv.gz')) {
    if (r.account_id!.startsWith('fb_') && r.url_id !== 'NA') {
      yield [r.account_id!, `url_${r.url_id}`, r.post_id!, Number(r.timestamp)];
    }
  }
}

const runs = [
  { name: 'russian_coord_tweets_tw10_mp5', data: russian, timeWindow: 10, minParticipation: 5 },
  { name: 'russian_coord_tweets_tw60_mp2', data: russian, timeWindow: 60, minParticipation: 2 },
  { name: 'german_elections_fb_urls_tw60_mp2', data: germanFacebookUrls, timeWindow: 60, minParticipation: 2 },
];

for (const run of runs) {
  test(`CooRTweet parity: ${run.name} pairs and edges are byte-identical`, { skip }, () => {
    const out = cooRTweet(fromRows(run.data()), run);
    // Byte equality: same rows, same order, same from/to orientation, same number formatting.
    assert.equal(cooRTweetPairsCsv(out.pairs), expected(`${run.name}_pairs.csv.gz`));
    assert.equal(cooRTweetEdgesCsv(out.edges), expected(`${run.name}_edges.csv.gz`));
  });
}

test('CooRTweet parity: input order only changes order and orientation, not the rows', { skip }, () => {
  const rows = [...germanFacebookUrls()].reverse();
  const out = cooRTweet(fromRows(rows), { timeWindow: 60, minParticipation: 2 });
  const canon = (csv: string) =>
    csv
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => {
        const [o, c, cy, dt, a, ay] = l.split(',');
        // Δt = 0 pairs have no older side: compare them unordered.
        return dt === '0' ? [o, dt, ...[`${c}/${a}`, `${cy}/${ay}`].sort()].join(',') : l;
      })
      .sort();
  assert.deepEqual(canon(cooRTweetPairsCsv(out.pairs)), canon(expected('german_elections_fb_urls_tw60_mp2_pairs.csv.gz')));
  assert.equal(out.edges.length, 1645);
});

// The path the CLI takes: a store hands columns sorted by time, with `seq` = the input file's row order.
function storeLike(rows: readonly (readonly [string, string, string, number])[]): ActionColumns {
  const byTime = rows.map((_, i) => i).sort((p, q) => rows[p]![3] - rows[q]![3] || (rows[p]![2] < rows[q]![2] ? -1 : 1));
  const accountKeys = [...new Set(rows.map((r) => `twitter:${r[0]}`))].sort();
  const sharedKeys = [...new Set(rows.map((r) => `twitter:${r[1]}`))].sort();
  const accountIndex = new Map(accountKeys.map((k, i) => [k, i]));
  const sharedIndex = new Map(sharedKeys.map((k, i) => [k, i]));
  const n = rows.length;
  const none = { offsets: new Int32Array(n + 1), values: [] };
  return {
    count: n,
    accountKeys,
    account: Int32Array.from(byTime, (i) => accountIndex.get(`twitter:${rows[i]![0]}`)!),
    time: Float64Array.from(byTime, (i) => rows[i]![3] * 1000),
    kind: new Uint8Array(n).fill(3),
    precision: new Uint8Array(n).fill(1),
    seq: Int32Array.from(byTime),
    ids: byTime.map((i) => rows[i]![2]),
    platforms: ['twitter'],
    platform: new Uint8Array(n),
    targetKeys: [],
    target: new Int32Array(n).fill(-1),
    sharedKeys,
    shared: Int32Array.from(byTime, (i) => sharedIndex.get(`twitter:${rows[i]![1]}`)!),
    text: new Array<string>(n).fill(''),
    urls: none,
    hashtags: none,
    media: none,
  };
}

test('CooRTweet parity through ActionColumns (time-sorted, seq = file order) is still byte-identical', { skip }, () => {
  const columns = storeLike([...russian()]);
  const out = cooRTweet(layerTraces(columns, 'co-share', { bareIds: true }), { timeWindow: 60, minParticipation: 2 });
  assert.equal(cooRTweetPairsCsv(out.pairs), expected('russian_coord_tweets_tw60_mp2_pairs.csv.gz'));
  assert.equal(cooRTweetEdgesCsv(out.edges), expected('russian_coord_tweets_tw60_mp2_edges.csv.gz'));
  const files = cooRTweetFiles(columns, 'co-share', { timeWindow: 10, minParticipation: 5 });
  assert.equal(files.pairs, expected('russian_coord_tweets_tw10_mp5_pairs.csv.gz'));
  assert.equal(files.edges, expected('russian_coord_tweets_tw10_mp5_edges.csv.gz'));
  assert.equal(files.edgeCount, 20);
});

// Hand-worked: window 10 s, M = 2. Rows in file order:
//   1 a o1 c1 t=100   2 b o1 c2 t=95   3 a o2 c3 t=0   4 b o2 c4 t=10   5 c o2 c5 t=5   6 c o9 o1 t=50
// Pre-filter: a 2 rows, b 2, c 2 (row 6 counts although its content id equals an object id … of another object,
// so it is no loop; it is alone on o9 and never pairs). R order: a's rows, b's rows, c's rows.
// o1: (c2 by b @95, c1 by a @100) Δ 5 → oriented b→a. o2: a@0–b@10 (10, inclusive), a@0–c@5 (5), b@10–c@5 (5, c older).
// After pairing: c's rows with paired contents = {c5} → 1 < 2, but its pairs stay (a and b pass: CooRTweet's OR).
test('CooRTweet rules on a hand-worked case', () => {
  const layer = fromRows([
    ['a', 'o1', 'c1', 100],
    ['b', 'o1', 'c2', 95],
    ['a', 'o2', 'c3', 0],
    ['b', 'o2', 'c4', 10],
    ['c', 'o2', 'c5', 5],
    ['c', 'o9', 'o1', 50],
  ]);
  const out = cooRTweet(layer, { timeWindow: 10, minParticipation: 2 });
  assert.equal(
    cooRTweetPairsCsv(out.pairs),
    [
      'object_id,content_id,content_id_y,time_delta,account_id,account_id_y',
      'o1,c2,c1,5,b,a',
      'o2,c3,c4,10,a,b',
      'o2,c3,c5,5,a,c',
      'o2,c5,c4,5,c,b',
      '',
    ].join('\n'),
  );
  // Edges in order of first appearance of (pmin, pmax): a–b (2 pairs), a–c, b–c. Weights 2,1,1 → median 1.
  // n_content_id counts distinct *older* contents: a–b has {c2, c3} and {c1, c4}.
  assert.equal(
    cooRTweetEdgesCsv(out.edges),
    [
      'from,to,weight,avg_time_delta,n_content_id,n_content_id_y,edge_symmetry_score,weight_threshold',
      'a,b,2,7.5,2,2,1,1',
      'a,c,1,5,1,1,1,0',
      'b,c,1,5,1,1,1,0',
      '',
    ].join('\n'),
  );
});

test('a content id equal to its own object id is a loop', () => {
  const layer = fromRows([
    ['a', 'x', 'x', 0],
    ['b', 'x', 'y', 1],
    ['a', 'z', 'p', 0],
    ['b', 'z', 'q', 1],
  ]);
  const out = cooRTweet(layer, { timeWindow: 10, minParticipation: 1 });
  assert.deepEqual(
    out.pairs.map((p) => p.objectId),
    ['z'],
  );
});

test('quantile type 7 matches R', () => {
  // R: quantile(c(1, 2, 3, 4), 0.5) = 2.5; quantile(c(1, 1, 5), 0.5) = 1; quantile(1:10, 0.9) = 9.1
  assert.equal(quantileType7([4, 1, 3, 2], 0.5), 2.5);
  assert.equal(quantileType7([1, 5, 1], 0.5), 1);
  assert.ok(Math.abs(quantileType7([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9) - 9.1) < 1e-12);
});
