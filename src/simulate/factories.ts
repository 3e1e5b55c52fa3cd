// One day of troll-factory work. Curators hand out talking points; operators, on their shifts, switch between
// their accounts to pile on under the client's posts (defence) and rivals' posts (attack), answer critics, raid
// news threads, push links and videos with reposts, and post some cover chatter to look ordinary.
import { circadianTime, DAY, HOUR, MINUTE, nextDuty } from './clock.ts';
import { acct } from './crowd.ts';
import type { Ctx } from './engine.ts';
import { hash32, type Rng } from './rng.ts';
import { reword } from './reword.ts';
import type { ScenarioParams } from './scenario.ts';
import { chatterPost, tongueOf } from './text-organic.ts';
import { attackOn, talkingPoints, TROLL_REPLIES, type Client } from './text-political.ts';
import type { FactoryPlan, OperatorPlan, SimAction } from './types.ts';

type Lines = { ru: string[]; ky: string[] };

/** The client a factory works for on a day (after the switch date, the new one). */
export function clientOn(f: FactoryPlan, day: number): number {
  let c = f.schedule[0]?.client ?? 0;
  for (const s of f.schedule) if (day >= s.fromDay) c = s.client;
  return c;
}

/** Workload multiplier: rises towards election day, drops after it. */
export function electionBoost(p: ScenarioParams, day: number): number {
  return day <= p.electionDay ? 1 + 1.5 * Math.exp(-(p.electionDay - day) / 3) : 0.6;
}

interface Crew { start: number; ops: Array<{ op: OperatorPlan; end: number }> }

function crew(f: FactoryPlan, t: number, saturdays: boolean): Crew | undefined {
  let start = Infinity;
  for (const op of f.operators) start = Math.min(start, nextDuty(op.shift, t, saturdays)?.start ?? Infinity);
  if (!Number.isFinite(start)) return undefined;
  const ops: Crew['ops'] = [];
  for (const op of f.operators) {
    const w = nextDuty(op.shift, start, saturdays);
    if (w && w.start === start) ops.push({ op, end: w.end });
  }
  return { start, ops };
}

/** `k` of the operator's accounts, the ones used more often being likelier. */
function pickAccounts(ctx: Ctx, op: OperatorPlan, k: number, rng: Rng): number[] {
  const out: number[] = [];
  for (const a of rng.sample(op.accounts, Math.min(op.accounts.length, k * 2))) {
    if (out.length >= k) break;
    if (rng.float() * 1.3 < acct(ctx, a).activity) out.push(a);
  }
  return out;
}

function line(ctx: Ctx, account: number, lines: Lines, rng: Rng): { text: string; lang: 'ru' | 'ky' } {
  const lang = tongueOf(acct(ctx, account).tongue, rng);
  const base = rng.pick(lines[lang]);
  return { text: rng.chance(0.4) ? base : reword(base, rng), lang };
}

interface Job { f: FactoryPlan; client: Client; clientIndex: number; saturdays: boolean; rng: Rng }

/** Work planned for a client is dropped when it would be done after the network has switched sides. */
function stillWorksFor(ctx: Ctx, job: Job, t: number): boolean {
  return clientOn(job.f, Math.floor((t - ctx.p.start) / DAY)) === job.clientIndex;
}

