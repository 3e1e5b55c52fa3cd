import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { extractUrls, normaliseUrl, registrableDomain, urlKey } from './url.ts';

function key(raw: string): string {
  const n = normaliseUrl(raw);
  assert.ok(n.ok, `${raw}: ${n.ok ? '' : n.reason}`);
  return n.key;
}

test('one key per resource across hosts, schemes, tracking parameters, fragments and slashes', () => {
  const cases: [string, string[]][] = [
    [
      'https://youtube.com/watch?v=dQw4w9WgXcQ',
      [
        'https://youtu.be/dQw4w9WgXcQ?si=AbCdEf',
        'http://www.youtube.com/watch?v=dQw4w9WgXcQ&feature=share&t=42',
        'https://m.youtube.com/watch?feature=youtu.be&v=dQw4w9WgXcQ',
        'https://www.youtube.com/shorts/dQw4w9WgXcQ?feature=share',
        'https://www.youtube.com/embed/dQw4w9WgXcQ',
        'https://music.youtube.com/watch?v=dQw4w9WgXcQ&list=RDxyz',
      ],
    ],
    [
      'https://facebook.com/story.php?id=4&story_fbid=123',
      [
        'https://m.facebook.com/story.php?story_fbid=123&id=4&mibextid=Nif5oz',
        'https://mbasic.facebook.com/story.php?story_fbid=123&id=4&__cft__[0]=AZX&__tn__=%2CO',
        'https://www.facebook.com/story.php?story_fbid=123&id=4&fbclid=IwAR0',
        'https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.facebook.com%2Fstory.php%3Fstory_fbid%3D123%26id%3D4&h=AT0',
      ],
    ],
    ['https://t.me/rian_ru/1234', ['https://telegram.me/rian_ru/1234', 'https://t.me/s/rian_ru/1234/', 't.me/RIAN_RU/1234?single']],
    [
      'https://ria.ru/20220301/news.html',
      [
        'http://WWW.RIA.RU/20220301/news.html?utm_source=vk&utm_medium=social&gclid=x#comments',
        'ria.ru/20220301/news.html/',
        'https://vk.com/away.php?to=https%3A%2F%2Fria.ru%2F20220301%2Fnews.html&utm_source=vk',
      ],
    ],
    ['https://twitter.com/user/status/1', ['https://x.com/User/status/1?s=20&t=abc', 'https://twitter.com/#!/user/status/1']],
  ];
  for (const [want, variants] of cases) {
    assert.equal(key(want), want);
    for (const v of variants) assert.equal(key(v), want, v);
  }
});

test('keeps what names the resource: other parameters sorted, path case, non-default port, Cyrillic hosts', () => {
  assert.equal(key('https://example.com/a/B?z=1&a=2'), 'https://example.com/a/B?a=2&z=1');
  assert.notEqual(key('https://example.com/page?id=1'), key('https://example.com/page?id=2'));
  assert.equal(key('http://example.com:8080/x'), 'https://example.com:8080/x');
  assert.equal(key('https://президент.рф/news/1'), 'https://xn--d1abbgf6aiiy.xn--p1ai/news/1');
  assert.equal(key('https://ru.wikipedia.org/wiki/Бишкек'), key('https://ru.wikipedia.org/wiki/%d0%91%d0%b8%d1%88%d0%ba%d0%b5%d0%ba'));
});

test('rejects what is not a web link, with a reason', () => {
  for (const bad of ['mailto:a@b.ru', 'javascript:alert(1)', 'http://', 'ftp://x.org/f', '23678', 'url_1', 'a@b.ru']) {
    const n = normaliseUrl(bad);
    assert.equal(n.ok, false, bad);
  }
});

test('normalising a key again gives the same key', () => {
  const url = fc.webUrl({ withQueryParameters: true, withFragments: true });
  fc.assert(
    fc.property(url, (u) => {
      const n = normaliseUrl(u);
      if (n.ok) assert.equal(key(n.key), n.key);
    }),
    { numRuns: 2000, seed: 9 },
  );
});

test('registrable domain: public and private suffixes', () => {
  assert.equal(registrableDomain('news.bbc.co.uk'), 'bbc.co.uk');
  assert.equal(registrableDomain('ivan.blogspot.com'), 'ivan.blogspot.com');
  assert.equal(registrableDomain('sub.gov.kg'), 'sub.gov.kg');
  assert.equal(registrableDomain('127.0.0.1'), '127.0.0.1');
  const n = normaliseUrl('https://m.facebook.com/x');
  assert.ok(n.ok && n.domain === 'facebook.com' && n.host === 'facebook.com');
});

test('links are found in text, normalised, and each kept once', () => {
  const text = 'Смотри https://www.YouTube.com/watch?v=abc123XYZ&utm_source=x, и youtu.be/abc123XYZ, t.co/AbC и президент.рф/news';
  assert.deepEqual(
    extractUrls(text).map((u) => u.key),
    ['https://youtube.com/watch?v=abc123XYZ', 'https://t.co/AbC', 'https://xn--d1abbgf6aiiy.xn--p1ai/news'],
  );
});

test('linkifyjs, used in the pure core, imports nothing (no node: modules)', () => {
  const source = readFileSync(new URL('../../../node_modules/linkifyjs/dist/linkify.mjs', import.meta.url), 'utf8');
  assert.doesNotMatch(source, /^\s*import\s|require\(|from\s+['"]node:/mu);
});

test('urlKey leaves ids that are not links as they are (CooRTweet url_id), and normalises links', () => {
  assert.equal(urlKey('23678'), '23678');
  assert.equal(urlKey(' url_9 '), 'url_9');
  assert.equal(urlKey('WWW.ria.ru/a/?utm_source=x'), 'https://ria.ru/a');
  assert.equal(urlKey('https://localhost:8080/x'), 'https://localhost:8080/x');
});
