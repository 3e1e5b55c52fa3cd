import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { isUserError } from '../core/errors.ts';
import { csvRows, sniffDelimiter } from './csv.ts';

async function* chunked(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function parse(text: string, size = 1 << 20, delimiter = ','): Promise<[number, ...string[]][]> {
  const out: [number, ...string[]][] = [];
  for await (const rows of csvRows(chunked(text, size), delimiter, 'f.csv')) {
    for (const r of rows) out.push([r.line, ...r.fields]);
  }
  return out;
}

test('quoted newlines, doubled quotes, CRLF and blank lines, with physical line numbers', async () => {
  const text = 'a,b,c\r\n1,"x\r\ny",3\r\n,,\r\n"q""q",  z ,"e"\n\nlast,row,"end"';
  const expected = [
    [1, 'a', 'b', 'c'],
    [2, '1', 'x\r\ny', '3'],
    [4, '', '', ''],
    [5, 'q"q', '  z ', 'e'],
    [7, 'last', 'row', 'end'],
  ];
  for (const size of [1, 2, 3, 7, 1000]) assert.deepEqual(await parse(text, size), expected, `chunk ${size}`);
});

test('an unterminated quote is a user error naming the line where it opened', async () => {
  await assert.rejects(parse('a,b\n1,2\n3,"never closed\nmore\n'), (e: unknown) => {
    assert.ok(isUserError(e));
    assert.match((e as Error).message, /^f\.csv:3: a quoted field opened on this line never closes/);
    return true;
  });
});

test('tabs and semicolons are sniffed from the first line', () => {
  assert.equal(sniffDelimiter('a\tb\tc'), '\t');
  assert.equal(sniffDelimiter('a;b;"c,d"'), ';');
  assert.equal(sniffDelimiter('a,b'), ',');
});

// Writes a table as RFC 4180 CSV, quoting only where needed, with LF or CRLF line ends.
function toCsv(rows: string[][], crlf: boolean): string {
  const cell = (v: string): string => (/[",\r\n]/.test(v) || v === '' ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => r.map(cell).join(',')).join(crlf ? '\r\n' : '\n');
}

test('property: any table survives writing and parsing in any chunking', async () => {
  const cellArb = fc.string({ unit: fc.constantFrom('a', 'б', ',', '"', '\n', '\r\n', ' ', 'x'), maxLength: 6 });
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 1, max: 4 }).chain((w) => fc.array(fc.array(cellArb, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 6 })),
      fc.boolean(),
      fc.integer({ min: 1, max: 9 }),
      async (rows, crlf, size) => {
        const parsed = await parse(toCsv(rows, crlf), size);
        assert.deepEqual(parsed.map((r) => r.slice(1)), rows);
      },
    ),
    { seed: 20261128, numRuns: 300 },
  );
});
