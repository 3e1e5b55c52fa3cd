// Builds the world before any action: organic people and pages, clients, and troll factories with operators
// running batches of young accounts with templated handles, bios and stolen photos.
import { BISHKEK, DAY, HOUR, MINUTE } from './clock.ts';
import { organicBio, organicHandle, personName, TROLL_BIOS, TROLL_HANDLE_TEMPLATES } from './names.ts';
import type { Rng } from './rng.ts';
import type { ScenarioParams } from './scenario.ts';
import { clients as makeClients } from './text-political.ts';
import type { Tongue } from './text-organic.ts';
import type { FactoryPlan, OperatorPlan, Page, PhotoRef, Role, SimAccount, World } from './types.ts';
import { photoPlanner } from './photo-plan.ts';

const ID_EPOCH = Date.UTC(2009, 0, 1);
const NEWS_DOMAINS = ['24.kg', 'kaktus.media', 'akipress.org', 'kloop.kg', 'azattyk.org', 'sputnik.kg',
  'vesti.kg', 'knews.kg', 'economist.kg', 'for.kg', 'super.kg', 'kabar.kg'];
const NEWS_NAMES = ['24.kg', 'Kaktus Media', 'AKIpress', 'Kloop', 'Азаттык', 'Sputnik Кыргызстан', 'Вести.kg',
  'Knews', 'Economist.kg', 'For.kg', 'Super.kg', 'Кабар'];

function blank(): SimAccount {
  return { index: -1, id: 0, handle: '', name: '', created: 0, bio: '', followers: 0, following: 0,
    label: 'organic', role: 'ordinary', offset: BISHKEK, tongue: 'ru', activity: 1, factory: -1, operator: -1,
    group: -1 };
}

function organicOffset(rng: Rng): number {
  const u = rng.float();
  const tz = u < 0.8 ? BISHKEK : u < 0.92 ? 3 : u < 0.96 ? 5 : u < 0.98 ? 3 : -5;
  return tz + Math.max(-3, Math.min(3, Math.round(rng.normal() * 1.1)));
}

function tongue(rng: Rng, ru: number, ky: number): Tongue {
  const u = rng.float();
  return u < ru ? 'ru' : u < ru + ky ? 'ky' : 'both';
}

