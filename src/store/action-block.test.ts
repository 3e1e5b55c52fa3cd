import assert from 'node:assert/strict';
import test from 'node:test';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import type { Action } from '../core/model.ts';
import { ACTION_ROW, ActionBlockWriter } from './action-block.ts';

// The oracle: the values the store bound one by one before blocks existed (lists newline-joined, NULL when
// empty; raw as JSON.stringify, NULL without keys), read back through SQLite. One deliberate difference: a lone
// surrogate (possible only from a JSON \ud800 escape) is now stored as U+FFFD, valid UTF-8, where binding
// stored three invalid bytes.
function bound(a: Action): unknown[] {
  const list = (l: readonly string[]): string | null => (l.length === 0 ? null : l.join('\n'));
  return [
    a.platform, a.id, a.account, a.kind, a.time, a.precision, a.target ?? null, a.shared ?? null, a.text ?? null,
    list(a.urls), list(a.hashtags), list(a.mentions), list(a.media), a.lang ?? null,
    a.raw && Object.keys(a.raw).length > 0 ? JSON.stringify(a.raw) : null,
  ];
}

const db = new Database(':memory:');
const echo = db.prepare(`SELECT ${ACTION_ROW.map(() => '?').join(', ')}`).raw();
const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const wellFormed = (v: unknown): unknown => (typeof v === 'string' ? v.replace(LONE, '\ufffd') : v);
const expected = (a: Action): unknown[] => echo.get(bound(a).map(wellFormed)) as unknown[];
const unpack = db.prepare(`SELECT ${ACTION_ROW.map((_, i) => `value ->> ${i}`).join(', ')} FROM jsonb_each(?)`).raw();

function roundTrip(actions: Action[]): unknown[][] {
  const w = new ActionBlockWriter();
  for (const a of actions) w.add(a);
  const { bytes, rows } = w.take();
  assert.equal(rows, actions.length);
  return unpack.all(Buffer.from(bytes)) as unknown[][];
}

const base: Action = { platform: 'twitter', id: '1', account: 'a', kind: 'post', time: 0, precision: 'min', urls: [], hashtags: [], mentions: [], media: [] };

test('action block: SQLite reads back exactly the values, hand-picked hard cases', () => {
  const actions: Action[] = [
    { ...base },
    {
      ...base, id: 'x"y\\z', account: 'Ωmega', kind: 'share', time: 1_456_000_000_000, target: 't\n1', shared: 's',
      text: 'Повод #1 "quoted" \\ back\u0000nul\ttab 😀 \ud800 lone', urls: ['https://a.b/c'], hashtags: ['выборы', 'x'],
      mentions: ['m'], media: ['p/1.jpg'], lang: 'ru',
      raw: { plain: 'v', quote: 'a"b', ctl: 'a\u0001b', uni: 'Ильмень', lone: '\udc00', n: 1.5, o: { x: [1, 'y'] }, gone: undefined, t: true },
    },
    { ...base, id: '3', raw: {} },
    { ...base, id: '4', raw: { gone: undefined } },
    { ...base, id: '5', text: 'ы'.repeat(30_000), raw: { long: 'ж'.repeat(100_000) } },
    { ...base, id: '6', time: -86_400_000, text: '' },
    { ...base, id: '7', time: 100_000_000 }, { ...base, id: '8', time: 99_999_999 }, { ...base, id: '9', time: 1.5 },
    { ...base, id: '10', time: Number.MAX_SAFE_INTEGER }, { ...base, id: '11', time: 1_000_000_000_000_000 },
  ];
  assert.deepEqual(roundTrip(actions), actions.map(expected));
});

test('action block: any strings and raw records read back as the old bound values', () => {
  const str = fc.string({ unit: 'binary', maxLength: 120 });
  const action = fc.record({
    id: str.filter((s) => s !== ''), account: str, text: fc.option(str, { nil: undefined }),
    urls: fc.array(str, { maxLength: 3 }), time: fc.oneof(fc.integer({ min: -1e13, max: 1e13 }), fc.maxSafeNat()),
    raw: fc.option(fc.dictionary(str, fc.oneof(str, fc.integer(), fc.constant(undefined)), { maxKeys: 4 }), { nil: undefined }),
  });
  fc.assert(
    fc.property(fc.array(action, { maxLength: 8 }), (rows) => {
      const actions = rows.map((r): Action => {
        const a: Action = { ...base, id: r.id, account: r.account, time: r.time, urls: r.urls };
        if (r.text !== undefined) a.text = r.text;
        if (r.raw !== undefined) a.raw = r.raw;
        return a;
      });
      assert.deepEqual(roundTrip(actions), actions.map(expected));
    }),
  );
});
