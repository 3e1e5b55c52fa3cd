// Streaming readers for the three containers: CSV/TSV rows with a header, JSON values at chosen paths, and
// JSON lines. Each calls back per record and lets the sink write between chunks, so memory stays bounded.
import { Readable } from 'node:stream';
import { JSONParser } from '@streamparser/json-node';
import { UserError } from '../core/errors.ts';
import { csvRows } from './csv.ts';
import type { TextSource } from './decode.ts';
import type { Head, Sink } from './formats/types.ts';
import { keepingDigits, parseJsonKeepingDigits } from './json-numbers.ts';

/** Called for each data row with its fields (as many as header cells) and 1-based line. */
export type RowFn = (fields: string[], line: number) => void;

/** Reads a delimited file: the first row is the header given to `compile`; ragged rows become bad rows. */
export async function readTable(
  source: TextSource,
  head: Head,
  sink: Sink,
  compile: (header: string[]) => RowFn,
): Promise<void> {
  let onRow: RowFn | undefined;
  let width = 0;
  for await (const rows of csvRows(source.chunks(), head.delimiter, source.file)) {
    for (const r of rows) {
      if (onRow === undefined) {
        const header = r.fields.map((h) => h.trim());
        width = header.length;
        onRow = compile(header);
        continue;
      }
      sink.row();
      if (r.fields.length !== width) {
        sink.bad({
          line: r.line,
          code: 'ragged-row',
          message: `row has ${r.fields.length} fields, expected ${width} as in the header`,
        });
        continue;
      }
      onRow(r.fields, r.line);
    }
    await sink.drain();
  }
  if (onRow === undefined) throw new UserError(`${source.file}: no header row; expected column names on line 1`);
}

const EXPECTED: Record<string, string> = {
  COMMA: 'a comma or a closing bracket',
  KEY: 'a quoted key',
  COLON: 'a colon',
  VALUE: 'a value',
  START: 'a value',
  END: 'the end of the document',
};

function jsonError(file: string, e: unknown): UserError {
  const msg = (e as Error)?.message ?? String(e);
  if (/ended in (mid-parsing|the middle)|not all the data/i.test(msg)) {
    return new UserError(`${file}: the JSON ends early (cut short?); expected the rest of the document`, { cause: e });
  }
  const at = /absolute position "?(\d+)"?/.exec(msg)?.[1];
  const found = /Unexpected (?:[A-Z_]+ \()?"([^"]*)"\)?/.exec(msg)?.[1];
  const state = /in state "?([A-Z_]+)/.exec(msg)?.[1];
  const expected = (state && EXPECTED[state.replace(/^(VALUE|KEY|COMMA|COLON|END|START).*$/, '$1')]) ?? 'valid JSON';
  return new UserError(
    `${file}: not valid JSON${at ? ` at byte ${at}` : ''}${found !== undefined ? ` (found "${found}")` : ''}; expected ${expected}`,
    { cause: e },
  );
}

/** A value found at one of the paths: `path` holds the keys from the root (array indexes as numbers). */
export type JsonValueFn = (path: readonly (string | number)[], value: unknown) => void;

/** Streams a JSON document, calling `fn` for each value matching `paths` (streamparser's JSONPath subset). */
export async function readJson(source: TextSource, paths: string[], sink: Sink, fn: JsonValueFn): Promise<void> {
  const parser = keepingDigits(new JSONParser({ paths, keepStack: false }));
  const input = Readable.from(source.chunks());
  input.on('error', (e) => parser.destroy(e));
  input.pipe(parser);
  let n = 0;
  try {
    for await (const info of parser as AsyncIterable<{ value: unknown; key?: string | number; stack: { key?: unknown }[] }>) {
      const path = info.stack.slice(1).map((s) => s.key as string | number);
      if (info.key !== undefined) path.push(info.key);
      fn(path, info.value);
      if (++n % 1000 === 0) await sink.drain();
    }
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw jsonError(source.file, e);
  }
  await sink.drain();
}

/** Streams JSON lines; a line that is not a JSON object becomes a bad row. */
export async function readJsonLines(
  source: TextSource,
  sink: Sink,
  fn: (record: Record<string, unknown>, line: number) => void,
): Promise<void> {
  let rest = '';
  let line = 0;
  const handle = (text: string): void => {
    line++;
    const t = text.trim();
    if (t === '') return;
    sink.row();
    let v: unknown;
    try {
      v = parseJsonKeepingDigits(t);
    } catch (e) {
      if (!(e instanceof SyntaxError)) throw e;
      sink.bad({ line, code: 'bad-json', message: `not a JSON object (${e.message}); expected one JSON object per line` });
      return;
    }
    if (!v || typeof v !== 'object' || Array.isArray(v)) {
      sink.bad({ line, code: 'bad-json', message: 'not a JSON object; expected one JSON object per line' });
      return;
    }
    fn(v as Record<string, unknown>, line);
  };
  for await (const chunk of source.chunks()) {
    const text = rest + chunk;
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      handle(text.slice(start, nl));
      start = nl + 1;
    }
    rest = text.slice(start);
    if (rest.length > 64 * 1024 * 1024) {
      throw new UserError(`${source.file}:${line + 1}: one line is longer than 64 MB; expected one JSON object per line`);
    }
    await sink.drain();
  }
  if (rest.trim() !== '') handle(rest);
  await sink.drain();
}
