// Shift patterns: the narrowest daily window of local hours that holds most of an account's actions.
//
// A person's activity spreads over their waking day (typically 14–17 hours with 90 % of actions); an account
// worked in a shift shows a sharp window (a 9-to-6 job: 9 hours). The window is the narrowest run of consecutive
// local hours (wrapping past midnight) whose actions reach `cover` (default 0.9) of all timed actions; ties go to
// the earliest start hour. Two linked accounts alternate shifts when both are shift-bounded and their windows do
// not overlap (one account takes over when the other stops: the handover of a shift at work).
// False positives: people who only post from work, or at lunch; accounts with few actions (hence the minimums).

/** The narrowest block of local hours of day holding `share` ≥ cover of the actions. */
export interface ActiveWindow {
  /** First local hour of the window, 0..23. */
  start: number;
  /** Length in hours, 1..24. */
  hours: number;
  share: number;
}

/** Narrowest window of consecutive hours (wrapping) holding at least `cover` of the 24 hourly counts. */
export function activeWindow(hourCounts: ArrayLike<number>, cover = 0.9): ActiveWindow | undefined {
  let total = 0;
  for (let h = 0; h < 24; h++) total += hourCounts[h] ?? 0;
  if (total === 0) return undefined;
  for (let hours = 1; hours <= 24; hours++) {
    for (let start = 0; start < 24; start++) {
      let sum = 0;
      for (let k = 0; k < hours; k++) sum += hourCounts[(start + k) % 24] ?? 0;
      if (sum >= cover * total) return { start, hours, share: sum / total };
    }
  }
  throw new Error('unreachable: a 24-hour window holds every action');
}

/** True when two windows share no hour of the day. */
export function windowsDisjoint(a: ActiveWindow, b: ActiveWindow): boolean {
  if (a.hours + b.hours > 24) return false;
  const inA = (h: number): boolean => (h - a.start + 24) % 24 < a.hours;
  for (let k = 0; k < b.hours; k++) if (inA((b.start + k) % 24)) return false;
  return true;
}
