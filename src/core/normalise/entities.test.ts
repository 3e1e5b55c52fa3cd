import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { emptyLists, type Action } from '../model.ts';
import { fillEntitiesFromText, hashtagsIn, linksIn, mentionsIn } from './entities.ts';

test('links with a scheme are found, without the sentence\'s punctuation; bare words and e-mail addresses are not links', () => {
  assert.deepEqual(linksIn('Смотрите http://t.co/6zYyERX4it и https://youtu.be/abc?si=x, ещё раз http://t.co/6zYyERX4it'), [
    'http://t.co/6zYyERX4it',
    'https://youtu.be/abc?si=x',
  ]);
  assert.deepEqual(linksIn('пишите на mail@example.org или заходите на example.org'), []);
  assert.deepEqual(linksIn('(см. https://kaktus.media/doc/1.html), а также «https://24.kg/x»…'), [
    'https://kaktus.media/doc/1.html',
    'https://24.kg/x',
  ]);
});

test('hashtags in Cyrillic, Latin and with digits; not in the middle of a word or an HTML entity', () => {
  assert.deepEqual(hashtagsIn('СМИ: Лев Дуров скончался #новости #Асанов2026 #новости'), ['новости', 'Асанов2026']);
  assert.deepEqual(hashtagsIn('номер#1, &#39; и #2026'), []);
});

test('mentions, not e-mail addresses', () => {
  assert.deepEqual(mentionsIn('RT @ivan_petrov: привет @maria.k! пишите a@b.com'), ['ivan_petrov', 'maria.k']);
});

test('fillEntitiesFromText fills only the empty lists', () => {
  const a: Action = {
    platform: 'twitter', id: '1', account: 'x', kind: 'post', time: 0, precision: 'min', ...emptyLists(),
    hashtags: ['given'], text: '#новости http://t.co/x @ivan',
  };
  fillEntitiesFromText(a);
  assert.deepEqual([a.urls, a.hashtags, a.mentions], [['http://t.co/x'], ['given'], ['ivan']]);
});

test('hashtagsIn finds what the plain definition finds: one scanning regex with the look-behind class', () => {
  const definition = /(?:^|[^\p{L}\p{N}_&])#([\p{L}\p{N}_]*[\p{L}_][\p{L}\p{N}_]*)/gu;
  const reference = (s: string): string[] => [...new Set([...s.matchAll(definition)].map((m) => m[1]!))];
  const piece = fc.constantFrom('#', '##', '&', '_', 'а', 'ң', '1', ' ', '.', 'x', '😀', '𝐀', '&#39;', '\n');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
      const s = pieces.join('');
      assert.deepEqual(hashtagsIn(s), reference(s));
    }),
    { numRuns: 3000, seed: 7 },
  );
});

test('mentionsIn finds what the plain definition finds: one scanning regex with the look-behind class', () => {
  const definition = /(?:^|[^\p{L}\p{N}_.@])@([A-Za-z0-9_](?:[A-Za-z0-9_.]{0,62}[A-Za-z0-9_])?)/gu;
  const reference = (s: string): string[] => [...new Set([...s.matchAll(definition)].map((m) => m[1]!))];
  const piece = fc.constantFrom('@', '@@', '.', '_', 'a', 'Z9', 'ы', ' ', 'x.y', '😀', '𝐀', 'mail@b.com', '\n');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
      const s = pieces.join('');
      assert.deepEqual(mentionsIn(s), reference(s));
    }),
    { numRuns: 3000, seed: 11 },
  );
});

test('linksIn finds what the plain definition finds: every scheme-led run, trailing punctuation dropped, once each', () => {
  const reference = (s: string): string[] => {
    if (!s.includes('http')) return [];
    const links = [...s.matchAll(/\bhttps?:\/\/[^\s<>"'«»“”\u2026]+/gi)].map((m) => m[0].replace(/[.,;:!?)\]}]+$/, ''));
    return [...new Set(links.filter((l) => l.length > 8))];
  };
  const piece = fc.constantFrom('http://', 'HTTPS://', 'https://', 'a', 'x.kg', '/p', '.', ').', ')', ']', ',', '?', ' ', '«', '»', '…', '_', 'ы', '😀', '\n', '"');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 20 }), (pieces) => {
      const s = pieces.join('');
      assert.deepEqual(linksIn(s), reference(s));
    }),
    { numRuns: 3000, seed: 11 },
  );
});
