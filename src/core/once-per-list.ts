// A value derived from a list, made once per list and kept while the list lives (a WeakMap keyed by the list): a
// read's columns are derived from by several stages (the snapshot, the layers worker, the input hash, co-text), and
// each derivation of a million-item list costs tens of milliseconds. The list must not change afterwards (a read's
// columns do not). A list made from its derived value (ids cut lazily from their join, texts expanded from their
// distinct values) is given that value with `remember`, so nothing derives it again.

/** `make`, answered once per list; `remember` records a value made elsewhere for a list. */
export interface OncePerList<L extends object, V> {
  (list: L): V;
  /** Records `value` as what `list` gives (it must be what `make(list)` would give). */
  remember(list: L, value: V): void;
}

/** `make`, answered once per list. */
export function oncePerList<L extends object, V>(make: (list: L) => V): OncePerList<L, V> {
  const made = new WeakMap<L, V>();
  const once = (list: L): V => {
    let v = made.get(list);
    if (v === undefined) made.set(list, (v = make(list)));
    return v;
  };
  return Object.assign(once, { remember: (list: L, value: V): void => void made.set(list, value) });
}
