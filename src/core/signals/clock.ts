// Calendar arithmetic on ms since the epoch, without a clock: hour of week, local hour, local day.

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
/** 1970-01-01 was a Thursday: hour 0 of the epoch is hour 72 of a Monday-first week. */
const EPOCH_WEEK_HOUR = 72;

const mod = (x: number, m: number): number => ((x % m) + m) % m;

/** Hour of week 0..167, Monday 00:00 first, at UTC+`offsetHours` (0 for UTC). */
export function hourOfWeek(ms: number, offsetHours = 0): number {
  return mod(Math.floor((ms + offsetHours * HOUR_MS) / HOUR_MS) + EPOCH_WEEK_HOUR, 168);
}

/** Whole days since the epoch at UTC+`offsetHours`: equal numbers mean the same local calendar day. */
export function dayNumber(ms: number, offsetHours = 0): number {
  return Math.floor((ms + offsetHours * HOUR_MS) / DAY_MS);
}

/** `YYYY-MM-DD` of a day number. */
export function dayString(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
