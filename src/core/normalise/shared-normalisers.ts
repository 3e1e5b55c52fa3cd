// Normalised values shared by the stages of one run: the co-text layer and the network summaries normalise the
// same texts, the co-link layer and the summaries the same links. Each cache hangs off the column array whose
// strings it normalises (a WeakMap: it goes when the columns go), so a distinct string is normalised once per read,
// not once per stage and action. The results are those of the plain functions (normaliseText, urlKey).
import { normaliseText } from './text.ts';
import { urlKey } from './url.ts';

type Normaliser = (raw: string) => string;

/** `plain`, answered from the cache of `owner` in `caches` (made on first use). */
export function sharedBy(caches: WeakMap<readonly string[], Map<string, string>>, owner: readonly string[], plain: Normaliser): Normaliser {
  let cache = caches.get(owner);
  if (cache === undefined) caches.set(owner, (cache = new Map()));
  const c = cache;
  return (raw) => {
    let v = c.get(raw);
    if (v === undefined) c.set(raw, (v = plain(raw)));
    return v;
  };
}

const textCaches = new WeakMap<readonly string[], Map<string, string>>();
const urlCaches = new WeakMap<readonly string[], Map<string, string>>();

/** normaliseText for the strings of `texts` (an ActionColumns' text column), cached with that column. */
export function textNormaliser(texts: readonly string[]): Normaliser {
  return sharedBy(textCaches, texts, normaliseText);
}

/** urlKey for the strings of `urls` (an ActionColumns' urls.values), cached with that column. */
export function urlKeyer(urls: readonly string[]): Normaliser {
  return sharedBy(urlCaches, urls, urlKey);
}

/** The urlKey values cached with `urls` so far (raw → key), for another thread to reuse; undefined when none. */
export function urlKeysOf(urls: readonly string[]): ReadonlyMap<string, string> | undefined {
  return urlCaches.get(urls);
}

/**
 * Adds `known` (urlKey values made elsewhere: another thread's `urlKeysOf` for the same links, received as a copy)
 * to the cache of `urls`, so the next stages do not compute them again. A column without a cache keeps `known`
 * itself as its cache (no copy of its entries: 450,187 on the IRA tweets).
 */
export function seedUrlKeys(urls: readonly string[], known: Map<string, string>): void {
  const cache = urlCaches.get(urls);
  if (cache === undefined) urlCaches.set(urls, known);
  else for (const [raw, key] of known) if (!cache.has(raw)) cache.set(raw, key);
}
