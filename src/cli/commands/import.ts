// `trollmap import`: reads export files or folders into the database, one transaction per file.
// This file only declares the command; import-action.ts does the work and is imported when the command runs.
import { Option, type Command } from 'commander';
import { formatsHelp } from '../../ingest/formats/index.ts';
import { MAP_FIELDS } from '../../ingest/formats/generic-columns.ts';
import { parsePositiveInt } from '../options.ts';

/** The flags of `trollmap import`, as commander parses them. */
export interface ImportFlags {
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
      const { importAction } = await import('./import-action.ts');
      await importAction(paths, flags);
    });
}
