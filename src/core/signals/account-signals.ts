// Per-account behaviour signals from the action columns and the profiles. Method card:
//
// Behaviour: one pass over the actions of the selected accounts (those with coordination evidence; everyone
// else scores 0, so their signals would never be read). Rows must be in time order (the ActionColumns contract).
//  - hourOfWeek: actions per UTC hour of week, Monday 00:00 first. Actions timed only to the day are left out of
//    every hour-based figure; `timedActions` is their base.
//  - nightShare: share of timed actions 00:00–06:00 local; officeHoursShare: Monday–Friday 10:00–19:00 local.
//    Local = UTC + `offsetHours`, default +6 (Bishkek, Kyrgyzstan's one time zone; no daylight saving since 2005).
//  - activeDays: distinct local calendar days with an action; actionsPerDay = actions / activeDays (intensity on
//    the days the account is used, not a rate diluted by dormant months).
//  - ageAtFirstActionDays: (first action − createdAt) / 1 day, when the profile has a creation time.
//  - emptyBio: the profile is known (some field besides platform and id), its platform's export carries bios
//    (some account of that platform has one), and this account's is missing or blank. An export without a bio
//    column says nothing, so nobody is flagged; a bare account row (only seen as an author) is not judged.
//  - ownPosts: actions of kind `post` (not comments, replies, shares, quotes or reactions).
//  - templatedHandle / shift: see handle-skeleton.ts and active-window.ts.
// False positives: every signal here describes many real people too; they are weak and never flag alone.
import type { ActionColumns } from '../columns.ts';
import { ACTION_KINDS, TIME_PRECISIONS, type Account } from '../model.ts';
import type { AccountSignals } from '../run.ts';
import { activeWindow } from './active-window.ts';
import { dayNumber, hourOfWeek } from './clock.ts';
import { AccountIndex } from './account-index.ts';
import { sortedIndexOf } from '../compare-strings.ts';
import { HandleFamilies, isTemplated } from './handle-skeleton.ts';

/** Parameters of the signals, with the defaults in DEFAULT_SIGNAL_OPTIONS. */
export interface SignalOptions {
  offsetHours: number;
  /** Family size from which a handle skeleton is a template. */
  minFamily: number;
  /** Share of timed actions the active window must hold. */
  cover: number;
  /** A window this narrow or narrower is a shift … */
  shiftMaxHours: number;
  /** … when it rests on at least this many timed actions over this many active days. */
  shiftMinActions: number;
  shiftMinDays: number;
}

/** Bishkek time; templates used ≥ 5 times; a ≤ 9-hour window over ≥ 20 actions on ≥ 5 days is a shift. */
export const DEFAULT_SIGNAL_OPTIONS: Readonly<SignalOptions> = {
  offsetHours: 6,
  minFamily: 5,
  cover: 0.9,
  shiftMaxHours: 9,
  shiftMinActions: 20,
  shiftMinDays: 5,
};

const inc = (a: Int32Array, i: number): void => {
  a[i] = (a[i] ?? 0) + 1;
};

const POST = ACTION_KINDS.indexOf('post');
const DAY_PRECISION = TIME_PRECISIONS.indexOf('day');

/**
 * What the signals read of the profiles, whatever accounts are selected: made once by `accountProfiles`, so that a
 * caller with time to spare before the selection is known (detect, while it waits for its worker) can make it then.
 */
export interface AccountProfiles {
  index: AccountIndex;
  /** Platforms whose export carries bios (some account of theirs has one). */
  bioPlatforms: Set<string>;
  families: HandleFamilies;
}

/** The profiles of `accounts` as the signals read them. */
export function accountProfiles(accounts: readonly Account[]): AccountProfiles {
  const bioPlatforms = new Set<string>();
  for (const a of accounts) if (a.bio !== undefined && a.bio.trim() !== '') bioPlatforms.add(a.platform);
  return { index: new AccountIndex(accounts), bioPlatforms, families: new HandleFamilies(accounts) };
}

