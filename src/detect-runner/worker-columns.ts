// The part of a columnar read that crosses to a layers worker: what its layers read, nothing more (texts and
// links are most of a read's memory and of its structured-clone cost; co-target reads neither).
import type { ActionColumns, MultiColumn } from '../core/columns.ts';
import type { Layer } from '../core/detect/layer-traces.ts';

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

/** Columns without the optional ones that no layer of the worker reads (they are rebuilt empty on its side). */
export type WorkerColumns = Omit<ActionColumns, Optional> & Partial<Pick<ActionColumns, Optional>>;

/** What of `columns` the worker running `layers` needs (the same arrays: postMessage copies them). */
export function columnsForWorker(columns: ActionColumns, layers: readonly Layer[]): WorkerColumns {
  const { text, urls, hashtags, media, ...always } = columns;
  const needed = new Set(layers.map((l) => NEEDS[l]));
  return {
    ...always,
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
    text: c.text ?? new Array<string>(c.count).fill(''),
    urls: c.urls ?? empty(),
    hashtags: c.hashtags ?? empty(),
    media: c.media ?? empty(),
  };
}
