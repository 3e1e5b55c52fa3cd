// The part of a columnar read that crosses to a layers worker: what its layers read, nothing more (texts and
// links are most of a read's memory and of its structured-clone cost; co-target reads neither). The action ids and
// the account, target and shared-object keys cross as one string each and their offsets: a layer reads an id or a
// key only for the edges and evidence rows it keeps, and a million strings cost the worker about a quarter of a
// second to rebuild (plus the collections of its young heap that copy them), where one string of their characters
// is one copy.
import type { ActionColumns, MultiColumn } from '../core/columns.ts';
import type { Layer } from '../core/detect/layer-traces.ts';
import { joinedOf, stringsOf, type JoinedStrings } from '../threads/joined-strings.ts';

type Optional = 'text' | 'urls' | 'hashtags' | 'media';
/** The optional column each layer reads (co-share and co-target read only the typed columns, keys and ids). */
const NEEDS: Record<Layer, Optional | undefined> = {
  'co-share': undefined,
  'co-target': undefined,
  'co-text': 'text',
  'co-link': 'urls',
  'co-hashtag': 'hashtags',
  'co-media': 'media',
};

/** The string lists that cross joined. */
type Joined = 'ids' | 'accountKeys' | 'targetKeys' | 'sharedKeys';

/**
 * Columns without the optional ones that no layer of the worker reads (they are rebuilt empty on its side), and
 * with the ids and keys joined.
 */
export type WorkerColumns = Omit<ActionColumns, Optional | Joined> & Partial<Pick<ActionColumns, Optional>> & Record<Joined, JoinedStrings>;

/**
 * What of `columns` the worker running `layers` needs (the same arrays, which postMessage copies; ids and keys
 * joined, once per read: `joinedOf`).
 */
export function columnsForWorker(columns: ActionColumns, layers: readonly Layer[]): WorkerColumns {
  const { text, urls, hashtags, media, ids, accountKeys, targetKeys, sharedKeys, ...always } = columns;
  const needed = new Set(layers.map((l) => NEEDS[l]));
  return {
    ...always,
    ids: joinedOf(ids),
    accountKeys: joinedOf(accountKeys),
    targetKeys: joinedOf(targetKeys),
    sharedKeys: joinedOf(sharedKeys),
    ...(needed.has('text') ? { text } : {}),
    ...(needed.has('urls') ? { urls } : {}),
    ...(needed.has('hashtags') ? { hashtags } : {}),
    ...(needed.has('media') ? { media } : {}),
  };
}

/** Full columns again on the worker's side: a column not sent is empty ('' texts, no values), as an omitted read. */
export function columnsInWorker(c: WorkerColumns): ActionColumns {
  const empty = (): MultiColumn => ({ offsets: new Int32Array(c.count + 1), values: [] });
  return {
    ...c,
    ids: stringsOf(c.ids),
    accountKeys: stringsOf(c.accountKeys),
    targetKeys: stringsOf(c.targetKeys),
    sharedKeys: stringsOf(c.sharedKeys),
    text: c.text ?? new Array<string>(c.count).fill(''),
    urls: c.urls ?? empty(),
    hashtags: c.hashtags ?? empty(),
    media: c.media ?? empty(),
  };
}
