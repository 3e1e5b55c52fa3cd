// Whole numbers beyond 2^53 in JSON exports (tweet ids as bare numbers) keep their digits, in JSON documents and in
// JSON lines, so two actions whose ids differ only in the last digits stay two actions.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import fc from 'fast-check';
import { openSqliteStore } from '../store/sqlite/index.ts';
import { importFile } from './import-file.ts';
import { keepDigits, parseJsonKeepingDigits } from './json-numbers.ts';

const dir = mkdtempSync(join(tmpdir(), 'trollmap-json-numbers-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('keepDigits: safe numbers as numbers, unsafe whole numbers as their digits', () => {
  assert.equal(keepDigits('9007199254740991'), 9007199254740991);
  assert.equal(keepDigits('9007199254740992'), '9007199254740992');
  assert.equal(keepDigits('-1234567890123456789'), '-1234567890123456789');
  assert.equal(keepDigits('1.5'), 1.5);
  assert.equal(keepDigits('1e20'), 1e20);
});

test('parseJsonKeepingDigits equals JSON.parse on JSON without unsafe whole numbers', () => {
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 3 }), (v) => {
      const text = JSON.stringify(v);
      // Whole numbers of 16+ digits outside strings are the ones kept as digits: leave them to the example below.
      const outsideStrings = text.replace(/"(?:[^"\\]|\\.)*"/g, '""');
      fc.pre(!/(?<![\d.eE+-])-?\d{16,}(?![\d.eE])/.test(outsideStrings));
      assert.deepEqual(parseJsonKeepingDigits(text), JSON.parse(text));
    }),
    { numRuns: 500, seed: 3 },
  );
  assert.deepEqual(parseJsonKeepingDigits('{"id": 1234567890123456789, "s": "12345678901234567890", "a": [9007199254740993, 2.5]}'), {
    id: '1234567890123456789', s: '12345678901234567890', a: ['9007199254740993', 2.5],
  });
});

const ids = ['1461447618736242689', '1461447618736242690'];
const record = (id: string, k: number): string => `{"id": ${id}, "user": ${k + 1000000000000000000}, "created": "2021-11-18T21:${10 + k}:00Z", "body": "text ${k}"}`;

for (const [name, text] of [
  ['tweets.json', `[${ids.map(record).join(',\n')}]`],
  ['tweets.jsonl', ids.map(record).join('\n') + '\n'],
] as const) {
  test(`${name}: ids past 2^53 written as bare numbers stay distinct and exact`, async () => {
    // Both ids are the same double: JSON.parse alone would make the second a duplicate of the first.
    assert.equal(Number(ids[0]), Number(ids[1]));
    const path = join(dir, name);
    writeFileSync(path, text);
    const store = await openSqliteStore(join(dir, `${name}.sqlite`));
    try {
      const r = await importFile(store, path, name, {
        map: { id: 'id', account: 'user', time: 'created', text: 'body' }, platform: 'twitter', now: () => 0, clock: () => 0,
      });
      assert.equal(r.actionsAdded, 2);
      for (const id of ids) assert.equal((await store.getAction('twitter', id))?.id, id);
      assert.equal((await store.getAction('twitter', ids[0]!))?.account, '1000000000000000000');
    } finally {
      await store.close();
    }
  });
}
