// Parsing the time formats that exports use into UTC milliseconds plus the precision the source gives.
import type { TimePrecision } from '../core/model.ts';

/** A parsed time: ms since the epoch (UTC) and how exact the source was. */
export interface ParsedTime {
  ms: number;
  precision: TimePrecision;
}

// Zone abbreviations that CrowdTangle and US tools print after a local time.
const ZONES: Record<string, number> = {
  UTC: 0, GMT: 0, Z: 0, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
  CET: 60, CEST: 120, MSK: 180, BST: 60,
};
const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2}|[A-Z]{1,5})?$/;
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
// Twitter's classic `Wed Jan 07 04:38:02 +0000 2009`.
const TWITTER = /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-]\d{4}) (\d{4})$/;
const NUMBER = /^\d{9,13}(\.\d+)?$/;

function offsetMinutes(zone: string | undefined): number | undefined {
  if (zone === undefined) return 0;
  const z = ZONES[zone];
  if (z !== undefined) return z;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (!m) return undefined;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function build(
  y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offset: number,
): number | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 60) return undefined;
  // Date.UTC would roll 31/02 over to March: check the day against the month's length.
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (mo === 2 ? (leap ? 29 : 28) : DAYS[mo]!)) return undefined;
  return Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), ms) - offset * 60_000;
}

const digit = (v: string, i: number): number => {
  const c = v.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1000;
};
const two = (v: string, i: number): number => digit(v, i) * 10 + digit(v, i + 1);

// The common `YYYY-MM-DD HH:MM[:SS][Z]` without a regex: most rows of large exports look like this.
function fastIso(v: string): ParsedTime | undefined {
  const n = v.length;
  if (n !== 16 && n !== 17 && n !== 19 && n !== 20) return undefined;
  if (v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45 || v.charCodeAt(13) !== 58) return undefined;
  const sep = v.charCodeAt(10);
  if (sep !== 32 && sep !== 84) return undefined;
  const seconds = n >= 19;
  if (seconds && v.charCodeAt(16) !== 58) return undefined;
  if ((n === 17 || n === 20) && v.charCodeAt(n - 1) !== 90) return undefined;
  const y = two(v, 0) * 100 + two(v, 2);
  const ms = build(y, two(v, 5), two(v, 8), two(v, 11), two(v, 14), seconds ? two(v, 17) : 0, 0, 0);
  if (y < 0 || ms === undefined) return undefined;
  return { ms, precision: seconds ? 's' : 'min' };
}

/**
 * Parses ISO-8601 (zone-less means UTC), `YYYY-MM-DD HH:MM[:SS]`, `M/D/YYYY H:MM`, Twitter's classic format and
 * unix seconds or milliseconds. Returns undefined when the value is not a real date.
 */
export function parseTime(value: string): ParsedTime | undefined {
  const v = value.trim();
  const fast = fastIso(v);
  if (fast !== undefined) return fast;
  let m = ISO.exec(v);
  if (m) {
    const offset = offsetMinutes(m[8]);
    if (offset === undefined) return undefined;
    const frac = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
    const precision: TimePrecision = m[7] ? 'ms' : m[6] ? 's' : m[5] ? 'min' : 'day';
    const ms = build(+m[1]!, +m[2]!, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), frac, offset);
    return ms === undefined ? undefined : { ms, precision };
  }
  if (NUMBER.test(v)) {
    const n = Number(v);
    if (v.length >= 12 && !v.includes('.')) return { ms: n, precision: 'ms' };
    return { ms: Math.round(n * 1000), precision: v.includes('.') ? 'ms' : 's' };
  }
  m = US.exec(v);
  if (m) {
    const ms = build(+m[3]!, +m[1]!, +m[2]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), 0, 0);
    const precision: TimePrecision = m[6] ? 's' : m[5] ? 'min' : 'day';
    return ms === undefined ? undefined : { ms, precision };
  }
  m = TWITTER.exec(v);
  if (m) {
    const mo = MONTHS[m[1]!.toLowerCase()];
    const offset = offsetMinutes(m[6]);
    if (mo === undefined || offset === undefined) return undefined;
    const ms = build(+m[7]!, mo, +m[2]!, +m[3]!, +m[4]!, +m[5]!, 0, offset);
    return ms === undefined ? undefined : { ms, precision: 's' };
  }
  return undefined;
}

/** Unix seconds (or ms) as a number, as JSON exports give them. */
export function parseEpoch(n: number): ParsedTime | undefined {
  if (!Number.isFinite(n) || n < 0) return undefined;
  if (n >= 1e12) return { ms: Math.round(n), precision: 'ms' };
  return { ms: Math.round(n * 1000), precision: Number.isInteger(n) ? 's' : 'ms' };
}
