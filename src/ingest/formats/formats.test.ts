// Each format reads a hand-made sample with its exact header quirks (test/fixtures/formats/README.md) or a real
// file from ../shared/data; expected values are worked out from the files by hand.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Action } from '../../core/model.ts';
import { readAll } from '../read-all.ts';

const fx = (p: string): string => fileURLToPath(new URL(`../../../test/fixtures/formats/${p}`, import.meta.url));
const data = (p: string): string => fileURLToPath(new URL(`../../../../shared/data/${p}`, import.meta.url));
const byId = (actions: Action[]): Map<string, Action> => new Map(actions.map((a) => [a.id, a]));
const utc = (iso: string): number => Date.parse(iso);

test('twitter-io: Python lists, 0.0 counts, absent coordinates, minute times, kinds', async () => {
  const r = await readAll(fx('twitter-io/tweets.csv'));
  assert.equal(r.format, 'twitter-io');
  assert.deepEqual([r.rows, r.bad.length, r.warnings.length], [4, 0, 0]);
  const a = byId(r.actions);
  const post = a.get('1095381384118648832')!;
  assert.equal(post.account, 'Kh3Kx8hDq1xG9Wm0JvN1pQYV3ZrHcT2bA5uL6eF7gI8=');
  assert.deepEqual([post.kind, post.time, post.precision], ['post', utc('2019-02-12T18:45:00Z'), 'min']);
  assert.deepEqual([post.hashtags, post.urls, post.lang], [['Россия'], ['https://example.ru/news/1'], 'ru']);
  assert.equal(post.raw?.latitude, undefined, '"absent" is no value');
  assert.equal(post.raw?.like_count, 2);
  const rt = a.get('1095381384118648833')!;
  assert.deepEqual([rt.kind, rt.shared, rt.text], ['share', '1095381300000000000', 'RT @news: line one\nline two']);
  assert.deepEqual([rt.hashtags, rt.mentions], [['a', 'b c'], ['2318957012']]);
  const reply = a.get('1095381384118648834')!;
  assert.deepEqual([reply.kind, reply.target, reply.raw?.latitude], ['reply', '1095381384118648832', '55.75']);
  const quote = a.get('1095381384118648835')!;
  assert.deepEqual([quote.kind, quote.shared, quote.urls], ['quote', '1095381384118648832', ['https://example.org/x', 'https://example.org/y']]);
  const anna = r.accounts.filter((x) => x.id === '9876543210').at(-1)!;
  assert.deepEqual(
    [anna.handle, anna.name, anna.location, anna.bio, anna.followers, anna.createdAt, anna.createdPrecision],
    ['anna_k', 'Анна', 'Москва', 'bio with, comma', 56, utc('2018-01-02T00:00:00Z'), 'day'],
  );
});

test('ira: the real re-cut (head of ../shared/data/ira) and the original header', async () => {
  const r = await readAll(fx('ira/ira_russian_language.head20.csv'));
  assert.deepEqual([r.format, r.rows, r.actions.length, r.bad.length], ['ira', 20, 20, 0]);
  const first = r.actions[0]!;
  assert.deepEqual([first.account, first.kind, first.time, first.precision], ['1488reasons', 'post', utc('2016-08-16T11:47:00Z'), 'min']);
  assert.equal(first.text, 'Повод #1 https://t.co/jkB6waj9WK');
  assert.equal(first.raw?.account_category, 'NonEnglish');
  assert.equal(new Set(r.actions.map((x) => x.id)).size, 20, 'derived ids differ for different rows');
  const again = await readAll(fx('ira/ira_russian_language.head20.csv'));
  assert.deepEqual(again.actions.map((x) => x.id), r.actions.map((x) => x.id), 'derived ids are stable');

  const o = await readAll(fx('ira/ira-original-header.csv'));
  assert.deepEqual(o.actions.map((x) => [x.id, x.kind, x.time]), [
    ['914580356430536707', 'post', utc('2017-10-01T19:58:00Z')],
    ['914621840496189440', 'share', utc('2017-10-01T22:43:00Z')],
    ['914656574706610176', 'quote', utc('2017-10-02T01:01:00Z')],
  ]);
  assert.equal(o.actions[0]!.account, '10_GOP');
  assert.deepEqual(o.actions[0]!.urls, ['https://twitter.com/10_gop/status/914576032107024384']);
});