/** 10+ accounts of a factory commenting, reacting and reposting under one post within minutes. */
function pileOn(ctx: Ctx, job: Job, post: SimAction, lines: Lines, size: number, praise: boolean): void {
  const { f, rng } = job;
  const t0 = post.time + rng.logNormal(7, 0.6) * MINUTE;
  const c = crew(f, t0, job.saturdays);
  if (!c || !c.ops.length) return;
  const start = c.start > t0 ? c.start + rng.range(3, 40) * MINUTE : c.start;
  if (start - post.time > 40 * HOUR || !stillWorksFor(ctx, job, start)) return;
  const staff = c.ops.reduce((s, o) => s + o.op.accounts.length, 0);
  for (const { op, end } of c.ops) {
    const quota = Math.max(1, Math.round((size * op.accounts.length) / staff));
    let t = start + rng.exp(90_000);
    for (const a of pickAccounts(ctx, op, quota, rng)) {
      t += 15_000 + rng.logNormal(35_000, 0.5);
      if (t >= end) break;
      if (acct(ctx, a).role === 'amplifier') {
        ctx.emit(rng.chance(0.6) ? { account: a, kind: 'share', time: t, shared: post, text: '', lang: '' }
          : { account: a, kind: 'reaction', time: t, target: post, text: '', lang: '' });
        continue;
      }
      const said = line(ctx, a, lines, rng);
      const tag = praise && rng.chance(0.25) ? job.client.hashtag : '';
      ctx.emit({ account: a, kind: 'comment', time: t, target: post, text: tag ? `${said.text} ${tag}` : said.text,
        lang: said.lang, ...(tag ? { hashtags: [tag.slice(1)] } : {}) });
      if (rng.chance(0.3) && t + 5000 < end) ctx.emit({ account: a, kind: 'reaction', time: t + 5000, target: post, text: '', lang: '' });
      const critic = post.thread?.find((x) => x.time < t && rng.chance(0.3));
      if (critic && rng.chance(0.15) && t + 40_000 < end) {
        const lang = tongueOf(acct(ctx, a).tongue, rng);
        const base = rng.pick(TROLL_REPLIES[lang]);
        const handle = acct(ctx, critic.account).handle;
        ctx.emit({ account: a, kind: 'reply', time: t + 40_000, target: critic, text: rng.chance(0.5) ? base : reword(base, rng),
          lang, ...(handle ? { mentions: [handle] } : {}) });
      }
    }
  }
}

/** A few operators' comments under a news post, spread over an hour or so. */
function newsRaid(ctx: Ctx, job: Job, post: SimAction, lines: Lines): void {
  const { rng } = job;
  const c = crew(job.f, post.time + rng.logNormal(30, 0.8) * MINUTE, job.saturdays);
  if (!c || !c.ops.length || c.start - post.time > 30 * HOUR || !stillWorksFor(ctx, job, c.start)) return;
  let t = c.start;
  for (let i = rng.range(3, 8); i > 0; i--) {
    const { op, end } = rng.pick(c.ops);
    const a = pickAccounts(ctx, op, 1, rng)[0];
    t += rng.logNormal(4, 0.8) * MINUTE;
    if (a === undefined || t >= end || acct(ctx, a).role === 'amplifier') continue;
    const said = line(ctx, a, lines, rng);
    ctx.emit({ account: a, kind: 'comment', time: t, target: post, text: said.text, lang: said.lang });
  }
}

/** The client's link or video of the day; every factory working for the client pushes the same one. */
function linkFor(client: Client, day: number, j: number): { url: string; media?: string } {
  const h = hash32(`${client.id}/${day}/${j}`);
  if (j % 2 === 1) return { url: `https://youtu.be/${h.toString(36).padStart(7, 'x')}${client.id.slice(-1)}Vq`, media: `video/${client.id}-d${day}-${j}.mp4` };
  return { url: `https://${client.site}/news/${10000 + (h % 90000)}` };
}

