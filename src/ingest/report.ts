// What an import did, per file and in total, as plain text. Pure, so the CLI and the demo print the same thing.
import { formatIssueGroup, type IssueGroup } from './issues.ts';
import type { PhotoImportSummary } from './photos-import.ts';

/** The outcome of one file. */
export interface FileReport {
  file: string;
  /** `imported`, `already` (same sha256 imported before) or `unsupported` (skipped while walking a folder). */
  status: 'imported' | 'already' | 'unsupported';
  format: string;
  rows: number;
  actionsAdded: number;
  duplicates: number;
  accountsAdded: number;
  badRows: number;
  /** Rows deliberately ignored (Telegram service messages, say). */
  ignored: number;
  issues: IssueGroup[];
  /** A sentence for `already` and `unsupported`. */
  note?: string;
  seconds: number;
  /** The photo step, when photos were read. */
  photos?: PhotoImportSummary;
}

const n = (x: number): string => x.toLocaleString('en-US');

function line(r: FileReport): string {
  if (r.status !== 'imported') return `${r.file}: ${r.note ?? r.status}`;
  const parts = [
    `${n(r.rows)} rows`,
    `${n(r.actionsAdded)} actions added`,
    `${n(r.duplicates)} duplicates`,
    `${n(r.accountsAdded)} new accounts`,
    `${n(r.badRows)} bad rows`,
  ];
  if (r.ignored > 0) parts.push(`${n(r.ignored)} ignored`);
  return `${r.file} [${r.format}]: ${parts.join(', ')}`;
}

/** The photo step of one file: counts, then each gallery match (at most 20). */
export function photoLines(p: PhotoImportSummary): string[] {
  if (p.named === 0) return [];
  const parts = [`${n(p.stored)} stored`];
  if (p.issues.length > 0) parts.push(`${n(p.issues.length)} unreadable (issues above)`);
  if (p.mediaAbsent > 0) parts.push(`${n(p.mediaAbsent)} media file(s) absent`);
  if (p.urlsNotFetched > 0) parts.push(`${n(p.urlsNotFetched)} URL(s) not fetched (use --fetch-media)`);
  parts.push(`${n(p.galleryMatches.length)} gallery match${p.galleryMatches.length === 1 ? '' : 'es'}`);
  const out = [`  photos: ${n(p.named)} named, ${parts.join(', ')}`];
  for (const m of p.galleryMatches.slice(0, 20)) {
    out.push(`  ★ ${m.account} ${m.photo} matches gallery "${m.gallery}" ${m.galleryPhoto}: ${m.match.transform} (${m.match.method}, distance ${m.match.distance})`);
  }
  if (p.galleryMatches.length > 20) out.push(`  … ${p.galleryMatches.length - 20} more: trollmap photos gallery-matches`);
  return out;
}

/**
 * One line per file, its issue groups indented below it (at most `maxGroups`), then a total line. `timing: false`
 * leaves out the rows/s so the same import always prints the same text.
 */
export function formatImportReport(
  reports: readonly FileReport[],
  options: { maxGroups?: number; timing?: boolean } = {},
): string {
  const maxGroups = options.maxGroups ?? 5;
  const out: string[] = [];
  const total = { files: 0, rows: 0, added: 0, dup: 0, accounts: 0, bad: 0, seconds: 0 };
  for (const r of reports) {
    out.push(line(r));
    for (const g of r.issues.slice(0, maxGroups)) out.push(`  ${formatIssueGroup(g)}`);
    if (r.issues.length > maxGroups) out.push(`  … and ${r.issues.length - maxGroups} more kinds of issue`);
    if (r.photos) out.push(...photoLines(r.photos));
    if (r.status !== 'imported') continue;
    total.files++;
    total.rows += r.rows;
    total.added += r.actionsAdded;
    total.dup += r.duplicates;
    total.accounts += r.accountsAdded;
    total.bad += r.badRows;
    total.seconds += r.seconds;
  }
  const rate = options.timing !== false && total.seconds > 0 ? `, ${n(Math.round(total.rows / total.seconds))} rows/s` : '';
  out.push(
    `total: ${n(total.files)} file(s) imported, ${n(total.rows)} rows, ${n(total.added)} actions added, ` +
      `${n(total.dup)} duplicates, ${n(total.accounts)} new accounts, ${n(total.bad)} bad rows${rate}`,
  );
  return out.join('\n');
}