test('coortweet: four-column shares keep ids verbatim', async () => {
  const r = await readAll(fx('coortweet/shares.csv'));
  assert.equal(r.format, 'coortweet');
  const a = r.actions[0]!;
  assert.deepEqual(
    [a.platform, a.id, a.account, a.kind, a.shared, a.time, a.precision],
    ['twitter', '114e22f1b2b648528277b76f0b0224e7', '0fb4232d1b7b37069c13ee17579bd10e', 'share', '85d2d12251a735ce05255061f7f231e2', 1623881091000, 's'],
  );
  assert.equal(r.actions.length, 5, 'the repeated row is passed on; the store counts it as a duplicate');
});

test('coortweet: german_elections merges a post’s rows, prefixes opaque ids, platform from fb_/tw_', async () => {
  const r = await readAll(fx('coortweet/german_elections.csv'));
  assert.deepEqual([r.rows, r.actions.length, r.bad.length], [8, 5, 1]);
  assert.deepEqual([r.bad[0]!.line, r.bad[0]!.field, r.bad[0]!.code], [9, 'post_id', 'missing-field']);
  const a = byId(r.actions);
  const merged = a.get('129235')!;
  assert.deepEqual(
    [merged.platform, merged.account, merged.urls, merged.raw?.domain_id],
    ['facebook', 'fb_12670', ['url_23678', 'url_23679'], ['3498', '3499']],
  );
  assert.deepEqual(a.get('84445')!.media, ['phash_9280']);
  assert.deepEqual(a.get('84441')!.urls, []);
  const tw = a.get('24865')!;
  assert.deepEqual([tw.platform, tw.account, tw.hashtags, tw.time], ['twitter', 'tw_27470', ['hashtag_77', 'hashtag_78'], 1632587628000]);
});

test('telegram: single channel export with entity arrays, media and forwards', async () => {
  const r = await readAll(fx('telegram/channel/result.json'));
  assert.deepEqual([r.format, r.rows, r.ignored, r.actions.length], ['telegram', 4, 1, 3]);
  const a = byId(r.actions);
  const rich = a.get('1500000001/3')!;
  assert.deepEqual([rich.account, rich.kind, rich.time, rich.precision], ['channel1500000001', 'post', 1645690000000, 's']);
  assert.equal(rich.text, 'Читайте здесь и https://example.org/b #срочно @other_channel');
  assert.deepEqual(rich.urls, ['https://example.ru/a?utm=1', 'https://example.org/b']);
  assert.deepEqual([rich.hashtags, rich.mentions, rich.media], [['срочно'], ['other_channel'], ['photos/photo_1@24-02-2022_08-06-40.jpg']]);
  const fwd = a.get('1500000001/4')!;
  assert.deepEqual([fwd.kind, fwd.shared, fwd.media, fwd.text], ['share', 'Другой канал', ['files/report.pdf'], undefined]);
});

test('telegram: full-account export, channel posts vs discussion comments vs replies', async () => {
  const r = await readAll(fx('telegram/account/result.json'));
  assert.deepEqual([r.rows, r.ignored], [6, 1]);
  assert.deepEqual(r.actions.map((x) => [x.id, x.account, x.kind, x.target ?? '-']), [
    ['1500000001/7', 'channel1500000001', 'post', '-'],
    ['1600000002/20', 'channel1500000001', 'post', '-'],
    ['1600000002/21', 'user2001', 'comment', '1600000002/20'],
    ['1600000002/22', 'user2002', 'reply', '1600000002/21'],
    ['1600000002/23', 'user2001', 'post', '-'],
  ]);
  assert.deepEqual(r.actions[3]!.mentions, ['user2001']);
  assert.ok(r.accounts.some((x) => x.id === 'user2001' && x.name === 'Иван'));
});

