// A list of strings with many repeats (a read's texts: copied comments repeat) as its distinct values and a code
// per item. The snapshot stores texts so, the scan helper sends them so, and the co-text layer normalises each
// distinct text once through the same codes (`distinctOf`: made once per list).
import { oncePerList, type OncePerList } from './once-per-list.ts';

/** A list of strings with many repeats (texts) as its distinct strings and each item's index among them. */
export interface Distinct<S> {
  values: S;
  codes: Int32Array;
}

/** `strings`' distinct values, in order of first appearance, and each item's index among them. */
export function distinctStrings(strings: readonly string[]): Distinct<string[]> {
  const index = new Map<string, number>();
  const values: string[] = [];
  const codes = new Int32Array(strings.length);
  for (let i = 0; i < strings.length; i++) {
    const s = strings[i]!;
    let c = index.get(s);
    if (c === undefined) {
      c = values.length;
      index.set(s, c);
      values.push(s);
    }
    codes[i] = c;
  }
  return { values, codes };
}

/**
 * The list of `distinct` (equal items share one string); undefined when a code is not an index of its values. When
 * `distinct` is what `distinctStrings` gives for that list (each value once, numbered by first appearance, as the
 * snapshot and the scan helper send them), `distinctOf` of the list gives it back instead of making it again.
 */
export function expandDistinct(distinct: Distinct<readonly string[]>): string[] | undefined {
  const { values, codes } = distinct;
  const out = new Array<string>(codes.length);
  // The next value a first appearance must name, while the codes name values in order.
  let next = 0;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    const v = values[c];
    if (v === undefined) return undefined;
    if (c === next) next++;
    else if (c > next) next = -1;
    out[i] = v;
  }
  if (next === values.length && new Set(values).size === values.length) distinctOf.remember(out, distinct);
  return out;
}

/**
 * `distinctStrings(strings)`, made once per list (`oncePerList`): the snapshot's encoding and the co-text layer share
 * it.
 */
export const distinctOf: OncePerList<readonly string[], Distinct<readonly string[]>> = oncePerList(distinctStrings);
