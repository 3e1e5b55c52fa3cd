// Imports one file as one transaction: hash → already imported? → decode → sniff → read (in a worker thread for
// large files) → check bad rows → photos → commit, or roll back on any failure (nothing written).
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import { UserError } from '../core/errors.ts';
import type { ImportSession, Store, StoredBatch } from '../store/store.ts';
import { hashFile } from './decode.ts';
import { formatIssueGroup, IssueCollector } from './issues.ts';
import { importPhotos, type PhotoImportSummary, type PhotoRef } from './photos-import.ts';
import { readFile, type ReadChoices, type ReadHooks, type ReadSummary } from './read-file.ts';
import { startReader } from './read-in-worker.ts';
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
  /** Read in a worker thread (true), in this thread (false); default: by size (WORKER_MIN_BYTES) and cores. */
  worker?: boolean;
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

/** Files at least this large (raw bytes) are read in a worker thread while this thread writes (given 2+ cores). */
export const WORKER_MIN_BYTES = 4 << 20;

/** Imports `path` (shown to the user as `file`) into `store`. */
export async function importFile(store: Store, path: string, file: string, options: ImportOptions): Promise<FileReport> {
  const started = options.clock();
  const choices: ReadChoices = {
    map: options.map, photos: options.photos !== undefined,
    ...(options.format !== undefined ? { format: options.format } : {}),
    ...(options.platform !== undefined ? { platform: options.platform } : {}),
  };
  // A missing file is reported by hashFile; its size here only decides where to read.
  const totalBytes = await stat(path).then((s) => s.size, () => 0);
  const reader = options.worker ?? (totalBytes >= WORKER_MIN_BYTES && availableParallelism() > 1) ? startReader(path, file, choices) : undefined;
  let sha256: string;
  let before: StoredBatch | undefined;
  try {
    sha256 = await hashFile(path, file);
    before = await store.findBatch(sha256);
  } catch (e) {
    await reader?.cancel();
    throw e;
  }
  if (before) {
    await reader?.cancel();
    const when = new Date(before.importedAt).toISOString().slice(0, 16).replace('T', ' ');
    return {
      ...unread(file), status: 'already', format: before.format,
      note: `already imported (same sha256 as ${before.source}, batch ${before.id}, ${when} UTC); nothing to do`,
    };
  }
  const read = reader ? (_p: string, _f: string, _c: ReadChoices, hooks: ReadHooks) => reader.read(hooks) : readFile;
  let session: ImportSession | undefined;
  let actionsAdded = 0;
  try {
    const outcome = await read(path, file, choices, {
      begin: async () => {
        const s = (session = await store.beginImport());
        return {
          putAccounts: (a) => s.putAccounts(a),
          putActionBlock: async (b) => (actionsAdded += await s.putActionBlock(b)),
        };
      },
      onProgress: (bytes, rows) => options.onProgress?.({ file, bytes, totalBytes, rows }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (outcome.kind === 'unsupported') {
      const columns = outcome.header.slice(0, 8).join(', ') || outcome.container;
      if (options.lenient) return { ...unread(file), status: 'unsupported', format: '-', note: 'skipped: not a supported format' };
      throw new UserError(
        `${file}: not a format trollmap knows (columns: ${columns}); expected one of the formats in \`trollmap import --help\`, or name the columns with --map account=COLUMN --map time=COLUMN`,
      );
    }
    if (session === undefined) throw new Error('a read finished without beginning an import session');
    return await finish(store, session, outcome.summary, { file, sha256, started, actionsAdded, baseDir: dirname(path) }, options);
  } catch (e) {
    await session?.rollback();
    throw e;
  }
}

/** Checks the bad rows, stores the photos and commits. */
async function finish(
  store: Store,
  session: ImportSession,
  summary: ReadSummary,
  at: { file: string; sha256: string; started: number; actionsAdded: number; baseDir: string },
  options: ImportOptions,
): Promise<FileReport> {
  const { file } = at;
  const issues = IssueCollector.restore(summary.issues);
  const allowed = options.maxBadRows ?? defaultMaxBadRows(summary.rows);
  if (summary.rows === 0) throw new UserError(`${file}: no data rows after the header; expected at least one row`);
  if (summary.badRows > allowed) {
    const groups = issues.list().filter((g) => g.skipped).slice(0, 5).map((g) => `  ${formatIssueGroup(g)}`);
    throw new UserError(
      `${file}: ${n(summary.badRows)} bad rows of ${n(summary.rows)}, more than --max-bad-rows ${n(allowed)}` +
        `${options.maxBadRows === undefined ? ' (the default, 1% of rows)' : ''}; nothing was imported\n${groups.join('\n')}`,
    );
  }
  let photos: PhotoImportSummary | undefined;
  if (options.photos) {
    const refs = [...summary.refs, ...options.photos.pending.splice(0)];
    photos = await importPhotos(store, (p) => session.putPhotos(p), refs, {
      baseDir: at.baseDir, fetchMedia: options.photos.fetchMedia,
      ...(options.photos.fetchImpl ? { fetchImpl: options.photos.fetchImpl } : {}),
    });
    for (const i of photos.issues) issues.add({ file, line: 0, field: 'photo', code: 'bad-value', message: `photo skipped: ${i.message}` }, false);
  }
  const stored = await session.commit({
    source: file, format: summary.format, sha256: at.sha256, rowsRead: summary.rows, actionsAdded: at.actionsAdded,
    actionsDuplicate: summary.actionsSeen - at.actionsAdded, accountsAdded: 0, badRows: summary.badRows,
    issues: issues.kept, importedAt: options.now(),
  });
  return {
    file, status: 'imported', format: summary.format, rows: summary.rows, actionsAdded: stored.actionsAdded,
    duplicates: summary.actionsSeen - stored.actionsAdded, accountsAdded: stored.accountsAdded, badRows: summary.badRows,
    ignored: summary.ignored, issues: issues.list(), seconds: (options.clock() - at.started) / 1000,
    ...(photos ? { photos } : {}),
  };
}
