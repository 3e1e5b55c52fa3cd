// Real-data case: the co-share edges CooRTweet itself produced on 35k pro-government Russian retweets
// (../shared/data/coortweet/expected/russian_coord_tweets_tw60_mp2_edges.csv.gz: 3,721 edges, 2,110 accounts,
// 23 connected components; provenance in ../shared/data/README.md). Louvain must be reproducible on it, and a
// network must never join accounts that no chain of edges connects.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { RunEdge } from '../run.ts';
import { communities } from './communities.ts';
import { fuseLayers } from './fuse-layers.ts';

const file = fileURLToPath(new URL('../../../../shared/data/coortweet/expected/russian_coord_tweets_tw60_mp2_edges.csv.gz', import.meta.url));
const exists = existsSync(file);

function readEdges(): RunEdge[] {
  const [header, ...rows] = gunzipSync(readFileSync(file)).toString('utf8').trim().split('\n');
  assert.equal(header, 'from,to,weight,avg_time_delta,n_content_id,n_content_id_y,edge_symmetry_score,weight_threshold');
  return rows.map((row) => {
    const [from, to, weight] = row.split(',');
    const [a, b] = from! < to! ? [from!, to!] : [to!, from!];
    return { a: `twitter:${a}`, b: `twitter:${b}`, layer: 'co-share', pairs: Number(weight), keys: Number(weight), weight: Number(weight), evidence: [] };
  });
}

function components(edges: readonly RunEdge[]): Map<string, string> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const e of edges) for (const k of [e.a, e.b]) if (!parent.has(k)) parent.set(k, k);
  for (const e of edges) parent.set(find(e.a), find(e.b));
  return new Map([...parent.keys()].map((k) => [k, find(k)]));
}

test('CooRTweet russian tw60/mp2 edges: Louvain networks are reproducible and stay inside components', { skip: exists ? false : 'needs ../shared/data/coortweet/expected (absent)' }, (t) => {
  const edges = readEdges();
  assert.equal(edges.length, 3721);
  const comp = components(edges);
  assert.equal(new Set(comp.values()).size, 23);
  const nets = communities(fuseLayers(edges), { seed: 1 });
  assert.deepEqual(communities(fuseLayers([...edges].reverse()), { seed: 1 }), nets);
  const seen = new Set<string>();
  for (const n of nets) {
    assert.ok(n.length >= 3);
    assert.equal(new Set(n.map((k) => comp.get(k))).size, 1, 'one component per network');
    for (const k of n) {
      assert.ok(!seen.has(k));
      seen.add(k);
    }
  }
  for (let i = 1; i < nets.length; i++) assert.ok(nets[i - 1]!.length >= nets[i]!.length, 'largest first');
  // The 2,019-account component is not one network: Louvain splits it into communities.
  assert.ok(nets[0]!.length < 2019);
  t.diagnostic(`russian tw60/mp2: ${nets.length} networks, sizes ${nets.slice(0, 8).map((n) => n.length).join(', ')} …`);
});
