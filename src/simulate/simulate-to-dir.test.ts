// Writes real folders and reads them back with independent parsers (papaparse, JSON.parse).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { scenarioFor } from './scenario.ts';
import { simulateToDir } from './simulate-to-dir.ts';

const portraits = fileURLToPath(new URL('../../../shared/data/photos/congress/200x250/', import.meta.url));
const havePhotos = existsSync(portraits);
const small = (seed: number) => scenarioFor({ seed, accounts: 400, days: 6 });
const root = await mkdtemp(join(tmpdir(), 'trollmap-sim-'));
after(() => rm(root, { recursive: true, force: true }));

async function filesOf(dir: string, sub = ''): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const e of await readdir(join(dir, sub), { withFileTypes: true })) {
    const rel = join(sub, e.name);
    if (e.isDirectory()) for (const [k, v] of await filesOf(dir, rel)) out.set(k, v);
    else out.set(rel, await readFile(join(dir, rel)));
  }
  return out;
}

function parse(text: string): { header: string[]; rows: string[][] } {
  const r = Papa.parse<string[]>(text, { skipEmptyLines: true });
  assert.deepEqual(r.errors, []);
  const [header, ...rows] = r.data;
  return { header: header as string[], rows };
}

test('same seed gives byte-identical folders; another seed differs', async () => {
  const opts = { portraits: havePhotos ? portraits : undefined };
  await simulateToDir(small(5), join(root, 'a'), opts);
  await simulateToDir(small(5), join(root, 'b'), opts);
  await simulateToDir(small(6), join(root, 'c'), opts);
  const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((d) => filesOf(join(root, d))));
  assert.deepEqual([...(a as Map<string, Buffer>).keys()].sort(), [...(b as Map<string, Buffer>).keys()].sort());
  for (const [name, bytes] of a as Map<string, Buffer>) assert.ok(bytes.equals((b as Map<string, Buffer>).get(name) as Buffer), name);
  assert.ok(!(a?.get('actions.csv') as Buffer).equals(c?.get('actions.csv') as Buffer));
});

