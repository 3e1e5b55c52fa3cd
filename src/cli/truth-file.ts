// Reads a ground-truth CSV (as written by `trollmap simulate`) into the core's Truth; any bad row is a user error
// that names file:line and what was expected.
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { parseTruth, type Truth, type TruthRow } from '../core/eval/index.ts';
import { UserError } from '../core/errors.ts';
import type { Issue } from '../core/model.ts';

const SHOWN = 10;

/** CSV text → rows with the 1-based line each record starts on (quoted newlines are counted). */
export function csvRows(text: string, file: string): { rows: TruthRow[]; issues: Issue[] } {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: TruthRow[] = [];
  const issues: Issue[] = [];
  let start = 0;
  let line = 1;
  Papa.parse<string[]>(body, {
    delimiter: ',',
    step: (r) => {
      rows.push({ line, cells: r.data });
      for (const e of r.errors) issues.push({ file, line, code: 'ragged-row', message: `${e.message}: expected CSV` });
      const end = r.meta.cursor;
      for (let i = start; i < end; i++) if (body.charCodeAt(i) === 10) line++;
      start = end;
    },
  });
  return { rows, issues };
}

/** Reads and checks a truth file; throws a UserError listing the first problems with file:line. */
export async function readTruthFile(path: string): Promise<Truth> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new UserError(`cannot read truth file ${path}: ${(e as Error).message}`, { cause: e });
  }
  const csv = csvRows(text, path);
  const { truth, issues } = parseTruth(csv.rows, path);
  const all = [...csv.issues, ...issues].sort((a, b) => a.line - b.line);
  if (all.length > 0) {
    const lines = all.slice(0, SHOWN).map((i) => `✖ ${i.message} → at ${i.file}:${i.line}`);
    if (all.length > SHOWN) lines.push(`… and ${all.length - SHOWN} more problem(s)`);
    throw new UserError(`bad truth file ${path} (${all.length} problem(s)):\n${lines.join('\n')}`);
  }
  if (truth.accounts.length === 0) {
    throw new UserError(`truth file ${path} lists no accounts: expected rows platform,account,label,…`);
  }
  return truth;
}
