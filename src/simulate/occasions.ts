// Days when many honest people say the same thing at once: holidays, deaths, a football match, a singer's
// birthday, and chain letters passed from wall to wall. These are the simulator's hardest negatives.
import { BISHKEK, DAY, HOUR, MINUTE } from './clock.ts';
import { acct, crowd, friendOf, pickPerson, responseTime } from './crowd.ts';
import type { Ctx } from './engine.ts';
import type { Rng } from './rng.ts';
import type { ScenarioParams } from './scenario.ts';
import { BIRTHDAY_WISHES, CHAIN_LETTERS, CONDOLENCES, HOLIDAY_GREETINGS, NOORUZ_GREETINGS, pickSaid, PRAYERS,
  SLOGANS, type Said } from './text-organic.ts';
import type { Page, World } from './types.ts';

/** Something that happens on a day of the calendar. */
export interface Occasion {
  kind: 'holiday' | 'nooruz' | 'condolence' | 'match' | 'birthday' | 'chain';
  /** Which chain letter, for `chain`. */
  n: number;
}

/** Fixed holidays from the date, plus a few random sad, sporting and personal days and chain letters. */
export function planCalendar(p: ScenarioParams, w: World, rng: Rng): Map<number, Occasion[]> {
  const cal = new Map<number, Occasion[]>();
  const add = (d: number, o: Occasion) => cal.set(d, [...(cal.get(d) ?? []), o]);
  let holidays = 0;
  for (let d = 0; d < p.days; d++) {
    const date = new Date(p.start + d * DAY + BISHKEK * HOUR);
    const md = `${date.getUTCMonth() + 1}-${date.getUTCDate()}`;
    if (md === '3-21') add(d, { kind: 'nooruz', n: 0 });
    else if (md === '3-8' || md === '1-1' || md === '8-31' || md === '5-9') add(d, { kind: 'holiday', n: 0 });
    else continue;
    holidays++;
  }
  if (holidays === 0 && p.days >= 3) add(rng.int(p.days), { kind: 'holiday', n: 0 });
  for (let i = 0; i < Math.max(1, Math.round(p.days / 7)); i++) add(rng.int(p.days), { kind: 'condolence', n: i });
  if (p.days >= 5) for (let i = 0; i < Math.max(1, Math.round(p.days / 10)); i++) add(rng.int(p.days), { kind: 'match', n: i });
  if (w.pages.some((pg) => pg.kind === 'celebrity')) add(rng.int(p.days), { kind: 'birthday', n: 0 });
  const chains = Math.max(1, Math.round((w.ring.length / 5000) * (p.days / 14)));
  for (let i = 0; i < chains; i++) add(rng.int(Math.max(1, p.days - 2)), { kind: 'chain', n: i });
  return cal;
}

/** A crowd as big as a viral post draws, bounded by the population. */
export function viralSize(ctx: Ctx, share: number, rng: Rng): number {
  return Math.round(share * Math.min(ctx.w.ring.length * 0.25, rng.logNormal(1500, 0.35)));
}

function pageOf(ctx: Ctx, kind: Page['kind'], rng: Rng): Page {
  const list = ctx.w.pages.filter((pg) => pg.kind === kind);
  return list.length ? rng.pick(list) : rng.pick(ctx.w.pages.filter((pg) => pg.kind === 'news'));
}

