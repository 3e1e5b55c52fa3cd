// Telegram Desktop export (`result.json`): one chat, or the full-account export with `chats.list[]`.
// Message ids are per chat, so an action id is `<chat id>/<message id>`. Times come from `date_unixtime` (the
// `date` field has no zone; older exports without date_unixtime are read as UTC, with a warning). Channel posts are posts; in groups a message replying to a channel post forwarded
// into the discussion group is a comment, any other reply a reply; `forwarded_from` makes a share. Text is a
// string or an array of strings and entity objects; links, hashtags and mentions are taken from the entities.
import type { Account, Action, ActionKind } from '../../core/model.ts';
import { readJson } from '../records.ts';
import { str } from '../values.ts';
import { assignDefined, requiredTime } from './field-check.ts';
import type { Format, Sink } from './types.ts';

interface Entity {
  type?: string;
  text?: string;
  href?: string;
  user_id?: number;
}

interface Chat {
  id: string;
  type: string;
  name?: string;
  /** Ids of channel posts auto-forwarded into this (discussion) group. */
  channelPosts: Set<string>;
}

function textOf(msg: Record<string, unknown>): { text: string; entities: Entity[] } {
  const t = msg.text;
  const parts = Array.isArray(t) ? t : typeof t === 'string' ? [t] : [];
  let text = '';
  const inline: Entity[] = [];
  for (const p of parts) {
    if (typeof p === 'string') text += p;
    else if (p && typeof p === 'object') {
      const e = p as Entity;
      text += e.text ?? '';
      inline.push(e);
    }
  }
  const listed = Array.isArray(msg.text_entities) ? (msg.text_entities as Entity[]) : undefined;
  return { text, entities: listed ?? inline };
}

function collect(entities: readonly Entity[]): { urls: string[]; hashtags: string[]; mentions: string[] } {
  const urls: string[] = [];
  const hashtags: string[] = [];
  const mentions: string[] = [];
  for (const e of entities) {
    if (e.type === 'text_link' && e.href) urls.push(e.href);
    else if ((e.type === 'link' || e.type === 'url') && e.text) urls.push(e.text);
    else if (e.type === 'hashtag' && e.text) hashtags.push(e.text.replace(/^#/, ''));
    else if (e.type === 'mention' && e.text) mentions.push(e.text.replace(/^@/, ''));
    else if (e.type === 'mention_name' && e.user_id !== undefined) mentions.push(`user${e.user_id}`);
  }
  const clean = (l: string[]): string[] => [...new Set(l.map((v) => v.replace(/\s+/g, ' ').trim()).filter((v) => v !== ''))];
  return { urls: clean(urls), hashtags: clean(hashtags), mentions: clean(mentions) };
}

function message(chat: Chat, msg: Record<string, unknown>, n: number, platform: string, sink: Sink): void {
  sink.row();
  if (msg.type !== undefined && msg.type !== 'message') {
    sink.skip();
    return;
  }
  const mid = str(msg.id);
  const account = str(msg.from_id) ?? str(msg.actor_id) ?? (chat.type.endsWith('channel') ? `channel${chat.id}` : undefined);
  if (mid === undefined || account === undefined) {
    sink.bad({ line: n, field: mid === undefined ? 'id' : 'from_id', code: 'missing-field', message: `message has no ${mid === undefined ? 'id' : 'from_id'}; expected Telegram Desktop's result.json` });
    return;
  }
  const time = requiredTime(sink, n, 'date_unixtime', msg.date_unixtime ?? msg.date, msg.date_unixtime === undefined ? undefined : 's');
  if (time === undefined) return;
  if (msg.date_unixtime === undefined) {
    sink.warn({ line: n, field: 'date', code: 'bad-date', message: 'date has no time zone (this export has no date_unixtime); read as UTC' });
  }
  const replyTo = str(msg.reply_to_message_id);
  const forwarded = str(msg.forwarded_from_id) ?? str(msg.forwarded_from);
  const isChannel = chat.type.endsWith('channel');
  // A channel post shows up in its discussion group as a forward from the channel.
  if (!isChannel && (account.startsWith('channel') || str(msg.forwarded_from_id)?.startsWith('channel'))) chat.channelPosts.add(mid);
  let kind: ActionKind = 'post';
  if (forwarded !== undefined) kind = 'share';
  else if (replyTo !== undefined) kind = chat.channelPosts.has(replyTo) ? 'comment' : 'reply';
  const { text, entities } = textOf(msg);
  const media = ['photo', 'file', 'thumbnail'].map((k) => str(msg[k])).filter((v): v is string => v !== undefined && !v.startsWith('(File not included'));
  const raw: Record<string, unknown> = { chat: chat.name ?? chat.id, chat_type: chat.type };
  for (const k of ['media_type', 'mime_type', 'edited_unixtime', 'via_bot', 'forwarded_from', 'reactions']) {
    if (msg[k] !== undefined) raw[k] = msg[k];
  }
  const action = assignDefined<Action>(
    { platform, id: `${chat.id}/${mid}`, account, kind, time: time.ms, precision: time.precision, ...collect(entities), media, raw },
    { target: replyTo === undefined ? undefined : `${chat.id}/${replyTo}`, shared: forwarded, text: text === '' ? undefined : text },
  );
  sink.action(action);
  const name = str(msg.from) ?? str(msg.actor);
  sink.account(assignDefined<Account>({ platform, id: account }, { name }));
}

export const telegram: Format = {
  name: 'telegram',
  summary: 'Telegram Desktop export result.json (one chat, or the full-account export with chats.list)',
  platform: 'telegram',
  containers: ['json'],
  sniff: (head) =>
    /^\s*\{\s*"about"\s*:[^]*"personal_information"\s*:/.test(head.text) ||
    /"messages"\s*:\s*\[/.test(head.text) && /"(date_unixtime|from_id)"|"type"\s*:\s*"(personal_chat|private_group|private_supergroup|public_supergroup|public_channel|private_channel|saved_messages|bot_chat)"/.test(head.text),
  async read(source, _head, options, sink) {
    const platform = options.platform ?? this.platform;
    let chat: Chat = { id: '0', type: 'unknown', channelPosts: new Set() };
    let chatIndex = '';
    let n = 0;
    const paths = ['$.id', '$.name', '$.type', '$.messages.*'];
    for (const list of ['chats', 'left_chats']) {
      for (const k of ['id', 'name', 'type', 'messages.*']) paths.push(`$.${list}.list.*.${k}`);
    }
    await readJson(source, paths, sink, (path, value) => {
      const inList = path[0] === 'chats' || path[0] === 'left_chats';
      const index = inList ? `${path[0]}/${path[2]}` : 'single';
      if (index !== chatIndex) {
        chat = { id: index, type: 'unknown', channelPosts: new Set() };
        chatIndex = index;
      }
      const key = path[inList ? 3 : 0];
      if (key === 'messages') {
        n++;
        if (value && typeof value === 'object') message(chat, value as Record<string, unknown>, n, platform, sink);
        else {
          sink.row();
          sink.bad({ line: n, code: 'bad-json', message: 'message is not a JSON object; expected Telegram Desktop messages' });
        }
      } else if (key === 'id') chat.id = String(value);
      else if (key === 'type') chat.type = String(value);
      else if (key === 'name' && typeof value === 'string') chat.name = value;
    });
  },
};
