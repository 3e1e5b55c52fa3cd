// Strings in UTF-16 code-unit order, as `<` compares them: the order of every sorted dictionary and every tie-break
// on ids in trollmap (locale-independent, so runs are byte-identical on any machine).

/** −1, 0 or 1 as x sorts before, with or after y by UTF-16 code units. */
export function compareStrings(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The index i in 0 … length − 1 where `compareAt(i)` is 0, or −1: a binary search of a sorted sequence, `compareAt(i)`
 * telling whether item i sorts before (< 0), at (0) or after (> 0) what is sought.
 */
export function searchSorted(length: number, compareAt: (i: number) => number): number {
  let lo = 0;
  let hi = length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = compareAt(mid);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The index of `s` in `sorted` (distinct strings in code-unit order, as a read's dictionaries), or −1. */
export const sortedIndexOf = (sorted: readonly string[], s: string): number => searchSorted(sorted.length, (i) => compareStrings(sorted[i]!, s));

/** Whether typed arrays are little-endian here: the packed 64-bit sort keys below and in timeOrder need it. */
export const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Strings per sort key: one 64-bit key holds 5 characters and a 24-bit index. */
const KEY_CHARS = 5;
const MAX_KEYED = 2 ** 24;

/**
 * `list` sorted by UTF-16 code units (as `[...list].sort()` sorts it), as a new array. Large lists of one-byte
 * strings go through one native sort of 64-bit keys: the 5 characters after the prefix all strings share, and the
 * index; runs with the same 5 characters are then sorted as strings. Ids that share a long prefix (Facebook's
 * 15-digit account ids) cost the plain sort a long comparison each: the 74,964 accounts of the detect bench took
 * 83–86 ms sorted plainly and 20–21 ms so (scratch `.cache/sortstr10.ts`), and a read sorts each thread's part.
 */
export function sortedStrings(list: readonly string[]): string[] {
  const n = list.length;
  if (n < 64 || n >= MAX_KEYED || !LITTLE_ENDIAN) return [...list].sort();
  // Each loop is a function of its own: V8 compiles each once instead of this function again at every loop.
  const keys = new BigUint64Array(n);
  const halves = new Uint32Array(keys.buffer);
  if (!packKeys(list, commonPrefix(list), halves)) return [...list].sort();
  keys.sort();
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) out[i] = list[halves[2 * i]! % MAX_KEYED]!;
  sortTies(out, halves);
  return out;
}

/** The length of the prefix every string shares. */
function commonPrefix(list: readonly string[]): number {
  const first = list[0]!;
  let shared = first.length;
  for (let i = 1; i < list.length && shared > 0; i++) {
    const s = list[i]!;
    const m = Math.min(shared, s.length);
    let k = 0;
    while (k < m && s.charCodeAt(k) === first.charCodeAt(k)) k++;
    shared = k;
  }
  return shared;
}

/**
 * Each string's key after the shared prefix into `halves` (two words per string): characters as code + 1 (0: past
 * the end, so a shorter string sorts first); high word: four, low: one + index. False when a key character is not
 * Latin-1.
 */
function packKeys(list: readonly string[], shared: number, halves: Uint32Array): boolean {
  for (let i = 0; i < list.length; i++) {
    const s = list[i]!;
    let high = 0;
    for (let j = 0; j < KEY_CHARS - 1; j++) {
      const c = shared + j < s.length ? s.charCodeAt(shared + j) + 1 : 0;
      if (c > 255) return false;
      high = high * 256 + c;
    }
    const last = shared + KEY_CHARS - 1 < s.length ? s.charCodeAt(shared + KEY_CHARS - 1) + 1 : 0;
    if (last > 255) return false;
    halves[2 * i + 1] = high;
    halves[2 * i] = last * MAX_KEYED + i;
  }
  return true;
}

/** Strings with the same key characters (runs of equal keys in `halves`, sorted): in string order. */
function sortTies(out: string[], halves: Uint32Array): void {
  const n = out.length;
  for (let a = 0, b = 1; a < n; a = b, b = a + 1) {
    while (b < n && halves[2 * b + 1] === halves[2 * a + 1] && Math.floor(halves[2 * b]! / MAX_KEYED) === Math.floor(halves[2 * a]! / MAX_KEYED)) b++;
    if (b - a < 2) continue;
    if (b - a > 16) {
      const run = out.slice(a, b).sort();
      for (let k = 0; k < run.length; k++) out[a + k] = run[k]!;
      continue;
    }
    for (let i = a + 1; i < b; i++) {
      const s = out[i]!;
      let j = i - 1;
      for (; j >= a && out[j]! > s; j--) out[j + 1] = out[j]!;
      out[j + 1] = s;
    }
  }
}
