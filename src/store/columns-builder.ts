// Builds ActionColumns from raw rows, engine-neutral: every store streams its rows (in (time, platform, id) order)
// through one builder, so dictionaries are encoded the same way and sorted for determinism.
import { ACTION_KINDS, TIME_PRECISIONS } from '../core/model.ts';
import type { ActionColumns, MultiColumn } from './store.ts';

/** One action row as stores read it: lists newline-joined or null. */
export type ColumnRow = [
  platform: string,
  id: string,
  account: string,
  kind: string,
  timeMs: number,
  precision: string,
  target: string | null,
  shared: string | null,
  text: string | null,
  urls: string | null,
  hashtags: string | null,
  media: string | null,
  seq: number,
];

const KIND_INDEX = new Map<string, number>(ACTION_KINDS.map((k, i) => [k, i]));
const PRECISION_INDEX = new Map<string, number>(TIME_PRECISIONS.map((p, i) => [p, i]));

class Dictionary {
  private readonly index = new Map<string, number>();
  readonly values: string[] = [];
  add(value: string): number {
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.index.set(value, i);
      this.values.push(value);
    }
    return i;
  }
  /** Sorts the dictionary and rewrites codes to match; -1 stays -1. */
  sortAndRemap(codes: Int32Array): string[] {
    const order = this.values.map((_, i) => i).sort((a, b) => cmp(this.values[a] as string, this.values[b] as string));
    const newCode = new Int32Array(order.length);
    order.forEach((old, neu) => (newCode[old] = neu));
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i] as number;
      if (c >= 0) codes[i] = newCode[c] as number;
    }
    return order.map((i) => this.values[i] as string);
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

class MultiBuilder {
  readonly offsets: number[] = [0];
  readonly values: string[] = [];
  push(joined: string | null): void {
    if (joined !== null && joined !== '') for (const v of joined.split('\n')) this.values.push(v);
    this.offsets.push(this.values.length);
  }
  build(): MultiColumn {
    return { offsets: Int32Array.from(this.offsets), values: this.values };
  }
}

/** Consumes rows and returns the columns; `count` is known up front when the store can tell it cheaply. */
export function buildColumns(rows: Iterable<ColumnRow>, count: number): ActionColumns {
  const accounts = new Dictionary();
  const targets = new Dictionary();
  const shareds = new Dictionary();
  const platforms = new Dictionary();
  const account = new Int32Array(count);
  const time = new Float64Array(count);
  const kind = new Uint8Array(count);
  const precision = new Uint8Array(count);
  const platform = new Uint8Array(count);
  const target = new Int32Array(count);
  const shared = new Int32Array(count);
  const seq = new Int32Array(count);
  const ids: string[] = new Array<string>(count);
  const text: string[] = new Array<string>(count);
  const urls = new MultiBuilder();
  const hashtags = new MultiBuilder();
  const media = new MultiBuilder();
  let i = 0;
  for (const r of rows) {
    if (i >= count) throw new Error(`store returned more rows than its count (${count})`);
    const p = r[0];
    platform[i] = platforms.add(p);
    ids[i] = r[1];
    seq[i] = r[12];
    account[i] = accounts.add(`${p}:${r[2]}`);
    kind[i] = KIND_INDEX.get(r[3]) ?? 0;
    time[i] = r[4];
    precision[i] = PRECISION_INDEX.get(r[5]) ?? 0;
    target[i] = r[6] === null ? -1 : targets.add(`${p}:${r[6]}`);
    shared[i] = r[7] === null ? -1 : shareds.add(`${p}:${r[7]}`);
    text[i] = r[8] ?? '';
    urls.push(r[9]);
    hashtags.push(r[10]);
    media.push(r[11]);
    i++;
  }
  if (i !== count) throw new Error(`store returned ${i} rows, expected ${count}`);
  if (platforms.values.length > 255) throw new Error('more than 255 platforms in one read');
  const platformCodes = Int32Array.from(platform);
  const platformKeys = platforms.sortAndRemap(platformCodes);
  platform.set(platformCodes);
  return {
    count,
    accountKeys: accounts.sortAndRemap(account),
    account,
    time,
    kind,
    precision,
    seq,
    ids,
    platforms: platformKeys,
    platform,
    targetKeys: targets.sortAndRemap(target),
    target,
    sharedKeys: shareds.sortAndRemap(shared),
    shared,
    text,
    urls: urls.build(),
    hashtags: hashtags.build(),
    media: media.build(),
  };
}
