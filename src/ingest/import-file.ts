// Imports one file as one transaction: hash → already imported? → decode → sniff → read → check bad rows →
// commit, or roll back on any failure (nothing written).
import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UserError } from '../core/errors.ts';
import type { Store } from '../store/store.ts';
import { BatchSink } from './batch-sink.ts';
import { hashFile, openText, type TextSource } from './decode.ts';
import { chooseFormat } from './formats/index.ts';
import { readHead } from './head.ts';
import { formatIssueGroup } from './issues.ts';
import { collectPhotoRefs, importPhotos, type PhotoImportSummary, type PhotoRef } from './photos-import.ts';
import type { FileReport } from './report.ts';

/** Choices for an import; `now` and `clock` are parameters so tests and the demo control time. */
export interface ImportOptions {
  format?: string;
  platform?: string;
  map: Readonly<Record<string, string>>;
  /** Bad rows tolerated before the whole file fails; default: 1% of the rows read, rounded up. */
  maxBadRows?: number;
  signal?: AbortSignal;
  /** Raw bytes read so far of `totalBytes`, and rows read, for a progress bar. */
  onProgress?: (p: { file: string; bytes: number; totalBytes: number; rows: number }) => void;
  /** ms since the epoch, recorded with the batch. */
  now: () => number;
  /** A monotonic clock in ms, for the report's seconds. */
  clock: () => number;
  /** True while walking a folder: an unrecognised file is skipped with a note instead of failing. */
  lenient?: boolean;
  /** Read the photos the import names (avatars, image media) and `pending` ones; absent: photos are ignored. */
  photos?: ImportPhotoOptions;
}

/** Photo handling of an import: fetch URLs or not, and photos (from --photos) still to store with a batch. */
export interface ImportPhotoOptions {
  fetchMedia: boolean;
  /** Taken (emptied) by the first file that is imported. */
  pending: PhotoRef[];
  fetchImpl?: typeof fetch;
}

/** The default tolerance: 1% of the rows, rounded up. */
export function defaultMaxBadRows(rows: number): number {
  return Math.ceil(rows / 100);
}

const n = (x: number): string => x.toLocaleString('en-US');

// The counters of a file that was not read.
const unread = (file: string) => ({ file, rows: 0, actionsAdded: 0, duplicates: 0, accountsAdded: 0, badRows: 0, ignored: 0, issues: [], seconds: 0 });

/** Imports `path` (shown to the user as `file`) into `store`. */
export async function importFile(store: Store, path: string, file: string, options: ImportOptions): Promise<FileReport> {
  const started = options.clock();
  const sha256 = await hashFile(path, file);
  const before = await store.findBatch(sha256);
  if (before) {
    const when = new Date(before.importedAt).toISOString().slice(0, 16).replace('T', ' ');
    return {
      ...unread(file), status: 'already', format: before.format,
      note: `already imported (same sha256 as ${before.source}, batch ${before.id}, ${when} UTC); nothing to do`,
    };
  }
  const totalBytes = (await stat(path)).size;
  let bytes = 0;
  let sink: BatchSink | undefined;
  const source = await openText(path, file, (b) => {
    bytes += b;
    options.onProgress?.({ file, bytes, totalBytes, rows: sink?.rows ?? 0 });
  });
  try {
    return await readAndCommit(store, source, file, sha256, started, { ...options, baseDir: dirname(path) }, (s) => (sink = s));
  } finally {
    source.close();
  }
}

async function readAndCommit(
  store: Store,
  source: TextSource,
  file: string,
  sha256: string,
  started: number,
  options: ImportOptions & { baseDir: string },
  onSink: (s: BatchSink) => void,
): Promise<FileReport> {
  const head = await readHead(source.head, file);
  const format = chooseFormat(head, options.format, Object.keys(options.map).length > 0);
  if (format === undefined) {
    const message = `${file}: not a format trollmap knows (columns: ${head.header.slice(0, 8).join(', ') || head.container}); expected one of the formats in \`trollmap import --help\`, or name the columns with --map account=COLUMN --map time=COLUMN`;
    if (options.lenient) return { ...unread(file), status: 'unsupported', format: '-', note: 'skipped: not a supported format' };
    throw new UserError(message);
  }
  const refs: PhotoRef[] = [];
  const opened = await store.beginImport();
  const session = options.photos ? collectPhotoRefs(opened, refs) : opened;
  const sink = new BatchSink(session, file, options.signal);
  onSink(sink);
  try {
    const readOptions = { map: options.map, ...(options.platform ? { platform: options.platform } : {}) };
    await format.read(source, head, readOptions, sink);
    await sink.flush();
    const allowed = options.maxBadRows ?? defaultMaxBadRows(sink.rows);
    if (sink.rows === 0) throw new UserError(`${file}: no data rows after the header; expected at least one row`);
    if (sink.badRows > allowed) {
      const groups = sink.issues.list().filter((g) => g.skipped).slice(0, 5).map((g) => `  ${formatIssueGroup(g)}`);
      throw new UserError(
        `${file}: ${n(sink.badRows)} bad rows of ${n(sink.rows)}, more than --max-bad-rows ${n(allowed)}` +
          `${options.maxBadRows === undefined ? ' (the default, 1% of rows)' : ''}; nothing was imported\n${groups.join('\n')}`,
      );
    }
    let photos: PhotoImportSummary | undefined;
    if (options.photos) {
      refs.push(...options.photos.pending.splice(0));
      photos = await importPhotos(store, (p) => session.putPhotos(p), refs, {
        baseDir: options.baseDir, fetchMedia: options.photos.fetchMedia,
        ...(options.photos.fetchImpl ? { fetchImpl: options.photos.fetchImpl } : {}),
      });
      for (const i of photos.issues) sink.issues.add({ file, line: 0, field: 'photo', code: 'bad-value', message: `photo skipped: ${i.message}` }, false);
    }
    const stored = await session.commit({
      source: file, format: format.name, sha256, rowsRead: sink.rows, actionsAdded: sink.actionsAdded,
      actionsDuplicate: sink.actionsSeen - sink.actionsAdded, accountsAdded: 0, badRows: sink.badRows,
      issues: sink.issues.kept, importedAt: options.now(),
    });
    return {
      file, status: 'imported', format: format.name, rows: sink.rows, actionsAdded: stored.actionsAdded,
      duplicates: sink.actionsSeen - stored.actionsAdded, accountsAdded: stored.accountsAdded, badRows: sink.badRows,
      ignored: sink.ignored, issues: sink.issues.list(), seconds: (options.clock() - started) / 1000,
      ...(photos ? { photos } : {}),
    };
  } catch (e) {
    await session.rollback();
    throw e;
  }
}
