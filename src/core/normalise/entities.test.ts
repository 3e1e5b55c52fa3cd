import assert from 'node:assert/strict';
import { test } from 'node:test';
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
