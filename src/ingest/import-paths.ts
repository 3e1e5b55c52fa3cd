// Imports files and folders: a folder contributes every file with a supported extension (recursively, sorted),
// files in it that turn out to be in no known format are skipped with a note.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../core/errors.ts';
import type { Store } from '../store/store.ts';
import { importFile, type ImportOptions } from './import-file.ts';
import { importPhotos, type PhotoImportSummary } from './photos-import.ts';
import type { FileReport } from './report.ts';

const SUPPORTED = /\.(csv|tsv|txt|json|jsonl|ndjson)(\.gz)?$/i;

/** One file to import, and whether it came from walking a folder. */
export interface Input {
  path: string;
  fromFolder: boolean;
}

async function walk(dir: string, out: Input[], skipped: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) await walk(p, out, skipped);
    else if (e.isFile() && SUPPORTED.test(e.name)) out.push({ path: p, fromFolder: true });
    else if (e.isFile()) skipped.push(p);
  }
}

/** Expands the command-line paths into files; `skipped` collects folder files with other extensions. */
export async function expandInputs(paths: readonly string[]): Promise<{ inputs: Input[]; skipped: string[] }> {
  const inputs: Input[] = [];
  const skipped: string[] = [];
  for (const p of paths) {
    let s;
    try {
      s = await stat(p);
    } catch (e) {
      throw new UserError(`${p}: no such file or folder`, { cause: e });
    }
    if (s.isDirectory()) {
      const before = inputs.length;
      await walk(p, inputs, skipped);
      if (inputs.length === before) throw new UserError(`${p}: no CSV, TSV, JSON or JSONL files in this folder`);
    } else inputs.push({ path: p, fromFolder: false });
  }
  return { inputs, skipped };
}

/**
 * Imports each input in order, each file in its own transaction; stops at the first failing file. Pending photos
 * (--photos) go with the first imported file; when no file was imported they are stored on their own (`photos`).
 */
export async function importPaths(
  store: Store,
  paths: readonly string[],
  options: ImportOptions,
): Promise<{ reports: FileReport[]; skipped: string[]; photos?: PhotoImportSummary }> {
  const { inputs, skipped } = await expandInputs(paths);
  const reports: FileReport[] = [];
  for (const input of inputs) {
    reports.push(await importFile(store, input.path, input.path, { ...options, lenient: input.fromFolder }));
  }
  const pending = options.photos?.pending.splice(0) ?? [];
  if (pending.length === 0) return { reports, skipped };
  const photos = await importPhotos(store, (p) => store.addPhotos(p), pending, { baseDir: '.', fetchMedia: options.photos?.fetchMedia ?? false });
  return { reports, skipped, photos };
}
