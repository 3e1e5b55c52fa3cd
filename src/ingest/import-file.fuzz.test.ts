// Property: malformed input never crashes the importer with a bug and never leaves a partial import. Each case
// either imports (if the damage happened to leave valid data) or fails with a UserError and an unchanged store.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import fc from 'fast-check';
import { isUserError } from '../core/errors.ts';
import { openSqliteStore } from '../store/sqlite/index.ts';
import type { Store } from '../store/store.ts';
import { importFile } from './import-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'trollmap-fuzz-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

const rows = Array.from({ length: 60 }, (_, i) => `f${i},vk,acc${i % 9},2024-02-0${1 + (i % 9)}T10:${String(i % 60).padStart(2, '0')}:00Z,"text, ${i}",https://e.org/${i}`);
const validCsv = `id,platform,account,time,text,url\n${rows.join('\n')}\n`;
const validJson = JSON.stringify(rows.map((_, i) => ({ id: `j${i}`, platform: 'vk', account: `a${i % 5}`, time: 1_706_000_000 + i, text: `t ${i}` })));

async function snapshot(store: Store): Promise<string> {
  return JSON.stringify([await store.stats({ top: 50 }), (await store.listBatches()).map((b) => [b.id, b.sha256])]);
}

// Runs one import; returns 'imported' or 'failed' and checks the failure contract.
async function attempt(store: Store, bytes: Uint8Array, name: string): Promise<'imported' | 'failed'> {
  const path = join(dir, `${++n}-${name}`);
  writeFileSync(path, bytes);
  const before = await snapshot(store);
  try {
    await importFile(store, path, name, { map: {}, now: () => 0, clock: () => 0 });
    return 'imported';
  } catch (e) {
    assert.ok(isUserError(e), `expected a UserError, got ${(e as Error)?.stack ?? String(e)}`);
    assert.ok(!(e as Error).message.split('\n')[0]!.includes('    at '), 'no stack trace in the message');
    assert.equal(await snapshot(store), before, `${name}: the store changed after a failed import`);
    return 'failed';
  }
}

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

test('property: damaged CSV, JSON and binary input fail cleanly and leave the store unchanged', async () => {
  const store = await openSqliteStore(join(dir, 'fuzz.sqlite'));
  writeFileSync(join(dir, 'base.csv'), validCsv);
  await importFile(store, join(dir, 'base.csv'), 'base.csv', { map: {}, now: () => 0, clock: () => 0 });
  const quote = validCsv.indexOf('"text, 30');

  // Cut inside a quoted field: always a failure.
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 1, max: 7 }), async (k) => {
      assert.equal(await attempt(store, enc(validCsv.slice(0, quote + k)), 'cut-quote.csv'), 'failed');
    }),
    { seed: 1, numRuns: 7 },
  );
  // Truncated JSON: always a failure.
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 1, max: validJson.length - 1 }), async (cut) => {
      assert.equal(await attempt(store, enc(validJson.slice(0, cut)), 'cut.json'), 'failed');
    }),
    { seed: 2, numRuns: 40 },
  );
  // Many ragged rows (fields dropped from more than 1% of them): always a failure.
  await fc.assert(
    fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 0, max: 59 }), { minLength: 2, maxLength: 20 }), async (hit) => {
      const lines = validCsv.trimEnd().split('\n');
      for (const i of hit) lines[i + 1] = lines[i + 1]!.replace(/,https:.*$/, '');
      assert.equal(await attempt(store, enc(`${lines.join('\n')}\n`), 'ragged.csv'), 'failed');
    }),
    { seed: 3, numRuns: 30 },
  );
  // NUL bytes near the start (binary): always a failure.
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 0, max: 200 }), fc.uint8Array({ minLength: 1, maxLength: 64 }), async (at, junk) => {
      const bytes = enc(validCsv);
      const out = new Uint8Array(bytes.length + junk.length + 1);
      out.set(bytes.subarray(0, at));
      out[at] = 0;
      out.set(junk, at + 1);
      out.set(bytes.subarray(at), at + 1 + junk.length);
      assert.equal(await attempt(store, out, 'nul.csv'), 'failed');
    }),
    { seed: 4, numRuns: 30 },
  );
  // Arbitrary damage (random bytes spliced in, random cuts): either outcome, but never a bug or a partial import.
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(validCsv, validJson),
      fc.array(fc.tuple(fc.nat(), fc.uint8Array({ maxLength: 8 })), { maxLength: 5 }),
      fc.nat(),
      async (text, splices, cut) => {
        let bytes = enc(text);
        for (const [pos, junk] of splices) {
          const p = pos % bytes.length;
          bytes = Uint8Array.from([...bytes.subarray(0, p), ...junk, ...bytes.subarray(p)]);
        }
        bytes = bytes.subarray(0, Math.max(0, bytes.length - (cut % 40)));
        await attempt(store, bytes, text === validCsv ? 'damaged.csv' : 'damaged.json');
      },
    ),
    { seed: 5, numRuns: 120 },
  );
  await store.close();
});
