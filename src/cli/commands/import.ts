// `trollmap import`: reads export files or folders into the database, one transaction per file.
import { Option, type Command } from 'commander';
import cliProgress from 'cli-progress';
import { performance } from 'node:perf_hooks';
import { UserError } from '../../core/errors.ts';
import { formatsHelp } from '../../ingest/formats/index.ts';
import { MAP_FIELDS, parseMap } from '../../ingest/formats/generic-columns.ts';
import { importPaths } from '../../ingest/import-paths.ts';
import { photosFromFolder } from '../../ingest/photos-import.ts';
import type { ImportOptions } from '../../ingest/import-file.ts';
import { formatImportReport, photoLines } from '../../ingest/report.ts';
import { openSqliteStore } from '../../store/sqlite/index.ts';
import { parsePositiveInt, resolveDbPath } from '../options.ts';

interface ImportFlags {
  format?: string;
  map: string[];
  platform?: string;
  db?: string;
  quiet?: boolean;
  maxBadRows?: number;
  photos?: string;
  fetchMedia?: boolean;
}

const HELP = `
Formats (sniffed from the header or structure; --format forces one):
${formatsHelp()}

Mapping fields for --map field=column (generic format; implies it unless --format is given):
  ${MAP_FIELDS.join(', ')}
  Without id, a stable id is derived from platform, account, time, text and target. Columns that map to
  nothing are kept with each action as raw JSON. Times: ISO-8601 (no zone = UTC) or unix seconds.

Photos: avatars (the accounts' avatar column: a path relative to the imported file's folder, or a URL),
image media of actions (Telegram exports' photos/…) and --photos DIR (image files named by account id,
e.g. DIR/12345.jpg; needs --platform) are fingerprinted and stored with the import, then matched against
the reference gallery (trollmap photos add-gallery); matches are listed. Unreadable images are issues, not
failures. URLs are fetched only with --fetch-media (timeout 15 s, at most 10 MB, image/* only).

Each file is one transaction: any failure or Ctrl-C leaves the database as it was. Re-importing a file
(same sha256) does nothing; actions already stored (same platform and id) are counted as duplicates.
Bad rows are skipped and reported when there are at most --max-bad-rows of them (default: 1% of the
rows, rounded up); with more, the file fails and nothing from it is written.

Examples:
  trollmap import ../shared/data/ira/ira_russian_language.csv.gz
  trollmap import comments.csv.gz --platform vk --map account=user_id_hashed --map time=datetime --map target=media
`;

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

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('import export files or folders (CSV, TSV, JSON, JSONL, Telegram, Twitter IO, …; .gz too)')
    .argument('<paths...>', 'files or folders (folders are read recursively)')
    .option('--format <name>', 'force a format instead of sniffing it (see the list below)')
    .addOption(new Option('--map <field=column>', 'map a column to a field (repeatable)').argParser((v: string, prev: string[]) => [...prev, v]).default([]))
    .option('--platform <name>', 'platform of the actions (overrides the format default and any platform column)')
    .option('--db <path>', 'database file (default: $TROLLMAP_DB or ./trollmap.db)')
    .option('--quiet', 'no progress bar and no report')
    .option('--photos <dir>', 'also import profile photos named by account id (<id>.jpg; needs --platform)')
    .option('--fetch-media', 'fetch http(s) avatar and media URLs (off by default)')
    .option('--max-bad-rows <n>', 'bad rows to skip before a file fails (default: 1% of its rows)', parsePositiveInt('--max-bad-rows'))
    .addHelpText('after', HELP)
    .action(async (paths: string[], flags: ImportFlags) => {
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
    });
}
