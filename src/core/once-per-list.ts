// A value derived from a list, made once per list and kept while the list lives (a WeakMap keyed by the list): a
// read's columns are derived from by several stages (the snapshot, the layers worker, the input hash, co-text), and
// each derivation of a million-item list costs tens of milliseconds. The list must not change afterwards (a read's
// columns do not).

/** `make`, answered once per list. */
export function oncePerList<L extends object, V>(make: (list: L) => V): (list: L) => V {
  const made = new WeakMap<L, V>();
  return (list) => {
    let v = made.get(list);
    if (v === undefined) made.set(list, (v = make(list)));
    return v;
  };
}
