// Ground truth for evaluation: which accounts are trolls and which factory runs them. Parsed from rows of cells
// (the CLI reads the CSV with papaparse); problems become issues with file and line, never exceptions.
import type { Issue } from '../model.ts';

export const TRUTH_LABELS = ['organic', 'troll'] as const;
export type TruthLabel = (typeof TRUTH_LABELS)[number];

/** One labelled account; `key` is `platform:account`. */
export interface TruthAccount {
  key: string;
  label: TruthLabel;
  factory?: string;
  operator?: string;
  client?: string;
  role?: string;
}

/** Labelled accounts, sorted by key, each key once. */
export interface Truth {
  accounts: TruthAccount[];
}

/** One CSV record with the 1-based line it starts on. */
export interface TruthRow {
  line: number;
  cells: readonly string[];
}

const REQUIRED = ['platform', 'account', 'label'] as const;
const OPTIONAL = ['factory', 'operator', 'client', 'role'] as const;

/**
 * Reads `platform,account,label,factory,operator,client,role` rows (header first; column order free, extra columns
 * ignored). `account` is the platform's account id; the key becomes `platform:account`.
 */
export function parseTruth(rows: readonly TruthRow[], file: string): { truth: Truth; issues: Issue[] } {
  const issues: Issue[] = [];
  const header = rows[0];
  if (!header) {
    issues.push({ file, line: 0, code: 'empty-file', message: `empty file: expected a header ${REQUIRED.join(',')},…` });
    return { truth: { accounts: [] }, issues };
  }
  const col = new Map(header.cells.map((c, i) => [c.trim().toLowerCase(), i] as const));
  const missing = REQUIRED.filter((c) => !col.has(c));
  if (missing.length > 0) {
    issues.push({
      file,
      line: header.line,
      field: missing.join(','),
      code: 'missing-field',
      message: `header lacks ${missing.join(', ')}: expected columns platform,account,label[,factory,operator,client,role]`,
    });
    return { truth: { accounts: [] }, issues };
  }
  const cell = (r: TruthRow, name: string): string => {
    const i = col.get(name);
    return i === undefined ? '' : (r.cells[i] ?? '').trim();
  };
  const byKey = new Map<string, TruthAccount>();
  for (const r of rows.slice(1)) {
    if (r.cells.length === 1 && r.cells[0]?.trim() === '') continue;
    const platform = cell(r, 'platform');
    const account = cell(r, 'account');
    const label = cell(r, 'label').toLowerCase();
    const problem = checkRow(platform, account, label, cell(r, 'label'));
    const key = `${platform}:${account}`;
    if (problem) issues.push({ file, line: r.line, ...problem });
    else if (byKey.has(key)) {
      issues.push({
        file,
        line: r.line,
        field: 'account',
        code: 'duplicate-id',
        message: `account ${key} is listed twice: expected each account once`,
      });
    }
    if (problem || byKey.has(key)) continue;
    const entry: TruthAccount = { key, label: label as TruthLabel };
    for (const name of OPTIONAL) {
      const v = cell(r, name);
      if (v !== '') entry[name] = v;
    }
    byKey.set(key, entry);
  }
  const accounts = [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { truth: { accounts }, issues };
}

function checkRow(
  platform: string,
  account: string,
  label: string,
  rawLabel: string,
): Pick<Issue, 'field' | 'code' | 'message'> | undefined {
  if (platform === '') {
    return { field: 'platform', code: 'missing-field', message: 'platform is empty: expected a platform name such as twitter' };
  }
  if (account === '') return { field: 'account', code: 'missing-field', message: 'account is empty: expected the account id' };
  if (label !== 'organic' && label !== 'troll') {
    return { field: 'label', code: 'bad-value', message: `label is "${rawLabel}": expected organic or troll` };
  }
  return undefined;
}
