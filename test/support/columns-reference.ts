// Test support: the columns a store's read must give, built the plain way, and generators of tricky keys.
import fc from 'fast-check';
import type { ActionColumns, MultiColumn } from '../../src/core/columns.ts';
import { ACTION_KINDS, TIME_PRECISIONS } from '../../src/core/model.ts';
import type { ColumnRow } from '../../src/store/columns-builder.ts';

/**
 * What the builder must produce, written the plain way: rows sorted by (time, platform, id) with a comparator,
 * each dictionary the sorted distinct `platform:id` strings, codes found by lookup.
 */
export function referenceColumns(rows: readonly ColumnRow[]): ActionColumns {
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  const sorted = rows.map((r, i) => ({ r, i })).sort((x, y) => x.r[4] - y.r[4] || cmp(x.r[0], y.r[0]) || cmp(x.r[1], y.r[1]) || x.i - y.i).map((x) => x.r);
  const dict = (values: (string | null)[]): { keys: string[]; code: (v: string | null) => number } => {
    const keys = [...new Set(values.filter((v): v is string => v !== null))].sort();
    const at = new Map(keys.map((k, i) => [k, i]));
    return { keys, code: (v) => (v === null ? -1 : at.get(v)!) };
  };
  const scoped = (col: 2 | 6 | 7) => dict(sorted.map((r) => (r[col] === null ? null : `${r[0]}:${r[col]!}`)));
  const accounts = scoped(2);
  const targets = scoped(6);
  const shareds = scoped(7);
  const platforms = dict(sorted.map((r) => r[0]));
  const index = (v: string | number, names: readonly string[]): number => (typeof v === 'number' ? Math.max(0, v) : Math.max(0, names.indexOf(v)));
  const multi = (col: 9 | 10 | 11): MultiColumn => {
    const values: string[] = [];
    const offsets = new Int32Array(sorted.length + 1);
    sorted.forEach((r, i) => {
      if (r[col] !== null && r[col] !== '') values.push(...r[col]!.split('\n'));
      offsets[i + 1] = values.length;
    });
    return { offsets, values };
  };
  return {
    count: sorted.length,
    accountKeys: accounts.keys,
    account: Int32Array.from(sorted, (r) => accounts.code(`${r[0]}:${r[2]}`)),
    time: Float64Array.from(sorted, (r) => r[4]),
    kind: Uint8Array.from(sorted, (r) => index(r[3], ACTION_KINDS)),
    precision: Uint8Array.from(sorted, (r) => index(r[5], TIME_PRECISIONS)),
    seq: Int32Array.from(sorted, (r) => r[12]),
    ids: sorted.map((r) => r[1]),
    platforms: platforms.keys,
    platform: Uint8Array.from(sorted, (r) => platforms.code(r[0])),
    targetKeys: targets.keys,
    target: Int32Array.from(sorted, (r) => targets.code(r[6] === null ? null : `${r[0]}:${r[6]}`)),
    sharedKeys: shareds.keys,
    shared: Int32Array.from(sorted, (r) => shareds.code(r[7] === null ? null : `${r[0]}:${r[7]}`)),
    text: sorted.map((r) => r[8] ?? ''),
    urls: multi(9),
    hashtags: multi(10),
    media: multi(11),
  };
}

/** Platforms where `p:` order and p order differ ('vk' < 'vk2' but 'vk2:' < 'vk:'), one with ':' inside, non-ASCII. */
export const PLATFORMS = ['vk', 'vk2', 'v', 'a:b', 'a', 'жж', 'telegram'];
const idChar = fc.constantFrom('a', 'b', 'B', '1', '10', 'é', '🙂', '\uffee', ':', '-');
/** Ids with code-unit order traps: astral characters (surrogates sort below U+E000..U+FFFF), accents, digits. */
export const id = fc.array(idChar, { minLength: 1, maxLength: 3 }).map((a) => a.join(''));
/** A newline-joined list or null. */
export const list = fc.option(fc.array(id, { minLength: 0, maxLength: 3 }).map((a) => a.join('\n')), { nil: null });