/** Builds accounts, pages and factories; `photoSources` is how many portraits the photo pool has (0: none). */
export function buildWorld(p: ScenarioParams, photoSources: number, rng: Rng): World {
  const clients = makeClients(p.clients);
  const photos = photoPlanner(photoSources, rng.fork('photos'));
  const trolls = Math.round(p.accounts * p.trollShare);
  const pageCount = p.newsPages + p.clients + p.fanCommunities;
  const people = p.accounts - trolls - pageCount;
  if (people < 100) throw new RangeError(`accounts (${p.accounts}): too few for ${pageCount} pages and ${trolls} trolls`);
  const all: SimAccount[] = [];

  const person = (r: Rng): SimAccount => {
    const a = blank();
    const name = personName(r);
    a.name = name.display;
    a.handle = organicHandle(name, r, all.length);
    a.created = p.start - Math.round(DAY * (45 + 5300 * Math.pow(r.float(), 1.4)));
    a.bio = organicBio(r);
    a.followers = Math.round(r.logNormal(120, 1.1));
    a.following = Math.round(r.logNormal(150, 0.9));
    a.offset = organicOffset(r);
    a.tongue = tongue(r, 0.4, 0.4);
    a.activity = Math.min(150, r.pareto(1, 1.6));
    const photo = r.chance(0.45) ? photos.organic() : undefined;
    if (photo) a.photo = photo;
    all.push(a);
    return a;
  };

  const pr = rng.fork('people');
  const ordinary = Array.from({ length: people }, () => person(pr));

  const pages: Page[] = [];
  const pageAccounts: SimAccount[] = [];
  const addPage = (kind: Page['kind'], name: string, handle: string, client: number, lang: Tongue, domain: string) => {
    const a = blank();
    a.name = name;
    a.handle = handle;
    a.created = p.start - DAY * pr.range(800, 4000);
    a.role = kind;
    a.tongue = lang;
    a.followers = Math.round(pr.logNormal(kind === 'news' ? 60000 : 25000, 0.8));
    a.following = pr.range(0, 300);
    a.bio = kind === 'news' ? `Новости Кыргызстана · ${domain}` : kind === 'politician' ? `Официальная страница · ${domain}` : 'Официальная страница артиста';
    a.group = pages.length;
    all.push(a);
    pageAccounts.push(a);
    pages.push({ index: pages.length, account: -1, kind, client, lang, domain, regulars: [] });
  };
  for (let i = 0; i < p.newsPages; i++) {
    const domain = NEWS_DOMAINS[i % NEWS_DOMAINS.length] as string;
    addPage('news', (NEWS_NAMES[i % NEWS_NAMES.length] as string) + (i >= NEWS_DOMAINS.length ? ` ${i}` : ''),
      domain.replace(/\W/g, '') + (i >= NEWS_DOMAINS.length ? i : ''), -1, (['ru', 'ky', 'both'] as const)[i % 3] ?? 'both', domain);
  }
  for (const [c, client] of clients.entries()) {
    addPage('politician', client.name, client.site.replace(/\W/g, ''), c, 'both', client.site);
  }
  for (let i = 0; i < p.fanCommunities; i++) {
    const singer = personName(pr);
    addPage('celebrity', singer.display, `${singer.first}.official`.toLowerCase(), -1, 'both', 'youtube.com');
  }

  // Groups among ordinary people: regular readers, fan communities, supporters of a politician.
  const gr = rng.fork('groups');
  const pool = gr.shuffle(ordinary.slice());
  let cursor = 0;
  const take = (n: number, role: Role, group: number): SimAccount[] => {
    const got = pool.slice(cursor, cursor + n);
    cursor += got.length;
    for (const a of got) {
      a.role = role;
      a.group = group;
      a.activity *= 1.5;
    }
    return got;
  };
  const regulars = new Map<number, SimAccount[]>();
  for (const page of pages) {
    if (page.kind === 'news') regulars.set(page.index, take(Math.min(60, Math.max(12, Math.round(people * 0.01))), 'reader', page.index));
    if (page.kind === 'celebrity') regulars.set(page.index, take(Math.min(3000, Math.max(25, Math.round(people * 0.03))), 'fan', page.index));
  }
  for (let c = 0; c < clients.length; c++) take(Math.max(5, Math.round(people * 0.012)), 'supporter', c);

  const factories = buildFactories(p, trolls, all, photos, rng.fork('factories'));

  // Platform ids grow with creation time, so accounts made in one batch get neighbouring ids.
  const ir = rng.fork('ids');
  for (const a of all) a.id = 100_000_000_000_000 + Math.floor((a.created - ID_EPOCH) / 1000) * 10 + ir.int(10);
  all.sort((x, y) => x.id - y.id || x.created - y.created);
  // Rare equal ids are bumped past their predecessor, which keeps the order.
  for (let i = 1; i < all.length; i++) {
    const prev = (all[i - 1] as SimAccount).id;
    const a = all[i] as SimAccount;
    if (a.id <= prev) a.id = prev + 1;
  }
  all.forEach((a, i) => (a.index = i));
  pageAccounts.forEach((a, i) => ((pages[i] as Page).account = a.index));
  for (const [page, list] of regulars) (pages[page] as Page).regulars = list.map((a) => a.index);
  for (const f of factories.plans) {
    for (const op of f.operators) op.accounts = (factories.members.get(op.index) ?? []).map((a) => a.index);
  }

  const pageRoles = new Set<Role>(['news', 'politician', 'celebrity']);
  const ringAccounts = all.filter((a) => a.label === 'organic' && !pageRoles.has(a.role));
  const ring = new Int32Array(ringAccounts.map((a) => a.index));
  rng.fork('ring').shuffle(ring as unknown as number[]);
  const ringPos = new Int32Array(all.length).fill(-1);
  const activityCum = new Float64Array(ring.length);
  let total = 0;
  ring.forEach((ai, pos) => {
    ringPos[ai] = pos;
    total += (all[ai] as SimAccount).activity;
    activityCum[pos] = total;
  });
  return { accounts: all, pages, clients, factories: factories.plans, ring, ringPos, activityCum };
}