test('the CSV follows the contract and parses with papaparse; truth matches accounts', async () => {
  const dir = join(root, 'csv');
  const summary = await simulateToDir(small(1), dir, { portraits: havePhotos ? portraits : undefined });
  const actions = parse(await readFile(join(dir, 'actions.csv'), 'utf8'));
  assert.deepEqual(actions.header, ['id', 'platform', 'account', 'time', 'kind', 'target', 'shared', 'text', 'url', 'hashtag', 'mention', 'media', 'lang']);
  assert.equal(actions.rows.length, summary.actions);
  const accounts = parse(await readFile(join(dir, 'accounts.csv'), 'utf8'));
  assert.deepEqual(accounts.header, ['platform', 'account', 'handle', 'name', 'created', 'bio', 'avatar', 'followers', 'following', 'url']);
  const known = new Set(accounts.rows.map((r) => `${r[0]}:${r[1]}`));
  const ids = new Set<string>();
  for (const r of actions.rows) {
    assert.equal(r.length, 13);
    const [id, platform, account, time, kind, target, shared] = r as [string, string, string, string, string, string, string];
    assert.match(time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.ok(['post', 'comment', 'reply', 'share', 'quote', 'reaction'].includes(kind), kind);
    assert.ok(known.has(`${platform}:${account}`), `unknown account ${account}`);
    if (kind === 'comment' || kind === 'reply' || kind === 'reaction') assert.ok(ids.has(target), `target ${target} of ${id}`);
    if (kind === 'share') assert.ok(ids.has(shared), `shared ${shared} of ${id}`);
    ids.add(id);
  }
  const truth = parse(await readFile(join(dir, 'truth.csv'), 'utf8'));
  assert.deepEqual(truth.header, ['platform', 'account', 'label', 'factory', 'operator', 'client', 'role']);
  assert.deepEqual(new Set(truth.rows.map((r) => `${r[0]}:${r[1]}`)), known);
  for (const r of truth.rows) {
    assert.ok(r[2] === 'organic' || r[2] === 'troll');
    assert.equal(r[2] === 'troll', (r[3] as string).startsWith('factory-'));
  }
  assert.ok(truth.rows.some((r) => r[2] === 'troll'));
  if (havePhotos) {
    const avatars = accounts.rows.map((r) => r[6] as string).filter(Boolean);
    assert.ok(avatars.length > 0);
    for (const a of avatars) assert.ok(existsSync(join(dir, a)), a);
  }
});

test('JSONL has the same fields, with arrays for list fields', async () => {
  const dir = join(root, 'jsonl');
  await simulateToDir(small(1), dir, { format: 'jsonl' });
  const lines = (await readFile(join(dir, 'actions.jsonl'), 'utf8')).trim().split('\n');
  for (const line of lines.slice(0, 500)) {
    const o = JSON.parse(line) as Record<string, unknown>;
    assert.deepEqual(Object.keys(o), ['id', 'platform', 'account', 'time', 'kind', 'target', 'shared', 'text', 'url', 'hashtag', 'mention', 'media', 'lang']);
    assert.ok(Array.isArray(o.url) && Array.isArray(o.hashtag) && Array.isArray(o.media));
  }
  const csv = await simulateToDir(small(1), join(root, 'csv-again'));
  assert.equal(lines.length, csv.actions);
});

test('Twitter IO archive: exact header, minute times, Python lists, float counts, hashed small accounts', async () => {
  const dir = join(root, 'tw');
  await simulateToDir(small(1), dir, { format: 'twitter-io' });
  const { header, rows } = parse(await readFile(join(dir, 'tweets.csv'), 'utf8'));
  assert.equal(header.join(','), 'tweetid,userid,user_display_name,user_screen_name,user_reported_location,user_profile_description,user_profile_url,follower_count,following_count,account_creation_date,account_language,tweet_language,tweet_text,tweet_time,tweet_client_name,in_reply_to_userid,in_reply_to_tweetid,quoted_tweet_tweetid,is_retweet,retweet_userid,retweet_tweetid,latitude,longitude,quote_count,reply_count,like_count,retweet_count,hashtags,urls,user_mentions,poll_choices');
  const col = (name: string) => header.indexOf(name);
  const users = new Set(rows.map((r) => r[col('userid')]));
  for (const r of rows) {
    assert.match(r[col('tweet_time')] as string, /^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    assert.match(r[col('hashtags')] as string, /^\[('[^']*'(, '[^']*')*)?\]$/);
    assert.match(r[col('follower_count')] as string, /^\d+\.0$/);
    assert.equal(r[col('latitude')], 'absent');
    if (Number((r[col('follower_count')] as string)) < 5000) assert.match(r[col('userid')] as string, /^[0-9a-f]{64}$/);
    if (r[col('is_retweet')] === 'True') assert.match(r[col('tweet_text')] as string, /^RT @/);
  }
  const truth = parse(await readFile(join(dir, 'truth.csv'), 'utf8'));
  assert.deepEqual(new Set(truth.rows.map((r) => r[1])), users);
});

test('Telegram export: channels with discussion groups, replies point at messages of the same chat', async () => {
  const dir = join(root, 'tg');
  await simulateToDir(small(1), dir, { format: 'telegram' });
  const json = JSON.parse(await readFile(join(dir, 'result.json'), 'utf8')) as { chats: { list: Array<{ type: string; messages: Array<Record<string, unknown>> }> } };
  const chats = json.chats.list;
  assert.ok(chats.some((c) => c.type === 'public_channel') && chats.some((c) => c.type === 'public_supergroup'));
  let replies = 0;
  let entities = 0;
  for (const c of chats) {
    const ids = new Set<number>();
    for (const m of c.messages) {
      assert.match(String(m.date_unixtime), /^\d{10}$/);
      assert.ok(typeof m.from_id === 'string' && /^(user|channel)\d+$/.test(m.from_id));
      if (m.reply_to_message_id !== undefined) {
        replies++;
        assert.ok(ids.has(m.reply_to_message_id as number), `reply to ${String(m.reply_to_message_id)}`);
      }
      if (Array.isArray(m.text)) entities++;
      ids.add(m.id as number);
    }
  }
  assert.ok(replies > 100 && entities > 10, `${replies} replies, ${entities} texts with entities`);
});

test('refuses a non-empty folder and leaves nothing behind when writing fails', async () => {
  const full = join(root, 'full');
  await mkdir(full);
  await writeFile(join(full, 'keep.txt'), 'mine');
  await assert.rejects(simulateToDir(small(1), full), /not empty/);
  assert.deepEqual(await readdir(full), ['keep.txt']);
  // A corrupt portrait makes the photo step fail half way through.
  const bad = join(root, 'bad-portraits');
  await mkdir(bad);
  for (let i = 0; i < 40; i++) await writeFile(join(bad, `p${String(i).padStart(2, '0')}.jpg`), 'not a jpeg');
  const out = join(root, 'never');
  await assert.rejects(simulateToDir(small(1), out, { portraits: bad }));
  assert.equal(existsSync(out), false);
  assert.deepEqual((await readdir(root)).filter((n) => n.includes('partial')), []);
});
