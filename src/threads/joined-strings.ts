// A list of strings crossing to another thread as one string and the ends of its items: a structured clone copies
// one string's characters, where a million strings cost the receiving thread their allocation one by one and the
// collections of its young heap that copy them again.
import { distinctStrings, expandDistinct, type Distinct } from '../core/distinct-strings.ts';
import { oncePerList, type OncePerList } from '../core/once-per-list.ts';

/** A list of strings as one string: string i is `chars.slice(ends[i - 1] ?? 0, ends[i])`. */
export interface JoinedStrings {
  chars: string;
  ends: Int32Array;
}

/** `strings` as one string and where each ends. */
export function joinStrings(strings: readonly string[]): JoinedStrings {
  const ends = new Int32Array(strings.length);
  let end = 0;
  for (let i = 0; i < strings.length; i++) ends[i] = end += strings[i]!.length;
  return { chars: strings.join(''), ends };
}

/**
 * `joinStrings(strings)`, made once per list (`oncePerList`): a read's ids and keys are joined for the layers worker,
 * the snapshot and the input hash, and a million ids take about 50 ms to join.
 */
export const joinedOf: OncePerList<readonly string[], JoinedStrings> = oncePerList(joinStrings);

/**
 * The strings of `joined` as an array whose elements are cut from the string when read (each once, then kept); it
 * behaves as the array of strings (indexing, `length`, iteration, array methods, own keys, deep equality), and
 * `joinedOf` gives `joined` back; one such array per joined list. A million ids held this way are one string for the
 * garbage collector to mark instead of a million.
 */
export const stringsOf: (joined: JoinedStrings) => string[] = oncePerList(lazyStrings);

/** The lists `stringsOf` made. */
const lazyLists = new WeakSet<readonly string[]>();

function lazyStrings(joined: JoinedStrings): string[] {
  const { chars, ends } = joined;
  const n = ends.length;
  const cut: (string | undefined)[] = new Array<string | undefined>(n);
  const id = (i: number): string => (cut[i] ??= chars.slice(i === 0 ? 0 : ends[i - 1]!, ends[i]!));
  const list = new Proxy(cut as string[], {
    get(target, key, receiver) {
      if (typeof key === 'string') {
        const i = index(key, n);
        if (i >= 0) return id(i);
      }
      return Reflect.get(target, key, receiver) as unknown;
    },
    has(target, key) {
      return (typeof key === 'string' && index(key, n) >= 0) || Reflect.has(target, key);
    },
    ownKeys(target) {
      const keys: (string | symbol)[] = [];
      for (let i = 0; i < n; i++) keys.push(String(i));
      for (const k of Reflect.ownKeys(target)) if (typeof k !== 'string' || index(k, n) < 0) keys.push(k);
      return keys;
    },
    getOwnPropertyDescriptor(target, key) {
      if (typeof key === 'string') {
        const i = index(key, n);
        if (i >= 0) return { value: id(i), writable: true, enumerable: true, configurable: true };
      }
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
  });
  joinedOf.remember(list, joined);
  lazyLists.add(list);
  return list;
}

/**
 * `list` as an array of strings held one by one: a list `stringsOf` made is cut whole (reading a million items
 * through it one at a time costs a proxy trap each); any other list is returned as it is.
 */
export function plainStrings(list: readonly string[]): readonly string[] {
  return lazyLists.has(list) ? cutStrings(joinedOf(list)) : list;
}

/** The join of `a`'s strings followed by `b`'s (no string is cut or copied one by one). */
export function concatJoined(a: JoinedStrings, b: JoinedStrings): JoinedStrings {
  const ends = new Int32Array(a.ends.length + b.ends.length);
  ends.set(a.ends);
  const shift = a.chars.length;
  for (let i = 0, at = a.ends.length; i < b.ends.length; i++) ends[at + i] = b.ends[i]! + shift;
  return { chars: a.chars + b.chars, ends };
}

/** `key` as an array index below `length`, else −1. */
function index(key: string, length: number): number {
  const c = key.charCodeAt(0);
  if (c < 48 || c > 57) return -1;
  const i = Number(key);
  return Number.isInteger(i) && i < length && String(i) === key ? i : -1;
}

/** The strings of `joined`, all cut now (strings of 13 characters or more share the joined string's memory). */
export function cutStrings(joined: JoinedStrings): string[] {
  const { chars, ends } = joined;
  const out = new Array<string>(ends.length);
  let from = 0;
  for (let i = 0; i < ends.length; i++) {
    const to = ends[i]!;
    out[i] = chars.slice(from, to);
    from = to;
  }
  return out;
}

/** A list of strings with many repeats as its distinct strings joined and each item's index among them. */
export type JoinedDistinct = Distinct<JoinedStrings>;

/** `strings` as their distinct values joined and an index per item. */
export function joinDistinct(strings: readonly string[]): JoinedDistinct {
  const { values, codes } = distinctStrings(strings);
  return { values: joinStrings(values), codes };
}

/** The strings of `joined`, equal items sharing one string. */
export function cutDistinct(joined: JoinedDistinct): string[] {
  const out = expandDistinct({ values: cutStrings(joined.values), codes: joined.codes });
  if (out === undefined) throw new Error('cutDistinct: a code outside its values');
  return out;
}
