// A list of strings with many repeats (a read's texts: copied comments repeat) as its distinct values and a code
// per item. The snapshot stores texts so, the scan helper sends them so, and the co-text layer normalises each
// distinct text once through the same codes (`distinctOf`: made once per list).
import { oncePerList } from './once-per-list.ts';

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

/** The list of `distinct` (equal items share one string); undefined when a code is not an index of its values. */
export function expandDistinct({ values, codes }: Distinct<readonly string[]>): string[] | undefined {
  const out = new Array<string>(codes.length);
  for (let i = 0; i < codes.length; i++) {
    const v = values[codes[i]!];
    if (v === undefined) return undefined;
    out[i] = v;
  }
  return out;
}

/**
 * `distinctStrings(strings)`, made once per list (`oncePerList`): the snapshot's encoding and the co-text layer share
 * it.
 */
export const distinctOf: (strings: readonly string[]) => Distinct<readonly string[]> = oncePerList(distinctStrings);
