// Columnar snapshots in the SQLite store: the built ActionColumns of one filter kept as blobs (table
// column_snapshots, migration 5), so a detect run does not re-parse a million rows. A snapshot is used only when its
// format, filter and the actions table's fingerprint match and every blob's digest and every length checks out;
// otherwise it is ignored (and rewritten by the next full read). Writing never fails a read: a read-only or busy
// database, or an error of SQLite's, only skips the snapshot (a note on stderr with TROLLMAP_DEBUG=1).
import { createHash } from 'node:crypto';
import { endianness } from 'node:os';
import type Database from 'better-sqlite3';
import { debugNote } from '../../boot/debug-note.js';
import { expandDistinct } from '../../core/distinct-strings.ts';
import type { ActionColumns, ActionFilter } from '../store.ts';
import { stringsOf } from '../../threads/joined-strings.ts';
import {
  SNAPSHOT_FORMAT, STRING_PARTS, TYPED_PARTS, SnapshotSkip, columnsConsistent, decodeJoinedChunks, decodeStringChunk, partsOf,
  stringChunks, typedBytes, typedFrom, type PartName,
} from '../snapshot-codec.ts';

type Db = Database.Database;
/** Columns a reader may leave empty ('' texts, no values) when the layers it runs do not use them. */
export type OptionalColumn = 'text' | 'urls' | 'hashtags' | 'media';

/** The read's notes (TROLLMAP_DEBUG=1) go through the one debugNote; readers of the snapshot import it here. */
export { debugNote };

/** The snapshot key of a filter: canonical JSON of its fields plus the encoding's format. */
export function snapshotKey(filter: ActionFilter): string {
  const kinds = filter.kinds && filter.kinds.length > 0 ? [...filter.kinds].sort() : undefined;
  return JSON.stringify([SNAPSHOT_FORMAT, endianness(), kinds ?? null, filter.platform ?? null, filter.since ?? null, filter.until ?? null]);
}

/** What changes when an import commits: action count, Σ seq (one scan of the time index), then `fingerprintTail`. */
export function tableFingerprint(db: Db): string {
  const a = db.prepare('SELECT count(*) AS n, coalesce(sum(seq), 0) AS s FROM actions').get() as { n: number; s: number };
  return `${a.n}/${a.s}/${fingerprintTail(db)}`;
}

/**
 * The part of `tableFingerprint` that needs no scan of the actions: the largest seq (the rowid's last entry) and the
 * batch ids (a small table). Every import changes it; a change it misses (a row deleted or replaced below the last
 * seq by hand) shows in the count or Σ seq of the rows read.
 */
export function fingerprintTail(db: Db): string {
  const m = (db.prepare('SELECT coalesce(max(seq), 0) AS m FROM actions').get() as { m: number }).m;
  const b = db.prepare('SELECT count(*) AS n, coalesce(group_concat(id), \'\') AS ids FROM (SELECT id FROM batches ORDER BY id)').get() as { n: number; ids: string };
  const batches = createHash('sha1').update(b.ids).digest('hex').slice(0, 16);
  return `${m}/${b.n}/${batches}`;
}

/** The `fingerprintTail` part of a `tableFingerprint`; undefined for another format. */
export function tailOf(fingerprint: string): string | undefined {
  const m = /^\d+\/\d+\/(\d+\/\d+\/[0-9a-f]{16})$/.exec(fingerprint);
  return m === null ? undefined : m[1];
}

/** The action count, Σ seq and largest seq a `tableFingerprint` was made of; undefined for another format. */
export function fingerprintCounts(fingerprint: string): { count: number; sum: number; last: number } | undefined {
  const m = /^(\d+)\/(\d+)\/(\d+)\//.exec(fingerprint);
  return m === null ? undefined : { count: Number(m[1]), sum: Number(m[2]), last: Number(m[3]) };
}

/** True when the database has the snapshot table (an older file opened read-only may not). */
export function hasSnapshotTable(db: Db): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'column_snapshots'").get() !== undefined;
}

const digest = (b: Uint8Array): string => createHash('sha1').update(b).digest('hex');
const OMITTED: Record<OptionalColumn, readonly PartName[]> = {
  text: ['text.codes', 'text.values'],
  urls: ['urls.offsets', 'urls.values'],
  hashtags: ['hashtags.offsets', 'hashtags.values'],
  media: ['media.offsets', 'media.values'],
};

/** The fingerprint the stored snapshot of `filter` was written for (valid or stale), if there is one. */
export function snapshotFingerprint(db: Db, filter: ActionFilter): string | undefined {
  if (!hasSnapshotTable(db)) return undefined;
  const row = db.prepare("SELECT fingerprint FROM column_snapshots WHERE filter_key = ? AND name = 'header' AND chunk = 0").get(snapshotKey(filter)) as
    | { fingerprint: string }
    | undefined;
  return row?.fingerprint;
}

