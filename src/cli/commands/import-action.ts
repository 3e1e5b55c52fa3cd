// The work of `trollmap import`, imported only when the command runs (readers, photo fingerprinting with sharp,
// the store): read the files into the database and print the report.
import cliProgress from 'cli-progress';
import { performance } from 'node:perf_hooks';
import { UserError } from '../../core/errors.ts';
import { parseMap } from '../../ingest/formats/generic-columns.ts';
import { importPaths } from '../../ingest/import-paths.ts';
import { photosFromFolder } from '../../ingest/photos-import.ts';
import type { ImportOptions } from '../../ingest/import-file.ts';
import { formatImportReport, photoLines } from '../../ingest/report.ts';
import { openSqliteStore } from '../../store/sqlite/index.ts';
import { resolveDbPath } from '../options.ts';
import type { ImportFlags } from './import.ts';

/** A progress bar on stderr (only on a terminal and without --quiet); `stop` restores the cursor. */
function progressBar(quiet: boolean | undefined): { onProgress?: ImportOptions['onProgress']; stop: () => void } {
  if (quiet || !process.stderr.isTTY) return { stop: () => {} };
  let bar: cliProgress.SingleBar | undefined;
  let current = '';
  const started = performance.now();
  const stop = (): void => {
    bar?.stop();
    bar = undefined;
  };
  const onProgress: ImportOptions['onProgress'] = ({ file, bytes, totalBytes, rows }) => {
    if (file !== current) {
      stop();
      current = file;
      bar = new cliProgress.SingleBar(
        { stream: process.stderr, format: '{file} [{bar}] {percentage}% | {rows} rows | {rate} rows/s | ETA {eta_formatted}', hideCursor: true },
        cliProgress.Presets.shades_classic,
      );
      bar.start(totalBytes, 0, { file, rows: 0, rate: 0 });
    }
    const seconds = (performance.now() - started) / 1000;
    bar?.update(bytes, { rows, rate: seconds > 0 ? Math.round(rows / seconds) : 0 });
    if (bytes >= totalBytes) stop();
  };
  return { onProgress, stop };
}

/** Imports `paths` as the flags say. */
export async function importAction(paths: string[], flags: ImportFlags): Promise<void> {
  const map = parseMap(flags.map);
  if (flags.platform !== undefined && !/^[a-z0-9][a-z0-9_.-]*$/.test(flags.platform)) {
    throw new UserError(`--platform (${flags.platform}): expected a lower-case name such as twitter, vk or telegram`);
  }
  if (flags.photos !== undefined && flags.platform === undefined) {
    throw new UserError('--photos needs --platform: the files are named by account id, and ids are per platform');
  }
  const pending = flags.photos === undefined ? [] : await photosFromFolder(flags.photos, flags.platform!);
  if (flags.photos !== undefined && pending.length === 0) throw new UserError(`${flags.photos}: no image files (.jpg, .jpeg, .png, .webp, .gif)`);
  const controller = new AbortController();
  const onInt = (): void => controller.abort();
  process.once('SIGINT', onInt);
  const store = await openSqliteStore(resolveDbPath(flags.db));
  const progress = progressBar(flags.quiet);
  try {
    const options: ImportOptions = {
      map, now: () => Date.now(), clock: () => performance.now(), signal: controller.signal,
      photos: { fetchMedia: flags.fetchMedia ?? false, pending },
      ...(flags.format !== undefined ? { format: flags.format } : {}),
      ...(flags.platform !== undefined ? { platform: flags.platform } : {}),
      ...(flags.maxBadRows !== undefined ? { maxBadRows: flags.maxBadRows } : {}),
    };
    if (progress.onProgress) options.onProgress = progress.onProgress;
    const { reports, skipped, photos } = await importPaths(store, paths, options);
    if (!flags.quiet) {
      process.stdout.write(formatImportReport(reports) + '\n');
      if (photos) {
        for (const i of photos.issues) process.stdout.write(`  ⚠ photo skipped: ${i.message}\n`);
        process.stdout.write(`${flags.photos ?? 'photos'} (no file imported, stored on their own):\n${photoLines(photos).join('\n')}\n`);
      }
      if (skipped.length > 0) {
        process.stdout.write(`skipped ${skipped.length} file(s) with other extensions (e.g. ${skipped[0]})\n`);
      }
    }
  } finally {
    progress.stop();
    process.off('SIGINT', onInt);
    await store.close();
  }
}