test('youtube: top-level comments target the video, replies their parent', async () => {
  const r = await readAll(fx('youtube/commentThreads.json'));
  assert.deepEqual([r.format, r.rows], ['youtube', 2]);
  assert.deepEqual(r.actions.map((x) => [x.id, x.account, x.kind, x.target, x.time]), [
    ['UgzThread1', 'UCalice', 'comment', 'dQw4w9WgXcQ', utc('2023-01-02T03:04:05Z')],
    ['UgzThread1.reply1', 'UCbob', 'reply', 'UgzThread1', utc('2023-01-02T04:00:00Z')],
    ['UgzThread2', 'UCbob', 'comment', 'dQw4w9WgXcQ', utc('2023-01-03T00:00:00Z')],
  ]);
  assert.equal(r.actions[0]!.text, 'Great video & more');
  assert.deepEqual([r.accounts[0]!.handle, r.accounts[0]!.avatar], ['alice', 'https://yt3.ggpht.com/alice.jpg']);
});

test('crowdtangle: new and old Facebook headers, Instagram; zone abbreviations', async () => {
  const n = await readAll(fx('crowdtangle/facebook-new.csv'));
  const post = n.actions[0]!;
  assert.deepEqual(
    [n.format, post.platform, post.id, post.account, post.time],
    ['crowdtangle', 'facebook', 'https://www.facebook.com/examplenews/posts/4012345678901234', '100012345678901', utc('2021-09-01T16:34:56Z')],
  );
  assert.deepEqual([post.text, post.urls], ['Wahl: alle Infos\nhier', ['https://bit.ly/abc', 'https://example.de/wahl']]);
  assert.deepEqual([n.accounts[1]!.handle, n.accounts[1]!.followers], ['examplenews', 15010]);
  const o = await readAll(fx('crowdtangle/facebook-old.csv'));
  assert.deepEqual([o.actions[0]!.time, o.actions[0]!.text], [utc('2018-11-05T13:00:00Z'), 'Hello from 2018']);
  const i = await readAll(fx('crowdtangle/instagram.csv'));
  const ig = i.actions[0]!;
  assert.deepEqual([ig.platform, ig.account, ig.time, ig.text, ig.media], [
    'instagram', 'insta_acc', utc('2021-08-30T16:00:00Z'), 'Sommer #wahl', ['https://scontent.cdninstagram.com/photo1.jpg'],
  ]);
});

test('meta-content-library: dotted columns; a post in a group targets the group', async () => {
  const r = await readAll(fx('meta-content-library/posts.csv'));
  assert.deepEqual(r.actions.map((x) => [x.id, x.account, x.time, x.target ?? '-', x.urls.length]), [
    ['1234567890123456', '100000000000001', utc('2023-05-01T12:00:00Z'), '-', 1],
    ['1234567890123457', '100000000000002', utc('2023-05-01T12:00:00Z'), '300000000000003', 0],
  ]);
});

test('4cat: NDJSON and CSV; opener is a post, the rest comment on the thread', async () => {
  for (const f of ['4cat/items.ndjson', '4cat/items.csv']) {
    const r = await readAll(fx(f));
    assert.equal(r.format, '4cat', f);
    assert.deepEqual(r.actions.slice(0, 2).map((x) => [x.id, x.kind, x.target ?? '-', x.time]), [
      ['5001', 'post', '-', utc('2022-03-01T10:00:00Z')],
      ['5002', 'comment', '5001', utc('2022-03-01T10:01:30Z')],
    ], f);
  }
});