/** Link and video pushing: many accounts post the same link with the talking points, others repost it. */
function linkCampaign(ctx: Ctx, job: Job, j: number, lines: Lines, size: number): void {
  const { rng, client } = job;
  const c = crew(job.f, ctx.dayStart + rng.int(DAY), job.saturdays);
  if (!c || !c.ops.length || !stillWorksFor(ctx, job, c.start)) return;
  const link = linkFor(client, ctx.day, j);
  let seed: SimAction | undefined;
  const staff = c.ops.reduce((s, o) => s + o.op.accounts.length, 0);
  for (const { op, end } of c.ops) {
    let t = c.start + rng.exp(5 * MINUTE);
    for (const a of pickAccounts(ctx, op, Math.max(1, Math.round((size * op.accounts.length) / staff)), rng)) {
      t += rng.logNormal(2, 0.7) * MINUTE;
      if (t >= end) break;
      if (seed && seed.time < t && (acct(ctx, a).role === 'amplifier' || rng.chance(0.35))) {
        ctx.emit({ account: a, kind: 'share', time: t, shared: seed, text: '', lang: '' });
        continue;
      }
      const said = line(ctx, a, lines, rng);
      const post = ctx.emit({ account: a, kind: 'post', time: t, text: `${said.text} ${client.hashtag} ${link.url}`, lang: said.lang,
        urls: [link.url], hashtags: [client.hashtag.slice(1)], ...(link.media ? { media: [link.media] } : {}) });
      seed ??= post;
    }
  }
}

/** Ordinary-looking posts that operators make on duty so accounts do not look empty. */
function cover(ctx: Ctx, job: Job): void {
  const { f, rng } = job;
  const news = ctx.recentNews;
  for (const op of f.operators) {
    for (const a of op.accounts) {
      if (!rng.chance(0.1)) continue;
      const w = nextDuty(op.shift, circadianTime(ctx.dayStart, 6, rng), job.saturdays);
      if (!w || w.start >= ctx.dayStart + DAY) continue;
      const t = w.start + rng.int(Math.max(1, Math.floor((w.end - w.start) / 1000))) * 1000;
      const item = news.length ? rng.pick(news) : undefined;
      if (item && rng.chance(0.3)) ctx.emit({ account: a, kind: 'share', time: t, shared: item, text: '', lang: '' });
      else {
        const s = chatterPost(acct(ctx, a).tongue, rng);
        ctx.emit({ account: a, kind: 'post', time: t, text: s.text, lang: s.lang });
      }
    }
  }
}

/** Adds one day of every factory's work. */
export function factoryDay(ctx: Ctx, rng: Rng): void {
  const p = ctx.p;
  const boost = electionBoost(p, ctx.day);
  const saturdays = ctx.day <= p.electionDay && p.electionDay - ctx.day <= 7;
  for (const f of ctx.w.factories) {
    const r = rng.fork(f.id);
    const c = clientOn(f, ctx.day);
    const client = ctx.w.clients[c] as Client;
    const rivals = ctx.w.clients.filter((_, i) => i !== c);
    const job: Job = { f, client, clientIndex: c, saturdays: saturdays && f.office, rng: r };
    const points = talkingPoints(client, rivals, 5, r);
    // Bigger factories take on more work: larger pile-ons, more raids and campaigns.
    const load = f.operators.reduce((s, op) => s + op.accounts.length, 0) / 70;
    const pile = () => Math.max(10, Math.round(r.logNormal(14 * boost * Math.sqrt(load), 0.35)));
    for (const post of ctx.today.politician[c] ?? []) if (r.chance(0.9)) pileOn(ctx, job, post, points.praise, pile(), true);
    for (const [i, rival] of ctx.w.clients.entries()) {
      if (i === c) continue;
      const lines = attackOn(rival, 4, r);
      for (const post of ctx.today.politician[i] ?? []) if (r.chance(Math.min(0.9, 0.45 * boost))) pileOn(ctx, job, post, lines, pile(), false);
    }
    const mixed = { ru: points.praise.ru.concat(points.attack.ru), ky: points.praise.ky.concat(points.attack.ky) };
    for (const post of ctx.today.news) if (r.chance(Math.min(1, 0.1 * boost * Math.sqrt(load)))) newsRaid(ctx, job, post, mixed);
    const campaigns = r.poisson(0.7 * boost * Math.sqrt(load));
    for (let j = 0; j < campaigns; j++) linkCampaign(ctx, job, j, points.praise, Math.max(10, Math.round(r.logNormal(16 * boost, 0.4))));
    cover(ctx, job);
  }
}
