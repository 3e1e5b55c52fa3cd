// Column lookup for formats with a fixed header: resolve names to indexes once, read rows by index.
import { normName } from '../head.ts';

/** Index of each wanted column (by normName), -1 when absent; `get` reads a row cell or undefined. */
export function columnIndex(header: readonly string[]): {
  at: (name: string) => number;
  get: (fields: readonly string[], index: number) => string | undefined;
  rest: (used: readonly number[]) => number[];
} {
  const map = new Map<string, number>();
  header.forEach((h, i) => {
    if (!map.has(normName(h))) map.set(normName(h), i);
  });
  return {
    at: (name) => map.get(normName(name)) ?? -1,
    get: (fields, index) => (index < 0 ? undefined : fields[index]),
    rest: (used) => header.map((_, i) => i).filter((i) => !used.includes(i)),
  };
}

/** Collects the non-empty cells of `indexes` into a raw record keyed by header name. */
export function rawOf(header: readonly string[], fields: readonly string[], indexes: readonly number[]): Record<string, unknown> | undefined {
  let raw: Record<string, unknown> | undefined;
  for (const i of indexes) {
    const v = fields[i];
    if (v === undefined || v === '') continue;
    (raw ??= {})[header[i]!] = v;
  }
  return raw;
}
