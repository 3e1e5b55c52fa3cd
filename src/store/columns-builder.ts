// Builds ActionColumns from raw rows, engine-neutral: every store streams its rows (in any order) through one
// builder, so dictionaries are encoded the same way and sorted for determinism. `buildColumns` takes rows as
// tuples; `ColumnsBuilder` takes one row's values at a time (the SQLite read packs small codes into one integer in
// SQL, since better-sqlite3 charges about 0.2 µs per value it hands over).
import { ACTION_KINDS, TIME_PRECISIONS } from '../core/model.ts';
import type { ActionColumns, MultiColumn } from './store.ts';
import { inTimeOrder } from './columns-order.ts';
import { sortedStrings } from '../core/compare-strings.ts';

/** One action row as stores read it: lists newline-joined or null. */
export type ColumnRow = [
  platform: string,
  id: string,
  account: string,
  /** The kind's name, or its index into ACTION_KINDS when the store maps it (−1: unknown). */
  kind: string | number,
  timeMs: number,
  /** The precision's name, or its index into TIME_PRECISIONS. */
  precision: string | number,
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

/** Ids interned per platform code in first-seen order; the `platform:id` keys are made and sorted once, at the end. */
class ScopedKeys {
  private readonly byPlatform: Map<string, number>[] = [];
  private size = 0;
  add(platformCode: number, id: string): number {
    let m = this.byPlatform[platformCode];
    if (m === undefined) this.byPlatform[platformCode] = m = new Map();
    let code = m.get(id);
    if (code === undefined) {
      code = this.size++;
      m.set(id, code);
    }
    return code;
  }
  /**
   * The keys `platform:id` sorted by UTF-16 code units (as `<` compares), with `codes` rewritten to match (−1
   * stays). With no ':' in platform names, `p:` decides between platforms and the id within one, so each platform's
   * ids are sorted alone and no key is hashed.
   */
  sortAndRemap(codes: Int32Array, platformNames: readonly string[]): string[] {
    const newCode = new Int32Array(this.size);
    const keys: string[] = [];
    const used = [...this.byPlatform.keys()].filter((pc) => this.byPlatform[pc] !== undefined);
    if (used.every((pc) => !platformNames[pc]!.includes(':'))) {
      const prefixes = used.map((pc) => `${platformNames[pc]!}:`);
      const order = used.map((_, j) => j).sort((a, b) => (prefixes[a]! < prefixes[b]! ? -1 : prefixes[a]! > prefixes[b]! ? 1 : 0));
      for (const j of order) {
        const m = this.byPlatform[used[j]!]!;
        const prefix = prefixes[j]!;
        for (const id of sortedStrings([...m.keys()])) {
          newCode[m.get(id)!] = keys.length;
          keys.push(prefix + id);
        }
      }
    } else {
      // A platform with a colon can give two (platform, id) pairs one key ("a" and "b:c", "a:b" and "c"): one entry.
      const byKey = new Map<string, number[]>();
      for (const pc of used) {
        for (const [id, code] of this.byPlatform[pc]!) {
          const key = `${platformNames[pc]!}:${id}`;
          const codes = byKey.get(key);
          if (codes === undefined) byKey.set(key, [code]);
          else codes.push(code);
        }
      }
      for (const key of sortedStrings([...byKey.keys()])) {
        for (const code of byKey.get(key)!) newCode[code] = keys.length;
        keys.push(key);
      }
    }
    remapCodes(codes, newCode);
    return keys;
  }
}

/** codes[i] = newCode[codes[i]] (−1 stays); a function of its own, so V8 compiles it alone (see co-action.ts). */
function remapCodes(codes: Int32Array, newCode: Int32Array): void {
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (c >= 0) codes[i] = newCode[c]!;
  }
}

class MultiBuilder {
  private offsets: Int32Array;
  private readonly values: string[] = [];
  constructor(count: number) {
    this.offsets = new Int32Array(count + 1);
  }
  /** Row `i`'s values, newline-joined ('' or null: none); rows come in order 0, 1, 2… */
  push(i: number, joined: string | null): void {
    if (joined !== null && joined !== '') {
      // Most rows hold one value: no split, no array.
      if (joined.indexOf('\n') < 0) this.values.push(joined);
      else for (const v of joined.split('\n')) this.values.push(v);
    }
    this.offsets[i + 1] = this.values.length;
  }
  /** Keeps the offsets of the first `rows` rows only. */
  truncate(rows: number): void {
    this.offsets = this.offsets.slice(0, rows + 1);
  }
  build(): MultiColumn {
    return { offsets: this.offsets, values: this.values };
  }
}

/** Columns filled one row at a time (rows in any order), built in (time, platform, id) order with sorted dictionaries. */
export class ColumnsBuilder {
  private readonly platformNames: string[] = [];
  private readonly platformIndex = new Map<string, number>();
  private readonly accounts = new ScopedKeys();
  private readonly targets = new ScopedKeys();
  private readonly shareds = new ScopedKeys();
  private account: Int32Array;
  private time: Float64Array;
  private kind: Uint8Array;
  private precision: Uint8Array;
  private platform: Uint8Array;
  private target: Int32Array;
  private shared: Int32Array;
  private seq: Int32Array;
  private readonly ids: string[];
  private readonly text: string[];
  /** Each distinct text once: rows with the same text share its string (copied texts repeat; fewer live strings). */
  private readonly texts = new Map<string, string>();
  private readonly urls: MultiBuilder;
  private readonly hashtags: MultiBuilder;
  private readonly media: MultiBuilder;
  private rows = 0;

