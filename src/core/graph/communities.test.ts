import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { RunEdge } from '../run.ts';
import { communities } from './communities.ts';
import { fuseLayers } from './fuse-layers.ts';

const edge = (a: string, b: string, weight = 1): RunEdge => ({ a, b, layer: 'co-share', pairs: 1, keys: 1, weight, evidence: [] });

function clique(members: string[], weight = 1): RunEdge[] {
  const out: RunEdge[] = [];
  for (let i = 0; i < members.length; i++) for (let j = i + 1; j < members.length; j++) out.push(edge(members[i]!, members[j]!, weight));
  return out;
}

test('two cliques joined by one weak edge are two networks, larger first; a lone pair is no network', () => {
  const edges = [
    ...clique(['vk:d', 'vk:e', 'vk:f']),
    ...clique(['vk:a', 'vk:b', 'vk:c', 'vk:g']),
    edge('vk:c', 'vk:d', 0.1),
    edge('vk:x', 'vk:y', 5),
  ];
  for (const seed of [1, 2, 3, 42]) {
    assert.deepEqual(communities(fuseLayers(edges), { seed }), [['vk:a', 'vk:b', 'vk:c', 'vk:g'], ['vk:d', 'vk:e', 'vk:f']]);
  }
  assert.deepEqual(communities(fuseLayers(edges), { seed: 1, minSize: 2 }).at(-1), ['vk:x', 'vk:y']);
});

test('equal sizes: the community with the smaller first member comes first', () => {
  const edges = [...clique(['vk:m', 'vk:n', 'vk:o']), ...clique(['vk:b', 'vk:c', 'vk:d'])];
  assert.deepEqual(communities(fuseLayers(edges), { seed: 7 }), [['vk:b', 'vk:c', 'vk:d'], ['vk:m', 'vk:n', 'vk:o']]);
});

test('no edges, no networks', () => {
  assert.deepEqual(communities(fuseLayers([]), { seed: 1 }), []);
});

const randomEdges = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 1, max: 9 })), { maxLength: 60 })
  .map((rows) => rows.filter(([a, b]) => a !== b).map(([a, b, w]) => edge(`vk:${String(a).padStart(2, '0')}`, `vk:${String(b).padStart(2, '0')}`, w)));

test('property: same edges and seed give the same partition, whatever the order of the edges', () => {
  fc.assert(
    fc.property(randomEdges, fc.integer(), (edges, seed) => {
      const x = communities(fuseLayers(edges), { seed, minSize: 1 });
      assert.deepEqual(communities(fuseLayers(edges), { seed, minSize: 1 }), x);
      assert.deepEqual(communities(fuseLayers([...edges].reverse()), { seed, minSize: 1 }), x);
      const all = x.flat().sort();
      assert.equal(new Set(all).size, all.length, 'each account in one community');
    }),
  );
});
