// The simulation loop: builds the world, then walks day by day, letting organic life and the factories add
// actions, and hands out each day's actions sorted by time with their numbers assigned. Memory stays bounded:
// only actions not yet flushed and recent posts are held.
import { DAY } from './clock.ts';
import { buildWorld } from './population.ts';
import { Rng } from './rng.ts';
import type { ScenarioParams } from './scenario.ts';
import type { SimAction, World } from './types.ts';
import { planCalendar, organicDay, type Occasion } from './organic.ts';
import { factoryDay } from './factories.ts';

/** What is generated for one day, shared by the organic and the factory generators. */
export interface Today {
  news: SimAction[];
  /** Politicians' own posts, by client index. */
  politician: SimAction[][];
}

/** The state the day generators read and write. */
export interface Ctx {
  p: ScenarioParams;
  w: World;
  /** End of the simulated period; actions after it are cut off like an export's window. */
  end: number;
  day: number;
  dayStart: number;
  today: Today;
  /** News posts of the last two days (people share them; trolls use them as cover). */
  recentNews: SimAction[];
  calendar: Map<number, Occasion[]>;
  emit(init: Omit<SimAction, 'seq' | 'n' | 'ext'>): SimAction;
}

/** A running simulation: its world, and its actions day by day. */
export interface Simulation {
  scenario: ScenarioParams;
  world: World;
  /** Each day's actions in time order with `n` assigned (1, 2, … over the whole run). */
  days(): Generator<SimAction[]>;
}

/** Prepares a simulation; `photoSources` is the number of portraits available for profile photos (0 for none). */
export function simulate(p: ScenarioParams, photoSources = 0): Simulation {
  const root = new Rng(p.seed);
  const world = buildWorld(p, photoSources, root.fork('world'));
  return {
    scenario: p,
    world,
    *days() {
      let pending: SimAction[] = [];
      let seq = 0;
      let n = 0;
      const end = p.start + p.days * DAY;
      const ctx: Ctx = {
        p, w: world, end, day: 0, dayStart: p.start,
        today: { news: [], politician: [] }, recentNews: [],
        calendar: planCalendar(p, world, root.fork('calendar')),
        emit(init) {
          // One object shape for every action keeps V8 on its fast path.
          const a: SimAction = {
            seq: seq++, n: -1, account: init.account, kind: init.kind, time: Math.floor(init.time / 1000) * 1000,
            target: init.target, shared: init.shared, text: init.text, lang: init.lang, urls: init.urls,
            hashtags: init.hashtags, mentions: init.mentions, media: init.media, thread: init.thread, ext: 0,
          };
          if (a.time < end) pending.push(a);
          return a;
        },
      };
      for (let d = 0; d < p.days; d++) {
        ctx.day = d;
        ctx.dayStart = p.start + d * DAY;
        const yesterday = ctx.today.news;
        ctx.today = { news: [], politician: world.clients.map(() => []) };
        ctx.recentNews = yesterday;
        organicDay(ctx, root.fork(`organic/${d}`));
        factoryDay(ctx, root.fork(`factories/${d}`));
        const cut = ctx.dayStart + DAY;
        const out: SimAction[] = [];
        const keep: SimAction[] = [];
        for (const a of pending) (a.time < cut ? out : keep).push(a);
        pending = keep;
        out.sort((x, y) => x.time - y.time || x.seq - y.seq);
        for (const a of out) {
          a.n = ++n;
          a.thread = undefined;
        }
        yield out;
      }
    },
  };
}