/** The snapshot of `filter` if one is valid for `fingerprint`; `omit`ted columns are not read and come back empty. */
export function readSnapshot(db: Db, filter: ActionFilter, fingerprint: string, omit: readonly OptionalColumn[] = []): ActionColumns | undefined {
  if (!hasSnapshotTable(db)) return undefined;
  const key = snapshotKey(filter);
  const head = db.prepare("SELECT body, digest FROM column_snapshots WHERE filter_key = ? AND name = 'header' AND chunk = 0 AND fingerprint = ?").get(key, fingerprint) as
    | { body: Buffer; digest: string }
    | undefined;
  if (head === undefined) return undefined;
  const why = (s: string): undefined => void debugNote(`columnar snapshot ignored: ${s}`);
  if (digest(head.body) !== head.digest) return why('header digest');
  const header = JSON.parse(head.body.toString('utf8')) as { format: string; count: number; chunks: Record<string, number> };
  if (header.format !== SNAPSHOT_FORMAT || !Number.isInteger(header.count) || header.count < 0) return why('header');
  const n = header.count;
  const skipped = new Set(omit.flatMap((c) => OMITTED[c]));
  const parts = new Map<string, Buffer[]>();
  const rows = db.prepare('SELECT name, chunk, digest, body FROM column_snapshots WHERE filter_key = ? AND fingerprint = ? AND name <> \'header\' ORDER BY name, chunk')
    .iterate(key, fingerprint) as IterableIterator<{ name: string; chunk: number; digest: string; body: Buffer }>;
  for (const r of rows) {
    if (skipped.has(r.name as PartName)) continue;
    const list = parts.get(r.name) ?? [];
    if (r.chunk !== list.length || digest(r.body) !== r.digest) return why(`part ${r.name} chunk ${r.chunk}`);
    list.push(r.body);
    parts.set(r.name, list);
  }
  const typed: Record<string, Int32Array | Float64Array | Uint8Array> = {};
  for (const [name, ctor] of Object.entries(TYPED_PARTS)) {
    if (skipped.has(name as PartName)) {
      typed[name] = new Int32Array(n + 1);
      continue;
    }
    const blobs = parts.get(name);
    const length = name.endsWith('.offsets') ? n + 1 : n;
    const a = blobs?.length === 1 ? typedFrom(ctor as typeof Int32Array, blobs[0]!, length) : undefined;
    if (a === undefined) return why(`part ${name}`);
    typed[name] = a;
  }
  const strings: Record<string, string[]> = {};
  for (const name of STRING_PARTS) {
    const out: string[] = [];
    strings[name] = out;
    if (skipped.has(name)) continue;
    const blobs = parts.get(name) ?? [];
    if (blobs.length !== (header.chunks[name] ?? -1)) return why(`part ${name}: chunk count`);
    if (name === 'ids') {
      // Kept joined (stringsOf): a million ids are one string for the collector instead of a million.
      const joined = decodeJoinedChunks(blobs);
      if (joined === undefined) return why(`part ${name}: malformed chunk`);
      strings[name] = stringsOf(joined);
      continue;
    }
    for (const b of blobs) if (!decodeStringChunk(b, out)) return why(`part ${name}: malformed chunk`);
  }
  const text = skipped.has('text.values')
    ? new Array<string>(n).fill('')
    : expandDistinct({ values: strings['text.values']!, codes: typed['text.codes'] as Int32Array });
  if (text === undefined) return why('part text.codes: a code outside text.values');
  const multi = (f: 'urls' | 'hashtags' | 'media') => ({ offsets: typed[`${f}.offsets`] as Int32Array, values: strings[`${f}.values`]! });
  const c: ActionColumns = {
    count: n,
    accountKeys: strings['accountKeys']!,
    account: typed['account'] as Int32Array,
    time: typed['time'] as Float64Array,
    kind: typed['kind'] as Uint8Array,
    precision: typed['precision'] as Uint8Array,
    seq: typed['seq'] as Int32Array,
    ids: strings['ids']!,
    platforms: strings['platforms']!,
    platform: typed['platform'] as Uint8Array,
    targetKeys: strings['targetKeys']!,
    target: typed['target'] as Int32Array,
    sharedKeys: strings['sharedKeys']!,
    shared: typed['shared'] as Int32Array,
    text,
    urls: multi('urls'),
    hashtags: multi('hashtags'),
    media: multi('media'),
  };
  return columnsConsistent(c) ? c : why('inconsistent columns');
}

