// Layers: rules that turn stored actions into traces (account, key, time, action). One kernel serves them all.
//   co-share    the reposted/forwarded object (`shared`)
//   co-link     each distinct URL of the action (normalise URLs before, or pass `normaliseKey`)
//   co-target   the post/thread the action comments on or replies to (`target`)
//   co-hashtag  the action's set of hashtags, sorted and joined by a space (one key per action)
//   co-media    each distinct media reference
//   co-text     a precomputed key per action (text-cluster ids from the text detector)
// The action id (`ids[i]`) is CooRTweet's content id; the key name is its object id. Traces follow the store's
// insertion order (`seq`), so CooRTweet parity exports keep the input file's row order.
import type { ActionColumns, MultiColumn } from '../columns.ts';
import { splitKey } from '../model.ts';
import { Dictionary, TraceBuilder, type LayerTraces, type Traces } from './traces.ts';
import { countingSort, integerRange } from '../counting-sort.ts';

export const LAYERS = ['co-share', 'co-link', 'co-target', 'co-hashtag', 'co-media', 'co-text'] as const;
export type Layer = (typeof LAYERS)[number];

export interface LayerOptions {
  /** co-text: key index per action (−1 = none) and the key names. */
  keyColumn?: { key: Int32Array; names: readonly string[] };
  /** Maps a URL/media/hashtag value to its key ('' drops it); identity by default. */
  normaliseKey?: (value: string) => string;
  /** Account, shared-object and target ids without their `platform:` prefix (the input files' ids, for CSVs). */
  bareIds?: boolean;
  /** Emit traces in this order instead of the store's insertion order `seq` (the input files' row order). */
  inputOrder?: ArrayLike<number>;
}

/** How many of the actions can give `layer` a trace (a key, a value, a text): a measure of its work, no traces made. */
export function layerRows(columns: ActionColumns, layer: Layer): number {
  switch (layer) {
    case 'co-share':
      return countSet(columns.shared);
    case 'co-target':
      return countSet(columns.target);
    case 'co-link':
      return columns.urls.values.length;
    case 'co-media':
      return columns.media.values.length;
    case 'co-hashtag':
      return columns.hashtags.values.length;
    case 'co-text':
      return columns.text.reduce((n, t) => n + (t === '' ? 0 : 1), 0);
  }
}

/** How many codes are set (≥ 0). */
function countSet(codes: Int32Array): number {
  let n = 0;
  for (let i = 0; i < codes.length; i++) if (codes[i]! >= 0) n++;
  return n;
}

/** The traces of one layer over the given actions. */
export function layerTraces(columns: ActionColumns, layer: Layer, options: LayerOptions = {}): LayerTraces {
  const bare = (names: readonly string[]) => (options.bareIds ? names.map((n) => splitKey(n)?.id ?? n) : names);
  const rows = rowOrder(columns.count, options.inputOrder ?? columns.seq);
  const named = (traces: Traces, keys: readonly string[]): LayerTraces => ({ traces, accounts: bare(columns.accountKeys), keys, actions: columns.ids });
  // The loops are functions of their own (see co-action.ts: V8 compiles each once, not this function again).
  switch (layer) {
    case 'co-share':
      return named(singleKeyTraces(columns, rows, columns.shared), bare(columns.sharedKeys));
    case 'co-target':
      return named(singleKeyTraces(columns, rows, columns.target), bare(columns.targetKeys));
    case 'co-text': {
      if (!options.keyColumn) throw new Error('layerTraces: co-text needs a keyColumn of text-cluster ids');
      return named(singleKeyTraces(columns, rows, options.keyColumn.key), options.keyColumn.names);
    }
    case 'co-link':
    case 'co-media': {
      const dict = new Dictionary();
      return named(valueTraces(columns, rows, layer === 'co-link' ? columns.urls : columns.media, dict, options.normaliseKey), dict.names);
    }
    case 'co-hashtag': {
      const dict = new Dictionary();
      return named(hashtagSetTraces(columns, rows, dict, options.normaliseKey), dict.names);
    }
  }
}

/** One trace per row with a key (key[i] ≥ 0), rows in `rows` order. */
function singleKeyTraces(columns: ActionColumns, rows: Int32Array, key: Int32Array): Traces {
  const { account, time } = columns;
  const b = new TraceBuilder(countSet(key));
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r]!;
    const k = key[i]!;
    if (k >= 0) b.push(account[i]!, k, time[i]!, i);
  }
  return b.build();
}

/** One trace per distinct (normalised) value of a row's list, keys interned in `dict`. */
function valueTraces(columns: ActionColumns, rows: Int32Array, multi: MultiColumn, dict: Dictionary, normalise?: (v: string) => string): Traces {
  const { account, time } = columns;
  const b = new TraceBuilder(multi.offsets[columns.count]);
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r]!;
    for (const v of distinctValues(multi, i, normalise)) b.push(account[i]!, dict.intern(v), time[i]!, i);
  }
  return b.build();
}

/** One trace per row with hashtags, keyed by its set of distinct hashtags (sorted, space-joined). */
function hashtagSetTraces(columns: ActionColumns, rows: Int32Array, dict: Dictionary, normalise?: (v: string) => string): Traces {
  const { account, time } = columns;
  const b = new TraceBuilder(columns.hashtags.offsets[columns.count]);
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r]!;
    const set = distinctValues(columns.hashtags, i, normalise).sort();
    if (set.length > 0) b.push(account[i]!, dict.intern(set.join(' ')), time[i]!, i);
  }
  return b.build();
}

function distinctValues(multi: MultiColumn, row: number, normalise?: (v: string) => string): string[] {
  const out: string[] = [];
  for (let j = multi.offsets[row]!; j < multi.offsets[row + 1]!; j++) {
    const v = normalise ? normalise(multi.values[j]!) : multi.values[j]!;
    if (v !== '' && !out.includes(v)) out.push(v);
  }
  return out;
}

// One run asks for the same order once per layer: computed once per order array (a million-row sort each time).
const rowOrders = new WeakMap<object, Int32Array>();

/** Rows 0 … count − 1 by ascending `order` (one value per row), equal values in row order (memoised per array). */
export function rowOrder(count: number, order: ArrayLike<number>): Int32Array {
  if (order.length !== count) throw new Error(`row order of ${order.length} values for ${count} rows`);
  const cached = rowOrders.get(order);
  if (cached !== undefined) return cached;
  let ascending = true;
  for (let i = 1; i < count && ascending; i++) ascending = order[i - 1]! < order[i]!;
  const rows = ascending ? identity(count) : (bySmallIntegers(order) ?? identity(count).sort((p, q) => order[p]! - order[q]! || p - q));
  rowOrders.set(order, rows);
  return rows;
}

/** 0, 1, … count − 1. */
function identity(count: number): Int32Array {
  const rows = new Int32Array(count);
  for (let i = 0; i < count; i++) rows[i] = i;
  return rows;
}

/**
 * The rows by ascending `order` through a counting sort, for integer values in a range at most a few times the row
 * count (seq is the table's rowid, so nearly dense), where a comparator sort of a million rows took tenths of a second;
 * undefined when the values do not fit.
 */
function bySmallIntegers(order: ArrayLike<number>): Int32Array | undefined {
  const range = integerRange(order);
  if (range === undefined || range.max - range.min >= 4 * order.length + 1024) return undefined;
  return countingSort(order, range.min, range.max);
}
