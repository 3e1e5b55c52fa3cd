// Strings in UTF-16 code-unit order, as `<` compares them: the order of every sorted dictionary and every tie-break
// on ids in trollmap (locale-independent, so runs are byte-identical on any machine).

/** −1, 0 or 1 as x sorts before, with or after y by UTF-16 code units. */
export function compareStrings(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