  /** Room for `count` rows; `exact`: `build` expects exactly that many, else any number up to it (a part of a read). */
  constructor(
    readonly count: number,
    private readonly exact = true,
  ) {
    this.account = new Int32Array(count);
    this.time = new Float64Array(count);
    this.kind = new Uint8Array(count);
    this.precision = new Uint8Array(count);
    this.platform = new Uint8Array(count);
    this.target = new Int32Array(count);
    this.shared = new Int32Array(count);
    this.seq = new Int32Array(count);
    this.ids = new Array<string>(count);
    this.text = new Array<string>(count);
    this.urls = new MultiBuilder(count);
    this.hashtags = new MultiBuilder(count);
    this.media = new MultiBuilder(count);
  }

  /** The code of a platform name (first-seen order; at most 255 platforms in one read). */
  platformCode(name: string): number {
    let c = this.platformIndex.get(name);
    if (c === undefined) {
      c = this.platformNames.length;
      if (c >= 255) throw new Error('more than 255 platforms in one read');
      this.platformIndex.set(name, c);
      this.platformNames.push(name);
    }
    return c;
  }

  /** Adds one row; `kind` and `precision` are indices into ACTION_KINDS and TIME_PRECISIONS. */
  add(
    platformCode: number, id: string, account: string, kind: number, timeMs: number, precision: number, target: string | null, shared: string | null,
    text: string, urls: string | null, hashtags: string | null, media: string | null, seq: number,
  ): void {
    const i = this.rows++;
    if (i >= this.count) throw new Error(`store returned more rows than its count (${this.count})`);
    this.platform[i] = platformCode;
    this.ids[i] = id;
    this.seq[i] = seq;
    this.account[i] = this.accounts.add(platformCode, account);
    this.kind[i] = kind;
    this.time[i] = timeMs;
    this.precision[i] = precision;
    this.target[i] = target === null ? -1 : this.targets.add(platformCode, target);
    this.shared[i] = shared === null ? -1 : this.shareds.add(platformCode, shared);
    let t = this.texts.get(text);
    if (t === undefined) this.texts.set(text, (t = text));
    this.text[i] = t;
    this.urls.push(i, urls);
    this.hashtags.push(i, hashtags);
    this.media.push(i, media);
  }

  /** Drops the room left after the rows added (a builder made with `exact` false). */
  private truncate(): void {
    const n = this.rows;
    this.account = this.account.slice(0, n);
    this.time = this.time.slice(0, n);
    this.kind = this.kind.slice(0, n);
    this.precision = this.precision.slice(0, n);
    this.platform = this.platform.slice(0, n);
    this.target = this.target.slice(0, n);
    this.shared = this.shared.slice(0, n);
    this.seq = this.seq.slice(0, n);
    this.ids.length = n;
    this.text.length = n;
    for (const m of [this.urls, this.hashtags, this.media]) m.truncate(n);
  }

  /** The columns (call once, after `count` rows, or after any number up to it for a builder made with `exact` false). */
  build(): ActionColumns {
    if (this.exact && this.rows !== this.count) throw new Error(`store returned ${this.rows} rows, expected ${this.count}`);
    if (this.rows < this.count) this.truncate();
    const count = this.rows;
    const { platformNames, platform } = this;
    // Only the platforms present (a caller may have registered more), sorted by code units.
    const present = new Uint8Array(platformNames.length);
    for (let i = 0; i < count; i++) present[platform[i]!] = 1;
    const platforms = platformNames.filter((_, c) => present[c] === 1).sort();
    const newPlatform = new Uint8Array(platformNames.length);
    platforms.forEach((name, neu) => (newPlatform[this.platformIndex.get(name)!] = neu));
    const unordered: ActionColumns = {
      count,
      accountKeys: this.accounts.sortAndRemap(this.account, platformNames),
      account: this.account,
      time: this.time,
      kind: this.kind,
      precision: this.precision,
      seq: this.seq,
      ids: this.ids,
      platforms,
      platform: platform.map((c) => newPlatform[c]!),
      targetKeys: this.targets.sortAndRemap(this.target, platformNames),
      target: this.target,
      sharedKeys: this.shareds.sortAndRemap(this.shared, platformNames),
      shared: this.shared,
      text: this.text,
      urls: this.urls.build(),
      hashtags: this.hashtags.build(),
      media: this.media.build(),
    };
    return inTimeOrder(unordered);
  }
}

/** Consumes rows in any order and returns the columns in (time, platform, id) order. */
export function buildColumns(rows: Iterable<ColumnRow>, count: number): ActionColumns {
  const b = new ColumnsBuilder(count);
  let lastPlatform: string | undefined;
  let pc = 0;
  for (const r of rows) {
    const p = r[0];
    if (p !== lastPlatform) {
      pc = b.platformCode(p);
      lastPlatform = p;
    }
    const k = r[3];
    const pr = r[5];
    b.add(
      pc, r[1], r[2], typeof k === 'number' ? Math.max(0, k) : (KIND_INDEX.get(k) ?? 0), r[4],
      typeof pr === 'number' ? Math.max(0, pr) : (PRECISION_INDEX.get(pr) ?? 0), r[6], r[7], r[8] ?? '', r[9], r[10], r[11], r[12],
    );
  }
  return b.build();
}
