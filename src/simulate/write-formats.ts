// The four output formats as writers: generic CSV, generic JSONL, Twitter IO archive CSV, Telegram export.
// Each takes the days of a simulation and writes its files into a folder. A writer file: it touches the disk.
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Simulation } from './engine.ts';
import { ACCOUNT_HEADER, ACTION_HEADER, csvLine, genericAccount, genericAction, genericActionLine, recordLine } from './format-generic.ts';
import { telegramChats, telegramFromId, telegramMessage } from './format-telegram.ts';
import { TWITTER_IO_HEADER, twitterIoLine, twitterUserId } from './format-twitter-io.ts';
import { Sink } from './sink.ts';
import type { SimAccount } from './types.ts';

import { SIM_FORMATS, type SimFormat } from './formats.ts';

export { SIM_FORMATS, type SimFormat };

/** What a format writer reports back. */
export interface FormatResult {
  files: string[];
  actions: number;
  /** Actions the format cannot hold (reactions in Twitter IO and Telegram). */
  dropped: number;
  platform: string;
  /** The account id the importer will see, for truth.csv. */
  accountId: (a: SimAccount) => string;
  /** Accounts present in the output (all for formats with an accounts file). */
  present: (a: SimAccount) => boolean;
}

/** Called after each day with the day index and actions written so far. */
export type OnDay = (day: number, written: number) => void;

async function writeGeneric(sim: Simulation, dir: string, json: boolean, withPhotos: boolean, onDay: OnDay): Promise<FormatResult> {
  const platform = sim.scenario.platform;
  const w = sim.world;
  const ext = json ? 'jsonl' : 'csv';
  const out = new Sink(join(dir, `actions.${ext}`));
  let n = 0;
  try {
    if (!json) await out.write(csvLine(ACTION_HEADER));
    let day = 0;
    for (const batch of sim.days()) {
      for (const a of batch) {
        const line = json ? JSON.stringify(genericAction(a, w, platform)) + '\n' : genericActionLine(a, w, platform);
        if (out.push(line)) await out.flush();
      }
      n += batch.length;
      onDay(day++, n);
    }
    await out.close();
  } catch (e) {
    out.destroy();
    throw e;
  }
  const acc = new Sink(join(dir, `accounts.${ext}`));
  if (!json) await acc.write(csvLine(ACCOUNT_HEADER));
  for (const a of w.accounts) {
    const rec = genericAccount(a, platform, withPhotos);
    await acc.write(json ? JSON.stringify(rec) + '\n' : recordLine(ACCOUNT_HEADER, rec));
  }
  await acc.close();
  return { files: [`actions.${ext}`, `accounts.${ext}`], actions: n, dropped: 0, platform,
    accountId: (a) => String(a.id), present: () => true };
}

async function writeTwitterIo(sim: Simulation, dir: string, onDay: OnDay): Promise<FormatResult> {
  const w = sim.world;
  const byHandle = new Map<string, SimAccount>();
  for (const a of w.accounts) if (a.handle && !byHandle.has(a.handle)) byHandle.set(a.handle, a);
  const seen = new Uint8Array(w.accounts.length);
  const out = new Sink(join(dir, 'tweets.csv'));
  let n = 0;
  let dropped = 0;
  try {
    await out.write(csvLine(TWITTER_IO_HEADER));
    let day = 0;
    for (const batch of sim.days()) {
      for (const a of batch) {
        const line = twitterIoLine(a, w, byHandle);
        if (!line) {
          dropped++;
          continue;
        }
        seen[a.account] = 1;
        n++;
        if (out.push(line)) await out.flush();
      }
      onDay(day++, n);
    }
    await out.close();
  } catch (e) {
    out.destroy();
    throw e;
  }
  return { files: ['tweets.csv'], actions: n, dropped, platform: 'twitter', accountId: twitterUserId,
    present: (a) => seen[a.index] === 1 };
}

async function writeTelegram(sim: Simulation, dir: string, onDay: OnDay): Promise<FormatResult> {
  const w = sim.world;
  const chats = telegramChats(w);
  const pageChat = new Map<number, number>(w.pages.map((p) => [p.account, p.index * 2]));
  const publicChat = chats.length - 1;
  const frags = chats.map((_, i) => join(dir, `.chat-${i}.part`));
  const sinks = frags.map((f) => new Sink(f));
  const nextId = chats.map(() => 1);
  const seen = new Uint8Array(w.accounts.length);
  let n = 0;
  let dropped = 0;
  const put = async (chat: number, msg: Record<string, unknown>): Promise<number> => {
    const id = nextId[chat] ?? 1;
    nextId[chat] = id + 1;
    const sep = id > 1 ? ',\n' : '';
    await (sinks[chat] as Sink).write(`${sep}    ${JSON.stringify({ id, ...msg })}`);
    return id;
  };
  try {
    let day = 0;
    for (const batch of sim.days()) {
      for (const a of batch) {
        const m = telegramMessage(a, w, pageChat, publicChat);
        if (!m) {
          dropped++;
          continue;
        }
        seen[a.account] = 1;
        n++;
        const id = await put(m.chat, m.message);
        a.ext = m.copyToGroup ? await put(m.chat + 1, { ...m.message, forwarded_from: m.message.from }) : id;
      }
      onDay(day++, n);
    }
    for (const s of sinks) await s.close();
  } catch (e) {
    for (const s of sinks) s.destroy();
    throw e;
  }
  const result = createWriteStream(join(dir, 'result.json'));
  const head = '{\n "about": "Here is the data you requested. Simulated by trollmap: no real people.",\n "chats": {\n  "about": "This page lists all chats from this export.",\n  "list": [\n';
  result.write(head);
  for (const [i, chat] of chats.entries()) {
    result.write(`${i ? ',\n' : ''}  {\n   "name": ${JSON.stringify(chat.name)},\n   "type": "${chat.type}",\n   "id": ${chat.id},\n   "messages": [\n`);
    for await (const chunk of createReadStream(frags[i] as string)) {
      if (!result.write(chunk)) await once(result, 'drain');
    }
    result.write('\n   ]\n  }');
  }
  result.end('\n  ]\n }\n}\n');
  await new Promise<void>((ok, fail) => result.on('finish', ok).on('error', fail));
  for (const f of frags) await rm(f);
  return { files: ['result.json'], actions: n, dropped, platform: 'telegram', accountId: telegramFromId,
    present: (a) => seen[a.index] === 1 };
}

/** Writes the simulation's actions (and accounts where the format has them) into `dir`. */
export function writeFormat(sim: Simulation, format: SimFormat, dir: string, withPhotos: boolean, onDay: OnDay): Promise<FormatResult> {
  switch (format) {
    case 'csv': return writeGeneric(sim, dir, false, withPhotos, onDay);
    case 'jsonl': return writeGeneric(sim, dir, true, withPhotos, onDay);
    case 'twitter-io': return writeTwitterIo(sim, dir, onDay);
    case 'telegram': return writeTelegram(sim, dir, onDay);
  }
}
