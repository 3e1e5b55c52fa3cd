// Helpers for organic reactions to a post: who responds, when, and with what.
import { awake, HOUR, MINUTE } from './clock.ts';
import type { Ctx } from './engine.ts';
import { pickCumulative, type Rng } from './rng.ts';
import type { Said } from './text-organic.ts';
import type { SimAccount, SimAction } from './types.ts';

/** An active organic person, drawn in proportion to activity (heavy-tailed: a few people do much). */
export function pickPerson(ctx: Ctx, rng: Rng): number {
  return ctx.w.ring[pickCumulative(ctx.w.activityCum, rng)] as number;
}

/** An acquaintance of `account`: someone near them on the ring of organic people. */
export function friendOf(ctx: Ctx, account: number, rng: Rng): number {
  const ring = ctx.w.ring;
  const pos = ctx.w.ringPos[account] ?? -1;
  if (pos < 0) return pickPerson(ctx, rng);
  const off = (1 + rng.int(25)) * (rng.chance(0.5) ? 1 : -1);
  return ring[(pos + off + ring.length) % ring.length] as number;
}

export function acct(ctx: Ctx, index: number): SimAccount {
  return ctx.w.accounts[index] as SimAccount;
}

/** A response time after `t0` that this person would plausibly be awake for, or undefined. */
export function responseTime(ctx: Ctx, account: number, t0: number, medianMin: number, sigma: number, rng: Rng): number | undefined {
  const offset = acct(ctx, account).offset;
  for (let tries = 0; tries < 3; tries++) {
    const t = t0 + Math.max(15_000, rng.logNormal(medianMin, sigma) * MINUTE);
    if (t - t0 > 48 * HOUR) return undefined;
    if (awake(t, offset, rng)) return t;
    medianMin *= 4;
  }
  return undefined;
}

/** How a crowd responds to a post. */
export interface CrowdSpec {
  size: number;
  medianMin: number;
  sigma: number;
  who: () => number;
  said: (account: number) => Said;
  react: number;
  share: number;
  /** Keep up to this many comments on the post for operators to answer. */
  keep?: number;
  /** Skip the awake check: breaking news gets answered whatever the hour. */
  urgent?: boolean;
}

/** Organic comments, reactions and shares under `post`. */
export function crowd(ctx: Ctx, post: SimAction, spec: CrowdSpec, rng: Rng): void {
  for (let i = 0; i < spec.size; i++) {
    const who = spec.who();
    const t = spec.urgent
      ? post.time + Math.max(10_000, rng.logNormal(spec.medianMin, spec.sigma) * MINUTE)
      : responseTime(ctx, who, post.time, spec.medianMin, spec.sigma, rng);
    if (t === undefined) continue;
    const u = rng.float();
    if (u < spec.react) {
      ctx.emit({ account: who, kind: 'reaction', time: t, target: post, text: '', lang: '' });
    } else if (u < spec.react + spec.share) {
      ctx.emit({ account: who, kind: 'share', time: t, shared: post, text: '', lang: '' });
    } else {
      const said = spec.said(who);
      const c = ctx.emit({ account: who, kind: 'comment', time: t, target: post, text: said.text, lang: said.lang });
      if (spec.keep && (post.thread ??= []).length < spec.keep) post.thread.push(c);
    }
  }
}

/** A retweet-style cascade: each sharer's acquaintances may share the same original further. */
export function cascade(ctx: Ctx, root: SimAction, from: number, t0: number, r0: number, cap: number, rng: Rng): void {
  const queue: Array<[number, number, number]> = [[from, t0, 0]];
  let made = 0;
  while (queue.length && made < cap) {
    const [who, t, depth] = queue.shift() as [number, number, number];
    if (depth > 6) continue;
    const k = rng.poisson(r0);
    for (let i = 0; i < k && made < cap; i++) {
      const next = friendOf(ctx, who, rng);
      const at = responseTime(ctx, next, t, 35, 1.1, rng);
      if (at === undefined) continue;
      ctx.emit({ account: next, kind: 'share', time: at, shared: root, text: '', lang: '' });
      made++;
      queue.push([next, at, depth + 1]);
    }
  }
}
