// Time helpers: local hours and weekdays, the circadian rhythm of ordinary people, and factory duty windows.
import { pickCumulative, type Rng } from './rng.ts';

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
/** Bishkek is UTC+6 all year. */
export const BISHKEK = 6;

/** Local hour 0–23 at UTC time `t` in a zone `tz` hours from UTC. */
export function localHour(t: number, tz: number): number {
  return Math.floor((((t + tz * HOUR) % DAY) + DAY) % DAY / HOUR);
}

/** Day of week (0 Sunday … 6 Saturday) of the local date at `t`. */
export function localWeekday(t: number, tz: number): number {
  return (Math.floor((t + tz * HOUR) / DAY) + 4) % 7;
}

export function isWeekend(t: number, tz: number): boolean {
  const d = localWeekday(t, tz);
  return d === 0 || d === 6;
}

// Relative activity of ordinary people by local hour: quiet at night, a lunch bump, an evening peak.
const WEEKDAY = [0.22, 0.1, 0.05, 0.03, 0.03, 0.07, 0.3, 0.7, 1.0, 1.05, 1.1, 1.2, 1.4, 1.25, 1.05, 1.0, 1.0, 1.1,
  1.3, 1.5, 1.7, 1.75, 1.35, 0.65];
const WEEKEND = [0.35, 0.18, 0.08, 0.04, 0.03, 0.04, 0.12, 0.3, 0.6, 0.95, 1.2, 1.35, 1.4, 1.35, 1.3, 1.25, 1.2,
  1.25, 1.35, 1.5, 1.65, 1.7, 1.45, 0.85];
const PEAK = 1.75;

/** Circadian weight (0–1) of local hour `h`. */
export function circadian(h: number, weekend: boolean): number {
  return ((weekend ? WEEKEND : WEEKDAY)[h] as number) / PEAK;
}

// Cumulative weights over UTC hours, one table per (zone offset incl. chronotype, weekend flag).
const tables = new Map<number, Float64Array>();
function table(offset: number, weekend: boolean): Float64Array {
  const key = offset * 2 + (weekend ? 1 : 0);
  let cum = tables.get(key);
  if (!cum) {
    cum = new Float64Array(24);
    let total = 0;
    for (let h = 0; h < 24; h++) {
      total += circadian((((h + offset) % 24) + 24) % 24, weekend);
      cum[h] = total;
    }
    tables.set(key, cum);
  }
  return cum;
}

/** A whole-second UTC time within the UTC day starting at `dayStart`, following a person's rhythm. */
export function circadianTime(dayStart: number, offset: number, rng: Rng): number {
  const weekend = isWeekend(dayStart + 12 * HOUR, offset);
  const h = pickCumulative(table(offset, weekend), rng);
  return dayStart + h * HOUR + rng.int(3600) * 1000;
}

/** Whether someone with this zone offset would plausibly be online at `t` (rejection step for reactions). */
export function awake(t: number, offset: number, rng: Rng): boolean {
  return rng.float() < circadian(localHour(t, offset), isWeekend(t, offset));
}

/** How a factory's operators work. */
export type Shift = 'office' | 'day' | 'night';

/** The duty window (UTC ms) of a shift that ends after `t`, starting no earlier than `t`, within a week. */
export function nextDuty(shift: Shift, t: number, saturdays: boolean): { start: number; end: number } | undefined {
  const localMidnight = Math.floor((t + BISHKEK * HOUR) / DAY) * DAY - BISHKEK * HOUR;
  for (let k = -1; k <= 8; k++) {
    const day = localMidnight + k * DAY;
    let from: number;
    let to: number;
    if (shift === 'office') {
      const wd = localWeekday(day + 12 * HOUR, BISHKEK);
      if (wd === 0 || (wd === 6 && !saturdays)) continue;
      from = day + 10 * HOUR;
      to = day + 19 * HOUR;
    } else if (shift === 'day') {
      from = day + 8 * HOUR;
      to = day + 20 * HOUR;
    } else {
      from = day + 20 * HOUR;
      to = day + 32 * HOUR;
    }
    if (to > t) return { start: Math.max(t, from), end: to };
  }
  return undefined;
}

/** Seconds-aligned time (exports carry whole seconds). */
export function wholeSecond(t: number): number {
  return Math.floor(t / 1000) * 1000;
}
