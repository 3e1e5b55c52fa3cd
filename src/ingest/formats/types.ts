// The shape every format reader has: a sniff from the file's head, and a read that feeds a sink.
import type { Account, Action, Issue } from '../../core/model.ts';
import type { TextSource } from '../decode.ts';

export type Container = 'csv' | 'json' | 'jsonl';

/** What sniffing sees of a file: its first ~64 KB and the structure guessed from it. */
export interface Head {
  /** File name as shown to the user. */
  file: string;
  text: string;
  container: Container;
  /** CSV/TSV only. */
  delimiter: string;
  /** CSV/TSV: the header row; JSONL: the keys of the first object; JSON: empty. */
  header: string[];
  /** JSONL: the first object. */
  first?: Record<string, unknown>;
}

/** The user's choices that apply to every format. */
export interface ReadOptions {
  /** `--platform`: overrides the format's default and any platform column. */
  platform?: string;
  /** `--map field=column`. */
  map: Readonly<Record<string, string>>;
}

/** A problem in one row, before the pipeline adds the file name. */
export type RowIssue = Omit<Issue, 'file'>;

/** Where readers put what they read. `drain` must be awaited between chunks: it writes full buffers. */
export interface Sink {
  /** Counts one input row (or JSON record). */
  row(): void;
  action(a: Action): void;
  account(a: Account): void;
  /** The row was skipped because of this issue. */
  bad(issue: RowIssue): void;
  /** A value was dropped but the row kept. */
  warn(issue: RowIssue): void;
  /** The row was deliberately ignored (a service message, say); neither imported nor bad. */
  skip(): void;
  drain(): Promise<void>;
}

/** One export format. */
export interface Format {
  name: string;
  /** One line for `--help` and the docs. */
  summary: string;
  /** Platform when the data does not say and no `--platform` is given. */
  platform: string;
  containers: readonly Container[];
  /** True when the head looks like this format. */
  sniff(head: Head): boolean;
  read(source: TextSource, head: Head, options: ReadOptions, sink: Sink): Promise<void>;
}
