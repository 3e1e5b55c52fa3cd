// Pages and their audiences: news outlets with regular readers and headline-quoting sharers, politicians with
// supporters and critics, singers with fan communities who all share the same new clip.
import { BISHKEK, circadianTime, HOUR, isWeekend, MINUTE } from './clock.ts';
import { acct, cascade, crowd, pickPerson, responseTime } from './crowd.ts';
import type { Ctx } from './engine.ts';
import { viralSize } from './occasions.ts';
import type { Rng } from './rng.ts';
import { clientPagePost } from './text-political.ts';
import { CRITIC_COMMENTS, FAN_COMMENTS, headline, NEWS_COMMENTS, pickSaid, tongueOf, type Said } from './text-organic.ts';
import type { Page } from './types.ts';

/** How many organic people there are relative to the default world (crowds scale with it). */
export function popScale(ctx: Ctx): number {
  return ctx.w.ring.length / 1800;
}

function hashtagsOf(text: string): string[] | undefined {
  const tags = text.match(/#[\p{L}\p{N}_]+/gu);
  return tags ? tags.map((t) => t.slice(1)) : undefined;
}

function newsPage(ctx: Ctx, page: Page, rng: Rng): void {
  // Newsrooms publish less at weekends.
  const count = rng.poisson(isWeekend(ctx.dayStart + 12 * HOUR, BISHKEK) ? 3 : 5);
  const scale = popScale(ctx);
  for (let i = 0; i < count; i++) {
    const h = headline(tongueOf(page.lang, rng), rng.int(1000), rng);
    const url = `https://${page.domain}/news/${rng.range(100000, 999999)}`;
    const post = ctx.emit({ account: page.account, kind: 'post', time: circadianTime(ctx.dayStart, BISHKEK, rng),
      text: h.text, lang: h.lang, urls: [url] });
    ctx.today.news.push(post);
    const said = (a: number) => pickSaid(NEWS_COMMENTS, acct(ctx, a).tongue, rng);
    const regulars = page.regulars.filter(() => rng.chance(0.3));
    let r = 0;
    crowd(ctx, post, { size: regulars.length, medianMin: 12, sigma: 1, who: () => regulars[r++] as number, said, react: 0.1, share: 0.05 }, rng);
    const breaking = rng.chance(0.03);
    crowd(ctx, post, { size: breaking ? viralSize(ctx, 0.4, rng) : rng.poisson(4 * scale), medianMin: breaking ? 3 : 25,
      sigma: 1.1, who: () => pickPerson(ctx, rng), said, react: 0.35, share: 0.1, urgent: breaking }, rng);
    // Readers who post the link with the headline copied as their text: honest co-link and co-text.
    const quoters = rng.poisson(0.8 * scale);
    for (let q = 0; q < quoters; q++) {
      const who = pickPerson(ctx, rng);
      const t = responseTime(ctx, who, post.time, 60, 1.2, rng);
      if (t === undefined) continue;
      const text = rng.chance(0.7) ? h.text : `${h.text} ${rng.pick(['😡', '!!!', '...', '👍', '🤔'])}`;
      ctx.emit({ account: who, kind: 'post', time: t, text, lang: h.lang, urls: [url] });
    }
    if (rng.chance(0.1)) cascade(ctx, post, pickPerson(ctx, rng), post.time + 20 * MINUTE, 1.1, 60 * scale, rng);
  }
}

const SUPPORT = (short: string): Said[] => [
  { text: `${short} — молодец!`, lang: 'ru' }, { text: 'Мы с вами!', lang: 'ru' }, { text: `Алга, ${short}!`, lang: 'ky' },
  { text: 'Уважаю', lang: 'ru' }, { text: 'Биз сиз мененбиз!', lang: 'ky' }, { text: 'Так держать 👍', lang: 'ru' },
  { text: 'Ийгилик каалайм!', lang: 'ky' },
];

function politicianPage(ctx: Ctx, page: Page, rng: Rng): void {
  const client = ctx.w.clients[page.client];
  if (!client) return;
  const count = 1 + rng.poisson(0.7);
  const scale = popScale(ctx);
  const supporters = supportersOf(ctx, page.client);
  for (let i = 0; i < count; i++) {
    const s = clientPagePost(client, rng);
    const tags = hashtagsOf(s.text);
    const post = ctx.emit({ account: page.account, kind: 'post', time: ctx.dayStart + (9 - BISHKEK) * HOUR + rng.int(12 * 60) * MINUTE,
      text: s.text, lang: s.lang, ...(tags ? { hashtags: tags } : {}),
      ...(rng.chance(0.3) ? { urls: [`https://${client.site}/news/${rng.range(1000, 9999)}`] } : {}) });
    ctx.today.politician[page.client]?.push(post);
    const fans = supporters.filter(() => rng.chance(0.25));
    let f = 0;
    const say = SUPPORT(client.short);
    crowd(ctx, post, { size: fans.length, medianMin: 30, sigma: 1.2, who: () => fans[f++] as number,
      said: () => rng.pick(say), react: 0.35, share: 0.3 }, rng);
    crowd(ctx, post, { size: rng.poisson(7 * scale), medianMin: 40, sigma: 1.2, who: () => pickPerson(ctx, rng),
      said: (a) => pickSaid(rng.chance(0.45) ? CRITIC_COMMENTS : NEWS_COMMENTS, acct(ctx, a).tongue, rng),
      react: 0.5, share: 0.04, keep: 8 }, rng);
  }
}

const supporterCache = new WeakMap<object, number[][]>();
function supportersOf(ctx: Ctx, client: number): number[] {
  let lists = supporterCache.get(ctx.w);
  if (!lists) {
    lists = ctx.w.clients.map(() => []);
    for (const a of ctx.w.accounts) if (a.role === 'supporter') lists[a.group]?.push(a.index);
    supporterCache.set(ctx.w, lists);
  }
  return lists[client] ?? [];
}

const CLIP_POSTS: Said[] = [{ text: 'Новый клип! 🔥', lang: 'ru' }, { text: 'Жаңы клип чыкты!', lang: 'ky' },
  { text: 'Смотрите!!! 🔥🔥', lang: 'ru' }, { text: 'Сонун ыр, баарыңар көргүлө', lang: 'ky' }];

function celebrityPage(ctx: Ctx, page: Page, rng: Rng): void {
  if (!rng.chance(0.6)) return;
  const clip = rng.chance(0.3);
  const video = `https://youtu.be/${rng.u32().toString(36).padStart(7, '0')}${rng.int(46656).toString(36)}`;
  const text = clip ? `Жаңы клип! «${rng.pick(['Сүйүү', 'Мекен', 'Апа', 'Жаз', 'Түн'])}» ${rng.pick(['🔥', '❤️', ''])}`.trim()
    : rng.pick(['Спасибо за концерт, Ош! ❤️', 'Скоро новый трек 🔥', 'Кечээки концерт үчүн рахмат!', 'Репетиция 🎤']);
  const post = ctx.emit({ account: page.account, kind: 'post', time: circadianTime(ctx.dayStart, BISHKEK, rng), text,
    lang: /[ңөүЖ]/.test(text) ? 'ky' : 'ru', ...(clip ? { urls: [video] } : {}) });
  const fans = page.regulars.filter(() => rng.chance(0.08));
  let f = 0;
  const said = (a: number) => pickSaid(FAN_COMMENTS, acct(ctx, a).tongue, rng);
  crowd(ctx, post, { size: fans.length, medianMin: 10, sigma: 1.1, who: () => fans[f++] as number, said, react: 0.3, share: 0.1 }, rng);
  const viral = rng.chance(0.1);
  crowd(ctx, post, { size: viral ? viralSize(ctx, 0.5, rng) : rng.poisson(3 * popScale(ctx)), medianMin: viral ? 4 : 30,
    sigma: 1.2, who: () => pickPerson(ctx, rng), said, react: 0.45, share: 0.05, urgent: viral }, rng);
  if (!clip) return;
  // The fan community shares the same new clip on their own walls within hours.
  for (const fan of page.regulars) {
    if (!rng.chance(0.3)) continue;
    const t = responseTime(ctx, fan, post.time, 90, 1, rng);
    if (t === undefined) continue;
    const s = rng.chance(0.3) ? { text, lang: post.lang } : rng.pick(CLIP_POSTS);
    ctx.emit({ account: fan, kind: 'post', time: t, text: s.text, lang: s.lang, urls: [video] });
  }
}

/** Every page's posts for the day, with their organic audiences. */
export function pagesDay(ctx: Ctx, rng: Rng): void {
  for (const page of ctx.w.pages) {
    const r = rng.fork(`page/${page.index}`);
    if (page.kind === 'news') newsPage(ctx, page, r);
    else if (page.kind === 'politician') politicianPage(ctx, page, r);
    else celebrityPage(ctx, page, r);
  }
}
