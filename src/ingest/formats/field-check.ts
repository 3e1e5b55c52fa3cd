// Small checks every reader shares: required values and times, reported as bad rows that say what was expected.
import type { TimePrecision } from '../../core/model.ts';
import { parseEpoch, parseTime, type ParsedTime } from '../time.ts';
import { parseCount, present } from '../values.ts';
import type { Sink } from './types.ts';

const show = (v: unknown): string => {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
};

/** The value of a required column, or undefined after reporting the row as bad. */
export function required(sink: Sink, line: number, field: string, value: string | undefined): string | undefined {
  const v = present(value);
  if (v === undefined) sink.bad({ line, field, code: 'missing-field', message: `${field} is empty; expected a value` });
  return v;
}

/** A required time (string or epoch number), or undefined after reporting the row as bad. */
export function requiredTime(
  sink: Sink,
  line: number,
  field: string,
  value: unknown,
  precision?: TimePrecision,
): ParsedTime | undefined {
  if (value === undefined || value === null || (typeof value === 'string' && present(value) === undefined)) {
    sink.bad({ line, field, code: 'missing-field', message: `${field} is empty; expected a date and time` });
    return undefined;
  }
  const t = typeof value === 'number' ? parseEpoch(value) : typeof value === 'string' ? parseTime(value) : undefined;
  if (t === undefined) {
    sink.bad({
      line,
      field,
      code: 'bad-date',
      message: `${field} is not a date ("${show(value)}"); expected ISO-8601 such as 2019-02-28T13:45:00Z or unix seconds`,
    });
    return undefined;
  }
  if (precision !== undefined) t.precision = precision;
  return t;
}

/** An optional count such as followers; a malformed one is dropped with a warning. */
export function optionalCount(sink: Sink, line: number, field: string, value: string | undefined): number | undefined {
  const n = parseCount(value);
  if (n !== undefined && Number.isNaN(n)) {
    sink.warn({ line, field, code: 'bad-number', message: `${field} is not a count ("${show(value)}"); expected a whole number` });
    return undefined;
  }
  return n;
}

/** An optional date such as an account's creation; a malformed one is dropped with a warning. */
export function optionalTime(sink: Sink, line: number, field: string, value: unknown): ParsedTime | undefined {
  if (value === undefined || value === null || (typeof value === 'string' && present(value) === undefined)) {
    return undefined;
  }
  const t = typeof value === 'number' ? parseEpoch(value) : typeof value === 'string' ? parseTime(value) : undefined;
  if (t === undefined) {
    sink.warn({ line, field, code: 'bad-date', message: `${field} is not a date ("${show(value)}"); expected ISO-8601 or unix seconds` });
  }
  return t;
}

/** Adds only the defined entries of `fields` to `target` (exactOptionalPropertyTypes-friendly). */
export function assignDefined<T extends object>(target: T, fields: { [K in keyof T]?: T[K] | undefined }): T {
  // for…in, not Object.entries: no array per call (this runs for every row).
  for (const k in fields) {
    const v = (fields as Record<string, unknown>)[k];
    if (v !== undefined) (target as Record<string, unknown>)[k] = v;
  }
  return target;
}
