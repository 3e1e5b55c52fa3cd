// One day of organic life: pages and their audiences, the calendar's occasions, and ordinary people posting
// on their own walls (chatter, shared news, memes, prayers) with their acquaintances answering.
import { BISHKEK, circadianTime, DAY, HOUR, isWeekend } from './clock.ts';
import { acct, cascade, crowd, friendOf, responseTime } from './crowd.ts';
import type { Ctx } from './engine.ts';
import { occasionsOn } from './occasions.ts';
import { pagesDay } from './pages.ts';
import { pickCumulative, type Rng } from './rng.ts';
import { chatterPost, FRIEND_COMMENTS, NEWS_COMMENTS, pickSaid, PRAYERS } from './text-organic.ts';
import type { SimAction } from './types.ts';

export { planCalendar, type Occasion } from './occasions.ts';

/** Own posts per unit of activity per day (activity is Pareto(1, 1.6), mean ≈ 2.7). */
const POST_RATE = 0.045;

/** Adds one day of organic actions. */
export function organicDay(ctx: Ctx, rng: Rng): void {
  pagesDay(ctx, rng.fork('pages'));
  occasionsOn(ctx, rng.fork('occasions'));
  ordinaryDay(ctx, rng.fork('ordinary'));
}

function ordinaryDay(ctx: Ctx, rng: Rng): void {
  const news = ctx.recentNews.concat(ctx.today.news);
  const week = Math.floor((ctx.dayStart - ctx.p.start) / (7 * DAY));
  // People post a little more at weekends.
  const rate = POST_RATE * ctx.p.activity * (isWeekend(ctx.dayStart + 12 * HOUR, BISHKEK) ? 1.15 : 1);
  // Each person posts Poisson(activity × rate) times; drawing the day's total and handing each post to a person
  // in proportion to activity is the same distribution, at a cost proportional to posts rather than people.
  const cum = ctx.w.activityCum;
  const total = rng.poisson((cum[cum.length - 1] ?? 0) * rate);
  for (let j = 0; j < total; j++) {
    const who = ctx.w.ring[pickCumulative(cum, rng)] as number;
    const a = acct(ctx, who);
    const t = circadianTime(ctx.dayStart, a.offset, rng);
    const u = rng.float();
    let post: SimAction;
    const item = news.length ? rng.pick(news) : undefined;
    if (u < 0.12) {
      if (item && item.time < t) {
        const quote = rng.chance(0.4) ? pickSaid(NEWS_COMMENTS, a.tongue, rng) : undefined;
        ctx.emit({ account: who, kind: quote ? 'quote' : 'share', time: t, shared: item, text: quote?.text ?? '', lang: quote?.lang ?? '' });
      }
      continue;
    } else if (u < 0.22) {
      // Memes circulate: the same few images a week, posted by many people.
      post = ctx.emit({ account: who, kind: 'post', time: t, text: rng.chance(0.5) ? '😂😂😂' : '', lang: '',
        media: [`img/meme-w${week}-${rng.int(15)}.jpg`] });
    } else if (u < 0.27) {
      const s = pickSaid(PRAYERS, a.tongue, rng);
      post = ctx.emit({ account: who, kind: 'post', time: t, text: s.text, lang: s.lang });
    } else {
      const s = chatterPost(a.tongue, rng);
      post = ctx.emit({ account: who, kind: 'post', time: t, text: s.text, lang: s.lang });
    }
    friendsAnswer(ctx, post, who, rng);
  }
}

function friendsAnswer(ctx: Ctx, post: SimAction, author: number, rng: Rng): void {
  const a = acct(ctx, author);
  crowd(ctx, post, { size: rng.poisson(0.6 + Math.log1p(a.followers) * 0.25), medianMin: 45, sigma: 1.3,
    who: () => friendOf(ctx, author, rng), said: (f) => pickSaid(FRIEND_COMMENTS, acct(ctx, f).tongue, rng),
    react: 0.5, share: 0.03, keep: 3 }, rng);
  const first = post.thread?.[0];
  if (first && rng.chance(0.35)) {
    const t = responseTime(ctx, author, first.time, 30, 1, rng);
    const s = pickSaid(FRIEND_COMMENTS, a.tongue, rng);
    const handle = acct(ctx, first.account).handle;
    if (t !== undefined) {
      ctx.emit({ account: author, kind: 'reply', time: t, target: first, text: s.text, lang: s.lang,
        ...(handle ? { mentions: [handle] } : {}) });
    }
  }
  post.thread = undefined;
  if (rng.chance(0.02)) cascade(ctx, post, author, post.time + 30 * 60_000, 1.0, 80, rng);
}
