// Weak signals: profile and rhythm patterns that describe troll-factory accounts, and many real people too.
// They only strengthen an account that already has coordination evidence (score/account-score.ts).
//
// Each rule, with its threshold and why:
//  night            nightShare ≥ 0.35 over ≥ 10 timed actions: people are mostly asleep 00–06; 5–10 % of their
//                   activity falls there. A third points to work done from another time zone or a night shift.
//  office-hours     officeHoursShare ≥ 0.8 over ≥ 10 timed actions: Mon–Fri 10–19 is 45 of 168 hours; people's
//                   share is typically 30–45 %. Four fifths looks like paid work.
//  shift            a sharply bounded daily window (active-window.ts).
//  alternating-shift a linked partner works the complementary shift.
//  young-account    the first action within 30 days of the account's creation (created for the campaign).
//  empty-bio        no bio where the export carries bios.
//  no-own-posts     ≥ 10 actions and none is an own post: the account only comments, replies or shares.
//  hyperactive      ≥ 50 actions per active day.
//  templated-handle the handle's skeleton is shared by a family of accounts (handle-skeleton.ts).
import type { AccountSignals } from '../run.ts';

/** Thresholds of the weak signals (defaults in DEFAULT_WEAK_THRESHOLDS, reasons in the file's card). */
export interface WeakThresholds {
  minTimed: number;
  night: number;
  officeHours: number;
  youngDays: number;
  noPostsMinActions: number;
  hyperactivePerDay: number;
}

export const DEFAULT_WEAK_THRESHOLDS: Readonly<WeakThresholds> = {
  minTimed: 10,
  night: 0.35,
  officeHours: 0.8,
  youngDays: 30,
  noPostsMinActions: 10,
  hyperactivePerDay: 50,
};

/** Every weak signal name, in the order they are reported. */
export const WEAK_SIGNALS = [
  'alternating-shift',
  'shift',
  'office-hours',
  'night',
  'young-account',
  'hyperactive',
  'templated-handle',
  'no-own-posts',
  'empty-bio',
] as const;
export type WeakSignal = (typeof WEAK_SIGNALS)[number];

/** The weak signals that fire for these account signals, in WEAK_SIGNALS order. */
export function weakSignals(s: AccountSignals, t: Readonly<WeakThresholds> = DEFAULT_WEAK_THRESHOLDS): WeakSignal[] {
  const timed = s.timedActions ?? s.actions;
  const fired: Record<WeakSignal, boolean> = {
    'alternating-shift': (s.alternatesWith?.length ?? 0) > 0,
    shift: s.shift === true,
    'office-hours': timed >= t.minTimed && s.officeHoursShare >= t.officeHours,
    night: timed >= t.minTimed && s.nightShare >= t.night,
    'young-account': s.ageAtFirstActionDays !== undefined && s.ageAtFirstActionDays >= 0 && s.ageAtFirstActionDays < t.youngDays,
    hyperactive: s.actionsPerDay >= t.hyperactivePerDay,
    'templated-handle': s.templatedHandle,
    'no-own-posts': s.actions >= t.noPostsMinActions && s.ownPosts === 0,
    'empty-bio': s.emptyBio,
  };
  return WEAK_SIGNALS.filter((w) => fired[w]);
}