/** Runs the day's occasions. */
export function occasionsOn(ctx: Ctx, rng: Rng): void {
  for (const o of ctx.calendar.get(ctx.day) ?? []) {
    const morning = ctx.dayStart + (8 - BISHKEK) * HOUR + rng.int(150) * MINUTE;
    const say = (pool: { ru: readonly Said[]; ky: readonly Said[] }) => (who: number) => pickSaid(pool, acct(ctx, who).tongue, rng);
    const who = () => pickPerson(ctx, rng);
    if (o.kind === 'holiday' || o.kind === 'nooruz') {
      const pool = o.kind === 'nooruz' ? NOORUZ_GREETINGS : HOLIDAY_GREETINGS;
      const page = pageOf(ctx, 'celebrity', rng);
      const text = o.kind === 'nooruz' ? 'Нооруз майрамыңыздар менен! Жаз келди! 🌷' : 'С праздником, дорогие! Майрамыңыздар менен! 🌷';
      const post = ctx.emit({ account: page.account, kind: 'post', time: morning, text, lang: 'ky', media: [`img/postcard-${ctx.day}-0.jpg`] });
      crowd(ctx, post, { size: viralSize(ctx, 1, rng), medianMin: 12, sigma: 1.3, who, said: say(pool), react: 0.35, share: 0.05 }, rng);
      // People also post greetings on their own walls, many with the same few postcards.
      for (let i = 0; i < ctx.w.ring.length * 0.05; i++) {
        const a = pickPerson(ctx, rng);
        const t = responseTime(ctx, a, morning - HOUR, 120, 1, rng);
        if (t === undefined) continue;
        const s = pickSaid(pool, acct(ctx, a).tongue, rng);
        ctx.emit({ account: a, kind: 'post', time: t, text: s.text, lang: s.lang,
          ...(rng.chance(0.4) ? { media: [`img/postcard-${ctx.day}-${rng.int(6)}.jpg`] } : {}) });
      }
    } else if (o.kind === 'condolence') {
      const page = pageOf(ctx, 'news', rng);
      const text = rng.pick([`Скончался народный артист Кыргызстана. Ему было ${rng.range(62, 88)} лет`,
        `Трагедия на трассе Бишкек–Ош: погибли ${rng.range(5, 9)} человек`, 'Белгилүү акын дүйнөдөн кайтты']);
      const post = ctx.emit({ account: page.account, kind: 'post', time: morning + rng.int(8 * 60) * MINUTE, text,
        lang: text.startsWith('Белгилүү') ? 'ky' : 'ru', urls: [`https://${page.domain}/news/${rng.range(100000, 999999)}`] });
      ctx.today.news.push(post);
      crowd(ctx, post, { size: viralSize(ctx, 0.7, rng), medianMin: 6, sigma: 1.2, who,
        said: (a) => (rng.chance(0.2) ? pickSaid(PRAYERS, acct(ctx, a).tongue, rng) : pickSaid(CONDOLENCES, acct(ctx, a).tongue, rng)),
        react: 0.3, share: 0.08 }, rng);
    } else if (o.kind === 'match') {
      const page = pageOf(ctx, 'news', rng);
      const post = ctx.emit({ account: page.account, kind: 'post', time: ctx.dayStart + (21 - BISHKEK) * HOUR + rng.int(60) * MINUTE,
        text: `Сборная Кыргызстана обыграла ${rng.pick(['Таджикистан', 'Иран', 'Оман', 'Малайзию'])} — ${rng.range(1, 3)}:0!`, lang: 'ru' });
      ctx.today.news.push(post);
      crowd(ctx, post, { size: viralSize(ctx, 0.5, rng), medianMin: 5, sigma: 1.1, who, said: say(SLOGANS), react: 0.4, share: 0.06, urgent: true }, rng);
    } else if (o.kind === 'birthday') {
      const page = pageOf(ctx, 'celebrity', rng);
      const post = ctx.emit({ account: page.account, kind: 'post', time: morning + 2 * HOUR,
        text: `Сегодня мне ${rng.range(25, 45)}! Спасибо всем за поздравления ❤️`, lang: 'ru' });
      const fans = page.regulars;
      const fanWho = () => (fans.length && rng.chance(0.6) ? rng.pick(fans) : pickPerson(ctx, rng));
      crowd(ctx, post, { size: viralSize(ctx, 0.4, rng) + Math.round(fans.length * 0.4), medianMin: 20, sigma: 1.3,
        who: fanWho, said: say(BIRTHDAY_WISHES), react: 0.3, share: 0.02 }, rng);
    } else {
      chainLetter(ctx, CHAIN_LETTERS[o.n % CHAIN_LETTERS.length] as Said, rng);
    }
  }
}

/** A chain letter copied word for word from wall to wall over days (a human copy-paste chain). */
function chainLetter(ctx: Ctx, letter: Said, rng: Rng): void {
  const cap = Math.min(150, Math.max(15, Math.round(ctx.w.ring.length * 0.02)));
  const seen = new Set<number>();
  // A letter that dies out early reaches people again from elsewhere (other chats, relatives).
  for (let attempt = 0; attempt < 6 && seen.size < cap / 2; attempt++) {
    const first = pickPerson(ctx, rng);
    if (seen.has(first)) continue;
    const t0 = ctx.dayStart + (12 - BISHKEK) * HOUR + rng.int(8 * 60) * MINUTE + attempt * 3 * HOUR;
    const queue: Array<[number, number]> = [[first, t0]];
    seen.add(first);
    ctx.emit({ account: first, kind: 'post', time: t0, text: letter.text, lang: letter.lang });
    while (queue.length && seen.size < cap) {
      const [from, t] = queue.shift() as [number, number];
      const k = rng.poisson(2.2);
      for (let i = 0; i < k && seen.size < cap; i++) {
        const next = friendOf(ctx, from, rng);
        if (seen.has(next)) continue;
        const at = responseTime(ctx, next, t, 180, 0.9, rng);
        if (at === undefined) continue;
        seen.add(next);
        ctx.emit({ account: next, kind: 'post', time: at, text: letter.text, lang: letter.lang });
        queue.push([next, at]);
      }
    }
  }
}
