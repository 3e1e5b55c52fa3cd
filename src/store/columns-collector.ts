// The actions of one import as columns, collected as the import reads them: the rows' values exactly as a store
// keeps them (absent → null, lists newline-joined, as action-block.ts encodes them), repeated strings once, and seq
// the 1-based position in the order added. A store whose actions table was empty before the import can keep the
// result as its columnar snapshot, so the first detect after a large import does not parse every row again.
import type { Action } from '../core/model.ts';
import type { ActionColumns } from '../core/columns.ts';
import { buildColumns, type ColumnRow } from './columns-builder.ts';

/**
 * A copy of `s` that does not keep alive the string it was sliced from (V8 slices strings of 13+ characters
 * out of their parent; readers slice cells out of whole decoded chunks).
 */
export function keep(s: string): string {
  return s.length < 13 ? s : `${s} `.slice(0, -1);
}

const keptOrNull = (s: string | null | undefined): string | null => (s === undefined || s === null ? null : keep(s));

/** Interns strings to small integers; each string is kept once (as a copy: see `keep`). */
class Strings {
  private readonly index = new Map<string, number>();
  readonly values: string[] = [];
  code(s: string | undefined): number {
    if (s === undefined) return -1;
    let c = this.index.get(s);
    if (c === undefined) {
      c = this.values.length;
      const own = keep(s);
      this.index.set(own, c);
      this.values.push(own);
    }
    return c;
  }
  at(c: number): string | null {
    return c < 0 ? null : this.values[c]!;
  }
}

/** A typed array that grows by doubling. */
class Growing<T extends Int32Array | Float64Array> {
  private a: T;
  length = 0;
  constructor(private readonly make: (n: number) => T) {
    this.a = make(1024);
  }
  push(v: number): void {
    if (this.length === this.a.length) {
      const next = this.make(this.a.length * 2);
      next.set(this.a);
      this.a = next;
    }
    this.a[this.length++] = v;
  }
  at(i: number): number {
    return this.a[i]!;
  }
}
const int32 = (): Growing<Int32Array> => new Growing((n) => new Int32Array(n));

const joined = (values: readonly string[]): string | null => (values.length === 0 ? null : keep(values.length === 1 ? values[0]! : values.join('\n')));

/** Collects actions (in the order they are written) and builds their ActionColumns. */
export class ColumnsCollector {
  private readonly names = new Strings();
  private readonly keys = new Strings();
  // Platform, kind and precision are codes of `names` (a handful of values); the others of `keys`.
  private readonly platform = int32();
  private readonly kind = int32();
  private readonly precision = int32();
  private readonly account = int32();
  private readonly target = int32();
  private readonly shared = int32();
  private readonly time = new Growing((n) => new Float64Array(n));
  private readonly ids: string[] = [];
  private readonly text: (string | null)[] = [];
  private readonly urls: (string | null)[] = [];
  private readonly hashtags: (string | null)[] = [];
  private readonly media: (string | null)[] = [];

  /** Actions added so far. */
  get count(): number {
    return this.ids.length;
  }

  /** Adds one action as the store will hold it (after the reader's own dedupe); its strings are copied (`keep`). */
  add(a: Action): void {
    this.platform.push(this.names.code(a.platform));
    this.ids.push(keep(a.id));
    this.account.push(this.keys.code(a.account));
    this.kind.push(this.names.code(a.kind));
    this.time.push(a.time);
    this.precision.push(this.names.code(a.precision));
    this.target.push(this.keys.code(a.target));
    this.shared.push(this.keys.code(a.shared));
    this.text.push(keptOrNull(a.text));
    this.urls.push(joined(a.urls));
    this.hashtags.push(joined(a.hashtags));
    this.media.push(joined(a.media));
  }

  /** The collected actions as columns in (time, platform, id) order; seq is each action's 1-based position. */
  build(): ActionColumns {
    return buildColumns(this.rows(), this.count);
  }

  private *rows(): Generator<ColumnRow> {
    const { names, keys } = this;
    for (let i = 0; i < this.ids.length; i++) {
      yield [
        names.at(this.platform.at(i))!, this.ids[i]!, keys.at(this.account.at(i))!, names.at(this.kind.at(i))!, this.time.at(i),
        names.at(this.precision.at(i))!, keys.at(this.target.at(i)), keys.at(this.shared.at(i)), this.text[i] ?? null,
        this.urls[i] ?? null, this.hashtags[i] ?? null, this.media[i] ?? null, i + 1,
      ];
    }
  }
}
