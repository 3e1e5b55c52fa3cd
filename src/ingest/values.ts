// Cell values as exports write them: empty markers, counts like `0.0`, and lists in several spellings.

const EMPTY = new Set(['', 'NA', 'N/A', 'NaN', 'nan', 'null', 'NULL', 'None', 'none', 'absent', '[]']);

/** The trimmed value, or undefined for the markers exports use for "nothing" (empty, NA, null, None, absent). */
export function present(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  return EMPTY.has(v) ? undefined : v;
}

/** A whole count, accepting `12`, `12.0` and `1,234`; undefined when absent, NaN when not a count. */
export function parseCount(value: string | undefined): number | undefined {
  const v = present(value);
  if (v === undefined) return undefined;
  const n = Number(v.replace(/,/g, ''));
  return Number.isFinite(n) && n >= 0 && Number.isInteger(n) ? n : Number.NaN;
}

// A list value may never contain a newline (the store joins lists with them).
function clean(values: string[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    const t = v.replace(/[\r\n]+/g, ' ').trim();
    if (t !== '' && !EMPTY.has(t)) out.push(t);
  }
  return out;
}

/**
 * Splits a multi-valued cell: a JSON array (`["a","b"]`), a Python-style list (`['a', 'b']`, as in the Twitter
 * information-operations archive) or whitespace-separated values. Returns undefined when a list is malformed.
 */
export function parseList(value: string | undefined): string[] | undefined {
  const v = present(value);
  if (v === undefined) return [];
  if (v.startsWith('[')) {
    if (!v.endsWith(']')) return undefined;
    if (v.startsWith('["') || v === '[ ]') {
      try {
        const parsed: unknown = JSON.parse(v);
        if (Array.isArray(parsed)) return clean(parsed.map(String));
      } catch (e) {
        if (!(e instanceof SyntaxError)) throw e;
      }
    }
    return pythonList(v.slice(1, -1));
  }
  return clean(v.split(/\s+/));
}

// Python's repr of a list of strings: quoted with ' or " (with backslash escapes), or bare words.
function pythonList(inner: string): string[] | undefined {
  const out: string[] = [];
  let i = 0;
  while (i < inner.length) {
    while (inner[i] === ' ' || inner[i] === ',') i++;
    if (i >= inner.length) break;
    const q = inner[i];
    if (q === "'" || q === '"') {
      let s = '';
      i++;
      while (i < inner.length && inner[i] !== q) {
        if (inner[i] === '\\' && i + 1 < inner.length) i++;
        s += inner[i];
        i++;
      }
      if (i >= inner.length) return undefined;
      i++;
      out.push(s);
    } else {
      const end = inner.indexOf(',', i);
      out.push(inner.slice(i, end < 0 ? inner.length : end));
      i = end < 0 ? inner.length : end;
    }
  }
  return clean(out);
}

/** Turns a JSON value that should hold a list (array, string or number) into strings. */
export function listOf(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return clean(value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))));
  if (typeof value === 'string') return parseList(value);
  if (typeof value === 'number') return [String(value)];
  return undefined;
}

/** A JSON scalar as a present string, or undefined. */
export function str(value: unknown): string | undefined {
  if (typeof value === 'string') return present(value);
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return String(value);
  return undefined;
}
