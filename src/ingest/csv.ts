// A streaming CSV/TSV parser (RFC 4180: quoted fields with doubled quotes, quoted newlines, CRLF or LF) that keeps
// the physical line number of every row, so issues can point at `file:line`. Rows arrive in batches per chunk.
import { UserError } from '../core/errors.ts';

/** One parsed row and the 1-based line it starts on. */
export interface CsvRow {
  fields: string[];
  line: number;
}

const MAX_ROW_CHARS = 64 * 1024 * 1024;

/** Yields the rows of a delimited text as batches; blank lines are skipped. */
export async function* csvRows(chunks: AsyncIterable<string>, delimiter: string, file: string): AsyncGenerator<CsvRow[]> {
  let buf = '';
  let line = 1;
  const iter = chunks[Symbol.asyncIterator]();
  let eof = false;
  while (!eof) {
    const r = await iter.next();
    if (r.done) eof = true;
    else buf = buf === '' ? r.value : buf + r.value;
    const out: CsvRow[] = [];
    const res = parseRows(buf, delimiter, line, eof, out);
    if (res.incomplete && eof) {
      throw new UserError(
        `${file}:${res.line}: a quoted field opened on this line never closes; expected a closing " (is the file cut short?)`,
      );
    }
    if (buf.length - res.consumed > MAX_ROW_CHARS) {
      throw new UserError(`${file}:${res.line}: one row is longer than 64 MB; expected a closing " before that`);
    }
    buf = buf.slice(res.consumed);
    line = res.line;
    if (out.length > 0) yield out;
  }
}

interface ParseResult {
  consumed: number;
  line: number;
  incomplete: boolean;
}

// Parses complete rows of buf into out. A row not yet terminated (and not at eof) is left for the next chunk.
function parseRows(buf: string, delimiter: string, startLine: number, eof: boolean, out: CsvRow[]): ParseResult {
  const n = buf.length;
  const d = delimiter.charCodeAt(0);
  let lineEnd = -1;
  let p = 0;
  let line = startLine;
  while (p < n) {
    const rowStart = p;
    const rowLine = line;
    const fields: string[] = [];
    let extraLines = 0;
    let complete = false;
    let quotedSeen = false;
    for (;;) {
      if (p < n && buf.charCodeAt(p) === 34) {
        // Quoted field.
        quotedSeen = true;
        let q = p + 1;
        let value = '';
        let closed = false;
        for (;;) {
          const j = buf.indexOf('"', q);
          if (j < 0) break;
          if (j + 1 < n && buf.charCodeAt(j + 1) === 34) {
            value += buf.slice(q, j + 1);
            q = j + 2;
            continue;
          }
          if (j + 1 >= n && !eof) break;
          value += buf.slice(q, j);
          p = j + 1;
          closed = true;
          break;
        }
        if (!closed) return { consumed: rowStart, line: rowLine, incomplete: true };
        // Lenient: text after the closing quote (`"a"b,`) is kept as part of the field.
        let e = p;
        while (e < n) {
          const c = buf.charCodeAt(e);
          if (c === d || c === 10 || c === 13) break;
          e++;
        }
        if (e > p) value += buf.slice(p, e);
        p = e;
        for (let k = value.indexOf('\n'); k >= 0; k = value.indexOf('\n', k + 1)) extraLines++;
        fields.push(value);
      } else {
        // An unquoted field ends at the next delimiter or at the end of the line.
        if (lineEnd < p) {
          lineEnd = buf.indexOf('\n', p);
          if (lineEnd < 0) lineEnd = n;
        }
        let e = buf.indexOf(delimiter, p);
        if (e < 0 || e > lineEnd) e = lineEnd;
        if (e === lineEnd && e > p && buf.charCodeAt(e - 1) === 13) e--;
        fields.push(buf.slice(p, e));
        p = e;
      }
      if (p >= n) {
        if (!eof) return { consumed: rowStart, line: rowLine, incomplete: false };
        complete = true;
        break;
      }
      const c = buf.charCodeAt(p);
      if (c === d) {
        p++;
        if (p >= n && !eof) return { consumed: rowStart, line: rowLine, incomplete: false };
        continue;
      }
      if (c === 13) {
        if (p + 1 >= n && !eof) return { consumed: rowStart, line: rowLine, incomplete: false };
        p += buf.charCodeAt(p + 1) === 10 ? 2 : 1;
      } else p++;
      complete = true;
      break;
    }
    if (!complete) break;
    line = rowLine + 1 + extraLines;
    if (quotedSeen || !(fields.length === 1 && fields[0] === '')) out.push({ fields, line: rowLine });
  }
  return { consumed: p, line, incomplete: false };
}

/** Guesses the delimiter from the first line: the most frequent of tab, comma and semicolon outside quotes. */
export function sniffDelimiter(firstLine: string): string {
  let best = ',';
  let bestCount = 0;
  for (const c of [',', '\t', ';']) {
    let count = 0;
    let quoted = false;
    for (const ch of firstLine) {
      if (ch === '"') quoted = !quoted;
      else if (ch === c && !quoted) count++;
    }
    if (count > bestCount) {
      best = c;
      bestCount = count;
    }
  }
  return best;
}
