// Looks at the first ~64 KB of a decoded file and decides its container (CSV/TSV, JSON, JSONL) and header.
import { UserError } from '../core/errors.ts';
import type { Container, Head } from './formats/types.ts';
import { csvRows, sniffDelimiter } from './csv.ts';

async function firstRow(text: string, delimiter: string, file: string): Promise<string[]> {
  async function* one(): AsyncGenerator<string> {
    yield text;
  }
  try {
    for await (const rows of csvRows(one(), delimiter, file)) return rows[0]?.fields ?? [];
  } catch (e) {
    // The head may end inside a quoted header cell; the full read reports it if it is really broken.
    if (!(e instanceof UserError)) throw e;
  }
  return text.split(delimiter);
}

function container(text: string, file: string): Container {
  const lower = file.toLowerCase().replace(/\.gz$/, '');
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  const t = text.trimStart();
  if (t.startsWith('[')) return 'json';
  if (!t.startsWith('{')) return 'csv';
  const nl = t.indexOf('\n');
  if (nl < 0) return 'json';
  const firstLine = t.slice(0, nl).trim();
  if (!firstLine.endsWith('}')) return 'json';
  try {
    JSON.parse(firstLine);
    return 'jsonl';
  } catch (e) {
    if (!(e instanceof SyntaxError)) throw e;
    return 'json';
  }
}

/** Builds the head of a file; an empty file is a user error. */
export async function readHead(text: string, file: string): Promise<Head> {
  if (text.trim() === '') throw new UserError(`${file}: the file is empty; expected a header row or JSON`);
  const c = container(text, file);
  if (c === 'csv') {
    const nl = text.indexOf('\n');
    const firstLine = nl < 0 ? text : text.slice(0, nl);
    const delimiter = /\.tsv(\.gz)?$/i.test(file) ? '\t' : sniffDelimiter(firstLine);
    const header = (await firstRow(text, delimiter, file)).map((h) => h.trim());
    return { file, text, container: c, delimiter, header };
  }
  if (c === 'jsonl') {
    const t = text.trimStart();
    const nl = t.indexOf('\n');
    const line = nl < 0 ? t : t.slice(0, nl);
    let first: Record<string, unknown> | undefined;
    try {
      const v: unknown = JSON.parse(line);
      if (v && typeof v === 'object' && !Array.isArray(v)) first = v as Record<string, unknown>;
    } catch (e) {
      if (!(e instanceof SyntaxError)) throw e;
    }
    const head: Head = { file, text, container: c, delimiter: '', header: first ? Object.keys(first) : [] };
    if (first) head.first = first;
    return head;
  }
  return { file, text, container: c, delimiter: '', header: [] };
}

/** Lower-cased header names with spaces and dots folded to `_`, for matching known column names. */
export function normName(name: string): string {
  return name.trim().toLowerCase().replace(/[\s.]+/g, '_');
}

/** True when every name is in the header (compared by normName). */
export function hasColumns(header: readonly string[], names: readonly string[]): boolean {
  const set = new Set(header.map(normName));
  return names.every((n) => set.has(normName(n)));
}
