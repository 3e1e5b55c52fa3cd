import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedUrlKeys, sharedBy, textNormaliser, urlKeyer, urlKeysOf } from './shared-normalisers.ts';
import { normaliseText } from './text.ts';
import { urlKey } from './url.ts';

test('shared normalisers give the plain functions\' values, from one cache per column', () => {
  const texts = ['Привет, МИР!!  https://x.kg', 'Куттуктайм', '', 'Привет, МИР!!  https://x.kg'];
  const urls = ['https://www.youtube.com/watch?v=abc&utm_source=x', 'https://youtu.be/abc', 'http://t.me/s/chan/1'];
  for (const t of texts) assert.equal(textNormaliser(texts)(t), normaliseText(t));
  for (const u of urls) assert.equal(urlKeyer(urls)(u), urlKey(u));
  // Columns are told apart by identity: an equal-looking array has its own cache and the same values.
  assert.deepEqual([...urls].map(urlKeyer([...urls])), urls.map(urlKey));
});

test('one plain call per distinct string and column, across the normalisers made for that column', () => {
  const caches = new WeakMap<readonly string[], Map<string, string>>();
  const calls: string[] = [];
  const plain = (s: string): string => (calls.push(s), s.toUpperCase());
  const column = ['a', 'b', 'a'];
  assert.deepEqual(column.map(sharedBy(caches, column, plain)), ['A', 'B', 'A']);
  assert.deepEqual(column.map(sharedBy(caches, column, plain)), ['A', 'B', 'A']);
  assert.deepEqual(calls, ['a', 'b']);
  sharedBy(caches, ['a'], plain)('a');
  assert.deepEqual(calls, ['a', 'b', 'a']);
});

test('url keys made on another thread seed a column\'s cache: reused as they are, the cache\'s own kept', () => {
  const urls = ['https://www.youtube.com/watch?v=abc&utm_source=x', 'https://youtu.be/abc', 'http://t.me/s/chan/1'];
  assert.equal(urlKeysOf(urls), undefined, 'nothing cached yet');
  const own = urlKeyer(urls)(urls[2]!);
  // Marked values, so that a key computed here instead of reused would show.
  seedUrlKeys(urls, new Map([[urls[0]!, 'seeded-0'], [urls[2]!, 'seeded-2']]));
  const key = urlKeyer(urls);
  assert.equal(key(urls[0]!), 'seeded-0');
  assert.equal(key(urls[1]!), urlKey(urls[1]!));
  assert.equal(key(urls[2]!), own, 'a key the column had is kept');
  assert.deepEqual([...urlKeysOf(urls)!.keys()].sort(), [...urls].sort());
  // A column without a cache gets one from the seed.
  const other = [...urls];
  seedUrlKeys(other, new Map([[urls[1]!, 'seeded-1']]));
  assert.equal(urlKeyer(other)(urls[1]!), 'seeded-1');
});
