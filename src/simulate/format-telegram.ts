// Telegram Desktop export messages (pure): each page is a channel with its discussion group, where comments
// reply to the channel post's automatic copy; everything else happens in one public chat. Reactions are left
// out (the export only counts them). `date` is Bishkek wall-clock time, `date_unixtime` the true instant.
import { BISHKEK, HOUR } from './clock.ts';
import type { SimAccount, SimAction, World } from './types.ts';

/** A chat of the export. */
export interface TgChat {
  name: string;
  type: 'public_channel' | 'public_supergroup';
  id: number;
}

/** Chats: channel and discussion group of each page (2i, 2i+1), then the public chat (last). */
export function telegramChats(w: World): TgChat[] {
  const chats: TgChat[] = [];
  for (const page of w.pages) {
    const a = w.accounts[page.account] as SimAccount;
    chats.push({ name: a.name, type: 'public_channel', id: a.id });
    chats.push({ name: `${a.name} — обсуждение`, type: 'public_supergroup', id: 2_000_000_000 + page.index });
  }
  chats.push({ name: 'Бишкек — общий чат', type: 'public_supergroup', id: 1_900_000_000 });
  return chats;
}

/** The export's `from_id` of an account (pages speak as their channel). */
export function telegramFromId(a: SimAccount): string {
  return a.role === 'news' || a.role === 'politician' || a.role === 'celebrity' ? `channel${a.id}` : `user${a.id}`;
}

type Part = string | { type: 'link' | 'hashtag' | 'mention'; text: string };

/** Text as Telegram exports it: a string, or an array of strings and entity objects when it has entities. */
export function telegramText(text: string): { text: string | Part[]; text_entities: Array<{ type: string; text: string }> } {
  const parts: Part[] = [];
  let last = 0;
  for (const m of text.matchAll(/https?:\/\/\S+|#[\p{L}\p{N}_]+|@[\w.]+/gu)) {
    const at = m.index ?? 0;
    if (at > last) parts.push(text.slice(last, at));
    const t = m[0];
    parts.push({ type: t.startsWith('#') ? 'hashtag' : t.startsWith('@') ? 'mention' : 'link', text: t });
    last = at + t.length;
  }
  if (parts.length === 0) return { text, text_entities: text ? [{ type: 'plain', text }] : [] };
  if (last < text.length) parts.push(text.slice(last));
  return { text: parts, text_entities: parts.map((p) => (typeof p === 'string' ? { type: 'plain', text: p } : p)) };
}

function root(a: SimAction): SimAction {
  let r = a;
  while (r.target) r = r.target;
  return r;
}

/** One message to write: which chat it goes to and its JSON (without the id, which the writer assigns). */
export interface TgMessage {
  chat: number;
  /** The action whose id a reply should point at, or the writer's counter for the group copy. */
  message: Record<string, unknown>;
  /** For a page post: also copy it into the discussion group (chat + 1) and remember that copy's id. */
  copyToGroup: boolean;
}

/** Where and how an action appears in the export, or undefined for reactions. */
export function telegramMessage(a: SimAction, w: World, pageChat: ReadonlyMap<number, number>, publicChat: number): TgMessage | undefined {
  if (a.kind === 'reaction') return undefined;
  const acc = w.accounts[a.account] as SimAccount;
  const own = pageChat.get(a.account);
  const base: Record<string, unknown> = {
    type: 'message',
    date: new Date(a.time + BISHKEK * HOUR).toISOString().slice(0, 19),
    date_unixtime: String(Math.floor(a.time / 1000)),
    from: acc.name,
    from_id: telegramFromId(acc),
  };
  let text = a.text;
  if (a.urls?.length && !a.urls.every((u) => text.includes(u))) text = `${text} ${a.urls.join(' ')}`.trim();
  if (a.kind === 'post' && own !== undefined) {
    return { chat: own, message: { ...base, ...telegramText(text) }, copyToGroup: true };
  }
  if (a.kind === 'share' && a.shared) {
    const src = w.accounts[a.shared.account] as SimAccount;
    const s = a.shared.urls?.length && !a.shared.urls.every((u) => a.shared?.text.includes(u)) ? `${a.shared.text} ${a.shared.urls.join(' ')}` : a.shared.text;
    return { chat: publicChat, message: { ...base, forwarded_from: src.name, ...telegramText(s) }, copyToGroup: false };
  }
  const media = a.media?.[0];
  if (media && media.endsWith('.mp4')) Object.assign(base, { file: media, media_type: 'video_file', mime_type: 'video/mp4' });
  else if (media) base.photo = media;
  const r = root(a);
  const rootChat = pageChat.get(r.account);
  const chat = a.target ? (rootChat !== undefined ? rootChat + 1 : publicChat) : publicChat;
  if (a.target && a.target.ext > 0) base.reply_to_message_id = a.target.ext;
  return { chat, message: { ...base, ...telegramText(text) }, copyToGroup: false };
}
