// Parsers for flag values (durations, dates, lists) with messages that say what was expected.
import { UserError } from '../core/errors.ts';

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000 };

/** `30s`, `5m`, `2h`, `1d`, `250ms`, or a plain number of seconds → ms. */
export function parseDuration(flag: string) {
  return (value: string): number => {
    const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|min|h|d)?$/.exec(value.trim());
    if (!m) throw new UserError(`${flag} (${value}): expected a duration such as 30s, 5m, 2h or 1d (a plain number is seconds)`);
    return Math.round(Number(m[1]) * (UNITS[m[2] ?? 's'] ?? 1000));
  };
}

/** An ISO date (`2021-09-26`, start of that UTC day, or its end with `endOfDay`) or date-time → ms. */
export function parseTime(flag: string, endOfDay = false) {
  return (value: string): number => {
    const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
    const ms = Date.parse(dateOnly ? `${value}T00:00:00Z` : value);
    if (!Number.isFinite(ms)) {
      throw new UserError(`${flag} (${value}): expected a date such as 2021-09-26 or 2021-09-26T18:00:00Z`);
    }
    return dateOnly && endOfDay ? ms + 86_400_000 - 1 : ms;
  };
}

/** A comma-separated list whose items must be among `allowed`. */
export function parseList(flag: string, allowed: readonly string[]) {
  return (value: string): string[] => {
    const items = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
    const bad = items.filter((i) => !allowed.includes(i));
    if (bad.length > 0 || items.length === 0) {
      throw new UserError(`${flag} (${value}): expected a comma-separated list of ${allowed.join(', ')}`);
    }
    return [...new Set(items)];
  };
}

export function parseProbability(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!(n > 0 && n < 1)) throw new UserError(`${flag} (${value}): expected a number between 0 and 1, such as 0.01`);
    return n;
  };
}