function buildFactories(p: ScenarioParams, trolls: number, all: SimAccount[], photos: ReturnType<typeof photoPlanner>, rng: Rng) {
  const plans: FactoryPlan[] = [];
  const members = new Map<number, SimAccount[]>();
  if (p.factories === 0 || trolls === 0) return { plans, members };
  const weights = Array.from({ length: p.factories }, () => 0.7 + 0.6 * rng.float());
  const wsum = weights.reduce((s, w) => s + w, 0);
  let opIndex = 0;
  let left = trolls;
  for (let f = 0; f < p.factories; f++) {
    const budget = f === p.factories - 1 ? left : Math.round((trolls * (weights[f] as number)) / wsum);
    left -= budget;
    const client = f < 2 ? 0 : p.clients > 1 ? 1 + ((f - 2) % (p.clients - 1)) : 0;
    const schedule = [{ fromDay: 0, client }];
    if (f === p.factories - 1 && p.factories >= 2 && p.clients > 1 && p.switchDay >= 1 && p.switchDay < p.days) {
      schedule.push({ fromDay: p.switchDay, client: (client + 1) % p.clients });
    }
    const office = f % 2 === 0;
    const plan: FactoryPlan = { index: f, id: `factory-${f + 1}`, schedule, office, operators: [],
      photoPool: photos.factoryPool(Math.max(3, Math.ceil(budget / 3))) };
    const bios = rng.sample(TROLL_BIOS, 3);
    const nOps = budget < 30 ? 1 : Math.max(2, Math.round(budget / 90));
    const split = Array.from({ length: nOps }, () => 0.4 + rng.float());
    const ssum = split.reduce((s, w) => s + w, 0);
    let opLeft = budget;
    for (let o = 0; o < nOps; o++) {
      const size = o === nOps - 1 ? opLeft : Math.round((budget * (split[o] as number)) / ssum);
      opLeft -= size;
      const op: OperatorPlan = { index: opIndex++, id: `${plan.id}/op-${o + 1}`, factory: f,
        shift: office ? 'office' : o % 2 === 0 ? 'day' : 'night', accounts: [] };
      members.set(op.index, makeOperatorAccounts(p, plan, op, size, bios, photos, all, rng));
      plan.operators.push(op);
    }
    plans.push(plan);
  }
  return { plans, members };
}

function makeOperatorAccounts(p: ScenarioParams, plan: FactoryPlan, op: OperatorPlan, size: number,
  bios: string[], photos: ReturnType<typeof photoPlanner>, all: SimAccount[], rng: Rng): SimAccount[] {
  const template = rng.pick(TROLL_HANDLE_TEMPLATES);
  const tag = rng.range(100, 990);
  const lang = tongue(rng, 0.4, 0.3);
  const batches = Math.min(size, rng.range(1, 4));
  const out: SimAccount[] = [];
  let batchStart = 0;
  for (let n = 0; n < size; n++) {
    if (n % Math.ceil(size / batches) === 0) {
      const daysBefore = rng.range(20, 200);
      batchStart = p.start - daysBefore * DAY + (10 - BISHKEK) * HOUR + rng.int(6 * 60) * MINUTE;
    }
    batchStart += rng.range(1, 6) * MINUTE + rng.int(60) * 1000;
    const a = blank();
    const name = personName(rng);
    a.name = name.display;
    a.handle = template(name, n, tag);
    a.created = batchStart;
    a.bio = rng.chance(0.55) ? '' : rng.pick(bios);
    if (rng.chance(0.08)) {
      // A bought or hijacked old account: years old, with its former owner's handle and bio.
      a.created = p.start - DAY * rng.range(700, 3500) + rng.int(DAY);
      a.handle = organicHandle(name, rng, n);
      a.bio = organicBio(rng);
    }
    a.followers = Math.round(rng.logNormal(12, 1));
    a.following = rng.range(80, 600);
    a.label = 'troll';
    a.role = rng.chance(0.25) ? 'amplifier' : 'commenter';
    a.tongue = lang;
    a.activity = 0.3 + rng.float();
    a.factory = plan.index;
    a.operator = op.index;
    const photo: PhotoRef | undefined = rng.chance(0.8) ? photos.stolen(plan.photoPool) : undefined;
    if (photo) a.photo = photo;
    all.push(a);
    out.push(a);
  }
  return out;
}
