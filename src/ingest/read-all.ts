// Reads a whole file into memory without a store: for tests, previews and small files.
import type { Account, Action, Issue } from '../core/model.ts';
import { openText } from './decode.ts';
import { chooseFormat } from './formats/index.ts';
import type { ReadOptions, RowIssue, Sink } from './formats/types.ts';
import { readHead } from './head.ts';

/** Everything a reader produced for one file. */
export interface ReadResult {
  format: string;
  rows: number;
  ignored: number;
  actions: Action[];
  accounts: Account[];
  /** Skipped rows' issues. */
  bad: Issue[];
  /** Dropped values' issues. */
  warnings: Issue[];
}

/** Sniffs (or forces) the format of `path` and reads all of it. */
export async function readAll(path: string, options: Partial<ReadOptions> & { format?: string } = {}): Promise<ReadResult> {
  const source = await openText(path, path);
  try {
    const head = await readHead(source.head, path);
    const map = options.map ?? {};
    const format = chooseFormat(head, options.format, Object.keys(map).length > 0);
    if (format === undefined) throw new Error(`${path}: no format recognised`);
    const out: ReadResult = { format: format.name, rows: 0, ignored: 0, actions: [], accounts: [], bad: [], warnings: [] };
    const withFile = (i: RowIssue): Issue => ({ file: path, ...i });
    const sink: Sink = {
      row: () => void out.rows++,
      action: (a) => void out.actions.push(a),
      account: (a) => void out.accounts.push(a),
      bad: (i) => void out.bad.push(withFile(i)),
      warn: (i) => void out.warnings.push(withFile(i)),
      skip: () => void out.ignored++,
      drain: async () => {},
    };
    await format.read(source, head, { map, ...(options.platform ? { platform: options.platform } : {}) }, sink);
    return out;
  } finally {
    source.close();
  }
}