test('generic: the simulator contract (actions, accounts, JSON lines) needs no --map', async () => {
  const a = await readAll(fx('generic/actions.csv'));
  assert.equal(a.format, 'generic');
  assert.deepEqual(a.actions.map((x) => [x.id, x.platform, x.account, x.kind, x.time, x.target ?? '-', x.shared ?? '-']), [
    ['a1', 'twitter', 'u1', 'post', utc('2024-03-01T10:00:00Z'), '-', '-'],
    ['a2', 'twitter', 'u2', 'share', utc('2024-03-01T10:01:00Z'), '-', 'a1'],
    ['a3', 'twitter', 'u3', 'reply', utc('2024-03-01T10:02:00Z'), 'a1', '-'],
  ]);
  assert.deepEqual([a.actions[0]!.urls, a.actions[2]!.urls, a.actions[2]!.hashtags], [
    ['https://example.org/1', 'https://example.org/2'], ['https://example.org/3'], ['x', 'y'],
  ]);
  const acc = await readAll(fx('generic/accounts.csv'));
  assert.deepEqual([acc.actions.length, acc.accounts.length], [0, 2]);
  assert.deepEqual([acc.accounts[0]!.handle, acc.accounts[0]!.url, acc.accounts[0]!.followers], ['user_one', 'https://twitter.com/user_one', 10]);
  const j = await readAll(fx('generic/actions.jsonl'));
  assert.deepEqual(j.actions.map((x) => [x.id, x.kind, x.shared ?? '-', x.hashtags.join(' ')]), [['j1', 'post', '-', 'a b'], ['j2', 'share', 'j1', '']]);
  assert.deepEqual(j.actions[1]!.raw, { extra: { nested: true } });
});

const vk = data('vk-comments/MKWM2022/BFM.csv.gz');
test('vk comments import with the generic mapping (real data)', { skip: existsSync(vk) ? false : 'needs ../shared/data/vk-comments (absent)' }, async () => {
  const r = await readAll(vk, { platform: 'vk', map: { account: 'user_id_hashed', time: 'datetime', target: 'media' } });
  assert.deepEqual([r.format, r.bad.length], ['generic', 0]);
  assert.equal(r.actions.length, r.rows);
  const first = r.actions[0]!;
  // First data row of BFM.csv.gz: "😜,43bff673…,0.9989957,0.011150025,0.98884994,2022-02-22 12:46:56,BFM".
  assert.deepEqual(
    [first.platform, first.account, first.kind, first.target, first.time, first.text],
    ['vk', '43bff673118ecb6be8a923fb3cd8a582', 'comment', 'BFM', utc('2022-02-22T12:46:56Z'), '😜'],
  );
  assert.deepEqual(first.raw, { war: '0.9989957', ua: '0.011150025', ru: '0.98884994' });
});

test('telegram: an older export without date_unixtime reads `date` as UTC and warns once per kind', async (t) => {
  const tmp = mkdtempSync(join(tmpdir(), 'trollmap-tg-'));
  t.after(() => rmSync(tmp, { recursive: true, force: true }));
  const p = join(tmp, 'result.json');
  writeFileSync(p, JSON.stringify({ name: 'Old', type: 'private_group', id: 9, messages: [
    { id: 1, type: 'message', date: '2019-05-01T12:00:00', from: 'A', from_id: 'user1', text: 'hi' },
    { id: 2, type: 'message', date: '2019-05-01T12:00:05', from: 'B', from_id: 'user2', reply_to_message_id: 1, text: 'yo' },
  ] }));
  const r = await readAll(p);
  assert.deepEqual(r.actions.map((x) => [x.id, x.kind, x.time, x.target ?? '-']), [
    ['9/1', 'post', utc('2019-05-01T12:00:00Z'), '-'],
    ['9/2', 'reply', utc('2019-05-01T12:00:05Z'), '9/1'],
  ]);
  assert.deepEqual(r.warnings.map((w) => [w.line, w.field]), [[1, 'date'], [2, 'date']]);
});