/** One stored blob of a snapshot: part name, chunk number, bytes. */
export type SnapshotPart = [name: string, chunk: number, body: Uint8Array];

/** A snapshot ready to store: its filter key, the fingerprint it was read at, and its parts (the header last). */
export interface EncodedSnapshot {
  key: string;
  fingerprint: string;
  parts: Iterable<SnapshotPart>;
}

/**
 * `columns` encoded as the snapshot of `filter`, part by part as `parts` is iterated (typed parts are views of the
 * columns' arrays, `copy`: copies).
 */
export function encodeSnapshot(filter: ActionFilter, columns: ActionColumns, fingerprint: string, copy = false): EncodedSnapshot {
  function* parts(): Generator<SnapshotPart, void, undefined> {
    const partOf = partsOf(columns);
    for (const name of Object.keys(TYPED_PARTS) as PartName[]) {
      const bytes = typedBytes(partOf(name) as Int32Array);
      yield [name, 0, copy ? bytes.slice() : bytes];
    }
    const chunks: Record<string, number> = {};
    for (const name of STRING_PARTS) {
      let chunk = 0;
      for (const body of stringChunks(partOf(name) as readonly string[])) yield [name, chunk++, body];
      chunks[name] = chunk;
    }
    yield ['header', 0, Buffer.from(JSON.stringify({ format: SNAPSHOT_FORMAT, count: columns.count, chunks }), 'utf8')];
  }
  return { key: snapshotKey(filter), fingerprint, parts: parts() };
}

/**
 * Stores `columns` as the snapshot of `filter`, in one short write transaction that first checks the table still has
 * the tail of `fingerprint` (else nothing is written), and drops snapshots of older fingerprints and of other
 * filters (the unfiltered one excepted). `dataVersion`, SQLite's data_version read in the transaction `fingerprint`
 * was computed in: when it is unchanged, no other connection committed since, and this one wrote nothing in between
 * (the caller's promise), so the table is the one fingerprinted and its tail is not read again. Never throws for
 * SQLite's reasons (read-only, busy, full): the snapshot is skipped with a debug note. Parts are encoded one at a
 * time.
 */
export function writeSnapshot(db: Db, filter: ActionFilter, columns: ActionColumns, fingerprint: string, dataVersion?: number): boolean {
  return storeSnapshot(db, encodeSnapshot(filter, columns, fingerprint), { ...(dataVersion === undefined ? {} : { dataVersion }) });
}

/**
 * Stores an encoded snapshot as `writeSnapshot` does (same checks, never throws for SQLite's reasons); waits up to
 * `busyMs` (default 0) for another writer.
 */
export function storeSnapshot(db: Db, snapshot: EncodedSnapshot, options: { dataVersion?: number; busyMs?: number } = {}): boolean {
  if (db.readonly || db.inTransaction || endianness() !== 'LE' || !hasSnapshotTable(db)) {
    debugNote('columnar snapshot not written (read-only, in a transaction, big-endian or no table)');
    return false;
  }
  const { key, fingerprint, parts } = snapshot;
  const { dataVersion, busyMs = 0 } = options;
  const busy = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma(`busy_timeout = ${busyMs}`);
  try {
    const insert = db.prepare('INSERT INTO column_snapshots (filter_key, name, chunk, fingerprint, digest, body) VALUES (?, ?, ?, ?, ?, ?)');
    db.transaction(() => {
      // Only the fingerprint's tail is checked (no scan of the actions): every import changes it. A change it misses
      // (a row deleted or replaced below the last seq by hand) leaves a snapshot stored under the read's fingerprint,
      // which is no longer the table's: no read uses it (readSnapshot wants the table's fingerprint, readAppended
      // its count and Σ seq), and the next full read replaces it.
      const unchanged = dataVersion !== undefined && db.pragma('data_version', { simple: true }) === dataVersion;
      if (!unchanged && fingerprintTail(db) !== tailOf(fingerprint)) throw new SnapshotSkip('the actions changed since the read');
      // Disk stays bounded: the unfiltered snapshot and the one being written, nothing older or of other filters.
      db.prepare('DELETE FROM column_snapshots WHERE filter_key = ? OR fingerprint <> ? OR filter_key <> ?').run(key, fingerprint, snapshotKey({}));
      for (const [name, chunk, body] of parts) insert.run(key, name, chunk, fingerprint, digest(body), body);
    }).immediate();
    return true;
  } catch (e) {
    if (e instanceof SnapshotSkip || (e as { code?: unknown }).code?.toString().startsWith('SQLITE_')) {
      debugNote(`columnar snapshot not written: ${(e as Error).message}`);
      return false;
    }
    throw e;
  } finally {
    db.pragma(`busy_timeout = ${busy}`);
  }
}
