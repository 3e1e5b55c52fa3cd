import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RunEdge } from '../run.ts';
import { fuseLayers } from './fuse-layers.ts';

const edge = (a: string, b: string, layer: string, weight: number): RunEdge => ({
  a, b, layer, pairs: 1, keys: 1, weight, evidence: [],
});

test('hand-worked: each layer is divided by its mean weight, then layers add up', () => {
  // co-share weights 2 and 6 (mean 4); co-text weight 10 (mean 10).
  const g = fuseLayers([edge('vk:a', 'vk:b', 'co-share', 2), edge('vk:b', 'vk:c', 'co-share', 6), edge('vk:a', 'vk:b', 'co-text', 10)]);
  assert.deepEqual(g.nodes(), ['vk:a', 'vk:b', 'vk:c']);
  assert.deepEqual(g.getEdgeAttributes('vk:a', 'vk:b'), { weight: 2 / 4 + 10 / 10, layers: ['co-share', 'co-text'] });
  assert.deepEqual(g.getEdgeAttributes('vk:b', 'vk:c'), { weight: 6 / 4, layers: ['co-share'] });
});

test('layer weights scale a layer; zero-weight layers count each edge as 1; reversed ends are the same edge', () => {
  const g = fuseLayers([edge('vk:b', 'vk:a', 'co-link', 0), edge('vk:a', 'vk:b', 'co-text', 3)], { 'co-text': 0.5 });
  assert.equal(g.size, 1);
  assert.equal(g.getEdgeAttribute('vk:a', 'vk:b', 'weight'), 1 + 0.5);
});

test('insertion order does not depend on the order of the edges', () => {
  const edges = [edge('vk:c', 'vk:d', 'co-share', 1), edge('vk:a', 'vk:b', 'co-share', 3), edge('vk:b', 'vk:c', 'co-text', 2)];
  const x = fuseLayers(edges);
  const y = fuseLayers([...edges].reverse());
  const dump = (g: typeof x): unknown[] => g.mapEdges((_, attr, s, t) => [s, t, attr]);
  assert.deepEqual(x.nodes(), y.nodes());
  assert.deepEqual(dump(x), dump(y));
});
