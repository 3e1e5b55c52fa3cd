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

/** Asserts that `found` and `reference` agree on 3,000 texts made of `pieces` (fixed seed). */
function agrees(found: (s: string) => string[], reference: (s: string) => string[], pieces: string[], maxLength: number, seed: number): void {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength }), (parts) => {
      const s = parts.join('');
      assert.deepEqual(found(s), reference(s));
    }),
    { numRuns: 3000, seed },
  );
}

/** The distinct first groups of a scanning regular expression, in order. */
const firstGroups = (definition: RegExp) => (s: string): string[] => [...new Set([...s.matchAll(definition)].map((m) => m[1]!))];

test('hashtagsIn finds what the plain definition finds: one scanning regex with the look-behind class', () => {
  agrees(hashtagsIn, firstGroups(/(?:^|[^\p{L}\p{N}_&])#([\p{L}\p{N}_]*[\p{L}_][\p{L}\p{N}_]*)/gu),
    ['#', '##', '&', '_', 'а', 'ң', '1', ' ', '.', 'x', '😀', '𝐀', '&#39;', '\n'], 24, 7);
});

test('mentionsIn finds what the plain definition finds: one scanning regex with the look-behind class', () => {
  agrees(mentionsIn, firstGroups(/(?:^|[^\p{L}\p{N}_.@])@([A-Za-z0-9_](?:[A-Za-z0-9_.]{0,62}[A-Za-z0-9_])?)/gu),
    ['@', '@@', '.', '_', 'a', 'Z9', 'ы', ' ', 'x.y', '😀', '𝐀', 'mail@b.com', '\n'], 24, 11);
});

test('linksIn finds what the plain definition finds: every scheme-led run, trailing punctuation dropped, once each', () => {
  const reference = (s: string): string[] => {
    if (!s.includes('http')) return [];
    const links = [...s.matchAll(/\bhttps?:\/\/[^\s<>"'«»“”\u2026]+/gi)].map((m) => m[0].replace(/[.,;:!?)\]}]+$/, ''));
    return [...new Set(links.filter((l) => l.length > 8))];
  };
  agrees(linksIn, reference, ['http://', 'HTTPS://', 'https://', 'a', 'x.kg', '/p', '.', ').', ')', ']', ',', '?', ' ', '«', '»', '…', '_', 'ы', '😀', '\n', '"'], 20, 11);
});