/** Signals of the `select`ed account keys; a key without actions gets zero counts. */
export function accountSignals(
  columns: ActionColumns,
  accounts: readonly Account[] | AccountProfiles,
  select: readonly string[],
  options: Partial<SignalOptions> = {},
): Map<string, AccountSignals> {
  const o: SignalOptions = { ...DEFAULT_SIGNAL_OPTIONS, ...options };
  const n = select.length;
  const slotOf = new Int32Array(columns.accountKeys.length).fill(-1);
  select.forEach((key, s) => {
    const i = sortedIndexOf(columns.accountKeys, key);
    if (i >= 0) slotOf[i] = s;
  });
  const how = new Int32Array(n * 168);
  const hourOfDay = new Int32Array(n * 24);
  const acts = new Int32Array(n);
  const timed = new Int32Array(n);
  const night = new Int32Array(n);
  const office = new Int32Array(n);
  const posts = new Int32Array(n);
  const days = new Int32Array(n);
  const lastDay = new Float64Array(n).fill(Number.NaN);
  const first = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const last = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
  for (let i = 0; i < columns.count; i++) {
    const s = slotOf[columns.account[i]!] ?? -1;
    if (s < 0) continue;
    const t = columns.time[i]!;
    inc(acts, s);
    if (columns.kind[i] === POST) inc(posts, s);
    if (t < first[s]!) first[s] = t;
    if (t > last[s]!) last[s] = t;
    const day = dayNumber(t, o.offsetHours);
    if (day !== lastDay[s]) inc(days, s);
    lastDay[s] = day;
    if (columns.precision[i] === DAY_PRECISION) continue;
    inc(timed, s);
    inc(how, s * 168 + hourOfWeek(t));
    const local = hourOfWeek(t, o.offsetHours);
    const h = local % 24;
    inc(hourOfDay, s * 24 + h);
    if (h < 6) inc(night, s);
    if (local < 120 && h >= 10 && h < 19) inc(office, s);
  }
  return assemble(select, isProfiles(accounts) ? accounts : accountProfiles(accounts), o, { how, hourOfDay, acts, timed, night, office, posts, days, first, last });
}

interface Counts {
  how: Int32Array;
  hourOfDay: Int32Array;
  acts: Int32Array;
  timed: Int32Array;
  night: Int32Array;
  office: Int32Array;
  posts: Int32Array;
  days: Int32Array;
  first: Float64Array;
  last: Float64Array;
}

const isProfiles = (x: readonly Account[] | AccountProfiles): x is AccountProfiles => !Array.isArray(x);

function assemble(select: readonly string[], { index, bioPlatforms, families }: AccountProfiles, o: SignalOptions, c: Counts) {
  const out = new Map<string, AccountSignals>();
  select.forEach((key, s) => {
    const actions = c.acts[s]!;
    const timed = c.timed[s]!;
    const profile = index.get(key);
    const family = families.of(key);
    const window = activeWindow(c.hourOfDay.subarray(s * 24, s * 24 + 24), o.cover);
    const signals: AccountSignals = {
      actions,
      hourOfWeek: hourRow(c.how, s),
      nightShare: timed > 0 ? c.night[s]! / timed : 0,
      officeHoursShare: timed > 0 ? c.office[s]! / timed : 0,
      activeDays: c.days[s]!,
      actionsPerDay: c.days[s]! > 0 ? actions / c.days[s]! : 0,
      emptyBio:
        profile !== undefined &&
        Object.keys(profile).length > 2 &&
        bioPlatforms.has(profile.platform) &&
        (profile.bio ?? '').trim() === '',
      ownPosts: c.posts[s]!,
      templatedHandle: family !== undefined && isTemplated(family.skeleton, family.family, o.minFamily),
      offsetHours: o.offsetHours,
      timedActions: timed,
    };
    if (actions > 0) {
      signals.firstAction = c.first[s]!;
      signals.lastAction = c.last[s]!;
    }
    if (profile?.createdAt !== undefined && actions > 0) {
      signals.ageAtFirstActionDays = (c.first[s]! - profile.createdAt) / 86_400_000;
    }
    if (window !== undefined) {
      signals.activeWindow = window;
      signals.shift =
        window.hours <= o.shiftMaxHours && timed >= o.shiftMinActions && c.days[s]! >= o.shiftMinDays;
    }
    if (family !== undefined) {
      signals.handleSkeleton = family.skeleton;
      signals.handleFamily = family.family;
    }
    out.set(key, signals);
  });
  return out;
}

/** Row s of the hour-of-week counts as a plain array (a loop: Array.from would box every count on the way). */
function hourRow(how: Int32Array, s: number): number[] {
  const row: number[] = [];
  for (let h = s * 168; h < s * 168 + 168; h++) row.push(how[h]!);
  return row;
}
